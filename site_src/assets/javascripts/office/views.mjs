// The page's views of the whole file: the preview of the public page (preview.mjs, as templates/notices/notice.md.j2
// draws it) and the YAML text (a megabyte for 10,000 rows), redrawn after a pause in typing.
import { previewPage } from "./preview.mjs";
import { currentKind, currentScheme, isCurrent } from "./state.mjs";

export function renderViews(page) {
  clearTimeout(page.ed.timers.view);
  renderPreview(page);
  const { yamlPre } = page.out;
  if (yamlPre && yamlPre.textContent !== page.ed.yamlText) yamlPre.textContent = page.ed.yamlText;
}

function renderPreview(page) {
  const { ed } = page;
  const period = isCurrent(ed) ? ed.answer.period : ed.answer?.period ?? null;
  page.previewBox.replaceChildren(previewPage(ed.notice, { scheme: currentScheme(ed), kind: currentKind(ed), period,
    engineReady: ed.engine === "ready", sectors: ed.data.sectors }));
}
