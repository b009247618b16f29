// The office editor's page modules under Node's test runner (tests/test_office_page.py runs it): none touches a
// document when imported, and the pure pieces (the state and what follows from it, the draft, the count line, the
// check's state line, where a problem belongs and whether it shows) do what the page relies on.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";

const DIR = new URL("../../site_src/assets/javascripts/office/", import.meta.url);
const mod = (name) => import(new URL(`${name}.mjs`, DIR));

const DATA = {
  today: "2026-11-20", labels: { kind: "公示类型" }, sectors: { manufacturing: "制造业" },
  schemes: [{ id: "haizhou-quality-award", name: "海州质量奖", short_name: "海州", kinds: [
    { kind: "acceptance", label: "申报受理名单公示", objections_required: true },
    { kind: "shortlist", label: "拟表彰名单公示", ranked: true }],
  tiers: [{ id: "award", name: "质量奖", cap: 2 }, { id: "nominee", name: "提名奖", cap: null }] }],
};

async function editor() {
  const { createEditor } = await mod("state");
  const ed = createEditor("2026-11-20");
  ed.data = DATA;
  return ed;
}

test("no module but the page's entry touches the document when imported", async () => {
  assert.equal(globalThis.document, undefined);
  const names = readdirSync(DIR).filter((n) => n.endsWith(".mjs") && !["editor.mjs", "worker.mjs"].includes(n));
  assert.ok(names.includes("page.mjs") && names.length >= 17, names.join(" "));
  for (const name of names) await import(new URL(name, DIR));
  assert.equal(typeof (await mod("page")).start, "function");
});

test("the state: one per page, the file's path, the notice's year", async () => {
  const { currentKind, emittedEntries, newEntry, objectionsRequired, repositoryPath } = await mod("state");
  const ed = await editor(), other = await editor();
  assert.equal(repositoryPath(ed), "public_lists/方案/2026/发布日期-类型.yaml");
  Object.assign(ed.notice, { scheme: "haizhou-quality-award", kind: "acceptance", published: "2025-12-30" });
  assert.equal(repositoryPath(ed), "public_lists/haizhou-quality-award/2025/2025-12-30-acceptance.yaml");
  ed.notice.year = " 2026 ";
  assert.equal(repositoryPath(ed), "public_lists/haizhou-quality-award/2026/2025-12-30-acceptance.yaml");
  assert.equal(currentKind(ed).label, "申报受理名单公示");
  assert.equal(objectionsRequired(ed), true);
  assert.deepEqual([newEntry(ed).key, newEntry(ed).key, newEntry(other).key], ["e1", "e2", "e1"]);
  ed.notice.entries = [newEntry(ed), newEntry(ed, { organisation: "甲公司" })];
  assert.deepEqual(emittedEntries(ed).map((e) => e.organisation), ["甲公司"]);
  ed.opened = { path: "public_lists/x/2026/2026-01-01-acceptance.yaml" };
  assert.equal(repositoryPath(ed), ed.opened.path);
});

test("a draft round-trips, keeps only what has the right type, and marks its fields touched", async () => {
  const { draftText, restoreDraft } = await mod("draft");
  const { newEntry } = await mod("state");
  const ed = await editor();
  Object.assign(ed.notice, { title: "2026年度海州质量奖申报受理名单公示", issuer: "办公室" });
  ed.notice.entries = [newEntry(ed, { organisation: "甲公司", credit_code: "91320706AY4CL12THY" }), newEntry(ed)];
  const back = await editor();
  assert.equal(restoreDraft(back, draftText(ed)), true);
  assert.equal(back.notice.title, ed.notice.title);
  assert.deepEqual(back.notice.entries.map((e) => e.organisation), ["甲公司"]);
  assert.ok(back.touched.has("title") && back.touched.has("objections.phone") && back.touched.has(`row:${back.notice.entries[0].key}`));
  const odd = await editor();
  assert.equal(restoreDraft(odd, JSON.stringify({ title: 3, objections: { phone: ["x"] }, entries: [{ organisation: 5 }] })), true);
  assert.deepEqual([odd.notice.title, odd.notice.objections.phone, odd.notice.entries[0].organisation], ["", "", "5"]);
  assert.equal(restoreDraft(await editor(), "{not json"), false);
  assert.equal(restoreDraft(await editor(), null), false);
});

test("the count line counts each capped tier; the state line says what the check found", async () => {
  const { countText } = await mod("entries");
  const { checkState } = await mod("outputs");
  const { newEntry } = await mod("state");
  const ed = await editor();
  Object.assign(ed.notice, { scheme: "haizhou-quality-award", kind: "shortlist" });
  ed.notice.entries = [newEntry(ed, { organisation: "甲", tier: "award" }), newEntry(ed, { organisation: "乙", tier: "nominee" })];
  assert.equal(countText(ed), "名单共 2 项。 名额：质量奖不超过 2 项（已列 1 项）。");
  assert.equal(checkState(ed)[0], "pending");
  ed.engine = "ready";
  ed.yamlText = "x";
  ed.filePath = "p";
  ed.answer = { text: "x", path: "p", problems: [{ message: "a" }, { message: "b" }], reminders: [] };
  ed.hiddenProblems = 2;
  assert.deepEqual(checkState(ed), ["fail", "尚有 2 项需要填写或修改：填完后逐项显示，或选“显示全部问题”。"]);
  ed.hiddenProblems = 1;
  assert.equal(checkState(ed)[1], "发现 2 个问题，请按提示修改（另有 1 项尚未填写的内容）。");
  ed.answer = { ...ed.answer, problems: [], reminders: ["提醒：公示期跨春节。"] };
  assert.deepEqual(checkState(ed), ["pass", "检查通过：没有发现问题（名单 2 项）。可以下载文件或提交。注意：公示期跨春节。"]);
  ed.engine = "failed";
  ed.engineMessage = "内存不足";
  assert.equal(checkState(ed)[0], "failed");
});

test("a problem is placed by its location, in the row it was checked in, and shown once touched", async () => {
  const { isShown, placeProblem } = await mod("problems");
  const ed = await editor();
  Object.assign(ed.notice, { scheme: "haizhou-quality-award" });
  ed.answer = { keys: ["e7", "e9"], map: { 12: { field: "correction.reason" } } };
  const rows = new Map([["e9", 0]]);
  assert.deepEqual(placeProblem(ed, { loc: ["entries", 1, "credit_code"] }, rows), { row: "e9", col: "credit_code", no: 1 });
  assert.deepEqual(placeProblem(ed, { loc: ["entries", 0, "organisation"] }, rows), { gone: true });
  assert.deepEqual(placeProblem(ed, { loc: ["title"] }, rows), { field: "title" });
  assert.deepEqual(placeProblem(ed, { loc: [], line: 12 }, rows), { field: "correction.reason" });
  assert.deepEqual(placeProblem(ed, { loc: [], line: 3 }, rows), { field: null });
  assert.equal(isShown(ed, { field: "title" }), false);
  assert.equal(isShown(ed, { field: null }), true);
  ed.touched.add("title");
  ed.touched.add("row:e9");
  assert.equal(isShown(ed, { field: "title" }), true);
  assert.equal(isShown(ed, { row: "e9", col: "tier" }), true);
  ed.showAll = true;
  assert.equal(isShown(ed, { field: "issuer" }), true);
});
