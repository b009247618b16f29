// Module worker of the office editor (/office/editor/): boots Pyodide (served by this site) with the portal's
// own notice check (generator/office/check.py, bundled by generator/office/package.py), then answers
// {type: "check", id, path, text, sealed?: {text, sealed_on}, latest?} with {type: "checked", id, problems, period, notice,
// edits, preview}: the same messages as `python -m generator check`, and the public page's preview as the build
// draws the page (generator/views/notice_page.py), its places named from data/regions.json. Nothing leaves the
// page: the only requests are this site's own files.
import { chinaDay } from "../china-day.mjs";
import { bootOfficeCheck } from "./check-boot.mjs";

const root = new URL("../../../", import.meta.url);
let check = null;

const say = (message) => self.postMessage(message);

async function read(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return as === "bytes" ? response.arrayBuffer() : response.text();
}

async function boot() {
  const started = performance.now();
  check = (await bootOfficeCheck(root, read, (text) => say({ type: "progress", text }))).check;
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
