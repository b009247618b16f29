// The list of entries (名单): one row per organisation, a page of rows at a time (pager.mjs), rows added one by one
// or pasted from a spreadsheet (paste.mjs), and the count line under the legend.
import { el } from "../dom.mjs";
import { entryIsEmpty } from "./notice-writer.mjs";
import { fillSelect } from "./form.mjs";
import { PAGE_ROWS, pageStart, pager } from "./pager.mjs";
import { isTable, oneLine, parseTable, splitCells } from "./paste.mjs";
import { renderProblems } from "./problems.mjs";
import { currentKind, currentScheme, emittedEntries, labelOf, newEntry, OPTIONAL, tierChoices } from "./state.mjs";

export const hidden = (text) => el("span", { class: "qp-visually-hidden", text });

/** The fieldset of the list: its error line, the count, the rows, the pager, "添加一项" and the paste box. */
export function entriesFieldset(page) {
  const { ed, parts } = page;
  const entriesSet = el("fieldset", { class: "qp-ofieldset qp-entries-set", id: "qp-o-entries" },
    el("legend", { text: labelOf(ed, "entries") }));
  entriesSet.dataset.field = "entries";
  const entriesError = el("p", { class: "qp-oerror", id: "qp-o-entries-error", hidden: true });
  parts.countLine = el("p", { class: "qp-entry-count", id: "qp-o-entry-count" });
  parts.entriesList = el("ol", { class: "qp-entry-list", id: "qp-o-entry-list", "aria-describedby": "qp-o-entry-count" });
  const addButton = el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-o-add", text: "添加一项",
    onclick: () => {
      const e = newEntry(ed);
      ed.notice.entries.push(e);
      ed.firstRow = pageStart(ed.notice.entries.length - 1);
      renderEntries(page);
      page.changed();
      document.getElementById(`qp-o-${e.key}-organisation`)?.focus();
    } });
  entriesSet.append(
    el("p", { class: "qp-ohint", text: "每项一家组织。可以逐项填写，也可以从 Excel、WPS 表格复制整行后粘贴到下面的“从表格粘贴”框中。" }),
    entriesError, parts.countLine, parts.entriesList, parts.entriesPager = el("div", { class: "qp-entry-pager" }),
    el("p", { class: "qp-entry-actions" }, addButton));
  page.controls.entries = { wrap: entriesSet, input: null, error: entriesError, hint: parts.countLine, label: null };

  const pasteId = "qp-o-paste";
  const paste = el("textarea", { id: pasteId, class: "qp-oinput qp-wide qp-paste", rows: 4, spellcheck: "false",
    "aria-describedby": `${pasteId}-hint ${pasteId}-status` });
  parts.pasteStatus = el("p", { class: "qp-paste-status", id: `${pasteId}-status`, role: "status" });
  const pasteBox = el("div", { class: "qp-paste-box" },
    el("label", { class: "qp-olabel", for: pasteId, text: "从表格粘贴" }),
    el("p", { class: "qp-ohint", id: `${pasteId}-hint`,
      text: "从表格复制整行，每行一家组织，各列依次为：名称、统一社会信用代码、奖项/等级（编号或名称）、行业、母公司、区外原因；"
        + "后几列可以没有。第一行是表头的会自动跳过。" }),
    paste,
    el("p", { class: "qp-entry-actions" }, el("button", { type: "button", class: "qp-obutton qp-secondary",
      id: "qp-o-paste-add", text: "添加到名单", onclick: () => {
        const rows = pastedRows(ed, paste.value);
        if (!rows.length) { parts.pasteStatus.textContent = "没有可添加的行：请先把表格中的行粘贴到上面的框中。"; paste.focus(); return; }
        appendRows(page, rows);
        paste.value = "";
        parts.pasteStatus.textContent = `已添加 ${rows.length} 项，名单现有 ${emittedEntries(ed).length} 项。`;
      } })),
    parts.pasteStatus);
  entriesSet.append(pasteBox);
  return entriesSet;
}

/** Draw the page of rows from ed.firstRow, keeping the focus, then the count and the problems. */
export function renderEntries(page) {
  const { ed, parts } = page;
  const { entriesList } = parts;
  const entries = ed.notice.entries;
  const keep = entriesList.contains(document.activeElement) ? document.activeElement.id : null;
  entriesList.replaceChildren();
  const tiers = tierChoices(ed);
  entriesList.classList.toggle("qp-no-tiers", !tiers.length);
  if (!entries.length) entries.push(newEntry(ed));
  ed.firstRow = Math.min(ed.firstRow, pageStart(entries.length - 1));
  entriesList.start = ed.firstRow + 1;
  entries.slice(ed.firstRow, ed.firstRow + PAGE_ROWS)
    .forEach((entry, n) => entriesList.append(entryRow(page, entry, ed.firstRow + n, tiers)));
  parts.entriesPager.replaceChildren(...pager(entries.length, ed.firstRow, (first) => {
    ed.firstRow = first;
    renderEntries(page);
    document.getElementById("qp-o-entry-shown")?.focus();
  }));
  if (keep) document.getElementById(keep)?.focus();
  renderCount(page);
  renderProblems(page);
}

function entryRow(page, entry, n, tiers) {
  const { ed } = page;
  const label = (key) => labelOf(ed, key);
  const no = n + 1;
  const id = (c) => `qp-o-${entry.key}-${c}`;
  const cell = (c, control, text = label(c)) => {
    control.id = id(c);
    control.dataset.row = entry.key;
    control.dataset.col = c;
    return el("div", { class: `qp-cell qp-c-${c}` },
      el("label", { class: "qp-cell-label", for: id(c) }, hidden(`第 ${no} 项 `), text), control);
  };
  const text = (c, cls = "") => {
    const input = el("input", { type: "text", class: `qp-oinput ${cls}`, autocomplete: "off", spellcheck: "false" });
    input.value = entry[c] ?? "";
    input.addEventListener("input", () => { entry[c] = input.value; page.changed(); });
    input.addEventListener("change", () => { ed.touched.add(`row:${entry.key}`); page.changed(); });
    input.addEventListener("paste", (event) => pasteIntoRow(page, event, entry));
    return input;
  };
  const select = (c, choices, empty) => {
    const s = el("select", { class: "qp-oselect" });
    fillSelect(s, choices, entry[c], empty);
    s.addEventListener("change", () => { entry[c] = s.value; ed.touched.add(`row:${entry.key}`); page.changed(); });
    return s;
  };
  const code = text("credit_code", "qp-code");
  code.setAttribute("maxlength", "24");
  code.setAttribute("autocapitalize", "characters");
  const moreId = id("more");
  const isOpen = ed.openMore.has(entry.key) || Boolean(entry.parent || entry.outside_area_reason);
  const more = el("div", { class: "qp-entry-more", id: moreId, hidden: !isOpen },
    cell("parent", text("parent"), label("parent") + OPTIONAL),
    cell("outside_area_reason", text("outside_area_reason"), label("outside_area_reason") + OPTIONAL));
  const moreButton = el("button", { type: "button", class: "qp-obutton qp-link-button", "aria-expanded": String(isOpen),
    "aria-controls": moreId, onclick: () => {
      const open = more.hidden;
      more.hidden = !open;
      moreButton.setAttribute("aria-expanded", String(open));
      if (open) ed.openMore.add(entry.key); else ed.openMore.delete(entry.key);
    } }, "更多", hidden(`：第 ${no} 项的母公司、区外原因`));
  const remove = el("button", { type: "button", class: "qp-obutton qp-link-button qp-remove-row", onclick: () => {
    const at = ed.notice.entries.indexOf(entry);
    ed.notice.entries.splice(at, 1);
    ed.touched.delete(`row:${entry.key}`);
    renderEntries(page);
    page.changed();
    const next = ed.notice.entries[at] ?? null;
    (next ? document.getElementById(`qp-o-${next.key}-organisation`) : document.getElementById("qp-o-add"))?.focus();
    page.parts.pasteStatus.textContent = `已删除第 ${no} 项${entry.organisation ? "（" + entry.organisation + "）" : ""}。`;
  } }, "删除", hidden(`第 ${no} 项`));
  const errors = el("div", { class: "qp-entry-problems", id: id("error"), hidden: true });
  return el("li", { class: "qp-entry", "data-row": entry.key },
    el("span", { class: "qp-entry-no", "aria-hidden": "true", text: String(no) }),
    cell("organisation", text("organisation", "qp-org")),
    cell("credit_code", code),
    tiers.length ? cell("tier", select("tier", tiers, "—")) : null,
    cell("sector", select("sector", Object.entries(ed.data.sectors), "—")),
    el("div", { class: "qp-cell qp-c-actions" }, moreButton, remove),
    errors, more);
}

function appendRows(page, rows) {
  const { ed } = page;
  // Rows still empty (the first, blank one) are filled before new ones are added.
  ed.notice.entries = ed.notice.entries.filter((e) => !entryIsEmpty(e));
  ed.firstRow = pageStart(ed.notice.entries.length); // the page of the first row added
  for (const r of rows) {
    const e = newEntry(ed, r);
    ed.notice.entries.push(e);
    ed.touched.add(`row:${e.key}`);
  }
  renderEntries(page);
  page.changed();
}

// The entries in text pasted from a spreadsheet (paste.mjs), with this scheme's tiers and the sectors.
const pastedRows = (ed, text) => parseTable(text, { tiers: currentScheme(ed)?.tiers ?? [], sectors: ed.data.sectors });

function pasteIntoRow(page, event, entry) {
  const { ed } = page;
  const text = event.clipboardData?.getData("text/plain") ?? "";
  if (!isTable(text)) {
    // One value: the input takes it, but a cell the spreadsheet quoted (it holds a line break) goes in as one line.
    const value = oneLine(splitCells(text.replace(/(?:\r\n|\r|\n)+$/, ""))[0][0]);
    if (value === text) return;
    event.preventDefault();
    event.target.setRangeText(value, event.target.selectionStart, event.target.selectionEnd, "end");
    event.target.dispatchEvent(new Event("input", { bubbles: true }));
    return;
  }
  event.preventDefault();
  const rows = pastedRows(ed, text);
  if (!rows.length) return;
  const at = ed.notice.entries.indexOf(entry);
  const [first, ...rest] = rows;
  if (entryIsEmpty(entry)) Object.assign(entry, first); else rest.unshift(first);
  ed.touched.add(`row:${entry.key}`);
  const added = rest.map((r) => newEntry(ed, r));
  for (const e of added) ed.touched.add(`row:${e.key}`);
  ed.notice.entries.splice(at + 1, 0, ...added);
  renderEntries(page);
  page.changed();
  page.parts.pasteStatus.textContent = `已粘贴 ${rows.length} 项，名单现有 ${emittedEntries(ed).length} 项。`;
}

/** The count line: how many entries, and the places each capped tier has left. */
export function renderCount(page) {
  const { ed } = page;
  const { countLine } = page.parts;
  if (!countLine || !ed.data) return;
  countLine.textContent = countText(ed);
}

/** The count line's text (pure). */
export function countText(ed) {
  const entries = emittedEntries(ed);
  const parts = [`名单共 ${entries.length} 项。`];
  const scheme = currentScheme(ed);
  const kind = currentKind(ed);
  const capped = (scheme?.tiers ?? []).filter((t) => t.cap !== null && t.cap !== undefined);
  if (kind?.ranked && capped.length) {
    const counts = {};
    for (const e of entries) counts[e.tier] = (counts[e.tier] ?? 0) + 1;
    parts.push("名额：" + capped.map((t) => `${t.name}不超过 ${t.cap} 项（已列 ${counts[t.id] ?? 0} 项）`).join("；") + "。");
  } else if (kind?.ranked && (scheme?.tiers ?? []).length) {
    parts.push("每项须选择奖项或等级。");
  }
  return parts.join(" ");
}
