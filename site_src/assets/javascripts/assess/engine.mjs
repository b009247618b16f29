// The engine's side of the page: boot the worker (through worker-client.mjs: one promise per call, stale answers
// dropped), show its download, send it the profile on every change and draw what it answers.
import { chinaDay } from "../china-day.mjs";
import { workerClient } from "../worker-client.mjs";
import { renderResults } from "./results.mjs";

const abs = (rel) => new URL(rel, location.href).href;

/** Assess the profile as it is now (or say the engine is still coming). */
export function assessNow(page) {
  const { root, state } = page;
  if (!state.ready) { page.statusLine.textContent = "正在准备计算引擎……填写的内容会在引擎就绪后立即计算。"; return; }
  const sent = JSON.parse(JSON.stringify(state.profile));
  // The page's own day in China stands for an empty 评估日期: one clock for the page, not the worker's UTC one.
  if (!sent.as_of) sent.as_of = chinaDay();
  // data-asked-id is settled when data-result-id catches up (the tests and benches wait on it).
  page.worker.call({ type: "assess", profile: sent }, (id) => { root.dataset.askedId = String(id); }).then((msg) => {
    if (!msg) return; // a later profile was sent since, or the engine failed
    state.metrics.lastAssessMs = msg.ms;
    if (state.metrics.navigationToFirstResult === null) state.metrics.navigationToFirstResult = performance.now();
    renderResults(page, msg.result);
    root.dataset.resultId = String(msg.id);
  });
}

// Download progress, counted by the worker as Pyodide reads its files (no second download).
function showDownload(page, { loaded, total }) {
  const { progressBar, statusLine, state } = page;
  if (state.ready) return;
  progressBar.hidden = false;
  progressBar.max = total;
  progressBar.value = Math.min(loaded, total);
  state.metrics.downloadBytes = loaded;
  // The bar moves with every chunk; the announced line only every tenth, so a screen reader is not flooded.
  const text = loaded < total
    ? `正在下载计算引擎（只需一次，之后从浏览器缓存读取）：已完成 ${Math.floor((10 * loaded) / total) * 10}%。可以先填写，就绪后立即计算。`
    : "计算引擎已下载，正在启动……";
  if (statusLine.textContent !== text) statusLine.textContent = text;
}

/** Boot the engine's worker (page.worker) while the form loads and is filled. */
export function startEngine(page) {
  const { root, state, statusLine } = page;
  if (typeof WebAssembly !== "object") {
    statusLine.textContent = "此浏览器不支持 WebAssembly，无法计算；请阅读各方案的申报条件页。";
    root.before(Object.assign(document.createElement("p"), { className: "qp-none", textContent: "此浏览器不支持 WebAssembly。" }));
    return;
  }
  page.worker = workerClient(() => new Worker(root.dataset.worker, { type: "module" }), {
    ready: (msg) => {
      state.ready = true;
      page.progressBar.hidden = true;
      state.metrics.bootMs = msg.ms;
      state.metrics.sentBytes = msg.sent;
      statusLine.textContent = msg.sent > 0
        ? `计算引擎已就绪（本次经网络传输 ${(msg.sent / 1048576).toFixed(1)} MB，之后从浏览器缓存读取）。`
        : "计算引擎已就绪（从浏览器缓存读取，未经网络下载）。";
      assessNow(page);
      // Now that everything is downloaded, the service worker caches it from the HTTP cache: offline next time.
      for (const sw of root.dataset.sw.split(" ")) navigator.serviceWorker?.register(sw).catch(() => {});
    },
    progress: (msg) => showDownload(page, msg),
    failed: (message) => { statusLine.textContent = `计算引擎加载失败：${message}`; },
  });
  const download = Object.fromEntries(root.dataset.download.split(",").map((pair) => pair.split(":")).map(([n, size]) => [n, Number(size)]));
  page.worker.send({ type: "init", pyodideURL: abs(root.dataset.pyodide), schemesURL: abs(root.dataset.schemes), download });
}
