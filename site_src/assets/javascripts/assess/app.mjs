// The self-assessment page: a form built from the profile field spec and the scheme data,
// results from the engine running in a module worker. The profile lives in this page only;
// it leaves it only when the user saves a file or copies a share link (URL fragment).
import { chinaDay } from "../china-day.mjs";
import { el } from "../dom.mjs";
import { workerClient } from "../worker-client.mjs";
import { guide as guide_, noneAnswers } from "./guide.mjs";
import { regionPlace } from "./regions.mjs";
import { decode, encode, isProfile, versioned } from "./share.mjs";

const root = document.getElementById("qp-assess");
const form = document.getElementById("qp-form");
const results = document.getElementById("qp-results");
const statusLine = document.getElementById("qp-engine-status");
const progressBar = document.getElementById("qp-engine-progress");
const problemBox = document.getElementById("qp-profile-problem");
const verdictNews = document.getElementById("qp-verdict-news");
const resultBar = document.getElementById("qp-result-bar");
const lastVerdicts = {};
const abs = (rel) => new URL(rel, location.href).href;

// Labels of verdicts and statuses come with the field spec (generator/assess/terms.py).
let VERDICT = {};
let STATUS = {};

let spec, schemes, labels;
let profile = {};
let worker = null; // the engine's worker, through worker-client.mjs (one promise per call, stale answers dropped)
let ready = false;
const metrics = { navigationToFirstResult: null, bootMs: null, lastAssessMs: null, downloadBytes: null, sentBytes: null };
window.qpMetrics = metrics;

// ---------- small DOM helpers ----------
const label = (v) => labels[v] ?? String(v);
let uid = 0;
const nextId = (name) => `qp-${name.replace(/[^a-z0-9]/gi, "-")}-${++uid}`;

// ---------- which schemes use a fact, and for what (help text) ----------
// Each condition, level and veto lists the facts it reads (generator/views/export.py): the help says in words which
// schemes use a question and for what; the clauses behind it sit behind a toggle.
function usesOf(name) {
  const uses = [];
  for (const s of schemes) {
    const what = [];
    const clauses = [];
    for (const c of s.conditions) {
      if (c.facts.includes(name)) { what.push(c.title); clauses.push(c.cite.clause); }
    }
    if ((s.levels || []).some((lv) => lv.facts?.includes(name))) {
      what.push("申报等级的门槛");
      clauses.push(...s.levels.filter((lv) => lv.facts?.includes(name)).map((lv) => lv.cite.clause));
    }
    for (const v of s.scoring?.credit?.vetoes || []) {
      if (v.facts?.includes(name)) { what.push(`否决项（${v.title.replace(/^否决项：/, "")}）`); clauses.push(v.cite.clause); }
    }
    if (what.length) uses.push({ scheme: s.short_name, what: [...new Set(what)], clauses: [...new Set(clauses)] });
  }
  return uses;
}

// An example for every free-text answer (the placeholder shows it; the help says it too).
const EXAMPLES = { organisation: "苏州某某精密机械有限公司", region_code: "320506", standard: "GB/T 19001-2016/ISO9001:2015" };

// The two legal-person questions are two facts because the sources word them differently.
const MORE_HELP = {
  legal_person: "盐城原文为“具有法人资格”；苏州、嘉兴、海州原文为“具有独立法人资格”。依法登记的公司法人两项均为“是”；分公司等非法人分支机构两项均为“否”。",
  independent_legal_person: "苏州、嘉兴、海州原文为“具有独立法人资格”；盐城原文为“具有法人资格”（见上一题）。",
};

function helpBlock(field, helpId) {
  const uses = usesOf(field.name);
  const words = [field.help, MORE_HELP[field.name]].filter(Boolean).join("。");
  if (!words && !uses.length) return null;
  // A fact many conditions read (行业) names two of them and counts the rest: the help stays a sentence.
  const some = (what) => (what.length > 2 ? `${what.slice(0, 2).join("；")}等 ${what.length} 项` : what.join("；"));
  const usedFor = uses.length ? `用于：${uses.map((u) => `${u.scheme}（${some(u.what)}）`).join("；")}。` : "";
  // The clauses behind the words show only with the form's one toggle ("显示各题的条款出处"): one Tab stop, not
  // one per question.
  return el("div", { class: "qp-help", id: helpId },
    words ? el("span", { text: words.endsWith("。") ? words : `${words}。` }) : null, words && usedFor ? " " : null,
    usedFor ? el("span", { text: usedFor }) : null,
    uses.length ? el("span", { class: "qp-clause-list", text: ` 条款：${uses.map((u) => `${u.scheme} ${u.clauses.join("、")}`).join("；")}。` }) : null);
}

// ---------- widgets: each returns an element and writes into `profile` ----------
function setValue(obj, key, value) {
  if (value === undefined || value === null || value === "") delete obj[key];
  else obj[key] = value;
  changed();
}

function scalarInput(field, obj, key, id) {
  const value = obj[key];
  if (field.kind === "bool") {
    return el("select", { id, onchange: (e) => setValue(obj, key, { yes: true, no: false }[e.target.value]) },
      el("option", { value: "", text: "未填写" }),
      el("option", { value: "yes", text: "是", selected: value === true }),
      el("option", { value: "no", text: "否", selected: value === false }));
  }
  if (field.kind === "enum" || field.kind === "scheme") {
    // Scheme ids are data (schemes/*.yaml): the choices come from the exported schemes, in their order.
    const choices = field.kind === "scheme" ? schemes.map((s) => [s.id, s.name]) : field.enum.map((v) => [v, label(v)]);
    return el("select", { id, onchange: (e) => setValue(obj, key, e.target.value || undefined) },
      el("option", { value: "", text: "未填写" }),
      ...choices.map(([v, text]) => el("option", { value: v, text, selected: value === v })));
  }
  if (field.kind === "date") {
    return el("input", { id, type: "date", value: value ?? "", onchange: (e) => setValue(obj, key, e.target.value) });
  }
  if (field.kind === "int" || field.kind === "number") {
    return el("input", { id, type: "number", min: "0", step: field.kind === "int" ? "1" : "any", value: value ?? "",
      inputmode: "numeric",
      oninput: (e) => setValue(obj, key, e.target.value === "" ? undefined : Number(e.target.value)) });
  }
  return el("input", { id, type: "text", value: value ?? "", pattern: field.pattern ? field.pattern.slice(1, -1) : null,
    placeholder: EXAMPLES[field.name] ? `例如 ${EXAMPLES[field.name]}` : null,
    inputmode: field.name === "region_code" ? "numeric" : null, maxlength: field.name === "region_code" ? "6" : null,
    oninput: (e) => setValue(obj, key, e.target.value.trim()) });
}

function listWidget(field, id) {
  const box = el("div", { class: "qp-list-widget", id });
  const render = () => {
    // A checkbox that redraws the list keeps the keyboard focus (the new one with the same key takes it).
    const kept = box.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    box.replaceChildren();
    const items = profile[field.name];
    const choices = field.item.kind === "scheme" ? schemes.map((s) => [s.id, s.name])
      : field.item.kind === "enum" ? field.item.enum.map((v) => [v, label(v)]) : null;
    // "No scheme of interest" would mean nothing to assess; a kind ticked "有" in the records question is
    // answered "没有" there, by unticking it.
    if (field.item.kind !== "scheme" && !(guided && screenYes.has(field.name))) {
      const none = el("input", { type: "checkbox", "data-key": "none", checked: Array.isArray(items) && items.length === 0,
        onchange: (e) => {
          if (e.target.checked) profile[field.name] = []; else delete profile[field.name];
          changed(); render();
          // Ticked "有" in the records question, then "没有" here: the question takes the answer back.
          if (e.target.checked && screenYes.delete(field.name)) {
            applyGuide();
            Object.values(screens).find((s) => s.items[field.name])?.items[field.name].input.focus();
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
          changed(); render();
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
          const subId = nextId(`${field.name}-${sub.name}`);
          row.append(el("span", { class: "qp-sub" }, el("label", { for: subId, text: sub.label }), scalarInput(sub, item, sub.name, subId)));
        }
      } else {
        const holder = { v: item };
        const input = scalarInput(field.item, holder, "v", nextId(field.name));
        input.setAttribute("aria-label", `${field.label} 第${n + 1}条`);
        input.addEventListener("change", () => { profile[field.name][n] = holder.v; changed(); });
        row.append(input);
      }
      row.append(el("button", { type: "button", class: "qp-remove", "aria-label": `删除${field.label}第${n + 1}条`, text: "删除",
        onclick: () => {
          profile[field.name].splice(n, 1); changed(); render();
          // Focus stays in the list: on the row that took this one's place, else on "添加一条".
          const rows = box.querySelectorAll(".qp-row");
          (rows[Math.min(n, rows.length - 1)]?.querySelector("input, select") || box.querySelector(".qp-add")).focus();
        } }));
      box.append(row);
    });
    box.append(el("button", { type: "button", class: "qp-add", text: "＋ 添加一条", onclick: () => {
      const list = profile[field.name] || [];
      list.push(field.item.kind === "object" ? {} : field.item.kind === "int" ? new Date().getFullYear() : "");
      profile[field.name] = list; changed(); render();
      [...box.querySelectorAll(".qp-row")].pop()?.querySelector("input, select")?.focus(); // the new row
    } }));
    refocus(kept);
  };
  const refocus = (key) => { if (key) box.querySelector(`[data-key="${key}"]`)?.focus(); };
  render();
  return box;
}

// ---------- region: by name (province → city → county) or by code, from GB/T 2260 data ----------
let regions = null; // data/regions.json: {source, provinces: [[code, name, [[code, name, [[code, name]]]]]]}
function regionWidget(field, id) {
  const box = el("div", { class: "qp-region" });
  const note = el("small", { class: "qp-field-note", id: `${id}-note`, "aria-live": "polite" });
  const pick = (name, text) => el("select", { "aria-label": `注册地${name}`, class: `qp-region-${name}` }, el("option", { value: "", text }));
  const prov = pick("省份", "省份"), city = pick("城市", "城市"), county = pick("区县", "区县");
  const code = el("input", { id, type: "text", inputmode: "numeric", maxlength: "6", autocomplete: "off",
    placeholder: `例如 ${EXAMPLES.region_code}`,
    value: profile.region_code ?? "", "aria-describedby": `${id}-note` });
  const options = (select, items, chosen) => {
    select.replaceChildren(select.firstElementChild, ...items.map(([c, n]) => el("option", { value: c, text: n, selected: c === chosen })));
    select.disabled = !items.length;
  };
  const sync = () => {
    const place = /^\d{6}$/.test(code.value) ? regionPlace(regions, code.value) : null;
    const provinces = regions?.provinces || [];
    options(prov, provinces, place?.province);
    const cities = provinces.find(([c]) => c === prov.value)?.[2] || [];
    options(city, cities, place?.city);
    options(county, cities.find(([c]) => c === city.value)?.[2] || [], place?.county);
    if (!code.value) note.textContent = "可按名称选择，也可直接输入 6 位代码（如 320506）。";
    else if (!/^\d{6}$/.test(code.value)) note.textContent = `代码应为 6 位数字，已输入 ${code.value.length} 位；补全之前本项按“未填写”计算。`;
    else note.textContent = place?.county ? `${code.value}：${place.name}` : `${code.value} 不在区县代码表中（${regions?.source || "GB/T 2260"}），请核对。`;
    note.classList.toggle("qp-field-error", Boolean(code.value) && !place?.county);
  };
  const write = (value) => {
    // Only a whole code reaches the profile: a half-typed one is "unfilled", never an error that clears results.
    setValue(profile, "region_code", /^\d{6}$/.test(value) ? value : undefined);
  };
  prov.addEventListener("change", () => { options(city, (regions.provinces.find(([c]) => c === prov.value)?.[2]) || [], null); options(county, [], null); });
  city.addEventListener("change", () => {
    const cities = regions.provinces.find(([c]) => c === prov.value)?.[2] || [];
    options(county, cities.find(([c]) => c === city.value)?.[2] || [], null);
  });
  county.addEventListener("change", () => { code.value = county.value; write(county.value); sync(); });
  code.addEventListener("input", () => { code.value = code.value.replace(/\D/g, "").slice(0, 6); write(code.value); sync(); });
  regionsReady.then(sync);
  sync();
  box.append(el("span", { class: "qp-region-pick", role: "group", "aria-label": "按名称选择注册地" }, prov, city, county),
    el("span", { class: "qp-region-code" }, code), note);
  return box;
}
let regionsReady = Promise.resolve();

function fieldBlock(field) {
  const id = nextId(field.name);
  let control;
  if (field.name === "region_code") control = regionWidget(field, id);
  else if (field.kind === "list") control = listWidget(field, id);
  else if (field.kind === "object") {
    const obj = profile[field.name] || {};
    control = el("div", { class: "qp-row", id });
    for (const sub of field.fields) {
      const subId = nextId(`${field.name}-${sub.name}`);
      const input = scalarInput(sub, obj, sub.name, subId);
      input.addEventListener("change", () => {
        if (Object.keys(obj).length) profile[field.name] = obj; else delete profile[field.name];
        changed();
      });
      control.append(el("span", { class: "qp-sub" }, el("label", { for: subId, text: sub.label }), input));
    }
  } else control = scalarInput(field, profile, field.name, id);
  const helpId = `${id}-help`;
  const help = helpBlock(field, helpId);
  const described = control.querySelector?.(`#${id}`) || control;
  if (help) described.setAttribute("aria-describedby", [described.getAttribute("aria-describedby"), helpId].filter(Boolean).join(" "));
  const isGroup = field.kind === "list" || field.kind === "object";
  return el("div", { class: "qp-field", "data-field": field.name },
    isGroup ? el("span", { class: "qp-field-label", id: `${id}-label`, text: field.label })
      : el("label", { for: id, class: "qp-field-label", text: field.label }),
    control,
    help);
}

function declarationsBlock() {
  const box = el("div", {});
  for (const s of schemes) {
    const items = s.conditions.filter((c) => c.judged_by === "reviewers");
    if (!items.length) continue;
    const fs = el("fieldset", {}, el("legend", { text: s.name }));
    for (const c of items) {
      const checked = profile.declarations?.[c.id] === true;
      fs.append(el("label", { class: "qp-check" }, el("input", { type: "checkbox", checked, onchange: (e) => {
        const d = profile.declarations || {};
        if (e.target.checked) d[c.id] = true; else delete d[c.id];
        if (Object.keys(d).length) profile.declarations = d; else delete profile.declarations;
        changed();
      } }), ` ${c.title}（${c.cite.clause}）`));
    }
    box.append(fs);
  }
  return box;
}

function creditBlock() {
  const credit = schemes.find((s) => s.scoring?.credit)?.scoring.credit;
  if (!credit) return null;
  const box = el("div", {});
  const answers = () => (profile.credit_answers ||= {});
  const tidy = () => { if (profile.credit_answers && !Object.keys(profile.credit_answers).length) delete profile.credit_answers; };
  for (const part of credit.parts) {
    const fs = el("fieldset", {}, el("legend", { text: `${part.id}. ${part.name}（满分 ${part.max} 分）` }));
    for (const item of part.items) {
      const id = nextId(`credit-${item.id}`);
      const current = profile.credit_answers?.[item.id];
      let control;
      if (item.form === "fixed") {
        control = el("select", { id, onchange: (e) => {
          if (e.target.value) answers()[item.id] = e.target.value === "yes"; else delete answers()[item.id];
          tidy(); changed(); } },
          el("option", { value: "", text: "未回答" }), el("option", { value: "yes", text: "符合", selected: current === true }),
          el("option", { value: "no", text: "不符合", selected: current === false }));
      } else if (item.form === "base_increment") {
        control = el("input", { id, type: "number", min: "0", step: "1", value: current ?? "", oninput: (e) => {
          if (e.target.value === "") delete answers()[item.id]; else answers()[item.id] = Number(e.target.value);
          tidy(); changed(); } });
      } else if (item.form === "highest") {
        control = el("select", { id, onchange: (e) => {
          if (e.target.value === "") delete answers()[item.id];
          else answers()[item.id] = e.target.value === "none" ? null : e.target.value;
          tidy(); changed(); } },
          el("option", { value: "", text: "未回答" }), el("option", { value: "none", text: "无", selected: current === null }),
          ...item.options.map((o) => el("option", { value: o.value, text: `${label(o.value)}（${o.points} 分）`, selected: current === o.value })));
      } else {
        control = el("span", { id, class: "qp-row" });
        for (const o of item.options) {
          const [group, key] = o.value.includes(".") ? o.value.split(".") : [null, o.value];
          const read = () => (group ? current?.[group]?.[key] : current?.[key]) ?? "";
          const subId = nextId(`credit-${item.id}-${o.value}`);
          control.append(el("span", { class: "qp-sub" },
            el("label", { for: subId, text: `${label(o.value)}（每项 ${o.points} 分）` }),
            el("input", { id: subId, type: "number", min: "0", step: "1", value: read(), oninput: (e) => {
              const a = answers()[item.id] || {};
              const target = group ? (a[group] ||= {}) : a;
              if (e.target.value === "") delete target[key]; else target[key] = Number(e.target.value);
              answers()[item.id] = a; changed(); } })));
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

function excellenceBlock(standard) {
  const box = el("div", {});
  for (const part of standard.parts) {
    const fs = el("fieldset", {}, el("legend", { text: `${part.id} ${part.name}（${part.points} 分）` }));
    for (const item of part.items) {
      const id = nextId(`gbt-${item.id}`);
      const current = profile.excellence_percent?.[item.id];
      const options = [el("option", { value: "", text: "未评" })];
      for (let p = 0; p <= 100; p += standard.step_percent) options.push(el("option", { value: String(p), text: `${p}%`, selected: current === p }));
      fs.append(el("div", { class: "qp-field" },
        el("label", { for: id, class: "qp-field-label", text: `${item.id} ${item.name}（${item.points} 分）` }),
        el("select", { id, onchange: (e) => {
          const map = profile.excellence_percent || {};
          if (e.target.value === "") delete map[item.id]; else map[item.id] = Number(e.target.value);
          if (Object.keys(map).length) profile.excellence_percent = map; else delete profile.excellence_percent;
          changed(); } }, ...options)));
    }
    box.append(fs);
  }
  const note = standard.verified ? null : el("p", { class: "qp-help", text: standard.note });
  return el("div", {}, note, box);
}

function section(title, ...content) {
  return el("details", { class: "qp-section", open: title === "基本信息", "data-group": title }, el("summary", { text: title }), ...content);
}

// ---------- the guided form: only the questions that could still change a verdict, group by group ----------
// What to show is decided by guide.mjs (a pure function of the spec, the profile, the engine's answer and the UI
// state below), from the same `needs` the result cards show; this part only applies it to the page.
let guided = true;
let lastAnswer = null; // the engine's last answer: until the first, only the first questions show
const skippedGroups = new Set();
const screenYes = new Set(); // kinds ticked as "有" in a records question that hold no record yet
const revealed = new Set(); // facts opened from a result's link
const listedBefore = {}; // group title -> kinds its records question listed: a list never shrinks under the hand
let view = null;
const guideText = el("p", { class: "qp-guide-text", role: "status", tabindex: "-1" });
const guideToggle = el("button", { type: "button", class: "md-button", onclick: () => { guided = !guided; applyGuide(); } });
const clauseToggle = el("button", { type: "button", class: "md-button qp-clause-toggle", "aria-pressed": "false",
  text: "显示各题的条款出处", onclick: () => {
    const on = form.classList.toggle("qp-show-clauses");
    clauseToggle.setAttribute("aria-pressed", String(on));
    clauseToggle.textContent = on ? "隐藏各题的条款出处" : "显示各题的条款出处";
  } });
const guide = el("div", { class: "qp-guide" }, guideText, guideToggle, clauseToggle);

// Records most applicants do not have (profile.SCREENED) are asked as one question: tick the kinds you have,
// or "以上都没有" for the rest; a kind's list opens only once it is ticked or holds a record.
const screens = {}; // group title -> {box, names, items: {name: {label, input}}, none, noneText}
const hasRecords = (n) => Array.isArray(profile[n]) && profile[n].length > 0;
const isEmptyList = (n) => Array.isArray(profile[n]) && profile[n].length === 0;

function uiState() {
  return { guided, skipped: [...skippedGroups], ticked: [...screenYes], revealed: [...revealed],
    listed: Object.fromEntries(Object.entries(listedBefore).map(([k, v]) => [k, [...v]])) };
}

function screenBlock(title, names) {
  const byName = Object.fromEntries(spec.fields.map((f) => [f.name, f]));
  const scr = { names, items: {} };
  for (const n of names) {
    const input = el("input", { type: "checkbox", "data-field": n, onchange: (e) => {
      if (e.target.checked) {
        screenYes.add(n);
        if (isEmptyList(n)) delete profile[n]; // "有" overrides "没有": answered once its records are added
      } else {
        if (hasRecords(n) && !window.confirm(`将删除已填写的${byName[n].label}记录，确定吗？`)) { e.target.checked = true; return; }
        screenYes.delete(n);
        delete profile[n];
      }
      rerenderField(n); changed(); applyGuide();
      if (e.target.checked) form.querySelector(`.qp-field[data-field="${n}"] .qp-add`)?.focus();
    } });
    const text = byName[n].label.replace(/（日期）$/, "");
    scr.items[n] = { input, label: el("label", { class: "qp-check" }, input, " ", text) };
  }
  // "以上都没有" answers every kind still unticked; the ticked ones keep their records.
  scr.noneText = el("span", { text: "以上都没有（已确认）" });
  scr.none = el("input", { type: "checkbox", "data-none": title, onchange: (e) => {
    const rest = noneAnswers(view, title);
    if (e.target.checked) for (const n of rest) profile[n] = [];
    else for (const n of rest) if (isEmptyList(n)) delete profile[n];
    rest.forEach(rerenderField); changed(); applyGuide();
  } });
  scr.box = el("fieldset", { class: "qp-screen", hidden: true },
    el("legend", { class: "qp-field-label", text: "下列记录，贵单位有没有？" }),
    el("p", { class: "qp-help", text: "有的请勾选，随后逐条填写日期；是否在各方案规定的年限内，由计算判断。其余的一项都没有，请勾选“以上都没有”。" }),
    ...names.map((n) => scr.items[n].label),
    el("p", { class: "qp-screen-or", text: "或" }),
    el("label", { class: "qp-check qp-screen-none" }, scr.none, " ", scr.noneText));
  screens[title] = scr;
  return scr.box;
}

// A list widget redrawn after the screen changed its value (its own checkbox shows "没有" or not).
function rerenderField(n) {
  const block = form.querySelector(`.qp-field[data-field="${n}"]`);
  const field = spec.fields.find((f) => f.name === n);
  if (block && field) block.replaceWith(fieldBlock(field));
}

// After "下一组" the keyboard lands on the next group's first question, or on the guide when none is left.
function focusCurrent() {
  const box = view?.current && form.querySelector(`details[data-group="${view.current}"]`);
  const first = box && [...box.querySelectorAll(".qp-screen:not([hidden]) input, .qp-field:not([hidden]) input, .qp-field:not([hidden]) select, .qp-field:not([hidden]) button")]
    .find((x) => x.offsetParent !== null);
  (first || guideText).focus();
}

// A fact a result asks for: show its question (even when the guide would not), open its group, focus it.
function askFor(name) {
  revealed.add(name);
  applyGuide();
  const block = form.querySelector(`.qp-field[data-field="${name}"]`);
  const group = form.querySelector(`details[data-group] .qp-field[data-field="${name}"]`)?.closest("details");
  const tick = Object.values(screens).find((s) => s.items[name] && !s.box.hidden && !s.items[name].label.hidden)?.items[name];
  const target = (block && !block.hidden ? block.querySelector("input, select, button") : null) || tick?.input;
  if (group) group.open = true;
  target?.scrollIntoView({ block: "center" });
  target?.focus();
}

function applyGuide() {
  view = guide_(spec, profile, lastAnswer, uiState());
  for (const [title, s] of Object.entries(view.screens)) listedBefore[title] = new Set(s.listed);
  for (const [title, scr] of Object.entries(screens)) {
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
  for (const [title] of spec.groups) {
    const box = form.querySelector(`details[data-group="${title}"]`);
    if (!box) continue;
    for (const block of box.querySelectorAll(".qp-field[data-field]")) block.hidden = !view.fields[block.dataset.field];
    box.hidden = !view.groups[title].shown;
    box.querySelector(".qp-next-group")?.remove();
    if (view.groups[title].current) {
      box.open = true;
      box.append(el("p", { class: "qp-next-group" }, el("button", { type: "button", class: "md-button", text: "这组其余的问题暂不回答，下一组",
        onclick: () => { skippedGroups.add(title); applyGuide(); focusCurrent(); } })));
    }
  }
  if (guideText.textContent !== view.text) guideText.textContent = view.text; // announced only when it says something new
  guideToggle.textContent = guided ? "显示全部问题" : "只显示可能改变结论的问题";
}

function buildForm(standard) {
  uid = 0;
  const byName = Object.fromEntries(spec.fields.map((f) => [f.name, f]));
  // The groups of facts, and their order, come with the field spec (generator/assess/profile.FORM_GROUPS).
  for (const key of Object.keys(screens)) delete screens[key];
  for (const key of Object.keys(listedBefore)) delete listedBefore[key];
  screenYes.clear();
  revealed.clear();
  const parts = spec.groups.map(([title, names]) => {
    const screened = names.filter((n) => spec.screened.includes(n));
    return section(title, screened.length ? screenBlock(title, screened) : null, ...names.map((n) => fieldBlock(byName[n])));
  });
  parts.push(section("评审专家判断的条件：自我声明", el("p", { class: "qp-help",
    text: "这些条件原文没有量化标准，由评审专家判断。勾选表示贵单位认为符合；结果中仍注明由评审专家判断。" }), declarationsBlock()));
  parts.push(section("江苏省质量信用技术指标（附件1）", creditBlock()));
  parts.push(section("GB/T 19580 自评", excellenceBlock(standard)));
  // "修改" in the answers list finds these item-by-item sections by the profile field they fill.
  parts.at(-3).dataset.answers = "declarations";
  parts.at(-2).dataset.answers = "credit_answers";
  parts.at(-1).dataset.answers = "excellence_percent";
  parts.push(section("评审环节得分（估算加权总分）", fieldBlock(byName.review_scores)));
  form.replaceChildren(guide, ...parts);
  applyGuide();
}

// ---------- problems with the profile ----------
// Shown next to the form; the results are cleared so that no answer for another profile stays on screen.
// A problem with loading stays until the user edits, loads or clears; one from the engine until a result.
let problemKind = null;
function showProblem(text, kind = "load", input = null) {
  problemKind = kind;
  problemBox.lastElementChild.replaceChildren(text, input ? " " : "",
    input ? el("a", { href: "#", text: "转到该项", onclick: (e) => { e.preventDefault(); input.focus(); } }) : "");
  problemBox.hidden = false;
  if (kind === "engine" && results.querySelector(".qp-result")) {
    results.classList.add("qp-stale");
    results.querySelector(".qp-stale-note")?.remove();
    results.prepend(el("p", { class: "qp-stale-note", text: "档案中有一项答案有误（见左侧提示），以下仍是改动之前的结果。" }));
    return;
  }
  results.replaceChildren(el("p", { class: "qp-help", text: "档案有误，暂无结果。请按“档案有误”的提示改正后再看结果。" }));
  delete root.dataset.resultId;
}
function clearProblem() { problemKind = null; problemBox.hidden = true; }

// ---------- results ----------
function fieldProblem(text) {
  // "violations[0].date: …" -> the block of the field "violations": the message goes there too.
  form.querySelectorAll(".qp-field-problem").forEach((n) => n.remove());
  form.querySelectorAll("[aria-invalid]").forEach((n) => n.removeAttribute("aria-invalid"));
  const name = text?.match(/^([a-z_]+)/)?.[1];
  const block = name && form.querySelector(`.qp-field[data-field="${name}"]`);
  if (!block) return null;
  const message = el("p", { class: "qp-field-problem", id: `${name}-problem`, text: text.slice(text.indexOf(":") + 1).trim() });
  block.querySelector(".qp-field-label").after(message);
  const input = block.querySelector("input, select");
  input?.setAttribute("aria-invalid", "true");
  block.closest("details")?.setAttribute("open", "");
  return input;
}

// Scheme id -> its 修订对照 page, relative to this page: "id url,id url" (templates/assess.md.j2).
const revisionPages = () => new Map((root.dataset.revisions ?? "").split(",").filter(Boolean)
  .map((pair) => pair.split(" ")));

// A draft's result: which conditions its own revision notes say the earlier text decides otherwise.
function earlierBlock(r) {
  const e = r.earlier_wording;
  // The scheme's 修订对照 page, at the URL the build gave it (data-revisions: generator/plugin/structure/urls.py).
  const page = revisionPages().get(r.scheme);
  return el("div", { class: "qp-earlier" },
    el("p", {}, e.text, e.differs.length ? `按原办法的写法，结论为“${VERDICT[e.verdict]}”。` : "", " ",
      page ? el("a", { href: new URL(page, location.href).href, text: "修订对照" }) : null),
    e.differs.length ? el("ul", {}, ...e.differs.map((d) => el("li", { text: d.text }))) : null);
}

// A next step's text with each fact it needs as a link that opens and focuses its question.
function nextStep(step) {
  const out = el("span", { class: "qp-step-text" });
  let text = step.text;
  const byName = Object.fromEntries(spec.fields.map((f) => [f.name, f]));
  const link = (n) => el("a", { href: `#qp-ask-${n}`, class: "qp-ask", "data-ask": n, text: `“${byName[n]?.label ?? n}”`,
    onclick: (e) => { e.preventDefault(); askFor(n); } });
  const unplaced = [];
  for (const n of step.needs || []) {
    const quoted = `“${byName[n]?.label ?? n}”`;
    const at = text.indexOf(quoted);
    if (at < 0) { unplaced.push(n); continue; }
    out.append(text.slice(0, at), link(n));
    text = text.slice(at + quoted.length);
  }
  out.append(text);
  if (unplaced.length) out.append(" 填写：", ...unplaced.flatMap((n, i) => (i ? ["、", link(n)] : [link(n)])));
  return out;
}

// What decides a result comes first: what fails, then what could still change an undetermined verdict. Once a
// failure decides it, the conditions still open cannot change it: they are folded, and counted.
function leadingConditions(r) {
  const fails = r.conditions.filter((c) => c.status === "fail");
  const open = r.conditions.filter((c) => c.status === "unknown");
  if (r.verdict === "ineligible") {
    const cured = fails.every((c) => c.passes_from);
    return { first: fails, folded: open,
      said: `结论已确定：${fails.length} 项不符合${cured ? "" : "，时间不能改变其中至少一项"}${open.length ? "；其余尚未判断的条件不影响结论" : ""}。` };
  }
  return { first: [...fails, ...open], folded: [], said: "" };
}

function stepItem(c) {
  // No fact can decide it (reviewers, or the authority): the reason says who does and why.
  const why = c.status === "unknown" && !c.next_step.needs.length && c.reason !== "由评审专家判断"
    ? el("span", { class: "qp-help", text: ` ${c.reason}。` }) : null;
  return el("li", {}, el("strong", { text: `${STATUS[c.status]}：${c.title}` }), el("br"), nextStep(c.next_step), why);
}

// Material rows: one per item of the source (its entries joined), never the heading twice, with the source's
// number and the reason cited after it.
function materialRows(items) {
  const rows = new Map();
  for (const m of items) {
    const key = `${m.number}`;
    const row = rows.get(key) || { number: m.number, category: m.category, names: [], reasons: [] };
    if (!row.names.includes(m.name)) row.names.push(m.name);
    for (const why of (m.reason || "").split("；").filter(Boolean)) if (!row.reasons.includes(why)) row.reasons.push(why);
    rows.set(key, row);
  }
  return [...rows.values()].map((row) => {
    const names = row.names.filter((x) => x !== row.category);
    const what = names.length ? `${row.category}：${names.join("；")}` : row.category;
    return `${what}（原文第 ${row.number} 项${row.reasons.length ? `；${row.reasons.join("；")}` : ""}）`;
  });
}

function renderResults(doc) {
  if (doc.error) {
    // A wrong answer is flagged at its field and in the summary; the last results stay, marked as such.
    const input = fieldProblem(doc.error);
    showProblem(doc.error, "engine", input);
    return;
  }
  if (problemKind === "engine") { clearProblem(); fieldProblem(null); }
  results.classList.remove("qp-stale");
  renderAnswers(); // a loaded file or link comes here without an edit
  lastAnswer = doc;
  applyGuide();
  // A verdict that changed with the last answer is marked on its card and announced once, in one line.
  const changes = [];
  const cards = doc.results.map((r) => {
    const rows = r.conditions.map((c) => el("tr", { class: `qp-st-${c.status}` },
      el("td", { "data-label": "结果" }, el("span", { class: `qp-status qp-status-${c.status}`, text: c.applicable === false ? "不适用" : STATUS[c.status] })),
      el("td", { "data-label": "条件" }, el("strong", { text: c.title }), el("br"), el("span", { class: "qp-help", text: c.reason }),
        c.next_step ? el("p", { class: "qp-next-step" }, nextStep(c.next_step)) : null),
      el("td", { "data-label": "判断方式" }, el("span", { class: "qp-help", text: c.judged_by === "reviewers" ? "评审专家判断" : "规则判断" })),
      el("td", { "data-label": "原文" }, el("span", { class: "qp-clause", text: c.source }), el("q", { class: "qp-quote", text: c.text }))));
    const lead = leadingConditions(r);
    const counts = ["fail", "unknown", "pass"].map((k) => `${STATUS[k]} ${r.conditions.filter((c) => c.status === k).length}`).join(" · ");
    const card = el("article", { class: `qp-result qp-verdict-${r.verdict}`, id: `qp-result-${r.scheme}`, tabindex: "-1" },
      el("h3", {}, `${r.name}：`, el("span", { class: "qp-verdict", text: VERDICT[r.verdict] })),
      r.draft ? el("p", { class: "qp-badge qp-draft-badge", text: "按征求意见稿判断：该稿尚未施行" }) : null,
      el("p", { class: `qp-call qp-call-${r.edition.window?.state || "unknown"}`, text: r.edition.text }),
      r.earlier_wording ? earlierBlock(r) : null,
      r.level ? el("p", { text: `评估等级：${r.level} 级${r.veto === true ? "（触及否决项）" : r.veto === null ? "（否决项尚无法判断）" : ""}` }) : null,
      r.eligible_from ? el("p", { class: "qp-next-step", text: `情况不变时，自 ${r.eligible_from} 起符合全部规则判断的条件。` }) : null,
      el("p", { class: "qp-help", text: counts }),
      // The answer first: what fails, and what a fact would decide, before the full table.
      lead.said ? el("p", { class: "qp-decided", text: lead.said }) : null,
      lead.first.length ? el("ul", { class: "qp-next-steps" }, ...lead.first.map(stepItem)) : null,
      lead.folded.length ? el("details", { class: "qp-folded" },
        el("summary", { text: `另有 ${lead.folded.length} 项尚未判断，不影响结论` }),
        el("ul", { class: "qp-folded-steps" }, ...lead.folded.map(stepItem))) : null,
      el("details", {}, el("summary", { text: "逐项条件" }),
        el("div", { class: "qp-table-scroll", tabindex: "0", role: "region", "aria-label": `${r.name}逐项条件` }, el("table", { class: "qp-table qp-reflow" }, el("thead", {}, el("tr", {}, ...["结果", "条件", "判断方式", "原文"].map((h) => el("th", { scope: "col", text: h })))),
          el("tbody", {}, ...rows)))));
    const score = r.score;
    if (score?.items) {
      card.append(el("p", {}, el("strong", { text: `技术指标得分：${score.total} / ${score.max}` }),
        score.pass_mark !== undefined ? `（合格线 ${score.pass_mark} 分）` : "（原文未设合格线，得分供对照，不决定是否符合）"),
        el("table", { class: "qp-table" }, el("thead", {}, el("tr", {}, ...["部分", "得分", "满分", "未回答的分值"].map((h) => el("th", { scope: "col", text: h })))),
          el("tbody", {}, ...score.parts.map((p) => el("tr", {}, el("td", { text: `${p.id}. ${p.name}` }),
            el("td", { text: p.points }), el("td", { text: p.max }), el("td", { text: p.open }))))),
        el("details", {}, el("summary", { text: "各项计分" }), el("ul", {}, ...Object.entries(score.details).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([id, d]) => el("li", { text: `${id}：${d.points} / ${d.max} 分（${d.how}${d.derived ? "，据档案推算" : ""}）` })))));
    } else if (score) {
      if (score.total !== undefined) {
        card.append(el("p", {}, el("strong", { text: `GB/T 19580 自评：${score.total} / ${score.max} 分` }),
          score.minimum ? ` （最低 ${score.minimum} 分${score.meets_minimum === true ? "，已达到" : score.meets_minimum === false ? "，未达到" : "，尚有条款未评"}）` : "（原文未设合格线）",
          score.missing?.length ? `；未评条款 ${score.missing.length} 项` : ""),
          el("table", { class: "qp-table" }, el("tbody", {}, ...score.parts.map((p) => el("tr", {}, el("td", { text: `${p.id} ${p.name}` }), el("td", { text: `${p.points} / ${p.max}` }))))));
      }
      if (score.weighted !== undefined) card.append(el("p", { text: `加权总分：${score.weighted_how}` }));
    }
    const todo = r.checklist;
    if (todo.required.length || todo.maybe.length || todo.optional.length) {
      // Numbered on from one list to the next; the source's own item number is cited apart.
      let n = 0;
      const list = (items, title) => {
        const rows = materialRows(items);
        return rows.length ? [el("h4", { text: `${title}（${rows.length}）` }),
          el("ol", { start: String(n + 1) }, ...rows.map((m) => { n += 1; return el("li", { text: m }); }))] : [];
      };
      card.append(el("details", { class: "qp-checklist" }, el("summary", { text: "申报材料清单" }),
        ...list(todo.required, "须提供"), ...list(todo.maybe, "可能需要"), ...list(todo.optional, "可选")));
    }
    const before = lastVerdicts[r.scheme];
    if (before && before !== r.verdict) {
      changes.push(`${r.name}：由“${VERDICT[before]}”变为“${VERDICT[r.verdict]}”`);
      card.classList.add("qp-changed");
      card.querySelector("h3").append(el("span", { class: "qp-badge qp-changed-badge", text: `刚刚变化（原为${VERDICT[before]}）` }));
    }
    lastVerdicts[r.scheme] = r.verdict;
    return card;
  });
  if (changes.length) verdictNews.textContent = `结果有变化：${changes.join("；")}。`;
  // On one column (a phone) the results sit below the whole form: this bar keeps each verdict one tap away.
  const marks = { eligible: "✓", ineligible: "✗", undetermined: "?" };
  resultBar.replaceChildren(el("span", { class: "qp-result-bar-title", text: "结果" }),
    ...doc.results.map((r) => el("a", { href: `#qp-result-${r.scheme}`, class: `qp-chip qp-chip-${r.verdict}`,
      title: `${r.name}：${VERDICT[r.verdict]}`, "aria-label": `${r.name}：${VERDICT[r.verdict]}`,
      text: `${schemes.find((s) => s.id === r.scheme)?.short_name || r.name} ${marks[r.verdict]}` })));
  resultBar.hidden = false;
  results.replaceChildren(el("p", { class: "qp-help", text: `${doc.organisation ? `申报组织：${doc.organisation}　` : ""}评估日期：${doc.as_of}` }), ...cards);
}

// ---------- engine ----------
let dirty = false; // answers not yet saved to a file or a share link
function changed() {
  // Only the user's edits come here: they are unsaved until a file or a share link holds them.
  dirty = !shared && Object.keys(profile).length > 0;
  writeHashIfShared();
  renderAnswers();
  assessNow();
}

function assessNow() {
  if (!ready) { statusLine.textContent = "正在准备计算引擎……填写的内容会在引擎就绪后立即计算。"; return; }
  const sent = JSON.parse(JSON.stringify(profile));
  // The page's own day in China stands for an empty 评估日期: one clock for the page, not the worker's UTC one.
  if (!sent.as_of) sent.as_of = chinaDay();
  // data-asked-id is settled when data-result-id catches up (the tests and benches wait on it).
  worker.call({ type: "assess", profile: sent }, (id) => { root.dataset.askedId = String(id); }).then((msg) => {
    if (!msg) return; // a later profile was sent since, or the engine failed
    metrics.lastAssessMs = msg.ms;
    if (metrics.navigationToFirstResult === null) metrics.navigationToFirstResult = performance.now();
    renderResults(msg.result);
    root.dataset.resultId = String(msg.id);
  });
}

// Download progress, counted by the worker as Pyodide reads its files (no second download).
function showDownload({ loaded, total }) {
  if (ready) return;
  progressBar.hidden = false;
  progressBar.max = total;
  progressBar.value = Math.min(loaded, total);
  metrics.downloadBytes = loaded;
  // The bar moves with every chunk; the announced line only every tenth, so a screen reader is not flooded.
  const text = loaded < total
    ? `正在下载计算引擎（只需一次，之后从浏览器缓存读取）：已完成 ${Math.floor((10 * loaded) / total) * 10}%。可以先填写，就绪后立即计算。`
    : "计算引擎已下载，正在启动……";
  if (statusLine.textContent !== text) statusLine.textContent = text;
}

function startEngine() {
  if (typeof WebAssembly !== "object") {
    statusLine.textContent = "此浏览器不支持 WebAssembly，无法计算；请阅读各方案的申报条件页。";
    root.before(Object.assign(document.createElement("p"), { className: "qp-none", textContent: "此浏览器不支持 WebAssembly。" }));
    return;
  }
  worker = workerClient(() => new Worker(root.dataset.worker, { type: "module" }), {
    ready: (msg) => {
      ready = true;
      progressBar.hidden = true;
      metrics.bootMs = msg.ms;
      metrics.sentBytes = msg.sent;
      statusLine.textContent = msg.sent > 0
        ? `计算引擎已就绪（本次经网络传输 ${(msg.sent / 1048576).toFixed(1)} MB，之后从浏览器缓存读取）。`
        : "计算引擎已就绪（从浏览器缓存读取，未经网络下载）。";
      assessNow();
      // Now that everything is downloaded, the service worker caches it from the HTTP cache: offline next time.
      for (const sw of root.dataset.sw.split(" ")) navigator.serviceWorker?.register(sw).catch(() => {});
    },
    progress: showDownload,
    failed: (message) => { statusLine.textContent = `计算引擎加载失败：${message}`; },
  });
  const download = Object.fromEntries(root.dataset.download.split(",").map((pair) => pair.split(":")).map(([n, size]) => [n, Number(size)]));
  worker.send({ type: "init", pyodideURL: abs(root.dataset.pyodide), schemesURL: abs(root.dataset.schemes), download });
}

// ---------- save, load, share ----------
let shared = false;
function writeHashIfShared() { if (shared) history.replaceState(null, "", `#p=${encode(versioned(profile, spec.profile_version))}`); }

function loadProfile(obj, standard) {
  profile = obj;
  for (const key of Object.keys(lastVerdicts)) delete lastVerdicts[key]; // another profile: nothing "changed"
  skippedGroups.clear();
  buildForm(standard);
  dirty = false; // a profile just loaded (file, link, blank) is no unsaved work
  writeHashIfShared();
  assessNow();
}

async function main() {
  results.before(answersBox);
  startEngine(); // boot while the form loads and is filled
  regionsReady = fetch(root.dataset.regions).then((r) => r.json()).then((doc) => { regions = doc; }).catch(() => { regions = null; });
  const [fieldsDoc, data] = await Promise.all([fetch(root.dataset.fields).then((r) => r.json()),
    fetch(root.dataset.schemes).then((r) => r.json())]);
  spec = fieldsDoc; labels = fieldsDoc.labels; schemes = data.schemes;
  VERDICT = fieldsDoc.terms.verdicts; STATUS = fieldsDoc.terms.statuses;
  let initial = {};
  let problem = null;
  if (location.hash.startsWith("#p=")) {
    try { initial = decode(location.hash.slice(3)); } catch { initial = null; }
    if (isProfile(initial)) shared = true;
    else { initial = {}; problem = "分享链接中的档案无法读取（链接可能不完整）：已改为空白档案。请向分享人重新索取完整的链接。"; }
  }
  loadProfile(initial, data.standard);
  if (problem) showProblem(problem);
  form.addEventListener("change", () => { if (problemKind === "load") clearProblem(); });
  root.addEventListener("click", async (e) => {
    const action = e.target.closest("[data-action]")?.dataset.action;
    if (action === "save") {
      dirty = false;
      const blob = new Blob([JSON.stringify(versioned(profile, spec.profile_version), null, 2)], { type: "application/json" });
      const a = el("a", { href: URL.createObjectURL(blob), download: "申报档案.json" });
      a.click();
      URL.revokeObjectURL(a.href);
    } else if (action === "share") {
      shared = true;
      writeHashIfShared();
      try { await navigator.clipboard.writeText(location.href); statusLine.textContent = "分享链接已复制。档案保存在链接的 # 之后，不会发送到服务器。"; }
      catch { statusLine.textContent = "分享链接已放入地址栏，请手动复制。"; }
    } else if (action === "print") {
      window.print();
    } else if (action === "clear") {
      if (Object.keys(profile).length && !window.confirm("清空全部已填写的内容？未保存的内容将无法恢复。")) return;
      shared = false;
      history.replaceState(null, "", location.pathname);
      clearProblem();
      loadProfile({}, data.standard);
    }
  });
  root.querySelector("[data-action=load]").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    let loaded = null;
    try { loaded = JSON.parse(await file.text()); } catch { loaded = null; }
    if (isProfile(loaded)) { clearProblem(); loadProfile(loaded, data.standard); statusLine.textContent = `已载入 ${file.name}`; }
    else showProblem(`${file.name} 不是有效的档案文件（应为“保存档案”得到的 JSON 文件），未载入；表单保留原来的内容。`);
    e.target.value = "";
  });
}

// Leaving with answers not saved anywhere asks first (the browser shows its own words).
window.addEventListener("beforeunload", (e) => { if (dirty) { e.preventDefault(); e.returnValue = ""; } });

// ---------- the printed report: whose answers, the answers, the verdicts and reasons, the materials ----------
function shownValue(field, value) {
  if (value === true) return "是";
  if (value === false) return "否";
  if (Array.isArray(value)) {
    if (!value.length) return "无（已确认）";
    return value.map((item) => (item && typeof item === "object"
      ? field.item.fields.filter((f) => item[f.name] !== undefined).map((f) => `${f.label}${shownValue(f, item[f.name])}`).join("，")
      : shownValue(field.item, item))).join("；");
  }
  if (value && typeof value === "object") {
    return (field.fields || []).filter((f) => value[f.name] !== undefined).map((f) => `${f.label}：${shownValue(f, value[f.name])}`).join("，");
  }
  return field.kind === "enum" || field.kind === "scheme" ? (schemes.find((s) => s.id === value)?.name || label(value)) : String(value);
}

// ---------- check your answers: every answer given, each with a link back to its question ----------
// The same list is the printed report's "填写的情况".
// Hidden until first drawn: an empty <details> would show the browser's own summary ("Details", in English).
const answersBox = el("details", { class: "qp-answers", id: "qp-answers", hidden: true });
function renderAnswers() {
  const answered = spec.fields.filter((f) => f.asked !== false && profile[f.name] !== undefined); // not the version
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
    : el("li", {}, el("strong", { text: `${f.label}：` }), shownValue(f, profile[f.name]), " ", change(f))));
  answersBox.replaceChildren(el("summary", { text: `核对填写的情况（${answered.length} 项）` }),
    rows.length ? el("ul", {}, ...rows) : el("p", { text: "未填写任何内容。" }));
  answersBox.hidden = false;
}

// Printing shows the answers and each result's lead and materials, not the full condition tables.
window.addEventListener("beforeprint", () => {
  renderAnswers();
  answersBox.open = true;
  results.querySelectorAll("details.qp-checklist").forEach((d) => { d.open = true; });
});

main();
