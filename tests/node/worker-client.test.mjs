// The pages' side of the Pyodide workers (site_src/assets/javascripts/worker-client.mjs), with a stand-in worker,
// under Node's own test runner; tests/test_worker_client.py runs it, so ./dev test does.
import assert from "node:assert/strict";
import { test } from "node:test";

import { workerClient } from "../../site_src/assets/javascripts/worker-client.mjs";

// A worker that keeps what it is sent and answers when told.
function standIn() {
  const fake = { sent: [], postMessage(msg) { fake.sent.push(msg); }, say(data) { fake.onmessage({ data }); } };
  return fake;
}

test("progress and ready go to their handlers; each call gets its own id and its own answer", async () => {
  const fake = standIn();
  const seen = [];
  const client = workerClient(() => fake, { progress: (m) => seen.push(m.text), ready: () => seen.push("ready") });
  fake.say({ type: "progress", text: "下载" });
  fake.say({ type: "ready", ms: 1 });
  assert.deepEqual(seen, ["下载", "ready"]);
  assert.equal(client.state, "ready");
  let asked = null;
  const answer = client.call({ type: "check", text: "a" }, (id) => { asked = id; });
  assert.deepEqual(fake.sent, [{ type: "check", text: "a", id: 1 }]);
  assert.equal(asked, 1);
  fake.say({ type: "checked", id: 1, problems: [] });
  assert.deepEqual(await answer, { type: "checked", id: 1, problems: [] });
});

test("an answer a later call has made stale is dropped: its promise resolves null", async () => {
  const fake = standIn();
  const client = workerClient(() => fake);
  const first = client.call({ type: "assess" });
  const second = client.call({ type: "assess" });
  assert.equal(await first, null);
  fake.say({ type: "result", id: 1, result: "old" });  // arrives late: nobody waits for it
  fake.say({ type: "result", id: 2, result: "new" });
  assert.equal((await second).result, "new");
  assert.equal(client.last, 2);
});

test("a failed worker answers every waiting call with null and says why", async () => {
  const fake = standIn();
  const why = [];
  const client = workerClient(() => fake, { failed: (m) => why.push(m) });
  const waiting = client.call({ type: "check" });
  fake.say({ type: "failed", error: "没有 WebAssembly" });
  assert.equal(await waiting, null);
  assert.equal(await client.call({ type: "check" }), null);
  assert.deepEqual(why, ["没有 WebAssembly"]);
  assert.equal(client.state, "failed");
});

test("a worker that cannot start fails at once", () => {
  const why = [];
  const client = workerClient(() => { throw new Error("不允许"); }, { failed: (m) => why.push(m) });
  assert.deepEqual(why, ["不允许"]);
  assert.equal(client.state, "failed");
});
