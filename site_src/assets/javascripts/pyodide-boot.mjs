// Pyodide as both module workers boot it (the calculator's assess/worker.mjs and the office editor's
// office/worker.mjs): from this site's versioned folder (assets/pyodide/<version>/), its lockfile beside it; each
// worker gives its own standard library (engine.zip, or the office's stdlib.zip) and options.

// The calculator's standard library: the trimmed stdlib and the engine, compiled (generator/ship/bundle.py).
export const ENGINE_STDLIB = "engine.zip";

/** A function that starts Pyodide from the folder at `pyodideURL` with the worker's own options. */
export async function pyodideLoader(pyodideURL) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  // Under Node (the tests' runners) Pyodide takes its folder as a path: it would resolve a file: URL as a name.
  const local = (url) => (url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href);
  const base = { indexURL: local(new URL(pyodideURL)), lockFileURL: local(new URL("pyodide-lock.json", pyodideURL)) };
  return (options) => loadPyodide({ ...base, ...options });
}
