// The draft in this browser (localStorage): a new notice is saved as it is filled and restored when the page opens
// again. draftText and restoreDraft are pure (the storage is read and written by saveDraft and loadDraft).
import { ENTRY_COLUMNS } from "./paste.mjs";
import { entryIsEmpty } from "./notice-writer.mjs";
import { NOTICE_FIELDS, OBJECTION_KEYS } from "./place.mjs";
import { newEntry } from "./state.mjs";

export const DRAFT_KEY = "qp-office-draft-v1";

/** The draft of the notice in `ed` (its empty rows left out). */
export const draftText = (ed) => JSON.stringify({ ...ed.notice, entries: ed.notice.entries.filter((e) => !entryIsEmpty(e)) });

export function saveDraft(ed) {
  if (ed.opened) return; // a correction is not a draft of a new notice, which stays saved
  try {
    localStorage.setItem(DRAFT_KEY, draftText(ed));
  } catch { /* storage full or disabled: the form works without it */ }
}

export function forgetDraft() {
  localStorage.removeItem(DRAFT_KEY);
}

/** Take what a saved draft (its text, or null) holds into `ed`, only values of the right type; true when it held a
 * notice worth restoring (then its fields count as touched: their problems show). */
export function restoreDraft(ed, text) {
  let saved = null;
  try { saved = JSON.parse(text ?? "null"); } catch { saved = null; }
  if (!saved || typeof saved !== "object") return false;
  const { notice } = ed;
  for (const k of ["scheme", "kind", "title", "issuer", "published", "end", "year", "body"]) {
    if (typeof saved[k] === "string") notice[k] = saved[k];
  }
  for (const k of Object.keys(notice.objections)) {
    if (typeof saved.objections?.[k] === "string") notice.objections[k] = saved.objections[k];
  }
  if (Array.isArray(saved.entries)) {
    notice.entries = saved.entries.map((e) => newEntry(ed, Object.fromEntries(ENTRY_COLUMNS.map((c) => [c, String(e?.[c] ?? "")]))));
  }
  const filled = notice.title || notice.issuer || notice.entries.length;
  if (filled) {
    for (const k of [...NOTICE_FIELDS, ...OBJECTION_KEYS.map((o) => `objections.${o}`)]) ed.touched.add(k);
    for (const e of notice.entries) ed.touched.add(`row:${e.key}`);
  }
  return Boolean(filled);
}

/** The draft this browser holds, taken into `ed`. */
export function loadDraft(ed) {
  let text = null;
  try { text = localStorage.getItem(DRAFT_KEY); } catch { text = null; }
  return restoreDraft(ed, text);
}
