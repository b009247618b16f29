// Module worker: boots Pyodide (served by this site) with the engine wheel, then answers
// {id, profile} messages with {id, result, ms}. Nothing here touches the network beyond
// this site's own files, and nothing is stored.
let engine = null;
let booting = null;

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

async function boot({ pyodideURL, schemesURL, download }) {
  const started = performance.now();
  if (download) countDownloads(download);
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideURL).href);
  const [pyodide, data] = await Promise.all([
    loadPyodide({
      indexURL: pyodideURL,
      lockFileURL: new URL("pyodide-lock.json", pyodideURL).href,
      packageBaseUrl: pyodideURL,
      packages: ["quality-portal-engine"],
    }),
    fetch(schemesURL).then((r) => r.text()),
  ]);
  const assessJson = pyodide.pyimport("generator.assess.api").assess_json;
  engine = (profile) => assessJson(JSON.stringify(profile), data, null);
  return performance.now() - started;
}

self.onmessage = async ({ data: msg }) => {
  if (msg.type === "init") {
    booting ??= boot(msg).then(
      (ms) => self.postMessage({ type: "ready", ms }),
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
  }
};
