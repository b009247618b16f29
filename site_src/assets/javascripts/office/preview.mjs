// The preview of the public page in the office editor. The page is drawn once, by the portal's Python
// (generator/views/notice_page.py, which the build's template uses too): the check (worker.mjs) answers the text
// it checked with the preview's tree, which page-tree.mjs builds here (textContent only, tags and attributes
// whitelisted).
import { el } from "../dom.mjs";
import { materialise } from "../page-tree.mjs";

/** The preview's <article>: the tree of the last check's answer (null: none yet, or the text did not parse). */
export function previewPage(tree, { engine = "loading" } = {}) {
  const page = tree ? materialise(tree) : null;
  if (page) return page;
  const article = el("article", { class: "qp-preview-page", "aria-label": "公示页面预览" },
    el("p", { class: "qp-preview-flag", text: "预览：尚未发布" }));
  article.append(el("p", { class: "qp-help", text: engine === "failed" ? "检查程序未能启动，无法显示预览。"
    : engine === "ready" ? "预览在检查后显示。" : "检查程序就绪后显示预览。" }));
  return article;
}
