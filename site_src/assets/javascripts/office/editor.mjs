// The office editor (/office/editor/): a clerk fills a notice (公示) in a form; the page writes the YAML file the
// repository holds (public_lists/<scheme>/<year>/<published>-<kind>.yaml), has it checked by the portal's own
// Python check in a module worker (worker.mjs, Pyodide: the same messages as `python -m generator check`), shows
// each problem next to its field and a live preview of the public page, and hands the file over: download, copy,
// or the Git host's "new file" page. Everything stays in this page (and its localStorage draft); the only requests
// are this site's own files. No innerHTML: every text from the clerk or the check is set as textContent.
// A published notice opens here to be corrected or withdrawn (correction.mjs): the check then compares it with the
// version the site publishes, and the file carries a correction that lists each change.
import { chinaDay } from "../china-day.mjs";
import { el } from "../dom.mjs";
import { workerClient } from "../worker-client.mjs";
import { correctionFieldset, emptyCorrection, formOf, picker } from "./correction.mjs";
import { entryIsEmpty, writeNotice } from "./notice-writer.mjs";
import { gitUrl, HOSTS } from "./git-host.mjs";
import { PAGE_ROWS, pageStart, pager } from "./pager.mjs";
import { ENTRY_COLUMNS, isTable, oneLine, parseTable, splitCells } from "./paste.mjs";
import { NOTICE_FIELDS, OBJECTION_KEYS, placeOf } from "./place.mjs";
import { previewPage } from "./preview.mjs";

const root = document.getElementById("qp-office");
const form = document.getElementById("qp-office-form");
const engineLine = document.getElementById("qp-office-engine");
const summary = document.getElementById("qp-office-summary");
const summaryList = document.getElementById("qp-office-summary-list");
const outputsBox = document.getElementById("qp-office-outputs");
const previewBox = document.getElementById("qp-office-preview");

const DRAFT_KEY = "qp-office-draft-v1";
const DEBOUNCE_MS = 400;
const SUMMARY_MAX = 100;  // problems listed in the error summary (each row shows its own)
const KEY_PATH = /^[A-Za-z_][A-Za-z0-9_.\[\]]*：/; // the location a message starts with: entries[2].credit_code：
// The Chinese name of a key (objections.phone: of phone), as the check's messages name it: data/office.json's
// labels, generated from generator/messages.py FIELDS, so the form and the messages never disagree.
const labelOf = (key) => data?.labels?.[key.split(".").at(-1)] ?? key;
// The scheme is chosen by its name (the key holds its id, which FIELDS calls 方案编号).
const SCHEME_LABEL = "方案";
const fieldName = (field) => (field === "scheme" ? SCHEME_LABEL : labelOf(field));
const OPTIONAL = "（选填）";

// ---------- small DOM helpers ----------
const hidden = (text) => el("span", { class: "qp-visually-hidden", text });

// ---------- state ----------
let data = null;      // data/office.json
let keySeq = 0;
const newEntry = (values = {}) => ({ key: `e${++keySeq}`, organisation: "", credit_code: "", tier: "", sector: "",
  parent: "", outside_area_reason: "", ...values });
const state = {
  scheme: "", kind: "", title: "", issuer: "", published: "", end: "", year: "", body: "",
  objections: { receiver: "", text: "", phone: "", email: "", address: "" },
  entries: [],
  correction: emptyCorrection(chinaDay()),
};
// A published notice being corrected (an item of data/office-published.json), the edits the check last answered
// for it, and the list of the notices the clerk may open.
let opened = null;
let edits = [];
let showEdits = () => {};
let published = [];
const touched = new Set();  // fields (and rows: row:<key>) whose problems are shown before "检查全部"
let showAll = false;
const openMore = new Set(); // rows whose 母公司/区外原因 panel is open

// ---------- the worker ----------
let client = null;        // the check's worker, through worker-client.mjs
let engine = "loading";   // loading | ready | failed
let engineMessage = "";
let answer = null;        // {id, text, problems, period, notice}
let timer = null;
let draftTimer = null;
let viewTimer = null;
const VIEW_MS = 150;
let waiters = [];         // resolve functions waiting for the answer to the current text

// ---------- the generated file ----------
let yamlText = "";
let lineMap = [];         // line number (1-based) -> {field} | {row, index} | {doc: true}
let filePath = "";

// ====================================================================================================
// YAML: written from the form by notice-writer.mjs
// ====================================================================================================

const currentScheme = () => data?.schemes.find((s) => s.id === state.scheme) ?? null;
const currentKind = () => currentScheme()?.kinds.find((k) => k.kind === state.kind) ?? null;
const emittedEntries = () => state.entries.filter((e) => !entryIsEmpty(e));
const objectionsRequired = () => Boolean(currentKind()?.objections_required);

function cycleYear() {
  if (/^\d{4}$/.test(state.year.trim())) return state.year.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(state.published)) return state.published.slice(0, 4);
  return (data?.today ?? chinaDay()).slice(0, 4);
}

function repositoryPath() {
  if (opened) return opened.path;
  const scheme = state.scheme || "方案";
  const kind = (state.kind || "类型").replaceAll("_", "-");
  const published = /^\d{4}-\d{2}-\d{2}$/.test(state.published) ? state.published : "发布日期";
  return `public_lists/${scheme}/${cycleYear()}/${published}-${kind}.yaml`;
}

const generate = () => writeNotice(state, { scheme: currentScheme(), kind: currentKind(), opened, edits });

// ====================================================================================================
// The form
// ====================================================================================================

const controls = {};  // field -> {wrap, input, error, hint, label}

function fieldBlock(name, labelText, control, { hint = "", required = false, extraHint = null } = {}) {
  const id = `qp-o-${name.replace(/\./g, "-")}`;
  control.id = id;
  control.dataset.field = name;
  const hintEl = el("p", { class: "qp-ohint", id: `${id}-hint`, text: hint });
  const error = el("p", { class: "qp-oerror", id: `${id}-error`, hidden: true });
  // As GOV.UK forms do, optional fields say so in their label (（选填）); required ones carry aria-required.
  const labelEl = el("label", { class: "qp-olabel", for: id }, labelText);
  if (required) control.setAttribute("aria-required", "true");
  const wrap = el("div", { class: "qp-ofield", "data-field": name }, labelEl, hintEl, extraHint, error, control);
  control.setAttribute("aria-describedby", `${id}-hint`);
  controls[name] = { wrap, input: control, error, hint: hintEl, label: labelEl };
  return wrap;
}

function bindText(input, get, set, name) {
  input.value = get() ?? "";
  input.addEventListener("input", () => { set(input.value); changed(); });
  input.addEventListener("change", () => { touched.add(name); changed(); });
  return input;
}

function setPath(obj, path, value) {
  const parts = path.split(".");
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p];
  o[parts.at(-1)] = value;
}
const getPath = (obj, path) => path.split(".").reduce((o, p) => o?.[p], obj);

function textField(name, labelText, opts = {}) {
  const input = el(opts.multiline ? "textarea" : "input", {
    type: opts.multiline ? null : (opts.type ?? "text"), class: `qp-oinput ${opts.cls ?? ""}`,
    rows: opts.rows ?? null, inputmode: opts.inputmode ?? null, autocomplete: opts.autocomplete ?? "off",
    spellcheck: "false", placeholder: opts.placeholder ?? null,
  });
  bindText(input, () => getPath(state, name), (v) => setPath(state, name, v), name);
  return fieldBlock(name, labelText, input, opts);
}

function selectField(name, labelText, opts = {}) {
  const select = el("select", { class: "qp-oselect" });
  select.addEventListener("change", () => {
    setPath(state, name, select.value);
    touched.add(name);
    opts.onchange?.();
    changed();
  });
  return fieldBlock(name, labelText, select, opts);
}

function fillSelect(select, choices, value, empty) {
  select.replaceChildren(el("option", { value: "", text: empty }));
  for (const [v, text] of choices) select.append(el("option", { value: v, text }));
  // A value the choices do not hold (pasted, or from an old draft) stays, marked, so the check can explain it.
  if (value && !choices.some(([v]) => v === value)) select.append(el("option", { value, text: `${value}（不在可选范围内）` }));
  select.value = value ?? "";
}

let firstRow = 0;  // the first entry the page shows (pager.mjs)
let entriesPager = null;
let kindHint, entriesList, countLine, pasteStatus, objectionsBox, objectionsLegend, objectionsNote, endPeriodHint,
  titleHint;

function buildForm() {
  form.replaceChildren();
  if (opened) {
    const built = correctionFieldset(opened, state.correction, { textField, fieldBlock, changed });
    showEdits = built.showEdits;
    showEdits(edits);
    form.append(built.fieldset);
  } else {
    form.append(picker(published, openPublished));
  }
  const basics = el("fieldset", { class: "qp-ofieldset" }, el("legend", { text: "公示信息" }));
  basics.append(selectField("scheme", SCHEME_LABEL, { required: true, onchange: schemeChanged }));
  fillSelect(controls.scheme.input, data.schemes.map((s) => [s.id, s.name]), state.scheme, "请选择方案");
  kindHint = el("p", { class: "qp-ohint qp-kind-rule", id: "qp-o-kind-rule" });
  basics.append(selectField("kind", labelOf("kind"), { required: true, extraHint: kindHint, onchange: kindChanged }));
  controls.kind.input.setAttribute("aria-describedby", "qp-o-kind-hint qp-o-kind-rule");
  basics.append(textField("title", labelOf("title"), { required: true, cls: "qp-wide" }));
  titleHint = controls.title.hint;
  basics.append(textField("issuer", labelOf("issuer"), { required: true, cls: "qp-wide", hint: "例如：海州区质量发展委员会办公室" }));
  basics.append(textField("published", labelOf("published"), { type: "date", required: true, cls: "qp-date",
    hint: "公示在网站上发布的日期，默认为今天。" }));
  endPeriodHint = el("p", { class: "qp-ohint qp-period-hint", id: "qp-o-end-period", role: "status" });
  basics.append(textField("end", labelOf("end"), { type: "date", cls: "qp-date", placeholder: "不填则按规则计算",
    hint: "可以不填：按方案规则从发布日期计算公示期的最后一日。填写时不得短于规则要求。", extraHint: endPeriodHint }));
  controls.end.input.setAttribute("aria-describedby", "qp-o-end-hint qp-o-end-period");
  basics.append(textField("year", labelOf("year") + OPTIONAL, { cls: "qp-year", inputmode: "numeric",
    hint: "公示所属的评选年度，例如 2026。不填则为发布日期的年份。" }));
  form.append(basics);

  const bodySet = el("fieldset", { class: "qp-ofieldset" }, el("legend", { text: "正文" }));
  bodySet.append(textField("body", labelOf("body") + OPTIONAL, { multiline: true, rows: 4, cls: "qp-wide",
    hint: "每行一段。例如：根据《海州质量奖管理办法》第九条（二），现将申报受理名单予以公示。" }));
  form.append(bodySet);

  const entriesSet = el("fieldset", { class: "qp-ofieldset qp-entries-set", id: "qp-o-entries" },
    el("legend", { text: labelOf("entries") }));
  entriesSet.dataset.field = "entries";
  const entriesError = el("p", { class: "qp-oerror", id: "qp-o-entries-error", hidden: true });
  countLine = el("p", { class: "qp-entry-count", id: "qp-o-entry-count" });
  entriesList = el("ol", { class: "qp-entry-list", id: "qp-o-entry-list", "aria-describedby": "qp-o-entry-count" });
  const addButton = el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-o-add", text: "添加一项",
    onclick: () => {
      const e = newEntry();
      state.entries.push(e);
      firstRow = pageStart(state.entries.length - 1);
      renderEntries();
      changed();
      document.getElementById(`qp-o-${e.key}-organisation`)?.focus();
    } });
  entriesSet.append(
    el("p", { class: "qp-ohint", text: "每项一家组织。可以逐项填写，也可以从 Excel、WPS 表格复制整行后粘贴到下面的“从表格粘贴”框中。" }),
    entriesError, countLine, entriesList, entriesPager = el("div", { class: "qp-entry-pager" }),
    el("p", { class: "qp-entry-actions" }, addButton));
  controls.entries = { wrap: entriesSet, input: null, error: entriesError, hint: countLine, label: null };

  const pasteId = "qp-o-paste";
  const paste = el("textarea", { id: pasteId, class: "qp-oinput qp-wide qp-paste", rows: 4, spellcheck: "false",
    "aria-describedby": `${pasteId}-hint ${pasteId}-status` });
  pasteStatus = el("p", { class: "qp-paste-status", id: `${pasteId}-status`, role: "status" });
  const pasteBox = el("div", { class: "qp-paste-box" },
    el("label", { class: "qp-olabel", for: pasteId, text: "从表格粘贴" }),
    el("p", { class: "qp-ohint", id: `${pasteId}-hint`,
      text: "从表格复制整行，每行一家组织，各列依次为：名称、统一社会信用代码、奖项/等级（编号或名称）、行业、母公司、区外原因；"
        + "后几列可以没有。第一行是表头的会自动跳过。" }),
    paste,
    el("p", { class: "qp-entry-actions" }, el("button", { type: "button", class: "qp-obutton qp-secondary",
      id: "qp-o-paste-add", text: "添加到名单", onclick: () => {
        const rows = pastedRows(paste.value);
        if (!rows.length) { pasteStatus.textContent = "没有可添加的行：请先把表格中的行粘贴到上面的框中。"; paste.focus(); return; }
        appendRows(rows);
        paste.value = "";
        pasteStatus.textContent = `已添加 ${rows.length} 项，名单现有 ${emittedEntries().length} 项。`;
      } })),
    pasteStatus);
  entriesSet.append(pasteBox);
  form.append(entriesSet);

  objectionsLegend = el("legend", { text: labelOf("objections") });
  objectionsNote = el("p", { class: "qp-ohint", id: "qp-o-objections-note" });
  objectionsBox = el("fieldset", { class: "qp-ofieldset", id: "qp-o-objections" }, objectionsLegend, objectionsNote);
  objectionsBox.append(
    textField("objections.receiver", labelOf("receiver"), { cls: "qp-wide", hint: "例如：海州区质量发展委员会办公室" }),
    textField("objections.phone", labelOf("phone"), { type: "tel", inputmode: "tel", cls: "qp-phone", hint: "办公电话，例如 0518-85551234" }),
    textField("objections.email", labelOf("email"), { type: "email", cls: "qp-wide", inputmode: "email" }),
    textField("objections.address", labelOf("address"), { cls: "qp-wide" }),
    textField("objections.text", labelOf("text") + OPTIONAL, { multiline: true, rows: 3, cls: "qp-wide",
      hint: "例如：对公示名单有异议的，请在公示期内以书面形式实名提出，并提供必要的证明材料。" }),
  );
  form.append(objectionsBox);
  form.addEventListener("submit", (e) => e.preventDefault());
  schemeChanged(false);
  renderEntries();
  // A published notice keeps its identity: a correction may not change it (generator/load/corrections.py).
  for (const name of ["scheme", "kind", "published", "year"]) controls[name].input.disabled = Boolean(opened);
}

// Open a published notice: the form holds its fields, and the file becomes its correction.
function openPublished(notice) {
  opened = notice;
  edits = [];
  const values = formOf(notice.notice);
  Object.assign(state, values, { entries: values.entries.map((e) => newEntry(e)) });
  state.correction = emptyCorrection(chinaDay());
  showAll = true;  // every field is filled: its problems show at once
  buildForm();
  changed();
  ask();
  root.dataset.opened = notice.path;
  document.getElementById("qp-o-correcting")?.focus();
}

function schemeChanged(fromUser = true) {
  const scheme = currentScheme();
  const kinds = scheme?.kinds ?? [];
  if (!kinds.some((k) => k.kind === state.kind)) state.kind = "";
  fillSelect(controls.kind.input, kinds.map((k) => [k.kind, k.label]), state.kind, scheme ? "请选择公示类型" : "请先选择方案");
  controls.kind.input.disabled = !scheme;
  kindChanged();
  if (fromUser) renderEntries();
}

function kindChanged() {
  const scheme = currentScheme();
  const kind = currentKind();
  kindHint.textContent = kind
    ? `${scheme.short_name}规则：${kind.title ?? kind.label}${kind.period ? "，" + kind.period : "，规则未规定公示期"}。`
    : "";
  kindHint.hidden = !kind;
  const required = objectionsRequired();
  objectionsLegend.textContent = labelOf("objections") + (required ? "（必填）" : OPTIONAL);
  objectionsNote.textContent = required
    ? "本类公示须告诉公众向谁、如何提出异议：填写受理异议的单位，以及电话、电子邮箱、地址至少一项。"
    : "本类公示可以不写异议受理；填写时须写明受理异议的单位，以及电话、电子邮箱、地址至少一项。";
  controls["objections.receiver"].input.setAttribute("aria-required", String(required));
  const year = cycleYear();
  titleHint.textContent = scheme && kind ? `例如：${year}年度${scheme.name}${kind.label}` : "例如：2026年度海州质量奖受理名单公示";
  renderCount();
}

// ---------- entries ----------

function tierChoices() { return (currentScheme()?.tiers ?? []).map((t) => [t.id, t.name]); }
function sectorChoices() { return Object.entries(data.sectors); }

function renderEntries() {
  const keep = entriesList.contains(document.activeElement) ? document.activeElement.id : null;
  entriesList.replaceChildren();
  const tiers = tierChoices();
  entriesList.classList.toggle("qp-no-tiers", !tiers.length);
  if (!state.entries.length) state.entries.push(newEntry());
  firstRow = Math.min(firstRow, pageStart(state.entries.length - 1));
  entriesList.start = firstRow + 1;
  state.entries.slice(firstRow, firstRow + PAGE_ROWS)
    .forEach((entry, n) => entriesList.append(entryRow(entry, firstRow + n, tiers)));
  entriesPager.replaceChildren(...pager(state.entries.length, firstRow, (first) => {
    firstRow = first;
    renderEntries();
    document.getElementById("qp-o-entry-shown")?.focus();
  }));
  if (keep) document.getElementById(keep)?.focus();
  renderCount();
  renderProblems();
}

function entryRow(entry, n, tiers) {
  const no = n + 1;
  const id = (c) => `qp-o-${entry.key}-${c}`;
  const cell = (c, control, label = labelOf(c)) => {
    control.id = id(c);
    control.dataset.row = entry.key;
    control.dataset.col = c;
    return el("div", { class: `qp-cell qp-c-${c}` },
      el("label", { class: "qp-cell-label", for: id(c) }, hidden(`第 ${no} 项 `), label), control);
  };
  const text = (c, cls = "") => {
    const input = el("input", { type: "text", class: `qp-oinput ${cls}`, autocomplete: "off", spellcheck: "false" });
    input.value = entry[c] ?? "";
    input.addEventListener("input", () => { entry[c] = input.value; changed(); });
    input.addEventListener("change", () => { touched.add(`row:${entry.key}`); changed(); });
    input.addEventListener("paste", (event) => pasteIntoRow(event, entry));
    return input;
  };
  const select = (c, choices, empty) => {
    const s = el("select", { class: "qp-oselect" });
    fillSelect(s, choices, entry[c], empty);
    s.addEventListener("change", () => { entry[c] = s.value; touched.add(`row:${entry.key}`); changed(); });
    return s;
  };
  const code = text("credit_code", "qp-code");
  code.setAttribute("maxlength", "24");
  code.setAttribute("autocapitalize", "characters");
  const moreId = id("more");
  const isOpen = openMore.has(entry.key) || Boolean(entry.parent || entry.outside_area_reason);
  const more = el("div", { class: "qp-entry-more", id: moreId, hidden: !isOpen },
    cell("parent", text("parent"), labelOf("parent") + OPTIONAL),
    cell("outside_area_reason", text("outside_area_reason"), labelOf("outside_area_reason") + OPTIONAL));
  const moreButton = el("button", { type: "button", class: "qp-obutton qp-link-button", "aria-expanded": String(isOpen),
    "aria-controls": moreId, onclick: () => {
      const open = more.hidden;
      more.hidden = !open;
      moreButton.setAttribute("aria-expanded", String(open));
      if (open) openMore.add(entry.key); else openMore.delete(entry.key);
    } }, "更多", hidden(`：第 ${no} 项的母公司、区外原因`));
  const remove = el("button", { type: "button", class: "qp-obutton qp-link-button qp-remove-row", onclick: () => {
    const at = state.entries.indexOf(entry);
    state.entries.splice(at, 1);
    touched.delete(`row:${entry.key}`);
    renderEntries();
    changed();
    const next = state.entries[at] ?? null;
    (next ? document.getElementById(`qp-o-${next.key}-organisation`) : document.getElementById("qp-o-add"))?.focus();
    pasteStatus.textContent = `已删除第 ${no} 项${entry.organisation ? "（" + entry.organisation + "）" : ""}。`;
  } }, "删除", hidden(`第 ${no} 项`));
  const errors = el("div", { class: "qp-entry-problems", id: id("error"), hidden: true });
  const li = el("li", { class: "qp-entry", "data-row": entry.key },
    el("span", { class: "qp-entry-no", "aria-hidden": "true", text: String(no) }),
    cell("organisation", text("organisation", "qp-org")),
    cell("credit_code", code),
    tiers.length ? cell("tier", select("tier", tiers, "—")) : null,
    cell("sector", select("sector", sectorChoices(), "—")),
    el("div", { class: "qp-cell qp-c-actions" }, moreButton, remove),
    errors, more);
  return li;
}

function appendRows(rows) {
  // Rows still empty (the first, blank one) are filled before new ones are added.
  state.entries = state.entries.filter((e) => !entryIsEmpty(e));
  firstRow = pageStart(state.entries.length);  // the page of the first row added
  for (const r of rows) {
    const e = newEntry(r);
    state.entries.push(e);
    touched.add(`row:${e.key}`);
  }
  renderEntries();
  changed();
}

// The entries in text pasted from a spreadsheet (paste.mjs), with this scheme's tiers and the sectors.
const pastedRows = (text) => parseTable(text, { tiers: currentScheme()?.tiers ?? [], sectors: data.sectors });

function pasteIntoRow(event, entry) {
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
  const rows = pastedRows(text);
  if (!rows.length) return;
  const at = state.entries.indexOf(entry);
  const [first, ...rest] = rows;
  if (entryIsEmpty(entry)) Object.assign(entry, first); else rest.unshift(first);
  touched.add(`row:${entry.key}`);
  const added = rest.map((r) => newEntry(r));
  for (const e of added) touched.add(`row:${e.key}`);
  state.entries.splice(at + 1, 0, ...added);
  renderEntries();
  changed();
  pasteStatus.textContent = `已粘贴 ${rows.length} 项，名单现有 ${emittedEntries().length} 项。`;
}

function renderCount() {
  if (!countLine || !data) return;
  const entries = emittedEntries();
  const parts = [`名单共 ${entries.length} 项。`];
  const scheme = currentScheme();
  const kind = currentKind();
  const capped = (scheme?.tiers ?? []).filter((t) => t.cap !== null && t.cap !== undefined);
  if (kind?.ranked && capped.length) {
    const counts = {};
    for (const e of entries) counts[e.tier] = (counts[e.tier] ?? 0) + 1;
    parts.push("名额：" + capped.map((t) => `${t.name}不超过 ${t.cap} 项（已列 ${counts[t.id] ?? 0} 项）`).join("；") + "。");
  } else if (kind?.ranked && (scheme?.tiers ?? []).length) {
    parts.push("每项须选择奖项或等级。");
  }
  countLine.textContent = parts.join(" ");
}

// ====================================================================================================
// Checking
// ====================================================================================================

function changed() {
  const { text, map } = generate();
  yamlText = text;
  lineMap = map;
  filePath = repositoryPath();
  renderCount();
  clearTimeout(viewTimer);
  viewTimer = setTimeout(renderViews, VIEW_MS);  // the preview and the YAML view wait for a pause in typing
  renderOutputs();
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraft, DEBOUNCE_MS);  // 10,000 rows are a megabyte to store: not on every keystroke
  clearTimeout(timer);
  if (engine === "ready") timer = setTimeout(ask, DEBOUNCE_MS);
}

function ask() {
  clearTimeout(timer);
  if (engine !== "ready") return;
  // What the check is asked about: the text, its path, its line map and the rows it wrote, in order.
  const asked = { text: yamlText, path: filePath, map: lineMap, keys: emittedEntries().map((e) => e.key) };
  const sealed = opened ? { text: opened.text, sealed_on: opened.sealed_on } : null;
  client.call({ type: "check", path: filePath, text: yamlText, today: chinaDay(), sealed, latest: true },
    (id) => { root.dataset.askedId = String(id); })
    .then((msg) => { if (msg) onChecked(msg, asked); });  // null: the text changed since, or the check failed
  renderOutputs();
}

const isCurrent = () => answer !== null && answer.text === yamlText && answer.path === filePath;

// Resolves once the answer to the text now in the form is in (at once when it is already).
function settled() {
  if (engine !== "ready") return Promise.resolve(false);
  if (isCurrent()) return Promise.resolve(true);
  const wait = new Promise((resolve) => waiters.push(resolve));
  if (timer !== null) ask();
  return wait;
}

function onChecked(msg, asked) {
  if (opened && msg.edits && JSON.stringify(msg.edits) !== JSON.stringify(edits)) {
    // The form differs from the published version otherwise than the correction says: write the edits the check
    // answered into the correction and check again (the edits depend on the content alone, so this settles).
    edits = msg.edits;
    showEdits(edits);
    changed();
    ask();
    return;
  }
  answer = { ...msg, ...asked };
  root.dataset.checkedId = String(msg.id);
  root.dataset.problems = String(msg.problems.length);
  renderProblems();
  renderViews();
  renderOutputs();
  const done = waiters;
  waiters = [];
  for (const resolve of done) resolve(true);
}

function startWorker() {
  client = workerClient(() => new Worker(new URL(root.dataset.worker, location.href), { type: "module" }), {
    progress: (msg) => { engineLine.textContent = `正在准备检查程序：${msg.text}`; },
    ready: (msg) => {
      engine = "ready";
      root.dataset.engine = "ready";
      engineLine.textContent = `检查程序已就绪（用时 ${(msg.ms / 1000).toFixed(1)} 秒），填写时自动检查。`;
      ask();
    },
    failed: engineFailed,
  });
}

function engineFailed(message) {
  engine = "failed";
  engineMessage = message;
  root.dataset.engine = "failed";
  engineLine.textContent = `检查程序未能启动：${message}`;
  for (const resolve of waiters) resolve(false);
  waiters = [];
  renderOutputs();
}

// ---------- placing problems ----------

// Where a problem belongs: a field, or a row and its column, by the location the check gives it (place.mjs).
let rowIndex = new Map();  // entry key -> its index in state.entries, while problems are placed

// The columns a row shows: no tier where the scheme has no tiers (a tier problem then shows at the row's name).
const shownColumns = () => (tierChoices().length ? ENTRY_COLUMNS : ENTRY_COLUMNS.filter((c) => c !== "tier"));

function placeProblem(problem) {
  const place = placeOf(problem.loc, shownColumns());
  if (place?.entry !== undefined) {
    // Entry numbers are those of the text that was checked, which may be older than the form.
    const key = answer.keys[place.entry];
    const index = rowIndex.get(key);
    return index === undefined ? { gone: true } : { row: key, col: place.col, no: index + 1 };
  }
  if (place) return place;
  // The correction's lines (correction.mjs) map to their fields line by line; a problem of the whole file has
  // no field (field null: it shows in the error summary at once).
  return { field: answer.map[problem.line]?.field ?? null };
}

function isShown(place) {
  if (showAll || place.field === null) return true;
  if (place.row) return touched.has(`row:${place.row}`);
  return touched.has(place.field);
}

function controlOf(place) {
  if (place.row) return document.getElementById(`qp-o-${place.row}-${place.col}`);
  if (place.field === "entries") {
    const first = state.entries[0];
    return (first && document.getElementById(`qp-o-${first.key}-organisation`)) || document.getElementById("qp-o-add");
  }
  return controls[place.field]?.input ?? null;
}

let summaryKey = "";

function renderProblems() {
  // Clear what the last answer marked.
  for (const c of Object.values(controls)) {
    c.error.hidden = true;
    c.error.replaceChildren();
    c.wrap.classList.remove("qp-ofield--error");
    if (!c.input) continue;
    c.input.removeAttribute("aria-invalid");
    const described = (c.input.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== c.error.id);
    if (described.length) c.input.setAttribute("aria-describedby", described.join(" "));
  }
  for (const li of entriesList.querySelectorAll(".qp-entry")) {
    li.classList.remove("qp-entry--error");
    const box = li.querySelector(".qp-entry-problems");
    box.hidden = true;
    box.replaceChildren();
    for (const input of li.querySelectorAll("input, select")) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
  }
  const problems = answer ? answer.problems : [];
  rowIndex = new Map(state.entries.map((e, n) => [e.key, n]));
  const placed = problems.map((p) => ({ ...p, place: placeProblem(p) })).filter((p) => !p.place.gone);
  const shown = placed.filter((p) => isShown(p.place));
  for (const p of shown) {
    const { place } = p;
    // Beside its field a message needs no location: the leading key path (entries[2].credit_code：) is dropped
    // there; the error summary shows the whole message, as the command line prints it.
    const local = p.message.replace(KEY_PATH, "");
    const line = el("span", { class: "qp-oerror-line" }, hidden("错误："), local);
    if (place.row) {
      const li = entriesList.querySelector(`.qp-entry[data-row="${place.row}"]`);
      if (!li) continue;
      li.classList.add("qp-entry--error");
      const box = li.querySelector(".qp-entry-problems");
      box.hidden = false;
      box.append(el("p", { class: "qp-oerror" }, line));
      const input = controlOf(place);
      if (input) {
        if (place.col === "parent" || place.col === "outside_area_reason") {
          li.querySelector(".qp-entry-more").hidden = false;
          openMore.add(place.row);
        }
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", box.id);
      }
    } else {
      const c = controls[place.field];
      if (!c) continue;
      c.error.hidden = false;
      c.error.append(line);
      c.wrap.classList.add("qp-ofield--error");
      if (place.field === "entries") continue;
      c.input.setAttribute("aria-invalid", "true");
      const described = (c.input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
      if (!described.includes(c.error.id)) c.input.setAttribute("aria-describedby", [...described, c.error.id].join(" "));
    }
  }
  // The error summary: one link per problem shown, to its field; redrawn only when the problems change.
  const key = JSON.stringify(shown.map((p) => [p.message, p.place]));
  if (key !== summaryKey) {
    summaryKey = key;
    // A row on another page of the list (pager.mjs) is shown when its link is followed.
    const idOf = (place) => (place.row ? `qp-o-${place.row}-${place.col}` : controlOf(place)?.id);
    const follow = (place) => {
      if (place.row && !controlOf(place)) { firstRow = pageStart(place.no - 1); renderEntries(); }
      focusControl(controlOf(place));
    };
    summaryList.replaceChildren(...shown.slice(0, SUMMARY_MAX).map((p) => {
      const id = idOf(p.place);
      const where = p.place.row ? `第 ${p.place.no} 项（${labelOf(p.place.col)}）` : p.place.field ? fieldName(p.place.field) : "";
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
  root.dataset.shownProblems = String(shown.length);
  hiddenProblems = placed.length - shown.length;
  renderPeriodHint();
}
let hiddenProblems = 0;

function focusControl(target) {
  if (!target) { form.focus(); return; }
  const more = target.closest(".qp-entry-more");
  if (more) more.hidden = false;
  // The label above the field stays in view (the GOV.UK error summary's behaviour).
  const label = document.querySelector(`label[for="${target.id}"]`);
  target.focus({ preventScroll: true });
  (label && label.offsetParent !== null ? label : target).scrollIntoView({ block: "center" });
}

function renderPeriodHint() {
  const period = isCurrent() ? answer.period : null;
  endPeriodHint.textContent = period
    ? `按规则计算的公示期：${period.start} 至 ${period.end}（${period.rule}）`
    : currentKind()?.period ? "公示期将在检查后显示。" : "";
  endPeriodHint.hidden = !endPeriodHint.textContent;
}

// ====================================================================================================
// Preview of the public page (as templates/notices/notice.md.j2 draws it)
// ====================================================================================================

// What redraws the page's views of the whole file: the preview and the YAML text (a megabyte for 10,000 rows).
function renderViews() {
  clearTimeout(viewTimer);
  renderPreview();
  if (yamlPre && yamlPre.textContent !== yamlText) yamlPre.textContent = yamlText;
}

function renderPreview() {
  // The check's answer carries the page as Python draws it (generator/views/notice_page.py): the last one shown.
  previewBox.replaceChildren(previewPage(answer?.preview ?? null, { engine }));
}

// ====================================================================================================
// Outputs: the file, its path, download, copy, the Git host's new-file page
// ====================================================================================================

let stateBox, pathCode, downloadButton, copyButton, gitLink, actionStatus, yamlPre, draftBox, checkAllButton;

function buildOutputs() {
  stateBox = el("div", { class: "qp-check-state", id: "qp-office-state", role: "status" });
  pathCode = el("code", { id: "qp-office-path" });
  downloadButton = el("button", { type: "button", class: "qp-obutton qp-primary", id: "qp-office-download",
    text: "下载 YAML 文件", onclick: () => deliver("download") });
  copyButton = el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-office-copy",
    text: "复制 YAML", onclick: () => deliver("copy") });
  const repo = data.repository;
  if (repo) {
    gitLink = el("a", { class: "qp-obutton qp-secondary", id: "qp-office-git", target: "_blank", rel: "noopener noreferrer",
      onclick: (event) => { if (!clean()) { event.preventDefault(); deliver("git"); } } },
    `在 ${HOSTS[repo.host] ?? repo.host} 上新建文件`, hidden("（在新窗口打开）"));
  }
  checkAllButton = el("button", { type: "button", class: "qp-obutton qp-link-button", id: "qp-office-check-all",
    text: "显示全部问题", onclick: async () => {
      showAll = true;
      await settled();
      renderProblems();
      renderOutputs();
      if (!summary.hidden) summary.focus();
    } });
  actionStatus = el("p", { class: "qp-action-status", id: "qp-office-action-status", role: "status" });
  draftBox = el("details", { class: "qp-draft-box" },
    el("summary", { text: "尚有问题时保存草稿" }),
    el("p", { class: "qp-ohint", text: "草稿文件的第一行注明“草稿”，不能直接发布：以后可以照着它继续填写，或交给同事处理。" }),
    el("button", { type: "button", class: "qp-obutton qp-secondary", id: "qp-office-draft", text: "下载草稿（不能发布）",
      onclick: () => {
        const n = answer?.problems.length ?? 0;
        const note = engine === "ready" ? `尚有 ${n} 个问题未解决` : "未经检查";
        save(`# 草稿：${note}，不能发布。\n${yamlText}`, `草稿-${filePath.split("/").pop()}`);
        actionStatus.textContent = "已下载草稿。";
      } }));
  yamlPre = el("pre", { class: "qp-yaml", id: "qp-office-yaml", tabindex: "0", "aria-label": "生成的 YAML 文本" });
  const clear = el("button", { type: "button", class: "qp-obutton qp-link-button", id: "qp-office-clear", text: "清空表单，重新开始",
    onclick: () => {
      if (!window.confirm("清空表单中填写的全部内容？")) return;
      localStorage.removeItem(DRAFT_KEY);
      location.reload();
    } });
  outputsBox.replaceChildren(
    stateBox,
    el("dl", { class: "qp-path" }, el("dt", { text: "文件在仓库中的路径" }), el("dd", {}, pathCode)),
    el("div", { class: "qp-office-actions" }, downloadButton, copyButton, gitLink ?? null),
    el("p", { class: "qp-ohint", text: repo
      ? `“在 ${HOSTS[repo.host] ?? repo.host} 上新建文件”在新窗口打开代码托管网站的新建文件页面，路径和内容已经填好；提交后须经审核，并由网站的自动检查再查一遍，通过后才会发布。`
      : "把下载的文件按上面的路径放入网站的仓库并提交；提交后须经审核，并由网站的自动检查再查一遍，通过后才会发布。" }),
    actionStatus, checkAllButton, draftBox,
    el("details", { class: "qp-yaml-box" }, el("summary", { text: "查看生成的 YAML 文本" }), yamlPre),
    el("p", {}, clear));
}

const clean = () => engine === "ready" && isCurrent() && answer.problems.length === 0;

function renderOutputs() {
  if (!stateBox) return;
  pathCode.textContent = filePath;
  let text;
  let kind;
  if (engine === "failed") {
    kind = "failed";
    text = `检查程序未能启动（${engineMessage}），无法在本页检查。可以下载草稿，或按工作指引在电脑上检查。`;
  } else if (engine === "loading") {
    kind = "pending";
    text = "检查程序准备好后自动检查（首次打开需下载约数秒）。";
  } else if (!isCurrent()) {
    kind = "pending";
    text = "正在检查……";
  } else if (answer.problems.length === 0 && opened && !edits.length && !state.correction.withdraw) {
    kind = "pass";
    text = "尚未修改：这份公示与网站上发布的版本相同。修改有误的内容，或选择撤回本公示。";
  } else if (answer.problems.length === 0) {
    kind = "pass";
    text = `检查通过：没有发现问题（名单 ${emittedEntries().length} 项）。可以下载文件或提交。`;
    for (const reminder of answer.reminders ?? []) text += reminder.replace(/^提醒：/, "注意：");
  } else {
    kind = "fail";
    const n = answer.problems.length;
    text = hiddenProblems > 0 && hiddenProblems === n
      ? `尚有 ${n} 项需要填写或修改：填完后逐项显示，或选“显示全部问题”。`
      : `发现 ${n} 个问题，请按提示修改${hiddenProblems ? `（另有 ${hiddenProblems} 项尚未填写的内容）` : ""}。`;
  }
  if (stateBox.textContent !== text) stateBox.textContent = text;
  stateBox.className = `qp-check-state qp-check-${kind}`;
  root.dataset.state = kind;
  const ok = clean();
  for (const b of [downloadButton, copyButton, gitLink]) {
    if (!b) continue;
    b.setAttribute("aria-disabled", String(!ok));
    b.setAttribute("aria-describedby", "qp-office-state");
  }
  if (gitLink) {
    const url = gitUrl(data.repository, filePath, yamlText);
    gitLink.href = url;
    // Very long addresses may be refused by the host: the file can always be uploaded instead.
    gitLink.dataset.long = String(url.length > 8000);
  }
  checkAllButton.hidden = !(kind === "fail" && hiddenProblems > 0);
  draftBox.hidden = ok;
}

function save(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/x-yaml;charset=utf-8" }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function deliver(how) {
  renderViews();
  if (engine === "ready" && !isCurrent()) {
    actionStatus.textContent = "正在检查……";
    await settled();
  }
  if (!clean()) {
    showAll = true;
    renderProblems();
    renderOutputs();
    if (engine !== "ready") {
      actionStatus.textContent = engine === "failed"
        ? "检查程序未能启动，不能确认文件无误：请下载草稿，或按工作指引在电脑上检查。"
        : "检查程序尚未就绪，请稍候。";
      return;
    }
    actionStatus.textContent = `尚有 ${answer.problems.length} 个问题，修改后才能${how === "copy" ? "复制" : how === "git" ? "提交" : "下载"}文件。`;
    summary.focus();
    return;
  }
  const name = filePath.split("/").pop();
  if (how === "download") {
    save(yamlText, name);
    actionStatus.textContent = `已下载 ${name}：请放入仓库的 ${filePath.split("/").slice(0, -1).join("/")}/ 文件夹并提交。`;
  } else if (how === "copy") {
    try {
      await navigator.clipboard.writeText(yamlText);
      actionStatus.textContent = "已复制 YAML 文本。";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(yamlPre);
      yamlPre.closest("details").open = true;
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      actionStatus.textContent = "浏览器不允许复制：已选中下方的 YAML 文本，请按 Ctrl+C 复制。";
    }
  } else if (how === "git") {
    window.open(gitUrl(data.repository, filePath, yamlText), "_blank", "noopener");
  }
}

// ====================================================================================================
// The draft in this browser
// ====================================================================================================

function saveDraft() {
  if (opened) return;  // a correction is not a draft of a new notice, which stays saved
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...state, entries: state.entries.filter((e) => !entryIsEmpty(e)) }));
  } catch { /* storage full or disabled: the form works without it */ }
}

function restoreDraft() {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "null"); } catch { saved = null; }
  if (!saved || typeof saved !== "object") return false;
  for (const k of ["scheme", "kind", "title", "issuer", "published", "end", "year", "body"]) {
    if (typeof saved[k] === "string") state[k] = saved[k];
  }
  for (const k of Object.keys(state.objections)) {
    if (typeof saved.objections?.[k] === "string") state.objections[k] = saved.objections[k];
  }
  if (Array.isArray(saved.entries)) {
    state.entries = saved.entries.map((e) => newEntry(Object.fromEntries(ENTRY_COLUMNS.map((c) => [c, String(e?.[c] ?? "")]))));
  }
  const filled = state.title || state.issuer || state.entries.length;
  if (filled) {
    for (const k of [...NOTICE_FIELDS, ...OBJECTION_KEYS.map((o) => `objections.${o}`)]) touched.add(k);
    for (const e of state.entries) touched.add(`row:${e.key}`);
  }
  return Boolean(filled);
}

// ====================================================================================================
// Start
// ====================================================================================================

async function start() {
  document.getElementById("qp-office-needs-js")?.remove();
  root.hidden = false;
  startWorker();  // Pyodide takes seconds: it loads while the clerk fills the form
  const list = fetch(new URL(root.dataset.published, location.href)).then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  try {
    const response = await fetch(new URL(root.dataset.data, location.href));
    if (!response.ok) throw new Error(`${response.status}`);
    data = await response.json();
    published = await list;
  } catch (error) {
    engineLine.textContent = `无法读取方案数据（${error.message ?? error}），请刷新页面重试。`;
    return;
  }
  state.published = chinaDay();
  const restored = restoreDraft();
  form.setAttribute("tabindex", "-1");
  buildForm();
  buildOutputs();
  if (restored) {
    const note = el("div", { class: "qp-restored", role: "note" },
      el("p", { text: "已恢复本浏览器中上次未完成的填写。要重新开始，请选页面下方的“清空表单，重新开始”。" }));
    form.prepend(note);
  }
  changed();
  root.dataset.loaded = "true";
}

start();
