// The guided form: only the questions that could still change a verdict, group by group. What to show is decided by
// guide.mjs (a pure function of the spec, the profile, the engine's answer and the UI state); this module applies it
// to the page: the guide bar, the records questions ("下列记录，贵单位有没有？"), a fact a result asks for.
import { el } from "../dom.mjs";
import { rerenderField } from "./form.mjs";
import { guide, noneAnswers } from "./guide.mjs";
import { fieldsByName, uiState } from "./state.mjs";

/** The bar above the form: what the guide says, "显示全部问题", the clauses toggle. Drawn once per page. */
export function guideBar(page) {
  const text = el("p", { class: "qp-guide-text", role: "status", tabindex: "-1" });
  const toggle = el("button", { type: "button", class: "md-button", onclick: () => { page.state.guided = !page.state.guided; applyGuide(page); } });
  const clauseToggle = el("button", { type: "button", class: "md-button qp-clause-toggle", "aria-pressed": "false",
    text: "显示各题的条款出处", onclick: () => {
      const on = page.form.classList.toggle("qp-show-clauses");
      clauseToggle.setAttribute("aria-pressed", String(on));
      clauseToggle.textContent = on ? "隐藏各题的条款出处" : "显示各题的条款出处";
    } });
  return { text, toggle, box: el("div", { class: "qp-guide" }, text, toggle, clauseToggle) };
}

const hasRecords = (profile, n) => Array.isArray(profile[n]) && profile[n].length > 0;
const isEmptyList = (profile, n) => Array.isArray(profile[n]) && profile[n].length === 0;

// Records most applicants do not have (profile.SCREENED) are asked as one question: tick the kinds you have,
// or "以上都没有" for the rest; a kind's list opens only once it is ticked or holds a record.
export function screenBlock(page, title, names) {
  const { state } = page;
  const byName = fieldsByName(state);
  const scr = { names, items: {} };
  for (const n of names) {
    const input = el("input", { type: "checkbox", "data-field": n, onchange: (e) => {
      if (e.target.checked) {
        state.screenYes.add(n);
        if (isEmptyList(state.profile, n)) delete state.profile[n]; // "有" overrides "没有": answered once its records are added
      } else {
        if (hasRecords(state.profile, n) && !window.confirm(`将删除已填写的${byName[n].label}记录，确定吗？`)) { e.target.checked = true; return; }
        state.screenYes.delete(n);
        delete state.profile[n];
      }
      rerenderField(page, n); page.changed(); applyGuide(page);
      if (e.target.checked) page.form.querySelector(`.qp-field[data-field="${n}"] .qp-add`)?.focus();
    } });
    const text = byName[n].label.replace(/（日期）$/, "");
    scr.items[n] = { input, label: el("label", { class: "qp-check" }, input, " ", text) };
  }
  // "以上都没有" answers every kind still unticked; the ticked ones keep their records.
  scr.noneText = el("span", { text: "以上都没有（已确认）" });
  scr.none = el("input", { type: "checkbox", "data-none": title, onchange: (e) => {
    const rest = noneAnswers(state.view, title);
    if (e.target.checked) for (const n of rest) state.profile[n] = [];
    else for (const n of rest) if (isEmptyList(state.profile, n)) delete state.profile[n];
    rest.forEach((n) => rerenderField(page, n)); page.changed(); applyGuide(page);
  } });
  scr.box = el("fieldset", { class: "qp-screen", hidden: true },
    el("legend", { class: "qp-field-label", text: "下列记录，贵单位有没有？" }),
    el("p", { class: "qp-help", text: "有的请勾选，随后逐条填写日期；是否在各方案规定的年限内，由计算判断。其余的一项都没有，请勾选“以上都没有”。" }),
    ...names.map((n) => scr.items[n].label),
    el("p", { class: "qp-screen-or", text: "或" }),
    el("label", { class: "qp-check qp-screen-none" }, scr.none, " ", scr.noneText));
  state.screens[title] = scr;
  return scr.box;
}

// After "下一组" the keyboard lands on the next group's first question, or on the guide when none is left.
function focusCurrent(page) {
  const { view } = page.state;
  const box = view?.current && page.form.querySelector(`details[data-group="${view.current}"]`);
  const first = box && [...box.querySelectorAll(".qp-screen:not([hidden]) input, .qp-field:not([hidden]) input, .qp-field:not([hidden]) select, .qp-field:not([hidden]) button")]
    .find((x) => x.offsetParent !== null);
  (first || page.guide.text).focus();
}

/** A fact a result asks for: show its question (even when the guide would not), open its group, focus it. */
export function askFor(page, name) {
  const { form, state } = page;
  state.revealed.add(name);
  applyGuide(page);
  const block = form.querySelector(`.qp-field[data-field="${name}"]`);
  const group = form.querySelector(`details[data-group] .qp-field[data-field="${name}"]`)?.closest("details");
  const tick = Object.values(state.screens).find((s) => s.items[name] && !s.box.hidden && !s.items[name].label.hidden)?.items[name];
  const target = (block && !block.hidden ? block.querySelector("input, select, button") : null) || tick?.input;
  if (group) group.open = true;
  target?.scrollIntoView({ block: "center" });
  target?.focus();
}

/** Show and hide the questions as guide.mjs says for the present profile, answer and UI state. */
export function applyGuide(page) {
  const { form, state } = page;
  const view = guide(state.spec, state.profile, state.lastAnswer, uiState(state));
  state.view = view;
  for (const [title, s] of Object.entries(view.screens)) state.listedBefore[title] = new Set(s.listed);
  for (const [title, scr] of Object.entries(state.screens)) {
    const s = view.screens[title];
    scr.box.hidden = !s.listed.length;
    for (const n of scr.names) {
      scr.items[n].label.hidden = !s.listed.includes(n);
      scr.items[n].input.checked = s.ticked.includes(n);
    }
    scr.none.checked = s.none;
    scr.noneText.textContent = s.noneLabel;
    scr.none.closest("label").hidden = !s.rest.length; // every kind listed holds records: nothing left to answer
    scr.box.querySelector(".qp-screen-or").hidden = !s.rest.length;
  }
  for (const [title] of state.spec.groups) {
    const box = form.querySelector(`details[data-group="${title}"]`);
    if (!box) continue;
    for (const block of box.querySelectorAll(".qp-field[data-field]")) block.hidden = !view.fields[block.dataset.field];
    box.hidden = !view.groups[title].shown;
    box.querySelector(".qp-next-group")?.remove();
    if (view.groups[title].current) {
      box.open = true;
      box.append(el("p", { class: "qp-next-group" }, el("button", { type: "button", class: "md-button", text: "这组其余的问题暂不回答，下一组",
        onclick: () => { state.skippedGroups.add(title); applyGuide(page); focusCurrent(page); } })));
    }
  }
  const { text, toggle } = page.guide;
  if (text.textContent !== view.text) text.textContent = view.text; // announced only when it says something new
  toggle.textContent = state.guided ? "显示全部问题" : "只显示可能改变结论的问题";
}
