// The widget of a list field (kind "list"): a box per choice for a list of choices, else one row per record with
// "删除" and "＋ 添加一条", and "没有（已确认）" for an empty list the user confirmed.
import { el } from "../dom.mjs";
import { applyGuide } from "./guided.mjs";
import { label, nextId } from "./state.mjs";
import { register, scalarControl } from "./widgets.mjs";

function listWidget(field, id, page) {
  const { state } = page;
  const box = el("div", { class: "qp-list-widget", id });
  const refocus = (key) => { if (key) box.querySelector(`[data-key="${key}"]`)?.focus(); };
  const render = () => {
    const { profile } = state;
    // A checkbox that redraws the list keeps the keyboard focus (the new one with the same key takes it).
    const kept = box.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    box.replaceChildren();
    const items = profile[field.name];
    const choices = field.item.kind === "scheme" ? state.schemes.map((s) => [s.id, s.name])
      : field.item.kind === "enum" ? field.item.enum.map((v) => [v, label(state, v)]) : null;
    // "No scheme of interest" would mean nothing to assess; a kind ticked "有" in the records question is
    // answered "没有" there, by unticking it.
    if (field.item.kind !== "scheme" && !(state.guided && state.screenYes.has(field.name))) {
      const none = el("input", { type: "checkbox", "data-key": "none", checked: Array.isArray(items) && items.length === 0,
        onchange: (e) => {
          if (e.target.checked) profile[field.name] = []; else delete profile[field.name];
          page.changed(); render();
          // Ticked "有" in the records question, then "没有" here: the question takes the answer back.
          if (e.target.checked && state.screenYes.delete(field.name)) {
            applyGuide(page);
            Object.values(state.screens).find((s) => s.items[field.name])?.items[field.name].input.focus();
          }
        } });
      box.append(el("label", { class: "qp-none-box" }, none, " 没有（已确认）"));
    }
    if (choices) {
      for (const [v, text] of choices) {
        const checked = Array.isArray(items) && items.includes(v);
        box.append(el("label", { class: "qp-check" }, el("input", { type: "checkbox", "data-key": `choice-${v}`, checked, onchange: (e) => {
          const list = (profile[field.name] || []).filter((x) => x !== v);
          if (e.target.checked) list.push(v);
          if (list.length) profile[field.name] = list; else delete profile[field.name];
          page.changed(); render();
        } }), " ", text));
      }
      refocus(kept);
      return;
    }
    (items || []).forEach((item, n) => {
      const row = el("div", { class: "qp-row", role: "group", "aria-label": `${field.label} 第${n + 1}条` });
      // A record an earlier version wrote as its date alone (field.item.plain) is that date, other details open.
      if (field.item.plain && (item === null || typeof item !== "object")) item = items[n] = { [field.item.plain]: item };
      if (field.item.kind === "object") {
        for (const sub of field.item.fields) {
          const subId = nextId(state, `${field.name}-${sub.name}`);
          row.append(el("span", { class: "qp-sub" }, el("label", { for: subId, text: sub.label }), scalarControl(page, sub, item, sub.name, subId)));
        }
      } else {
        const holder = { v: item };
        const input = scalarControl(page, field.item, holder, "v", nextId(state, field.name));
        input.setAttribute("aria-label", `${field.label} 第${n + 1}条`);
        input.addEventListener("change", () => { profile[field.name][n] = holder.v; page.changed(); });
        row.append(input);
      }
      row.append(el("button", { type: "button", class: "qp-remove", "aria-label": `删除${field.label}第${n + 1}条`, text: "删除",
        onclick: () => {
          profile[field.name].splice(n, 1); page.changed(); render();
          // Focus stays in the list: on the row that took this one's place, else on "添加一条".
          const rows = box.querySelectorAll(".qp-row");
          (rows[Math.min(n, rows.length - 1)]?.querySelector("input, select") || box.querySelector(".qp-add")).focus();
        } }));
      box.append(row);
    });
    box.append(el("button", { type: "button", class: "qp-add", text: "＋ 添加一条", onclick: () => {
      const list = profile[field.name] || [];
      list.push(field.item.kind === "object" ? {} : field.item.kind === "int" ? new Date().getFullYear() : "");
      profile[field.name] = list; page.changed(); render();
      [...box.querySelectorAll(".qp-row")].pop()?.querySelector("input, select")?.focus(); // the new row
    } }));
    refocus(kept);
  };
  render();
  return box;
}

register("list", { render: listWidget });
