// "核对填写的情况": every answer given, each with a link back to its question. The same list is the printed report's
// "填写的情况". shownValue (an answer in words) is pure.
import { el } from "../dom.mjs";
import { label } from "./state.mjs";

/** An answer in words: 是/否, a list's items, an object's parts, a choice's label. */
export function shownValue(state, field, value) {
  if (value === true) return "是";
  if (value === false) return "否";
  if (Array.isArray(value)) {
    if (!value.length) return "无（已确认）";
    return value.map((item) => (item && typeof item === "object"
      ? field.item.fields.filter((f) => item[f.name] !== undefined).map((f) => `${f.label}${shownValue(state, f, item[f.name])}`).join("，")
      : shownValue(state, field.item, item))).join("；");
  }
  if (value && typeof value === "object") {
    return (field.fields || []).filter((f) => value[f.name] !== undefined).map((f) => `${f.label}：${shownValue(state, f, value[f.name])}`).join("，");
  }
  return field.kind === "enum" || field.kind === "scheme" ? (state.schemes.find((s) => s.id === value)?.name || label(state, value)) : String(value);
}

// Hidden until first drawn: an empty <details> would show the browser's own summary ("Details", in English).
export const answersBox = () => el("details", { class: "qp-answers", id: "qp-answers", hidden: true });

/** Draw the list into page.answersBox. */
export function renderAnswers(page) {
  const { form, state } = page;
  const { profile } = state;
  const answered = state.spec.fields.filter((f) => f.asked !== false && profile[f.name] !== undefined); // not the version
  const counted = { declarations: "项自我声明", credit_answers: "项技术指标回答", excellence_percent: "个 GB/T 19580 条款自评" };
  const change = (f) => el("a", { href: `#qp-field-${f.name}`, class: "qp-change qp-noprint", "aria-label": `修改${f.label}`, text: "修改",
    onclick: (e) => {
      e.preventDefault();
      const block = form.querySelector(`.qp-field[data-field="${f.name}"]`) || form.querySelector(`details[data-answers="${f.name}"]`);
      const box = block?.closest("details.qp-section");
      if (box) box.open = true;
      (block?.querySelector("input, select, button, summary") || block)?.focus();
    } });
  const rows = answered.map((f) => (counted[f.name]
    ? el("li", {}, `${f.label}：${Object.keys(profile[f.name]).length} ${counted[f.name]} `, change(f))
    : el("li", {}, el("strong", { text: `${f.label}：` }), shownValue(state, f, profile[f.name]), " ", change(f))));
  page.answersBox.replaceChildren(el("summary", { text: `核对填写的情况（${answered.length} 项）` }),
    rows.length ? el("ul", {}, ...rows) : el("p", { text: "未填写任何内容。" }));
  page.answersBox.hidden = false;
}
