// Run the engine inside Pyodide under Node, from the files the build ships, loaded as the calculator's worker
// loads them: node run_engine.mjs PYODIDE_DIR DATA_JSON CASES_JSON [snapshot]
// PYODIDE_DIR is the site's assets/pyodide/<version>/: Pyodide's core, its lockfile (no package) and engine.zip
// (the trimmed standard library and the engine, .pyc), which Pyodide mounts as its standard library.
// With "snapshot", the cases run in a Pyodide restored from a memory snapshot taken, as the worker takes it,
// after a first assessment (Pyodide's private _makeSnapshot/_loadSnapshot).
// Prints one JSON array: the engine's output for each case, in order.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [pyodideDir, dataFile, casesFile, mode] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const options = {
  indexURL: `${pyodideDir}/`,
  lockFileContents: await readFile(`${pyodideDir}/pyodide-lock.json`, "utf8"),
  stdLibURL: `${pyodideDir}/engine.zip`,
};
const data = await readFile(dataFile, "utf8");
let pyodide = await loadPyodide({ ...options, _makeSnapshot: mode === "snapshot" });
if (mode === "snapshot") {
  pyodide.pyimport("generator.assess.api").assess_json("{}", data, null);
  pyodide = await loadPyodide({ ...options, _loadSnapshot: pyodide.makeMemorySnapshot() });
}
const assessJson = pyodide.pyimport("generator.assess.api").assess_json;
const cases = JSON.parse(await readFile(casesFile, "utf8"));
const out = cases.map((c) => JSON.parse(assessJson(JSON.stringify(c.profile), data, c.schemes ?? null)));
process.stdout.write(JSON.stringify(out));
