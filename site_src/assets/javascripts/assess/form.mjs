// The form: one block per question of the field spec, in its groups and their order
// (generator/assess/profile.FORM_GROUPS), each drawn by the widget registered for its kind, then the item-by-item
// sections. Which questions show is guided.mjs's job.
import { el } from "../dom.mjs";
import { applyGuide, screenBlock } from "./guided.mjs";
import { helpBlock } from "./help.mjs";
import { creditBlock, declarationsBlock, excellenceBlock } from "./items.mjs";
import { fieldsByName, nextId } from "./state.mjs";
import { scalarControl, widgetFor } from "./widgets.mjs";

/** A question: its label, its widget, its help. */
export function fieldBlock(page, field) {
  const { state } = page;
  const id = nextId(state, field.name);
  const widget = widgetFor(field);
  const control = widget.read ? scalarControl(page, field, state.profile, field.name, id) : widget.render(field, id, page);
  const helpId = `${id}-help`;
  const help = helpBlock(state.schemes, field, helpId);
  const described = control.querySelector?.(`#${id}`) || control;
  if (help) described.setAttribute("aria-describedby", [described.getAttribute("aria-describedby"), helpId].filter(Boolean).join(" "));
  const isGroup = field.kind === "list" || field.kind === "object";
  return el("div", { class: "qp-field", "data-field": field.name },
    isGroup ? el("span", { class: "qp-field-label", id: `${id}-label`, text: field.label })
      : el("label", { for: id, class: "qp-field-label", text: field.label }),
    control,
    help);
}

/** A list widget redrawn after the records question changed its value (its own checkbox shows "没有" or not). */
export function rerenderField(page, name) {
  const block = page.form.querySelector(`.qp-field[data-field="${name}"]`);
  const field = page.state.spec.fields.find((f) => f.name === name);
  if (block && field) block.replaceWith(fieldBlock(page, field));
}

function section(title, ...content) {
  return el("details", { class: "qp-section", open: title === "基本信息", "data-group": title }, el("summary", { text: title }), ...content);
}

/** The whole form for the profile in page.state, drawn anew (a profile loaded, linked or cleared). */
export function buildForm(page) {
  const { state } = page;
  const { spec } = state;
  state.uid = 0;
  const byName = fieldsByName(state);
  for (const key of Object.keys(state.screens)) delete state.screens[key];
  for (const key of Object.keys(state.listedBefore)) delete state.listedBefore[key];
  state.screenYes.clear();
  state.revealed.clear();
  const parts = spec.groups.map(([title, names]) => {
    const screened = names.filter((n) => spec.screened.includes(n));
    return section(title, screened.length ? screenBlock(page, title, screened) : null, ...names.map((n) => fieldBlock(page, byName[n])));
  });
  parts.push(section("评审专家判断的条件：自我声明", el("p", { class: "qp-help",
    text: "这些条件原文没有量化标准，由评审专家判断。勾选表示贵单位认为符合；结果中仍注明由评审专家判断。" }), declarationsBlock(page)));
  parts.push(section("江苏省质量信用技术指标（附件1）", creditBlock(page)));
  parts.push(section("GB/T 19580 自评", excellenceBlock(page)));
  // "修改" in the answers list finds these item-by-item sections by the profile field they fill.
  parts.at(-3).dataset.answers = "declarations";
  parts.at(-2).dataset.answers = "credit_answers";
  parts.at(-1).dataset.answers = "excellence_percent";
  parts.push(section("评审环节得分（估算加权总分）", fieldBlock(page, byName.review_scores)));
  page.form.replaceChildren(page.guide.box, ...parts);
  applyGuide(page);
}
