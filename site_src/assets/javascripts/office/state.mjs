// The office editor's one mutable state, and what follows from it alone: the notice being written (the object
// notice-writer.mjs writes and preview.mjs draws, saved as the draft), the check's last answer, which problems show.
// Created once by start() (page.mjs) and passed to the modules that read or change it; no module keeps its own.
import { chinaDay } from "../china-day.mjs";
import { emptyCorrection } from "./correction.mjs";
import { entryIsEmpty } from "./notice-writer.mjs";

/** A fresh editor: an empty notice, nothing loaded, the check still loading. */
export function createEditor(today = chinaDay()) {
  return {
    data: null, // data/office.json
    published: [], // data/office-published.json: the notices the clerk may open to correct
    notice: {
      scheme: "", kind: "", title: "", issuer: "", published: "", end: "", year: "", body: "",
      objections: { receiver: "", text: "", phone: "", email: "", address: "" },
      entries: [],
      correction: emptyCorrection(today),
    },
    keySeq: 0,
    // A published notice being corrected (an item of data/office-published.json) and the edits the check last
    // answered for it.
    opened: null,
    edits: [],
    touched: new Set(), // fields (and rows: row:<key>) whose problems are shown before "检查全部"
    showAll: false,
    openMore: new Set(), // rows whose 母公司/区外原因 panel is open
    firstRow: 0, // the first entry the page shows (pager.mjs)
    engine: "loading", // loading | ready | failed
    engineMessage: "",
    answer: null, // {id, text, problems, period, notice, path, map, keys}
    waiters: [], // resolve functions waiting for the answer to the current text
    timers: { ask: null, draft: null, view: null },
    // The generated file.
    yamlText: "",
    lineMap: [], // line number (1-based) -> {field} | {row, index} | {doc: true}
    filePath: "",
    // The problems as last shown.
    summaryKey: "",
    hiddenProblems: 0,
  };
}

/** A new row of the list, with a key of its own (its inputs' ids and its problems follow it). */
export function newEntry(ed, values = {}) {
  ed.keySeq += 1;
  return { key: `e${ed.keySeq}`, organisation: "", credit_code: "", tier: "", sector: "", parent: "",
    outside_area_reason: "", ...values };
}

// The Chinese name of a key (objections.phone: of phone), as the check's messages name it: data/office.json's
// labels, generated from generator/messages.py FIELDS, so the form and the messages never disagree.
export const labelOf = (ed, key) => ed.data?.labels?.[key.split(".").at(-1)] ?? key;
// The scheme is chosen by its name (the key holds its id, which FIELDS calls 方案编号).
export const SCHEME_LABEL = "方案";
export const fieldName = (ed, field) => (field === "scheme" ? SCHEME_LABEL : labelOf(ed, field));
export const OPTIONAL = "（选填）";

export const currentScheme = (ed) => ed.data?.schemes.find((s) => s.id === ed.notice.scheme) ?? null;
export const currentKind = (ed) => currentScheme(ed)?.kinds.find((k) => k.kind === ed.notice.kind) ?? null;
export const emittedEntries = (ed) => ed.notice.entries.filter((e) => !entryIsEmpty(e));
export const objectionsRequired = (ed) => Boolean(currentKind(ed)?.objections_required);
export const tierChoices = (ed) => (currentScheme(ed)?.tiers ?? []).map((t) => [t.id, t.name]);

/** The notice's year: the one given, else the published date's, else this year. */
export function cycleYear(ed) {
  const { year, published } = ed.notice;
  if (/^\d{4}$/.test(year.trim())) return year.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published.slice(0, 4);
  return (ed.data?.today ?? chinaDay()).slice(0, 4);
}

/** Where the file goes in the repository (public_lists/<scheme>/<year>/<published>-<kind>.yaml). */
export function repositoryPath(ed) {
  if (ed.opened) return ed.opened.path;
  const scheme = ed.notice.scheme || "方案";
  const kind = (ed.notice.kind || "类型").replaceAll("_", "-");
  const published = /^\d{4}-\d{2}-\d{2}$/.test(ed.notice.published) ? ed.notice.published : "发布日期";
  return `public_lists/${scheme}/${cycleYear(ed)}/${published}-${kind}.yaml`;
}

/** The answer in hand is for the text and path now in the form. */
export const isCurrent = (ed) => ed.answer !== null && ed.answer.text === ed.yamlText && ed.answer.path === ed.filePath;

/** The file may leave the page: checked, current, no problem. */
export const clean = (ed) => ed.engine === "ready" && isCurrent(ed) && ed.answer.problems.length === 0;
