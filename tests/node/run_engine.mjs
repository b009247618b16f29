// Run the engine inside Pyodide under Node: node run_engine.mjs PYODIDE_DIR LOCKFILE DATA_JSON CASES_JSON
// Prints one JSON array: the engine's output for each case, in order.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const [pyodideDir, lockFile, dataFile, casesFile] = process.argv.slice(2);
const pyodide = await loadPyodide({
  indexURL: pyodideDir,
  lockFileContents: await readFile(lockFile, "utf8"),
  packageBaseUrl: pyodideDir,
  packages: ["quality-portal-engine"],
});
const assessJson = pyodide.pyimport("generator.assess.api").assess_json;
const data = await readFile(dataFile, "utf8");
const cases = JSON.parse(await readFile(casesFile, "utf8"));
const out = cases.map((c) => JSON.parse(assessJson(JSON.stringify(c.profile), data, c.schemes ?? null)));
process.stdout.write(JSON.stringify(out));
