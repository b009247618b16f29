// The results: one card per scheme (verdict, what leads, the condition table, scores, materials), the bar of
// verdicts for one-column screens, a line announcing the verdicts that changed.
import { el } from "../dom.mjs";
import { renderAnswers } from "./answers.mjs";
import { applyGuide, askFor } from "./guided.mjs";
import { changedVerdicts, leadingConditions, materialRows } from "./outcome.mjs";
import { clearProblem, fieldProblem, showProblem } from "./problems.mjs";
import { fieldsByName } from "./state.mjs";

// Scheme id -> its 修订对照 page, relative to this page: "id url,id url" (templates/assess.md.j2).
const revisionPages = (root) => new Map((root.dataset.revisions ?? "").split(",").filter(Boolean)
  .map((pair) => pair.split(" ")));

// A draft's result: which conditions its own revision notes say the earlier text decides otherwise.
function earlierBlock(page, r) {
  const e = r.earlier_wording;
  // The scheme's 修订对照 page, at the URL the build gave it (data-revisions: generator/plugin/structure/urls.py).
  const revisions = revisionPages(page.root).get(r.scheme);
  return el("div", { class: "qp-earlier" },
    el("p", {}, e.text, e.differs.length ? `按原办法的写法，结论为“${page.state.spec.terms.verdicts[e.verdict]}”。` : "", " ",
      revisions ? el("a", { href: new URL(revisions, location.href).href, text: "修订对照" }) : null),
    e.differs.length ? el("ul", {}, ...e.differs.map((d) => el("li", { text: d.text }))) : null);
}

// A next step's text with each fact it needs as a link that opens and focuses its question.
function nextStep(page, step) {
  const out = el("span", { class: "qp-step-text" });
  let text = step.text;
  const byName = fieldsByName(page.state);
  const link = (n) => el("a", { href: `#qp-ask-${n}`, class: "qp-ask", "data-ask": n, text: `“${byName[n]?.label ?? n}”`,
    onclick: (e) => { e.preventDefault(); askFor(page, n); } });
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

function stepItem(page, c) {
  // No fact can decide it (reviewers, or the authority): the reason says who does and why.
  const why = c.status === "unknown" && !c.next_step.needs.length && c.reason !== "由评审专家判断"
    ? el("span", { class: "qp-help", text: ` ${c.reason}。` }) : null;
  return el("li", {}, el("strong", { text: `${page.state.spec.terms.statuses[c.status]}：${c.title}` }), el("br"), nextStep(page, c.next_step), why);
}

function scoreParts(score) {
  if (score?.items) {
    return [el("p", {}, el("strong", { text: `技术指标得分：${score.total} / ${score.max}` }),
      score.pass_mark !== undefined ? `（合格线 ${score.pass_mark} 分）` : "（原文未设合格线，得分供对照，不决定是否符合）"),
    el("table", { class: "qp-table" }, el("thead", {}, el("tr", {}, ...["部分", "得分", "满分", "未回答的分值"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...score.parts.map((p) => el("tr", {}, el("td", { text: `${p.id}. ${p.name}` }),
        el("td", { text: p.points }), el("td", { text: p.max }), el("td", { text: p.open }))))),
    el("details", {}, el("summary", { text: "各项计分" }), el("ul", {}, ...Object.entries(score.details).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([id, d]) => el("li", { text: `${id}：${d.points} / ${d.max} 分（${d.how}${d.derived ? "，据档案推算" : ""}）` }))))];
  }
  const parts = [];
  if (score?.total !== undefined) {
    parts.push(el("p", {}, el("strong", { text: `GB/T 19580 自评：${score.total} / ${score.max} 分` }),
      score.minimum ? ` （最低 ${score.minimum} 分${score.meets_minimum === true ? "，已达到" : score.meets_minimum === false ? "，未达到" : "，尚有条款未评"}）` : "（原文未设合格线）",
      score.missing?.length ? `；未评条款 ${score.missing.length} 项` : ""),
    el("table", { class: "qp-table" }, el("tbody", {}, ...score.parts.map((p) => el("tr", {}, el("td", { text: `${p.id} ${p.name}` }), el("td", { text: `${p.points} / ${p.max}` }))))));
  }
  if (score?.weighted !== undefined) parts.push(el("p", { text: `加权总分：${score.weighted_how}` }));
  return parts;
}

function checklist(todo) {
  if (!(todo.required.length || todo.maybe.length || todo.optional.length)) return null;
  // Numbered on from one list to the next; the source's own item number is cited apart.
  let n = 0;
  const list = (items, title) => {
    const rows = materialRows(items);
    return rows.length ? [el("h4", { text: `${title}（${rows.length}）` }),
      el("ol", { start: String(n + 1) }, ...rows.map((m) => { n += 1; return el("li", { text: m }); }))] : [];
  };
  return el("details", { class: "qp-checklist" }, el("summary", { text: "申报材料清单" }),
    ...list(todo.required, "须提供"), ...list(todo.maybe, "可能需要"), ...list(todo.optional, "可选"));
}

function card(page, r, before) {
  const VERDICT = page.state.spec.terms.verdicts, STATUS = page.state.spec.terms.statuses;
  const rows = r.conditions.map((c) => el("tr", { class: `qp-st-${c.status}` },
    el("td", { "data-label": "结果" }, el("span", { class: `qp-status qp-status-${c.status}`, text: c.applicable === false ? "不适用" : STATUS[c.status] })),
    el("td", { "data-label": "条件" }, el("strong", { text: c.title }), el("br"), el("span", { class: "qp-help", text: c.reason }),
      c.next_step ? el("p", { class: "qp-next-step" }, nextStep(page, c.next_step)) : null),
    el("td", { "data-label": "判断方式" }, el("span", { class: "qp-help", text: c.judged_by === "reviewers" ? "评审专家判断" : "规则判断" })),
    el("td", { "data-label": "原文" }, el("span", { class: "qp-clause", text: c.source }), el("q", { class: "qp-quote", text: c.text }))));
  const lead = leadingConditions(r);
  const counts = ["fail", "unknown", "pass"].map((k) => `${STATUS[k]} ${r.conditions.filter((c) => c.status === k).length}`).join(" · ");
  const item = (c) => stepItem(page, c);
  const out = el("article", { class: `qp-result qp-verdict-${r.verdict}`, id: `qp-result-${r.scheme}`, tabindex: "-1" },
    el("h3", {}, `${r.name}：`, el("span", { class: "qp-verdict", text: VERDICT[r.verdict] })),
    r.draft ? el("p", { class: "qp-badge qp-draft-badge", text: "按征求意见稿判断：该稿尚未施行" }) : null,
    el("p", { class: `qp-call qp-call-${r.edition.window?.state || "unknown"}`, text: r.edition.text }),
    r.earlier_wording ? earlierBlock(page, r) : null,
    r.level ? el("p", { text: `评估等级：${r.level} 级${r.veto === true ? "（触及否决项）" : r.veto === null ? "（否决项尚无法判断）" : ""}` }) : null,
    r.eligible_from ? el("p", { class: "qp-next-step", text: `情况不变时，自 ${r.eligible_from} 起符合全部规则判断的条件。` }) : null,
    el("p", { class: "qp-help", text: counts }),
    // The answer first: what fails, and what a fact would decide, before the full table.
    lead.said ? el("p", { class: "qp-decided", text: lead.said }) : null,
    lead.first.length ? el("ul", { class: "qp-next-steps" }, ...lead.first.map(item)) : null,
    lead.folded.length ? el("details", { class: "qp-folded" },
      el("summary", { text: `另有 ${lead.folded.length} 项尚未判断，不影响结论` }),
      el("ul", { class: "qp-folded-steps" }, ...lead.folded.map(item))) : null,
    el("details", {}, el("summary", { text: "逐项条件" }),
      el("div", { class: "qp-table-scroll", tabindex: "0", role: "region", "aria-label": `${r.name}逐项条件` }, el("table", { class: "qp-table qp-reflow" }, el("thead", {}, el("tr", {}, ...["结果", "条件", "判断方式", "原文"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...rows)))));
  out.append(...scoreParts(r.score));
  const materials = checklist(r.checklist);
  if (materials) out.append(materials);
  if (before) {
    out.classList.add("qp-changed");
    out.querySelector("h3").append(el("span", { class: "qp-badge qp-changed-badge", text: `刚刚变化（原为${VERDICT[before]}）` }));
  }
  return out;
}

/** Draw the engine's answer: an error at its field, else the cards, the bar and the line of changes. */
export function renderResults(page, doc) {
  const { state } = page;
  if (doc.error) {
    // A wrong answer is flagged at its field and in the summary; the last results stay, marked as such.
    const input = fieldProblem(page, doc.error);
    showProblem(page, doc.error, "engine", input);
    return;
  }
  if (state.problemKind === "engine") { clearProblem(page); fieldProblem(page, null); }
  page.results.classList.remove("qp-stale");
  renderAnswers(page); // a loaded file or link comes here without an edit
  state.lastAnswer = doc;
  applyGuide(page);
  const VERDICT = page.state.spec.terms.verdicts;
  // A verdict that changed with the last answer is marked on its card and announced once, in one line.
  const changed = changedVerdicts(doc.results, state.lastVerdicts);
  const cards = doc.results.map((r) => card(page, r, changed[r.scheme]));
  const changes = doc.results.filter((r) => changed[r.scheme]).map((r) => `${r.name}：由“${VERDICT[changed[r.scheme]]}”变为“${VERDICT[r.verdict]}”`);
  if (changes.length) page.verdictNews.textContent = `结果有变化：${changes.join("；")}。`;
  // On one column (a phone) the results sit below the whole form: this bar keeps each verdict one tap away.
  const marks = { eligible: "✓", ineligible: "✗", undetermined: "?" };
  page.resultBar.replaceChildren(el("span", { class: "qp-result-bar-title", text: "结果" }),
    ...doc.results.map((r) => el("a", { href: `#qp-result-${r.scheme}`, class: `qp-chip qp-chip-${r.verdict}`,
      title: `${r.name}：${VERDICT[r.verdict]}`, "aria-label": `${r.name}：${VERDICT[r.verdict]}`,
      text: `${state.schemes.find((s) => s.id === r.scheme)?.short_name || r.name} ${marks[r.verdict]}` })));
  page.resultBar.hidden = false;
  page.results.replaceChildren(el("p", { class: "qp-help", text: `${doc.organisation ? `申报组织：${doc.organisation}　` : ""}评估日期：${doc.as_of}` }), ...cards);
}
