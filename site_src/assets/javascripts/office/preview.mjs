// The preview of the public page in the office editor, drawn from the form's values as
// templates/notices/notice.md.j2 draws the published page: title, facts, period, body, the list (its first rows)
// and the objections. Text from the clerk is set as textContent only (dom.mjs).
import { el } from "../dom.mjs";
import { bodyLines, entryIsEmpty, objectionsFilled } from "./notice-writer.mjs";

const PREVIEW_ROWS = 20; // rows of the list in the preview: redrawn on every pause in typing, so few

/**
 * The preview's <article>, from the form's `state`, the scheme and kind of data/office.json (or null), the period
 * the check answered (or null), whether the check is ready, and the sectors' names.
 */
export function previewPage(state, { scheme = null, kind = null, period = null, engineReady = false, sectors = {} } = {}) {
  const tierNames = Object.fromEntries((scheme?.tiers ?? []).map((t) => [t.id, t.name]));
  const page = el("article", { class: "qp-preview-page", "aria-label": "公示页面预览" });
  page.append(el("p", { class: "qp-preview-flag", text: "预览：尚未发布" }));
  page.append(el("h3", { class: "qp-preview-title", text: state.title.trim() || "（标题）" }));
  const dl = el("dl");
  const fact = (term, ...dd) => dl.append(el("dt", { text: term }), el("dd", {}, ...dd));
  fact("方案", `${scheme?.name ?? "（方案）"} · ${kind?.label ?? "（公示类型）"}`);
  fact("发布机关", state.issuer.trim() || "（发布机关）");
  fact("发布日期", state.published || "（发布日期）");
  if (period) {
    fact("公示期", `${period.start} 至 ${period.end}`, el("br"), el("span", { class: "qp-help", text: period.rule }));
  } else if (kind?.period) {
    fact("公示期", el("span", { class: "qp-help", text: engineReady ? "检查后显示" : "检查程序就绪后计算" }));
  }
  page.append(el("div", { class: "qp-facts" }, dl));
  for (const p of bodyLines(state.body)) page.append(el("p", { text: p }));
  const entries = state.entries.filter((e) => !entryIsEmpty(e));
  if (entries.length) {
    const hasTier = entries.some((e) => e.tier) || (kind?.ranked && (scheme?.tiers ?? []).length);
    page.append(el("h4", { text: "名单" }));
    const head = el("tr", {}, ...["序号", "组织名称", "统一社会信用代码", ...(hasTier ? ["奖项/等级"] : []), "行业"]
      .map((t) => el("th", { scope: "col", text: t })));
    const body = el("tbody", {}, ...entries.slice(0, PREVIEW_ROWS).map((e, i) => el("tr", {},
      el("td", { "data-label": "序号", text: String(i + 1) }),
      el("td", { "data-label": "组织名称" }, e.organisation.trim() || "—",
        e.outside_area_reason.trim() ? [el("br"), el("span", { class: "qp-help", text: e.outside_area_reason.trim() })] : null),
      el("td", { "data-label": "信用代码" }, el("code", { text: e.credit_code.replace(/[\s\u3000]+/g, "").toUpperCase() || "—" })),
      hasTier ? el("td", { "data-label": "奖项/等级", text: tierNames[e.tier] ?? (e.tier || "—") }) : null,
      el("td", { "data-label": "行业", text: sectors[e.sector] ?? (e.sector || "—") }))));
    page.append(el("div", { class: "qp-table-scroll" },
      el("table", { class: "qp-table qp-entries qp-reflow" },
        el("caption", { class: "qp-visually-hidden", text: "名单预览" }), el("thead", {}, head), body)));
    if (entries.length > PREVIEW_ROWS) {
      page.append(el("p", { class: "qp-help", text: `预览只显示前 ${PREVIEW_ROWS} 项，名单共 ${entries.length} 项。` }));
    }
  }
  if (kind?.objections_required || objectionsFilled(state.objections)) {
    page.append(el("h4", { text: "异议受理" }));
    const o = state.objections;
    const odl = el("dl");
    const add = (term, value) => { if (value.trim()) odl.append(el("dt", { text: term }), el("dd", { text: value.trim() })); };
    add("受理单位", o.receiver); add("方式", o.text); add("电话", o.phone); add("电子邮箱", o.email); add("地址", o.address);
    page.append(odl.childElementCount ? el("div", { class: "qp-facts" }, odl) : el("p", { class: "qp-help", text: "（尚未填写）" }));
  }
  return page;
}
