// The calculator's page modules under Node's test runner (tests/test_assess_modules.py runs it with the field spec
// the build exports): none touches a document when imported, the widgets are registered for every kind the spec's
// questions have, and the pure pieces (state, help, answers in words, result readings) do what the page relies on.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";

const DIR = new URL("../../site_src/assets/javascripts/assess/", import.meta.url);
const spec = JSON.parse(process.env.QP_FIELDS ?? "null");

test("no module but the page's entry touches the document when imported", async () => {
  assert.equal(globalThis.document, undefined);
  const names = readdirSync(DIR).filter((n) => n.endsWith(".mjs") && !["app.mjs", "worker.mjs"].includes(n));
  assert.ok(names.includes("page.mjs") && names.length >= 15, names.join(" "));
  for (const name of names) await import(new URL(name, DIR));
  const { start } = await import(new URL("page.mjs", DIR));
  assert.equal(typeof start, "function");
});

test("every question of the field spec has the widget its kind (or its widget) names", async () => {
  await import(new URL("page.mjs", DIR)); // registers the composite widgets
  const { widgetFor, registeredKinds } = await import(new URL("widgets.mjs", DIR));
  assert.ok(spec, "QP_FIELDS: the exported field spec");
  const byName = Object.fromEntries(spec.fields.map((f) => [f.name, f]));
  const asked = [...spec.groups.flatMap(([, names]) => names), "review_scores"].map((n) => byName[n]);
  const missing = asked.filter((f) => !registeredKinds().includes(f.widget || f.kind)).map((f) => `${f.name}:${f.kind}`);
  assert.deepEqual(missing, []);
  assert.equal(widgetFor(byName.region_code), widgetFor({ kind: "x", widget: "region" }));
  assert.notEqual(widgetFor(byName.region_code), widgetFor({ kind: "str" }));
  assert.equal(widgetFor({ kind: "unheard-of" }), widgetFor({ kind: "str" }));
});

test("a scalar widget reads and writes its control's value as the profile's answer", async () => {
  const { widgetFor } = await import(new URL("widgets.mjs", DIR));
  const control = { value: "", selectedIndex: 0 };
  const bool = widgetFor({ kind: "bool" });
  bool.write(control, false);
  assert.equal(control.value, "no");
  assert.equal(bool.read(control), false);
  bool.write(control, undefined);
  assert.equal(bool.read(control), undefined);
  const int = widgetFor({ kind: "int" });
  control.value = "12";
  assert.equal(int.read(control), 12);
  control.value = "";
  assert.equal(int.read(control), undefined);
  control.value = "  苏州某某 ";
  assert.equal(widgetFor({ kind: "str" }).read(control), "苏州某某");
  control.value = "";
  assert.equal(widgetFor({ kind: "enum" }).read(control), undefined);
});

test("the state is one object per page: ids, a replaced profile, an empty answer dropped", async () => {
  const { createState, nextId, putAnswer, replaceProfile, uiState } = await import(new URL("state.mjs", DIR));
  const a = createState(), b = createState();
  assert.equal(nextId(a, "as_of"), "qp-as-of-1");
  assert.equal(nextId(a, "credit-1.2"), "qp-credit-1-2-2");
  assert.equal(nextId(b, "as_of"), "qp-as-of-1");
  a.lastVerdicts.x = "eligible";
  a.skippedGroups.add("基本信息");
  a.screenYes.add("violations");
  replaceProfile(a, { sector: "service" });
  assert.deepEqual([a.profile, a.lastVerdicts, [...a.skippedGroups]], [{ sector: "service" }, {}, []]);
  assert.deepEqual(uiState(a).ticked, ["violations"]);
  putAnswer(a.profile, "sector", "");
  putAnswer(a.profile, "legal_person", false);
  assert.deepEqual(a.profile, { legal_person: false });
});

test("help, answers in words and the result's readings", async () => {
  const { helpWords, usesOf } = await import(new URL("help.mjs", DIR));
  const { shownValue } = await import(new URL("answers.mjs", DIR));
  const { changedVerdicts, leadingConditions, materialRows } = await import(new URL("outcome.mjs", DIR));
  const { createState } = await import(new URL("state.mjs", DIR));
  const schemes = [{ short_name: "苏州", conditions: [
    { title: "条件甲", facts: ["sector"], cite: { clause: "第三条" } }, { title: "条件乙", facts: ["sector"], cite: { clause: "第三条" } },
    { title: "条件丙", facts: ["sector"], cite: { clause: "第五条" } }] }];
  const uses = usesOf(schemes, "sector");
  assert.deepEqual(uses, [{ scheme: "苏州", what: ["条件甲", "条件乙", "条件丙"], clauses: ["第三条", "第五条"] }]);
  assert.deepEqual(helpWords({ name: "sector", help: "按营业执照" }, uses),
    { words: "按营业执照。", usedFor: "用于：苏州（条件甲；条件乙等 3 项）。", clauses: " 条款：苏州 第三条、第五条。" });
  const state = createState();
  state.spec = { labels: { service: "服务业" } };
  state.schemes = [{ id: "suzhou", name: "苏州市质量奖" }];
  assert.equal(shownValue(state, { kind: "enum" }, "service"), "服务业");
  assert.equal(shownValue(state, { kind: "list", item: { kind: "scheme" } }, ["suzhou"]), "苏州市质量奖");
  assert.equal(shownValue(state, { kind: "list", item: { kind: "date" } }, []), "无（已确认）");
  const r = { verdict: "ineligible", conditions: [{ status: "fail", passes_from: "2027-01-01" }, { status: "unknown" }] };
  assert.equal(leadingConditions(r).said, "结论已确定：1 项不符合；其余尚未判断的条件不影响结论。");
  assert.deepEqual(materialRows([{ number: 3, category: "证明", name: "证明", reason: "甲" }, { number: 3, category: "证明", name: "执照", reason: "甲；乙" }]),
    ["证明：执照（原文第 3 项；甲；乙）"]);
  const last = { a: "eligible" };
  assert.deepEqual(changedVerdicts([{ scheme: "a", verdict: "ineligible" }, { scheme: "b", verdict: "eligible" }], last), { a: "eligible" });
  assert.deepEqual(last, { a: "ineligible", b: "eligible" });
});
