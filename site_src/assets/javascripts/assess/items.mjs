// The item-by-item sections built from the scheme data, not from the field spec: the self-declarations of the
// conditions reviewers judge, the credit scoring's answers (附件1) and the GB/T 19580 self-rating.
import { el } from "../dom.mjs";
import { label, nextId } from "./state.mjs";

export function declarationsBlock(page) {
  const { state } = page;
  const box = el("div", {});
  for (const s of state.schemes) {
    const items = s.conditions.filter((c) => c.judged_by === "reviewers");
    if (!items.length) continue;
    const fs = el("fieldset", {}, el("legend", { text: s.name }));
    for (const c of items) {
      const checked = state.profile.declarations?.[c.id] === true;
      fs.append(el("label", { class: "qp-check" }, el("input", { type: "checkbox", checked, onchange: (e) => {
        const d = state.profile.declarations || {};
        if (e.target.checked) d[c.id] = true; else delete d[c.id];
        if (Object.keys(d).length) state.profile.declarations = d; else delete state.profile.declarations;
        page.changed();
      } }), ` ${c.title}（${c.cite.clause}）`));
    }
    box.append(fs);
  }
  return box;
}

export function creditBlock(page) {
  const { state } = page;
  const credit = state.schemes.find((s) => s.scoring?.credit)?.scoring.credit;
  if (!credit) return null;
  const box = el("div", {});
  const answers = () => (state.profile.credit_answers ||= {});
  const tidy = () => { if (state.profile.credit_answers && !Object.keys(state.profile.credit_answers).length) delete state.profile.credit_answers; };
  for (const part of credit.parts) {
    const fs = el("fieldset", {}, el("legend", { text: `${part.id}. ${part.name}（满分 ${part.max} 分）` }));
    for (const item of part.items) {
      const id = nextId(state, `credit-${item.id}`);
      const current = state.profile.credit_answers?.[item.id];
      let control;
      if (item.form === "fixed") {
        control = el("select", { id, onchange: (e) => {
          if (e.target.value) answers()[item.id] = e.target.value === "yes"; else delete answers()[item.id];
          tidy(); page.changed(); } },
          el("option", { value: "", text: "未回答" }), el("option", { value: "yes", text: "符合", selected: current === true }),
          el("option", { value: "no", text: "不符合", selected: current === false }));
      } else if (item.form === "base_increment") {
        control = el("input", { id, type: "number", min: "0", step: "1", value: current ?? "", oninput: (e) => {
          if (e.target.value === "") delete answers()[item.id]; else answers()[item.id] = Number(e.target.value);
          tidy(); page.changed(); } });
      } else if (item.form === "highest") {
        control = el("select", { id, onchange: (e) => {
          if (e.target.value === "") delete answers()[item.id];
          else answers()[item.id] = e.target.value === "none" ? null : e.target.value;
          tidy(); page.changed(); } },
          el("option", { value: "", text: "未回答" }), el("option", { value: "none", text: "无", selected: current === null }),
          ...item.options.map((o) => el("option", { value: o.value, text: `${label(state, o.value)}（${o.points} 分）`, selected: current === o.value })));
      } else {
        control = el("span", { id, class: "qp-row" });
        for (const o of item.options) {
          const [group, key] = o.value.includes(".") ? o.value.split(".") : [null, o.value];
          const read = () => (group ? current?.[group]?.[key] : current?.[key]) ?? "";
          const subId = nextId(state, `credit-${item.id}-${o.value}`);
          control.append(el("span", { class: "qp-sub" },
            el("label", { for: subId, text: `${label(state, o.value)}（每项 ${o.points} 分）` }),
            el("input", { id: subId, type: "number", min: "0", step: "1", value: read(), oninput: (e) => {
              const a = answers()[item.id] || {};
              const target = group ? (a[group] ||= {}) : a;
              if (e.target.value === "") delete target[key]; else target[key] = Number(e.target.value);
              answers()[item.id] = a; page.changed(); } })));
        }
      }
      fs.append(el("div", { class: "qp-field" },
        el("label", { for: id, class: "qp-field-label", text: `${item.id}（${item.max} 分）` }), control,
        el("small", { class: "qp-help", text: item.cite.quote })));
    }
    box.append(fs);
  }
  return box;
}

export function excellenceBlock(page) {
  const { state } = page;
  const { standard } = state;
  const box = el("div", {});
  for (const part of standard.parts) {
    const fs = el("fieldset", {}, el("legend", { text: `${part.id} ${part.name}（${part.points} 分）` }));
    for (const item of part.items) {
      const id = nextId(state, `gbt-${item.id}`);
      const current = state.profile.excellence_percent?.[item.id];
      const options = [el("option", { value: "", text: "未评" })];
      for (let p = 0; p <= 100; p += standard.step_percent) options.push(el("option", { value: String(p), text: `${p}%`, selected: current === p }));
      fs.append(el("div", { class: "qp-field" },
        el("label", { for: id, class: "qp-field-label", text: `${item.id} ${item.name}（${item.points} 分）` }),
        el("select", { id, onchange: (e) => {
          const map = state.profile.excellence_percent || {};
          if (e.target.value === "") delete map[item.id]; else map[item.id] = Number(e.target.value);
          if (Object.keys(map).length) state.profile.excellence_percent = map; else delete state.profile.excellence_percent;
          page.changed(); } }, ...options)));
    }
    box.append(fs);
  }
  const note = standard.verified ? null : el("p", { class: "qp-help", text: standard.note });
  return el("div", {}, note, box);
}
