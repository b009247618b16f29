// Runs the office editor's check inside Pyodide under Node, from a built site's own files, loaded as the
// editor's worker loads them (site_src/assets/javascripts/office/worker.mjs): Pyodide's core, the stock standard
// library and pydantic_core's wheel from assets/office/, office.zip, data/office-schemes.json.
// Usage: node run_office.mjs <site> <cases.json: [{path, text}]> <today>; prints [{problems, period, notice, preview, …}].
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [site, casesFile, today] = process.argv.slice(2);
const office = `${site}/assets/office/`;
const manifest = JSON.parse(await readFile(`${office}manifest.json`, "utf8"));
const pyodideDir = `${site}/assets/pyodide/${manifest.pyodide}/`;
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir, lockFileURL: `${pyodideDir}pyodide-lock.json`, stdLibURL: `${office}${manifest.stdlib}`,
});
await pyodide.loadPackage(`${office}${manifest.wheel}`, { messageCallback: () => {} });
pyodide.unpackArchive(new Uint8Array(await readFile(`${office}${manifest.python}`)), "zip", { extractDir: "/office" });
pyodide.runPython("import sys; sys.path.insert(0, '/office')");
const module = pyodide.pyimport("generator.office.check");
module.load_schemes(await readFile(`${site}/data/office-schemes.json`, "utf8"));
module.load_holidays(await readFile(`${site}/data/office-holidays.json`, "utf8"));
module.load_regions(await readFile(`${site}/data/regions.json`, "utf8"));
const cases = JSON.parse(await readFile(casesFile, "utf8"));
process.stdout.write(JSON.stringify(cases.map((c) => JSON.parse(module.check(c.text, c.path, today)))));
