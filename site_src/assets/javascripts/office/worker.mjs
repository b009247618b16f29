// Module worker of the office editor (/office/editor/): boots Pyodide (served by this site) with the portal's
// own notice check (generator/office/check.py, bundled by generator/office/package.py), then answers
// {type: "check", id, path, text, sealed?: {text, sealed_on}, latest?} with {type: "checked", id, problems, period, notice,
// edits, preview}: the same messages as `python -m generator check`, and the public page's preview as the build draws
// the page (generator/views/notice_page.py), its places named from data/regions.json. Nothing leaves the page: the only requests are this
// site's own files.
import { chinaDay } from "../china-day.mjs";
import { pyodideLoader } from "../pyodide-boot.mjs";

const root = new URL("../../../", import.meta.url);
const office = new URL("assets/office/", root);
let check = null;

const say = (message) => self.postMessage(message);

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

async function boot() {
  const started = performance.now();
  const manifest = JSON.parse(await text(new URL("manifest.json", office)));
  const pyodideURL = new URL(`assets/pyodide/${manifest.pyodide}/`, root).href;
  say({ type: "progress", text: "正在下载检查程序（Python）……" });
  const [load, python, schemes, holidays, regions] = await Promise.all([
    pyodideLoader(pyodideURL),
    fetch(new URL(manifest.python, office)).then((r) => r.arrayBuffer()),
    text(new URL("data/office-schemes.json", root)),
    text(new URL("data/office-holidays.json", root)),
    text(new URL("data/regions.json", root)),
  ]);
  const pyodide = await load({ stdLibURL: new URL(manifest.stdlib, office).href });
  say({ type: "progress", text: "正在载入检查规则……" });
  await pyodide.loadPackage(new URL(manifest.wheel, office).href, { messageCallback: () => {} });
  pyodide.unpackArchive(python, "zip", { extractDir: "/office" });
  pyodide.runPython("import sys; sys.path.insert(0, '/office')");
  const module = pyodide.pyimport("generator.office.check");
  module.load_schemes(schemes);
  module.load_holidays(holidays); // the repository's holidays/*.yaml, beside chinesecalendar's years
  module.load_regions(regions); // the preview's 注册地, named as the build names it
  check = module.check;
  say({ type: "ready", ms: Math.round(performance.now() - started) });
}

const booting = boot().catch((error) => {
  say({ type: "failed", message: `检查程序未能启动：${error.message ?? error}` });
  throw error;
});

let newest = null; // the last check asked with `latest: true` (the editor's, as the clerk types)

self.onmessage = async ({ data }) => {
  if (data?.type !== "check") return;
  if (data.latest) newest = data;
  try {
    await booting;
  } catch {
    return;
  }
  // A check of 10,000 rows takes seconds: the editor's older texts, superseded while it ran, are not checked.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (data.latest && data !== newest) return;
  const today = data.today ?? chinaDay();
  // A correction is checked against the version the site publishes, as `check --ledger-base` checks it against
  // the sealed one; the answer then carries the edits a correction must list.
  const sealed = data.sealed;
  const answer = JSON.parse(sealed
    ? check(String(data.text), String(data.path), today, String(sealed.text), String(sealed.sealed_on))
    : check(String(data.text), String(data.path), today));
  say({ type: "checked", id: data.id, ...answer });
};
