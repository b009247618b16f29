// The form's widgets, registered by field kind (the `kind` of the field spec, generator/assess/profile.Field; a field
// whose `widget` names another, as region_code's "region", gets that one). A scalar widget (every kind with one
// value, and the region picker) is {render(field, id, page) -> control, read(control) -> answer,
// write(control, answer), event?}, bound to its answer by scalarControl on `event` ("change" unless named); a
// composite one (a list, an object) binds its own parts and has render only.
// Registering touches no DOM: the widgets' modules register themselves when imported (page.mjs imports them).
import { el } from "../dom.mjs";
import { EXAMPLES } from "./help.mjs";
import { label, nextId, putAnswer } from "./state.mjs";

const widgets = new Map();

/** Register `widget` for fields of `kind` (or whose `widget` is `kind`). */
export function register(kind, widget) {
  widgets.set(kind, widget);
}

/** The widget for `field`: by its `widget`, else its kind, else a text box. */
export function widgetFor(field) {
  return widgets.get(field.widget) ?? widgets.get(field.kind) ?? widgets.get("str");
}

/** The kinds registered so far. */
export function registeredKinds() {
  return [...widgets.keys()];
}

/** The control for obj[key]: drawn with the answer, writing every change back through `changed` (page.changed). */
export function scalarControl(page, field, obj, key, id) {
  const widget = widgetFor(field);
  const control = widget.render(field, id, page);
  widget.write(control, obj[key]);
  control.addEventListener(widget.event ?? "change", () => { putAnswer(obj, key, widget.read(control)); page.changed(); });
  return control;
}

// Scheme ids are data (schemes/*.yaml): the choices come from the exported schemes, in their order.
const choicesOf = (field, page) => (field.kind === "scheme" ? page.state.schemes.map((s) => [s.id, s.name])
  : field.enum.map((v) => [v, label(page.state, v)]));

const choice = {
  render: (field, id, page) => el("select", { id }, el("option", { value: "", text: "未填写" }),
    ...choicesOf(field, page).map(([v, text]) => el("option", { value: v, text }))),
  read: (control) => control.value || undefined,
  write: (control, value) => {
    control.value = value ?? "";
    if (control.selectedIndex < 0) control.selectedIndex = 0; // a value not among the choices shows as unfilled
  },
};
register("enum", choice);
register("scheme", choice);

register("bool", {
  render: (field, id) => el("select", { id }, el("option", { value: "", text: "未填写" }),
    el("option", { value: "yes", text: "是" }), el("option", { value: "no", text: "否" })),
  read: (control) => ({ yes: true, no: false })[control.value],
  write: (control, value) => { control.value = value === true ? "yes" : value === false ? "no" : ""; },
});

register("date", {
  render: (field, id) => el("input", { id, type: "date" }),
  read: (control) => control.value,
  write: (control, value) => { control.value = value ?? ""; },
});

const number = {
  event: "input",
  render: (field, id) => el("input", { id, type: "number", min: "0", step: field.kind === "int" ? "1" : "any", inputmode: "numeric" }),
  read: (control) => (control.value === "" ? undefined : Number(control.value)),
  write: (control, value) => { control.value = value ?? ""; },
};
register("int", number);
register("number", number);

register("str", {
  event: "input",
  render: (field, id) => el("input", { id, type: "text", pattern: field.pattern ? field.pattern.slice(1, -1) : null,
    placeholder: EXAMPLES[field.name] ? `例如 ${EXAMPLES[field.name]}` : null }),
  read: (control) => control.value.trim(),
  write: (control, value) => { control.value = value ?? ""; },
});

// An object (review_scores): its sub-fields side by side, the object dropped from the profile while all are empty.
register("object", {
  render: (field, id, page) => {
    const obj = page.state.profile[field.name] || {};
    const control = el("div", { class: "qp-row", id });
    for (const sub of field.fields) {
      const subId = nextId(page.state, `${field.name}-${sub.name}`);
      const input = scalarControl(page, sub, obj, sub.name, subId);
      input.addEventListener("change", () => {
        if (Object.keys(obj).length) page.state.profile[field.name] = obj; else delete page.state.profile[field.name];
        page.changed();
      });
      control.append(el("span", { class: "qp-sub" }, el("label", { for: subId, text: sub.label }), input));
    }
    return control;
  },
});
