// The office editor (/office/editor/) put together: a clerk fills a notice (公示) in a form; the page writes the YAML
// file the repository holds (public_lists/<scheme>/<year>/<published>-<kind>.yaml), has it checked by the portal's
// own Python check in a module worker (the same messages as `python -m generator check`), shows each problem next to
// its field and a live preview of the public page, and hands the file over: download, copy, or the Git host's "new
// file" page. Everything stays in this page (and its localStorage draft); the only requests are this site's own
// files. No innerHTML: every text from the clerk or the check is set as textContent. A published notice opens here
// to be corrected or withdrawn (correction.mjs). start(root) finds the page's parts and creates the one state.
import { chinaDay } from "../china-day.mjs";
import { el } from "../dom.mjs";
import { changed, startWorker } from "./check.mjs";
import { loadDraft } from "./draft.mjs";
import { buildForm } from "./form.mjs";
import { buildOutputs } from "./outputs.mjs";
import { createEditor } from "./state.mjs";

/** The page's parts and its state, as every module receives them. */
function pageOf(root) {
  const page = {
    root,
    ed: createEditor(),
    form: root.querySelector("#qp-office-form"),
    engineLine: root.querySelector("#qp-office-engine"),
    summary: root.querySelector("#qp-office-summary"),
    summaryList: root.querySelector("#qp-office-summary-list"),
    outputsBox: root.querySelector("#qp-office-outputs"),
    previewBox: root.querySelector("#qp-office-preview"),
    controls: {}, // field -> {wrap, input, error, hint, label} (form.mjs, entries.mjs)
    parts: {}, // the form's parts redrawn by name: kindHint, titleHint, entriesList, countLine, … (form.mjs)
    out: {}, // the outputs' parts (outputs.mjs)
    client: null, // the check's worker client (check.mjs)
    showEdits: () => {}, // the correction's list of edits, when a published notice is open (correction.mjs)
    changed: () => changed(page),
  };
  return page;
}

/** Run the editor in `root` (#qp-office, templates/office-editor.md.j2); returns the page. */
export async function start(root) {
  const page = pageOf(root);
  const { ed } = page;
  document.getElementById("qp-office-needs-js")?.remove();
  root.hidden = false;
  startWorker(page); // Pyodide takes seconds: it loads while the clerk fills the form
  const list = fetch(new URL(root.dataset.published, location.href)).then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  try {
    const response = await fetch(new URL(root.dataset.data, location.href));
    if (!response.ok) throw new Error(`${response.status}`);
    ed.data = await response.json();
    ed.published = await list;
  } catch (error) {
    page.engineLine.textContent = `无法读取方案数据（${error.message ?? error}），请刷新页面重试。`;
    return page;
  }
  ed.notice.published = chinaDay();
  const restored = loadDraft(ed);
  page.form.setAttribute("tabindex", "-1");
  buildForm(page);
  buildOutputs(page);
  if (restored) {
    const note = el("div", { class: "qp-restored", role: "note" },
      el("p", { text: "已恢复本浏览器中上次未完成的填写。要重新开始，请选页面下方的“清空表单，重新开始”。" }));
    page.form.prepend(note);
  }
  page.changed();
  root.dataset.loaded = "true";
  return page;
}
