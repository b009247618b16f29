// The check's glue: every change writes the file again (notice-writer.mjs), redraws what follows from it and, after a
// pause, sends it to the portal's own Python check in the module worker (worker.mjs, through worker-client.mjs: one
// promise per call, stale answers dropped); the answer is drawn when it comes.
import { chinaDay } from "../china-day.mjs";
import { workerClient } from "../worker-client.mjs";
import { saveDraft } from "./draft.mjs";
import { renderCount } from "./entries.mjs";
import { writeNotice } from "./notice-writer.mjs";
import { renderOutputs } from "./outputs.mjs";
import { renderProblems } from "./problems.mjs";
import { currentKind, currentScheme, emittedEntries, isCurrent, repositoryPath } from "./state.mjs";
import { renderViews } from "./views.mjs";

const DEBOUNCE_MS = 400;
const VIEW_MS = 150;

/** The form changed: write the file, redraw, save the draft and check after a pause. */
export function changed(page) {
  const { ed } = page;
  const { timers } = ed;
  const { text, map } = writeNotice(ed.notice, { scheme: currentScheme(ed), kind: currentKind(ed), opened: ed.opened, edits: ed.edits });
  ed.yamlText = text;
  ed.lineMap = map;
  ed.filePath = repositoryPath(ed);
  renderCount(page);
  clearTimeout(timers.view);
  timers.view = setTimeout(() => renderViews(page), VIEW_MS); // the preview and the YAML view wait for a pause in typing
  renderOutputs(page);
  clearTimeout(timers.draft);
  timers.draft = setTimeout(() => saveDraft(ed), DEBOUNCE_MS); // 10,000 rows are a megabyte to store: not on every keystroke
  clearTimeout(timers.ask);
  if (ed.engine === "ready") timers.ask = setTimeout(() => ask(page), DEBOUNCE_MS);
}

/** Send the file now in the form to the check. */
export function ask(page) {
  const { ed, root } = page;
  clearTimeout(ed.timers.ask);
  if (ed.engine !== "ready") return;
  // What the check is asked about: the text, its path, its line map and the rows it wrote, in order.
  const asked = { text: ed.yamlText, path: ed.filePath, map: ed.lineMap, keys: emittedEntries(ed).map((e) => e.key) };
  const sealed = ed.opened ? { text: ed.opened.text, sealed_on: ed.opened.sealed_on } : null;
  page.client.call({ type: "check", path: ed.filePath, text: ed.yamlText, today: chinaDay(), sealed, latest: true },
    (id) => { root.dataset.askedId = String(id); })
    .then((msg) => { if (msg) onChecked(page, msg, asked); }); // null: the text changed since, or the check failed
  renderOutputs(page);
}

/** Resolves once the answer to the text now in the form is in (at once when it is already). */
export function settled(page) {
  const { ed } = page;
  if (ed.engine !== "ready") return Promise.resolve(false);
  if (isCurrent(ed)) return Promise.resolve(true);
  const wait = new Promise((resolve) => ed.waiters.push(resolve));
  if (ed.timers.ask !== null) ask(page);
  return wait;
}

function onChecked(page, msg, asked) {
  const { ed, root } = page;
  if (ed.opened && msg.edits && JSON.stringify(msg.edits) !== JSON.stringify(ed.edits)) {
    // The form differs from the published version otherwise than the correction says: write the edits the check
    // answered into the correction and check again (the edits depend on the content alone, so this settles).
    ed.edits = msg.edits;
    page.showEdits(ed.edits);
    changed(page);
    ask(page);
    return;
  }
  ed.answer = { ...msg, ...asked };
  root.dataset.checkedId = String(msg.id);
  root.dataset.problems = String(msg.problems.length);
  renderProblems(page);
  renderViews(page);
  renderOutputs(page);
  const done = ed.waiters;
  ed.waiters = [];
  for (const resolve of done) resolve(true);
}

/** Boot the check's worker (page.client); Pyodide takes seconds, so it loads while the clerk fills the form. */
export function startWorker(page) {
  const { ed, root, engineLine } = page;
  page.client = workerClient(() => new Worker(new URL(root.dataset.worker, location.href), { type: "module" }), {
    progress: (msg) => { engineLine.textContent = `正在准备检查程序：${msg.text}`; },
    ready: (msg) => {
      ed.engine = "ready";
      root.dataset.engine = "ready";
      engineLine.textContent = `检查程序已就绪（用时 ${(msg.ms / 1000).toFixed(1)} 秒），填写时自动检查。`;
      ask(page);
    },
    failed: (message) => {
      ed.engine = "failed";
      ed.engineMessage = message;
      root.dataset.engine = "failed";
      engineLine.textContent = `检查程序未能启动：${message}`;
      for (const resolve of ed.waiters) resolve(false);
      ed.waiters = [];
      renderOutputs(page);
      renderViews(page); // the preview says it cannot be shown
    },
  });
}
