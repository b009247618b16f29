// Module worker: boots Pyodide (served by this site) with the engine wheel, then answers
// {id, profile} messages with {id, result, ms}. Nothing here touches the network beyond
// this site's own files, and nothing is stored.
let engine = null;
let booting = null;

async function boot({ pyodideURL, schemesURL }) {
  const started = performance.now();
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
