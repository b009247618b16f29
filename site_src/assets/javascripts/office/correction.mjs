// Correcting or withdrawing a published notice in the office editor (/office/editor/): the list of the notices on
// the site (data/office-published.json, written by the build), the form's values of the one the clerk opens, her
// correction (date, reason, minor) or withdrawal (撤回: date, reason), and the YAML lines that follow the form's in
// the corrected file: the notice's attachments and earlier corrections as published, then the new correction with
// its edits. The edits are not worked out here: with every check the worker's Python answers them
// (generator/load/corrections.py, in the check's own field names: 第5项 名称 …), and the page writes them back.
import { el } from "../dom.mjs";
import { flow, q, yamlDate } from "./yaml-text.mjs";

const OBJECTION_KEYS = ["receiver", "text", "phone", "email", "address"];

/** What the clerk says about her change: a correction's date, reason and minor flag; a withdrawal's date and reason. */
export const emptyCorrection = (today) => ({
  date: today, reason: "", minor: false, withdraw: false, withdraw_date: today, withdraw_reason: "",
});

/** The form's values of a published notice (validated JSON, as data/office-published.json holds it). */
export function formOf(notice) {
  const o = notice.objections ?? {};
  return {
    scheme: notice.scheme, kind: notice.kind, title: notice.title, issuer: notice.issuer, published: notice.published,
    end: notice.end ?? "", year: notice.year === undefined || notice.year === null ? "" : String(notice.year),
    body: (notice.body ?? []).join("\n"),
    objections: Object.fromEntries(OBJECTION_KEYS.map((k) => [k, o[k] ?? ""])),
    // Every field of an entry, 备注 (note) too, which the form does not show: it is written back as it was.
    entries: (notice.entries ?? []).map((e) => ({ ...e })),
  };
}

/** The corrections' text in words, from the edits: 第1项 名称：“甲” → “乙”；… */
export const changesText = (edits) => edits.map((e) => e.text).join("；");

/** The picker at the top of the form: the published notices, and a button that opens one. */
export function picker(list, open) {
  const select = el("select", { class: "qp-oselect qp-wide", id: "qp-o-open" },
    el("option", { value: "", text: list.length ? "请选择已发布的公示" : "网站上还没有已发布的公示" }),
    ...list.map((n) => el("option", { value: n.path, text: `${n.published} ${n.title}` })));
  const status = el("p", { class: "qp-oerror", id: "qp-o-open-status", role: "status" });
  const button = el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-o-open-button",
    text: "打开这份公示", onclick: () => {
      const notice = list.find((n) => n.path === select.value);
      if (notice) open(notice);
      else { status.textContent = "请先选择一份已发布的公示。"; select.focus(); }
    } });
  return el("details", { class: "qp-ofieldset qp-open-published" },
    el("summary", { text: "更正或撤回已发布的公示" }),
    el("p", { class: "qp-ohint", id: "qp-o-open-hint",
      text: "打开网站上已发布的一份公示，修改其中有误的内容，网页会逐项列出改了什么，写成更正记录；也可以撤回整份公示。" }),
    el("label", { class: "qp-olabel", for: "qp-o-open", text: "已发布的公示" }), select,
    el("p", { class: "qp-entry-actions" }, button), status);
}

/** The fieldset of the correction: what is being corrected, the edits (answered by the check), the correction's
 * date, reason and minor flag, and the withdrawal. ``textField`` and ``fieldBlock`` are the editor's own, so that
 * each problem shows beside its field; ``changed`` redraws and checks. Returns {fieldset, showEdits}. */
export function correctionFieldset(opened, c, { textField, fieldBlock, changed }) {
  const edited = el("output", { class: "qp-edit-list", tabindex: "-1" });
  const showEdits = (edits) => {
    edited.replaceChildren(...(edits.length
      ? edits.map((e) => el("span", { class: "qp-edit-line", text: e.text }))
      : [el("span", { class: "qp-help", text: "尚未修改：改动上面的内容后，这里逐项列出。" })]));
  };
  showEdits([]);
  const box = (name, labelText, onchange) => {
    const input = el("input", { type: "checkbox", class: "qp-ocheck" });
    input.checked = c[name];
    input.addEventListener("change", () => { c[name] = input.checked; onchange?.(); changed(); });
    return fieldBlock(`correction.${name}`, labelText, input);
  };
  const withdrawal = el("div", { class: "qp-withdrawal", hidden: !c.withdraw },
    textField("correction.withdraw_date", "撤回日期", { type: "date", cls: "qp-date" }),
    textField("correction.withdraw_reason", "撤回原因", { cls: "qp-wide",
      hint: "例如：经复核，该组织不符合申报条件，撤回本公示。撤回后公示页面保留，注明撤回的日期和原因，名单不再显示。" }));
  const fieldset = el("fieldset", { class: "qp-ofieldset qp-correction", id: "qp-o-correction" },
    el("legend", { text: "更正记录" }),
    el("p", { class: "qp-ohint", id: "qp-o-correcting" },
      "正在更正已发布的公示“", opened.title, "”（", el("code", { text: opened.path }), "）。",
      "方案、公示类型、发布日期和年度不能修改。"),
    fieldBlock("correction.edits", "本次更正的内容（按修改自动列出）", edited,
      { hint: "与已发布的版本逐项比较得出，写入更正记录的 edits。" }),
    textField("correction.date", "更正日期", { type: "date", cls: "qp-date",
      hint: `默认为今天；不得早于这一版本封存的日期（${opened.sealed_on}）。` }),
    textField("correction.reason", "更正原因", { cls: "qp-wide", hint: "例如：名称录入有误。" }),
    box("minor", "仅为文字、标点的细微更正（不改变任何事实）"),
    box("withdraw", "撤回本公示", () => { withdrawal.hidden = !c.withdraw; }),
    withdrawal,
    el("p", {}, el("button", { type: "button", class: "qp-obutton qp-link-button", id: "qp-o-new-notice",
      text: "放弃更正，新建公示", onclick: () => location.reload() })));
  return { fieldset, showEdits };
}

function writeCorrection(put, c, where) {
  put(`  - date: ${yamlDate(c.date)}`, where.date);
  put(`    reason: ${q(c.reason)}`, where.reason);
  put(`    changes: ${q(c.changes)}`, where.changes);
  if (c.minor) put("    minor: true", where.minor);
  if (c.edits?.length) {
    put("    edits:", where.changes);
    for (const e of c.edits) put(`      - {field: ${q(e.field)}, old: ${flow(e.old)}, new: ${flow(e.new)}}`, where.changes);
  }
}

/** The lines after the form's: the sample flag, the attachments, the corrections (the earlier ones as published,
 * then the new one with its ``edits``, when there are any) and the withdrawal. ``put(line, target)`` adds a line and
 * the field its problems belong to. */
export function writeTail(put, notice, c, edits) {
  const doc = { doc: true };
  if (notice.sample) put("sample: true", doc);
  const attachments = notice.attachments ?? [];
  if (attachments.length) {
    put("attachments:", doc);
    for (const a of attachments) put(`  - {title: ${q(a.title)}, file: ${q(a.file)}}`, doc);
  }
  const earlier = notice.corrections ?? [];
  if (earlier.length || edits.length) put("corrections:", doc);
  for (const old of earlier) writeCorrection(put, old, { date: doc, reason: doc, changes: doc, minor: doc });
  if (edits.length) {
    writeCorrection(put, { date: c.date, reason: c.reason.trim(), changes: changesText(edits), minor: c.minor, edits }, {
      date: { field: "correction.date" }, reason: { field: "correction.reason" },
      changes: { field: "correction.edits" }, minor: { field: "correction.minor" },
    });
  }
  if (c.withdraw) {
    put("withdrawn:", { field: "correction.withdraw_date" });
    put(`  date: ${yamlDate(c.withdraw_date)}`, { field: "correction.withdraw_date" });
    put(`  reason: ${q(c.withdraw_reason.trim())}`, { field: "correction.withdraw_reason" });
  }
}
