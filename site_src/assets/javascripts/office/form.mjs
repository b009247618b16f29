// The form's fields: the notice's own (scheme, kind, title, dates, body, objections), each a labelled block with its
// hint and its error line (page.controls: field -> {wrap, input, error, hint, label}), and the correction's when a
// published notice is open. The list of entries is entries.mjs's.
import { chinaDay } from "../china-day.mjs";
import { el } from "../dom.mjs";
import { ask } from "./check.mjs";
import { correctionFieldset, emptyCorrection, formOf, picker } from "./correction.mjs";
import { entriesFieldset, renderCount, renderEntries } from "./entries.mjs";
import { currentKind, currentScheme, cycleYear, labelOf, newEntry, objectionsRequired, OPTIONAL, SCHEME_LABEL } from "./state.mjs";

function fieldBlock(page, name, labelText, control, { hint = "", required = false, extraHint = null } = {}) {
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
  page.controls[name] = { wrap, input: control, error, hint: hintEl, label: labelEl };
  return wrap;
}

function setPath(obj, path, value) {
  const parts = path.split(".");
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p];
  o[parts.at(-1)] = value;
}
const getPath = (obj, path) => path.split(".").reduce((o, p) => o?.[p], obj);

function textField(page, name, labelText, opts = {}) {
  const { ed } = page;
  const input = el(opts.multiline ? "textarea" : "input", {
    type: opts.multiline ? null : (opts.type ?? "text"), class: `qp-oinput ${opts.cls ?? ""}`,
    rows: opts.rows ?? null, inputmode: opts.inputmode ?? null, autocomplete: opts.autocomplete ?? "off",
    spellcheck: "false", placeholder: opts.placeholder ?? null,
  });
  input.value = getPath(ed.notice, name) ?? "";
  input.addEventListener("input", () => { setPath(ed.notice, name, input.value); page.changed(); });
  input.addEventListener("change", () => { ed.touched.add(name); page.changed(); });
  return fieldBlock(page, name, labelText, input, opts);
}

function selectField(page, name, labelText, opts = {}) {
  const select = el("select", { class: "qp-oselect" });
  select.addEventListener("change", () => {
    setPath(page.ed.notice, name, select.value);
    page.ed.touched.add(name);
    opts.onchange?.();
    page.changed();
  });
  return fieldBlock(page, name, labelText, select, opts);
}

/** A select's choices ([value, text]) with `value` chosen, and `empty` as the first, blank, one. */
export function fillSelect(select, choices, value, empty) {
  select.replaceChildren(el("option", { value: "", text: empty }));
  for (const [v, text] of choices) select.append(el("option", { value: v, text }));
  // A value the choices do not hold (pasted, or from an old draft) stays, marked, so the check can explain it.
  if (value && !choices.some(([v]) => v === value)) select.append(el("option", { value, text: `${value}（不在可选范围内）` }));
  select.value = value ?? "";
}

/** The whole form for the notice in page.ed (drawn anew when a published notice opens). */
export function buildForm(page) {
  const { ed, form, controls, parts } = page;
  const label = (key) => labelOf(ed, key);
  const text = (...args) => textField(page, ...args);
  form.replaceChildren();
  if (ed.opened) {
    const built = correctionFieldset(ed.opened, ed.notice.correction,
      { textField: text, fieldBlock: (...args) => fieldBlock(page, ...args), changed: () => page.changed() });
    page.showEdits = built.showEdits;
    page.showEdits(ed.edits);
    form.append(built.fieldset);
  } else {
    form.append(picker(ed.published, (notice) => openPublished(page, notice)));
  }
  const basics = el("fieldset", { class: "qp-ofieldset" }, el("legend", { text: "公示信息" }));
  basics.append(selectField(page, "scheme", SCHEME_LABEL, { required: true, onchange: () => schemeChanged(page) }));
  fillSelect(controls.scheme.input, ed.data.schemes.map((s) => [s.id, s.name]), ed.notice.scheme, "请选择方案");
  parts.kindHint = el("p", { class: "qp-ohint qp-kind-rule", id: "qp-o-kind-rule" });
  basics.append(selectField(page, "kind", label("kind"), { required: true, extraHint: parts.kindHint, onchange: () => kindChanged(page) }));
  controls.kind.input.setAttribute("aria-describedby", "qp-o-kind-hint qp-o-kind-rule");
  basics.append(text("title", label("title"), { required: true, cls: "qp-wide" }));
  parts.titleHint = controls.title.hint;
  basics.append(text("issuer", label("issuer"), { required: true, cls: "qp-wide", hint: "例如：海州区质量发展委员会办公室" }));
  basics.append(text("published", label("published"), { type: "date", required: true, cls: "qp-date",
    hint: "公示在网站上发布的日期，默认为今天。" }));
  parts.endPeriodHint = el("p", { class: "qp-ohint qp-period-hint", id: "qp-o-end-period", role: "status" });
  basics.append(text("end", label("end"), { type: "date", cls: "qp-date", placeholder: "不填则按规则计算",
    hint: "可以不填：按方案规则从发布日期计算公示期的最后一日。填写时不得短于规则要求。", extraHint: parts.endPeriodHint }));
  controls.end.input.setAttribute("aria-describedby", "qp-o-end-hint qp-o-end-period");
  basics.append(text("year", label("year") + OPTIONAL, { cls: "qp-year", inputmode: "numeric",
    hint: "公示所属的评选年度，例如 2026。不填则为发布日期的年份。" }));
  form.append(basics);

  const bodySet = el("fieldset", { class: "qp-ofieldset" }, el("legend", { text: "正文" }));
  bodySet.append(text("body", label("body") + OPTIONAL, { multiline: true, rows: 4, cls: "qp-wide",
    hint: "每行一段。例如：根据《海州质量奖管理办法》第九条（二），现将申报受理名单予以公示。" }));
  form.append(bodySet);

  form.append(entriesFieldset(page));

  parts.objectionsLegend = el("legend", { text: label("objections") });
  parts.objectionsNote = el("p", { class: "qp-ohint", id: "qp-o-objections-note" });
  const objectionsBox = el("fieldset", { class: "qp-ofieldset", id: "qp-o-objections" }, parts.objectionsLegend, parts.objectionsNote);
  objectionsBox.append(
    text("objections.receiver", label("receiver"), { cls: "qp-wide", hint: "例如：海州区质量发展委员会办公室" }),
    text("objections.phone", label("phone"), { type: "tel", inputmode: "tel", cls: "qp-phone", hint: "办公电话，例如 0518-85551234" }),
    text("objections.email", label("email"), { type: "email", cls: "qp-wide", inputmode: "email" }),
    text("objections.address", label("address"), { cls: "qp-wide" }),
    text("objections.text", label("text") + OPTIONAL, { multiline: true, rows: 3, cls: "qp-wide",
      hint: "例如：对公示名单有异议的，请在公示期内以书面形式实名提出，并提供必要的证明材料。" }),
  );
  form.append(objectionsBox);
  form.addEventListener("submit", (e) => e.preventDefault());
  schemeChanged(page, false);
  renderEntries(page);
  // A published notice keeps its identity: a correction may not change it (generator/load/corrections.py).
  for (const name of ["scheme", "kind", "published", "year"]) controls[name].input.disabled = Boolean(ed.opened);
}

// Open a published notice: the form holds its fields, and the file becomes its correction.
function openPublished(page, notice) {
  const { ed } = page;
  ed.opened = notice;
  ed.edits = [];
  const values = formOf(notice.notice);
  Object.assign(ed.notice, values, { entries: values.entries.map((e) => newEntry(ed, e)) });
  ed.notice.correction = emptyCorrection(chinaDay());
  ed.showAll = true; // every field is filled: its problems show at once
  buildForm(page);
  page.changed();
  ask(page);
  page.root.dataset.opened = notice.path;
  document.getElementById("qp-o-correcting")?.focus();
}

function schemeChanged(page, fromUser = true) {
  const { ed, controls } = page;
  const scheme = currentScheme(ed);
  const kinds = scheme?.kinds ?? [];
  if (!kinds.some((k) => k.kind === ed.notice.kind)) ed.notice.kind = "";
  fillSelect(controls.kind.input, kinds.map((k) => [k.kind, k.label]), ed.notice.kind, scheme ? "请选择公示类型" : "请先选择方案");
  controls.kind.input.disabled = !scheme;
  kindChanged(page);
  if (fromUser) renderEntries(page);
}

function kindChanged(page) {
  const { ed, controls, parts } = page;
  const scheme = currentScheme(ed);
  const kind = currentKind(ed);
  parts.kindHint.textContent = kind
    ? `${scheme.short_name}规则：${kind.title ?? kind.label}${kind.period ? "，" + kind.period : "，规则未规定公示期"}。`
    : "";
  parts.kindHint.hidden = !kind;
  const required = objectionsRequired(ed);
  parts.objectionsLegend.textContent = labelOf(ed, "objections") + (required ? "（必填）" : OPTIONAL);
  parts.objectionsNote.textContent = required
    ? "本类公示须告诉公众向谁、如何提出异议：填写受理异议的单位，以及电话、电子邮箱、地址至少一项。"
    : "本类公示可以不写异议受理；填写时须写明受理异议的单位，以及电话、电子邮箱、地址至少一项。";
  controls["objections.receiver"].input.setAttribute("aria-required", String(required));
  const year = cycleYear(ed);
  parts.titleHint.textContent = scheme && kind ? `例如：${year}年度${scheme.name}${kind.label}` : "例如：2026年度海州质量奖受理名单公示";
  renderCount(page);
}
