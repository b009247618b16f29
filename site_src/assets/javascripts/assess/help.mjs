// Each question's help: its own words and, in words, which schemes use the fact and for what; the clauses behind it
// show only with the form's one toggle. usesOf and helpWords are pure; helpBlock draws them.
import { el } from "../dom.mjs";

// An example for every free-text answer (the placeholder shows it; the help says it too).
export const EXAMPLES = { organisation: "苏州某某精密机械有限公司", region_code: "320506", standard: "GB/T 19001-2016/ISO9001:2015" };

// The two legal-person questions are two facts because the sources word them differently.
const MORE_HELP = {
  legal_person: "盐城原文为“具有法人资格”；苏州、嘉兴、海州原文为“具有独立法人资格”。依法登记的公司法人两项均为“是”；分公司等非法人分支机构两项均为“否”。",
  independent_legal_person: "苏州、嘉兴、海州原文为“具有独立法人资格”；盐城原文为“具有法人资格”（见上一题）。",
};

/** Which schemes read the fact `name`, for what, under which clauses: each condition, level and veto lists the facts
 * it reads (generator/views/export.py). */
export function usesOf(schemes, name) {
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

/** The help's three parts as text ("" when absent): the field's words, what it is used for, the clauses. */
export function helpWords(field, uses) {
  const words = [field.help, MORE_HELP[field.name]].filter(Boolean).join("。");
  // A fact many conditions read (行业) names two of them and counts the rest: the help stays a sentence.
  const some = (what) => (what.length > 2 ? `${what.slice(0, 2).join("；")}等 ${what.length} 项` : what.join("；"));
  return {
    words: words && !words.endsWith("。") ? `${words}。` : words,
    usedFor: uses.length ? `用于：${uses.map((u) => `${u.scheme}（${some(u.what)}）`).join("；")}。` : "",
    clauses: uses.length ? ` 条款：${uses.map((u) => `${u.scheme} ${u.clauses.join("、")}`).join("；")}。` : "",
  };
}

/** The help under a question, or null when there is nothing to say. */
export function helpBlock(schemes, field, helpId) {
  const { words, usedFor, clauses } = helpWords(field, usesOf(schemes, field.name));
  if (!words && !usedFor) return null;
  // The clauses behind the words show only with the form's one toggle ("显示各题的条款出处"): one Tab stop, not
  // one per question.
  return el("div", { class: "qp-help", id: helpId },
    words ? el("span", { text: words }) : null, words && usedFor ? " " : null,
    usedFor ? el("span", { text: usedFor }) : null,
    clauses ? el("span", { class: "qp-clause-list", text: clauses }) : null);
}
