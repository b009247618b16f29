// The office editor's YAML writer: the notice file written from the form's values, one known shape, every string a
// JSON-style double-quoted scalar (yaml-text.mjs), so what the clerk typed is what the check reads. Pure: no DOM;
// tests/test_office_writer.py runs it under Node and has the command line check what it wrote.
import { writeTail } from "./correction.mjs";
import { ENTRY_COLUMNS } from "./paste.mjs";
import { q, yamlDate } from "./yaml-text.mjs";

export const OBJECTION_ORDER = ["receiver", "text", "phone", "email", "address"];

/** The paragraphs of the body: one a line, blank lines dropped. */
export const bodyLines = (body) => body.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
export const entryIsEmpty = (e) => ENTRY_COLUMNS.every((c) => !String(e[c] ?? "").trim());
export const objectionsFilled = (objections) => Object.values(objections).some((v) => v.trim());

// One entry's line, kept while its values stay the same: with 10,000 rows, writing every line again on every
// keystroke is what made typing slow.
const LINE_COLUMNS = [...ENTRY_COLUMNS, "note"];
const written = new WeakMap();  // entry -> [its values, its line, where its problems go]
function entryLine(e) {
  const values = LINE_COLUMNS.map((c) => e[c] ?? "").join("\u0000");
  const known = written.get(e);
  if (known && known[0] === values) return known;
  const parts = [`organisation: ${q(e.organisation.trim())}`, `credit_code: ${q(e.credit_code.trim())}`];
  for (const c of LINE_COLUMNS.slice(2)) if (String(e[c] ?? "").trim()) parts.push(`${c}: ${q(e[c].trim())}`);
  const line = [values, `  - {${parts.join(", ")}}`, { row: e.key }];
  written.set(e, line);
  return line;
}

/**
 * The notice's YAML and its line map (line number, from 1 -> {field} | {row} | {doc: true}, where the problems of
 * that line belong), from the form's `state` ({scheme, kind, title, issuer, published, end, year, body, entries,
 * objections, correction}). `scheme` and `kind` are data/office.json's, or null; `opened`, the published notice
 * being corrected, adds the correction's lines (correction.mjs) with `edits`.
 */
export function writeNotice(state, { scheme = null, kind = null, opened = null, edits = [] } = {}) {
  const lines = [];
  const map = [null];
  const put = (text, target) => { lines.push(text); map.push(target); };
  put(`# ${scheme?.name ?? ""}${kind?.label ?? "公示"}：由网站“在线编辑公示”页面生成`, { doc: true });
  put(`scheme: ${q(state.scheme)}`, { field: "scheme" });
  put(`kind: ${q(state.kind)}`, { field: "kind" });
  const year = state.year.trim();
  if (year) put(`year: ${/^\d{1,4}$/.test(year) ? Number(year) : q(year)}`, { field: "year" });
  put(`title: ${q(state.title.trim())}`, { field: "title" });
  put(`issuer: ${q(state.issuer.trim())}`, { field: "issuer" });
  if (state.published) put(`published: ${yamlDate(state.published)}`, { field: "published" });
  if (state.end) put(`end: ${yamlDate(state.end)}`, { field: "end" });
  const body = bodyLines(state.body);
  if (body.length) {
    put("body:", { field: "body" });
    for (const p of body) put(`  - ${q(p)}`, { field: "body" });
  }
  const entries = state.entries.filter((e) => !entryIsEmpty(e));
  if (entries.length) {
    put("entries:", { field: "entries" });
    for (const e of entries) {
      const [, line, target] = entryLine(e);
      put(line, target);
    }
  }
  if (kind?.objections_required || objectionsFilled(state.objections)) {
    put("objections:", { field: "objections" });
    for (const k of OBJECTION_ORDER) {
      if (state.objections[k].trim()) put(`  ${k}: ${q(state.objections[k].trim())}`, { field: `objections.${k}` });
    }
  }
  if (opened) writeTail(put, opened.notice, state.correction, edits);
  return { text: lines.join("\n") + "\n", map };
}
