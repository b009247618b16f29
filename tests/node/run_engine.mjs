// Run the engine inside Pyodide under Node, from the files the build ships, started by the calculator worker's own
// loader (site_src/assets/javascripts/pyodide-boot.mjs): node run_engine.mjs PYODIDE_DIR DATA_JSON CASES_JSON [snapshot]
// PYODIDE_DIR is the site's assets/pyodide/<version>/: Pyodide's core, its lockfile (no package) and engine.zip
// (the trimmed standard library and the engine, .pyc), which Pyodide mounts as its standard library.
// With "snapshot", the cases run in a Pyodide restored from a memory snapshot taken, as the worker takes it,
// after a first assessment (Pyodide's private _makeSnapshot/_loadSnapshot).
// Prints one JSON array: the engine's output for each case, in order.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

import { ENGINE_STDLIB, pyodideLoader } from "../../site_src/assets/javascripts/pyodide-boot.mjs";

const [pyodideDir, dataFile, casesFile, mode] = process.argv.slice(2);
const pyodideURL = pathToFileURL(`${pyodideDir}/`).href;
const load = await pyodideLoader(pyodideURL);
const options = { stdLibURL: new URL(ENGINE_STDLIB, pyodideURL).href };
const data = await readFile(dataFile, "utf8");
let pyodide = await load({ ...options, _makeSnapshot: mode === "snapshot" });
if (mode === "snapshot") {
  pyodide.pyimport("generator.assess.api").assess_json("{}", data, null);
  pyodide = await load({ ...options, _loadSnapshot: pyodide.makeMemorySnapshot() });
}
const assessJson = pyodide.pyimport("generator.assess.api").assess_json;
const cases = JSON.parse(await readFile(casesFile, "utf8"));
const out = cases.map((c) => JSON.parse(assessJson(JSON.stringify(c.profile), data, c.schemes ?? null)));
process.stdout.write(JSON.stringify(out));
