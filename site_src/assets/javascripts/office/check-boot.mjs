// The office check started in Pyodide, once for every runner: the editor's worker (worker.mjs, over HTTP) and
// tests/node/run_office.mjs (Node, from a built site's files). From the site at `root`: Pyodide's core, the stock
// standard library and pydantic_core's wheel from assets/office/ (its manifest.json names them), office.zip
// (generator/office/package.py), data/office-schemes.json, data/office-holidays.json and data/regions.json.
import { pyodideLoader } from "../pyodide-boot.mjs";

/**
 * generator.office.check, loaded and given the schemes and holidays. `read(url, "text" | "bytes")` gets one of the
 * site's files (fetch in a browser, the file system in Node); `progress(text)` hears the two slow steps.
 */
export async function bootOfficeCheck(root, read, progress = () => {}) {
  const office = new URL("assets/office/", root);
  const manifest = JSON.parse(await read(new URL("manifest.json", office), "text"));
  const pyodideURL = new URL(`assets/pyodide/${manifest.pyodide}/`, root).href;
  progress("正在下载检查程序（Python）……");
  const [load, python, schemes, holidays, regions] = await Promise.all([
    pyodideLoader(pyodideURL),
    read(new URL(manifest.python, office), "bytes"),
    read(new URL("data/office-schemes.json", root), "text"),
    read(new URL("data/office-holidays.json", root), "text"),
    read(new URL("data/regions.json", root), "text"),
  ]);
  const pyodide = await load({ stdLibURL: new URL(manifest.stdlib, office).href });
  progress("正在载入检查规则……");
  await pyodide.loadPackage(new URL(manifest.wheel, office).href, { messageCallback: () => {} });
  pyodide.unpackArchive(python, "zip", { extractDir: "/office" });
  pyodide.runPython("import sys; sys.path.insert(0, '/office')");
  const check = pyodide.pyimport("generator.office.check");
  check.load_schemes(schemes);
  check.load_holidays(holidays); // the repository's holidays/*.yaml, beside chinesecalendar's years
  check.load_regions(regions); // the preview's 注册地, named as the build names it
  return check;
}
