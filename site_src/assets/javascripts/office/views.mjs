// The page's views of the whole file: the preview of the public page (preview.mjs: the tree the check answers,
// drawn by generator/views/notice_page.py as the build draws the page) and the YAML text (a megabyte for 10,000
// rows), redrawn after a pause in typing.
import { previewPage } from "./preview.mjs";

export function renderViews(page) {
  clearTimeout(page.ed.timers.view);
  renderPreview(page);
  const { yamlPre } = page.out;
  if (yamlPre && yamlPre.textContent !== page.ed.yamlText) yamlPre.textContent = page.ed.yamlText;
}

function renderPreview(page) {
  // The check's answer carries the page as Python draws it (generator/views/notice_page.py): the last one shown.
  const { ed } = page;
  page.previewBox.replaceChildren(previewPage(ed.answer?.preview ?? null, { engine: ed.engine }));
}
