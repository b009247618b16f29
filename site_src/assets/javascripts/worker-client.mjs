// The page's side of a Pyodide worker, for both front ends (the calculator's assess/worker.mjs and the office
// editor's office/worker.mjs): start it, pass on its progress, one promise per call, and answers that a later call
// has made stale dropped (their promise resolves null). A worker says {type: "progress" | "ready" | "failed"}, and
// answers a call {id, ...} with a message carrying the same id.

/**
 * @param {() => Worker} start makes the worker (a function, so a test can give a stand-in)
 * @param {{progress?: (msg) => void, ready?: (msg) => void, failed?: (message: string) => void}} on
 */
export function workerClient(start, on = {}) {
  let worker = null;
  let last = 0;
  let state = "loading"; // loading | ready | failed
  const waiting = new Map(); // id -> resolve
  const settle = (id, value) => { waiting.get(id)?.(value); waiting.delete(id); };

  function failed(message) {
    state = "failed";
    for (const id of [...waiting.keys()]) settle(id, null);
    on.failed?.(message);
  }

  try {
    worker = start();
  } catch (error) {
    failed(String(error?.message ?? error));
  }
  if (worker) {
    worker.onmessage = ({ data: msg }) => {
      if (msg?.type === "progress") on.progress?.(msg);
      else if (msg?.type === "ready") { state = "ready"; on.ready?.(msg); }
      else if (msg?.type === "failed") failed(msg.message ?? msg.error ?? "");
      else if (msg && waiting.has(msg.id)) settle(msg.id, msg);
    };
    worker.onerror = (event) => failed(event?.message || "工作线程出错");
  }

  return {
    get state() { return state; },
    /** The id of the last call. */
    get last() { return last; },
    /** A message that expects no answer (a worker's init). */
    send(msg) { worker?.postMessage(msg); },
    /**
     * Ask the worker: resolves with its answer, or null when a later call came first (the answer is stale) or the
     * worker failed. `onId` learns the call's id before it is sent.
     */
    call(msg, onId = () => {}) {
      if (state === "failed") return Promise.resolve(null);
      const id = ++last;
      for (const older of [...waiting.keys()]) settle(older, null);
      onId(id);
      const answer = new Promise((resolve) => waiting.set(id, resolve));
      worker.postMessage({ ...msg, id });
      return answer;
    },
  };
}
