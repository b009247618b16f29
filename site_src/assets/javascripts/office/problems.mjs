// The check's problems on the page: each beside its field or in its row (placed by the location the check gives it,
// place.mjs), the error summary with a link to each, and the period the check worked out under "公示截止日期".
// Until "显示全部问题", a field's problems show only once it was touched.
import { el } from "../dom.mjs";
import { hidden, renderEntries } from "./entries.mjs";
import { pageStart } from "./pager.mjs";
import { ENTRY_COLUMNS } from "./paste.mjs";
import { placeOf } from "./place.mjs";
import { currentKind, fieldName, isCurrent, labelOf, tierChoices } from "./state.mjs";

const SUMMARY_MAX = 100; // problems listed in the error summary (each row shows its own)
const KEY_PATH = /^[A-Za-z_][A-Za-z0-9_.\[\]]*：/; // the location a message starts with: entries[2].credit_code：

// The columns a row shows: no tier where the scheme has no tiers (a tier problem then shows at the row's name).
const shownColumns = (ed) => (tierChoices(ed).length ? ENTRY_COLUMNS : ENTRY_COLUMNS.filter((c) => c !== "tier"));

/** Where a problem belongs: {field}, or {row, col, no} (the row's key, its column, its number now), or {gone: true}
 * for a row deleted since the text was checked. `rowIndex`: entry key -> its index in the list now. */
export function placeProblem(ed, problem, rowIndex) {
  const place = placeOf(problem.loc, shownColumns(ed));
  if (place?.entry !== undefined) {
    // Entry numbers are those of the text that was checked, which may be older than the form.
    const key = ed.answer.keys[place.entry];
    const index = rowIndex.get(key);
    return index === undefined ? { gone: true } : { row: key, col: place.col, no: index + 1 };
  }
  if (place) return place;
  // The correction's lines (correction.mjs) map to their fields line by line; a problem of the whole file has
  // no field (field null: it shows in the error summary at once).
  return { field: ed.answer.map[problem.line]?.field ?? null };
}

/** A problem shows when all are asked for, when it has no field, or once its field (or row) was touched. */
export function isShown(ed, place) {
  if (ed.showAll || place.field === null) return true;
  if (place.row) return ed.touched.has(`row:${place.row}`);
  return ed.touched.has(place.field);
}

function controlOf(page, place) {
  if (place.row) return document.getElementById(`qp-o-${place.row}-${place.col}`);
  if (place.field === "entries") {
    const first = page.ed.notice.entries[0];
    return (first && document.getElementById(`qp-o-${first.key}-organisation`)) || document.getElementById("qp-o-add");
  }
  return page.controls[place.field]?.input ?? null;
}

function clearMarks(page) {
  for (const c of Object.values(page.controls)) {
    c.error.hidden = true;
    c.error.replaceChildren();
    c.wrap.classList.remove("qp-ofield--error");
    if (!c.input) continue;
    c.input.removeAttribute("aria-invalid");
    const described = (c.input.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== c.error.id);
    if (described.length) c.input.setAttribute("aria-describedby", described.join(" "));
  }
  for (const li of page.parts.entriesList.querySelectorAll(".qp-entry")) {
    li.classList.remove("qp-entry--error");
    const box = li.querySelector(".qp-entry-problems");
    box.hidden = true;
    box.replaceChildren();
    for (const input of li.querySelectorAll("input, select")) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
  }
}

function markOne(page, p) {
  const { place } = p;
  const { entriesList } = page.parts;
  // Beside its field a message needs no location: the leading key path (entries[2].credit_code：) is dropped
  // there; the error summary shows the whole message, as the command line prints it.
  const local = p.message.replace(KEY_PATH, "");
  const line = el("span", { class: "qp-oerror-line" }, hidden("错误："), local);
  if (place.row) {
    const li = entriesList.querySelector(`.qp-entry[data-row="${place.row}"]`);
    if (!li) return;
    li.classList.add("qp-entry--error");
    const box = li.querySelector(".qp-entry-problems");
    box.hidden = false;
    box.append(el("p", { class: "qp-oerror" }, line));
    const input = controlOf(page, place);
    if (input) {
      if (place.col === "parent" || place.col === "outside_area_reason") {
        li.querySelector(".qp-entry-more").hidden = false;
        page.ed.openMore.add(place.row);
      }
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", box.id);
    }
    return;
  }
  const c = page.controls[place.field];
  if (!c) return;
  c.error.hidden = false;
  c.error.append(line);
  c.wrap.classList.add("qp-ofield--error");
  if (place.field === "entries") return;
  c.input.setAttribute("aria-invalid", "true");
  const described = (c.input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  if (!described.includes(c.error.id)) c.input.setAttribute("aria-describedby", [...described, c.error.id].join(" "));
}

// The error summary: one link per problem shown, to its field; redrawn only when the problems change.
function renderSummary(page, shown) {
  const { ed, summary, summaryList } = page;
  const key = JSON.stringify(shown.map((p) => [p.message, p.place]));
  if (key === ed.summaryKey) return;
  ed.summaryKey = key;
  // A row on another page of the list (pager.mjs) is shown when its link is followed.
  const idOf = (place) => (place.row ? `qp-o-${place.row}-${place.col}` : controlOf(page, place)?.id);
  const follow = (place) => {
    if (place.row && !controlOf(page, place)) { ed.firstRow = pageStart(place.no - 1); renderEntries(page); }
    focusControl(page, controlOf(page, place));
  };
  summaryList.replaceChildren(...shown.slice(0, SUMMARY_MAX).map((p) => {
    const id = idOf(p.place);
    const where = p.place.row ? `第 ${p.place.no} 项（${labelOf(ed, p.place.col)}）` : p.place.field ? fieldName(ed, p.place.field) : "";
    return el("li", {}, el("a", { href: id ? `#${id}` : "#qp-office-form", "data-target": id ?? "",
      onclick: (event) => { event.preventDefault(); follow(p.place); } },
    // After "第 5 项（统一社会信用代码）", the file's key path (entries[4].credit_code, counted from 0) would only
    // confuse: the message follows without it. The command line and the YAML view keep the whole message.
    where ? el("span", { class: "qp-summary-where", text: `${where}：` }) : null,
    where ? p.message.replace(KEY_PATH, "") : p.message));
  }));
  if (shown.length > SUMMARY_MAX) {
    summaryList.append(el("li", { text: `另有 ${shown.length - SUMMARY_MAX} 个问题：改正上面的问题后逐项显示。` }));
  }
  summary.hidden = shown.length === 0;
}

/** Show the last answer's problems (those to be shown) on the page. */
export function renderProblems(page) {
  const { ed } = page;
  clearMarks(page);
  const problems = ed.answer ? ed.answer.problems : [];
  const rowIndex = new Map(ed.notice.entries.map((e, n) => [e.key, n]));
  const placed = problems.map((p) => ({ ...p, place: placeProblem(ed, p, rowIndex) })).filter((p) => !p.place.gone);
  const shown = placed.filter((p) => isShown(ed, p.place));
  for (const p of shown) markOne(page, p);
  renderSummary(page, shown);
  page.root.dataset.shownProblems = String(shown.length);
  ed.hiddenProblems = placed.length - shown.length;
  renderPeriodHint(page);
}

function focusControl(page, target) {
  if (!target) { page.form.focus(); return; }
  const more = target.closest(".qp-entry-more");
  if (more) more.hidden = false;
  // The label above the field stays in view (the GOV.UK error summary's behaviour).
  const label = document.querySelector(`label[for="${target.id}"]`);
  target.focus({ preventScroll: true });
  (label && label.offsetParent !== null ? label : target).scrollIntoView({ block: "center" });
}

function renderPeriodHint(page) {
  const { ed } = page;
  const { endPeriodHint } = page.parts;
  const period = isCurrent(ed) ? ed.answer.period : null;
  endPeriodHint.textContent = period
    ? `按规则计算的公示期：${period.start} 至 ${period.end}（${period.rule}）`
    : currentKind(ed)?.period ? "公示期将在检查后显示。" : "";
  endPeriodHint.hidden = !endPeriodHint.textContent;
}
