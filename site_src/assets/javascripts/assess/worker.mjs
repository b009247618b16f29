// Module worker: boots Pyodide (served by this site), then answers {id, profile} messages with {id, result, ms}.
// Pyodide's standard library is engine.zip: the modules Pyodide and the engine import, and the engine itself,
// compiled (generator/ship/bundle.py); no package is installed. Nothing here touches the network beyond this site's
// own files (the page's service worker may answer them from its cache), and nothing is stored.
import { ENGINE_STDLIB, pyodideLoader } from "../pyodide-boot.mjs";

let engine = null;
let booting = null;
let snapshotLater = null;

// Count the bytes of Pyodide's large files as Pyodide itself reads them, for the page's progress bar: the
// response is passed on as a stream (WebAssembly still compiles while it downloads), never fetched twice.
function countDownloads(sizes) {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const realFetch = self.fetch.bind(self);
  let loaded = 0;
  let last = 0;
  const report = () => {
    const now = performance.now();
    if (now - last < 100 && loaded < total) return; // ten updates a second are plenty
    last = now;
    self.postMessage({ type: "progress", loaded, total });
  };
  self.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const name = String(input instanceof Request ? input.url : input).split("?")[0].split("/").pop();
    if (!(name in sizes) || !response.ok || !response.body) return response;
    const counter = new TransformStream({ transform(chunk, out) { loaded += chunk.byteLength; report(); out.enqueue(chunk); } });
    return new Response(response.body.pipeThrough(counter),
      { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  report();
}

// The bytes the network actually carried for the engine's files (compressed, headers included; 0 from a cache),
// from Resource Timing once they are in: the page says this, not the files' unpacked sizes.
function bytesSent(sizes) {
  return performance.getEntriesByType("resource")
    .filter((e) => e.name.split("?")[0].split("/").pop() in sizes)
    .reduce((sum, e) => sum + (e.transferSize || 0), 0);
}

// A memory snapshot of Pyodide with the engine imported, kept in Cache Storage after the first visit: later
// visits restore it instead of starting Python and importing some 140 modules (Pyodide's private
// _makeSnapshot/_loadSnapshot; tests/test_offline.py checks a restored engine's answers). It is named by
// engine.zip's URL (in Pyodide's versioned folder) and validator (ETag, else Last-Modified, with its length),
// so a new engine or a new Pyodide never meets an old snapshot; storing a new one drops the others. Without
// Cache Storage (a page not served over HTTPS) or a validator, Pyodide simply starts.
const SNAPSHOTS = "qp-engine-snapshot-1"; // -1: the format below

async function snapshotKey(stdLibURL) {
  const response = await fetch(stdLibURL);
  const tag = response.headers.get("ETag") ?? response.headers.get("Last-Modified");
  const length = response.headers.get("Content-Length") ?? "";
  response.body?.cancel();
  if (!response.ok || !tag) return null;
  return `${stdLibURL}?snapshot=${encodeURIComponent(`${tag} ${length}`)}`;
}

// Stored without its zero pages (31 MB of wasm memory, about 11 MB of data), as: length and page count
// (two uint32), one byte per page (1: kept), the kept pages. Reading 31 MB back took longer than all the rest.
const PAGE = 4096;

function packSnapshot(bytes) {
  const pages = Math.ceil(bytes.length / PAGE);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const kept = new Uint8Array(pages);
  let count = 0;
  for (let p = 0; p < pages; p++) {
    const end = Math.min((p + 1) * PAGE, bytes.length) >> 2;
    for (let i = (p * PAGE) >> 2; i < end; i++) if (words[i]) { kept[p] = 1; count++; break; }
  }
  const out = new Uint8Array(8 + pages + count * PAGE);
  new DataView(out.buffer).setUint32(0, bytes.length, true);
  new DataView(out.buffer).setUint32(4, pages, true);
  out.set(kept, 8);
  let at = 8 + pages;
  for (let p = 0; p < pages; p++) {
    if (kept[p]) { out.set(bytes.subarray(p * PAGE, Math.min((p + 1) * PAGE, bytes.length)), at); at += PAGE; }
  }
  return out;
}

function unpackSnapshot(buffer) {
  const view = new DataView(buffer);
  const length = view.getUint32(0, true);
  const pages = view.getUint32(4, true);
  const kept = new Uint8Array(buffer, 8, pages);
  const out = new Uint8Array(length);
  let at = 8 + pages;
  for (let p = 0; p < pages; p++) {
    if (kept[p]) { out.set(new Uint8Array(buffer, at, Math.min(PAGE, length - p * PAGE)), p * PAGE); at += PAGE; }
  }
  return out;
}

async function storeSnapshot(key, snapshot) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(key, new Response(packSnapshot(snapshot), { headers: { "Content-Type": "application/octet-stream" } }));
  } catch { /* no room: the next visit starts Python again */ }
}

async function boot({ pyodideURL, schemesURL, download }) {
  const started = performance.now();
  const stdLibURL = new URL(ENGINE_STDLIB, pyodideURL).href;
  const canStore = typeof caches === "object";
  const key = canStore ? snapshotKey(stdLibURL).catch(() => null) : Promise.resolve(null);
  const stored = key.then(async (k) => (k ? (await caches.open(SNAPSHOTS)).match(k) : null)).catch(() => null);
  const [load, hit] = await Promise.all([pyodideLoader(pyodideURL), stored]);
  if (download && !hit) countDownloads(download);
  const options = { stdLibURL };
  const data = fetch(schemesURL).then((r) => r.text());
  let pyodide = null;
  let restored = false;
  if (hit) {
    // The snapshot's bytes are read while the wasm compiles; one that does not restore is dropped.
    try {
      pyodide = await load({ ...options, _loadSnapshot: hit.arrayBuffer().then(unpackSnapshot) });
      restored = true;
    }
    catch { await caches.delete(SNAPSHOTS).catch(() => {}); }
  }
  pyodide ??= await load({ ...options, ...(canStore ? { _makeSnapshot: true } : {}) });
  const assessJson = pyodide.pyimport("generator.assess.api").assess_json;
  const schemes = await data;
  engine = (profile) => assessJson(JSON.stringify(profile), schemes, null);
  // Taken once the first result is out, off the first visit's clock: the engine keeps nothing between calls
  // (generator/assess has no module-level cache), so the snapshot holds the engine as imported.
  if (!restored && canStore) {
    snapshotLater = async () => { const k = await key; if (k) await storeSnapshot(k, pyodide.makeMemorySnapshot()); };
  }
  return performance.now() - started;
}

self.onmessage = async ({ data: msg }) => {
  if (msg.type === "init") {
    booting ??= boot(msg).then(
      (ms) => self.postMessage({ type: "ready", ms, sent: bytesSent(msg.download) }),
      (err) => self.postMessage({ type: "failed", error: String(err) }),
    );
    return;
  }
  if (msg.type === "assess") {
    await booting;
    if (!engine) return;
    const started = performance.now();
    let out;
    try { out = JSON.parse(engine(msg.profile)); }
    catch (err) { out = { error: `计算出错（${String(err).split("\n").pop()}）：请把档案文件报告给门户维护者` }; }
    self.postMessage({ type: "result", id: msg.id, result: out, ms: performance.now() - started });
    if (snapshotLater) setTimeout(snapshotLater, 0);
    snapshotLater = null;
  }
};
