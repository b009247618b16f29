// Pyodide as both module workers boot it (the calculator's assess/worker.mjs and the office editor's
// office/worker.mjs): from this site's versioned folder (assets/pyodide/<version>/), its lockfile beside it; each
// worker gives its own standard library (engine.zip, or the office's stdlib.zip) and options.

/** A function that starts Pyodide from the folder at `pyodideURL` with the worker's own options. */
export async function pyodideLoader(pyodideURL) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  const base = { indexURL: pyodideURL, lockFileURL: new URL("pyodide-lock.json", pyodideURL).href };
  return (options) => loadPyodide({ ...base, ...options });
}
