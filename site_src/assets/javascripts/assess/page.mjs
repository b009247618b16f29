// The self-assessment page put together: start(root) finds the page's parts, creates the one state, boots the engine
// and loads the data, then builds the form for the profile in the address (or a blank one). The profile lives in
// this page only; it leaves it only when the user saves a file or copies a share link (URL fragment).
import { answersBox, renderAnswers } from "./answers.mjs";
import { assessNow, startEngine } from "./engine.mjs";
import { loadProfile, profileFromAddress, wireFiles, writeHashIfShared } from "./files.mjs";
import { guideBar } from "./guided.mjs";
import { clearProblem, showProblem } from "./problems.mjs";
import { createState } from "./state.mjs";
// The widgets register themselves by kind (widgets.mjs holds the scalar ones and the object).
import "./widget-list.mjs";
import "./widget-region.mjs";

/** The page's parts and its state, as every module receives them. */
function pageOf(root) {
  const page = {
    root,
    state: createState(),
    form: root.querySelector("#qp-form"),
    results: root.querySelector("#qp-results"),
    statusLine: root.querySelector("#qp-engine-status"),
    progressBar: root.querySelector("#qp-engine-progress"),
    problemBox: root.querySelector("#qp-profile-problem"),
    verdictNews: root.querySelector("#qp-verdict-news"),
    resultBar: root.querySelector("#qp-result-bar"),
    answersBox: answersBox(),
    worker: null, // the engine's worker client (engine.mjs)
    // Only the user's edits come here: they are unsaved until a file or a share link holds them.
    changed() {
      page.state.dirty = !page.state.shared && Object.keys(page.state.profile).length > 0;
      writeHashIfShared(page);
      renderAnswers(page);
      assessNow(page);
    },
  };
  page.guide = guideBar(page);
  return page;
}

/** Run the calculator in `root` (#qp-assess, templates/assess.md.j2); returns the page for the tests' eyes. */
export async function start(root) {
  const page = pageOf(root);
  window.qpMetrics = page.state.metrics;
  const { state } = page;
  page.results.before(page.answersBox);
  startEngine(page); // boot while the form loads and is filled
  state.regionsReady = fetch(root.dataset.regions).then((r) => r.json()).then((doc) => { state.regions = doc; })
    .catch(() => { state.regions = null; });
  // Printing shows the answers and each result's lead and materials, not the full condition tables.
  window.addEventListener("beforeprint", () => {
    if (!state.spec) return;
    renderAnswers(page);
    page.answersBox.open = true;
    page.results.querySelectorAll("details.qp-checklist").forEach((d) => { d.open = true; });
  });
  const [fieldsDoc, data] = await Promise.all([fetch(root.dataset.fields).then((r) => r.json()),
    fetch(root.dataset.schemes).then((r) => r.json())]);
  state.spec = fieldsDoc;
  state.schemes = data.schemes;
  state.standard = data.standard;
  const { profile, problem } = profileFromAddress(page);
  loadProfile(page, profile);
  if (problem) showProblem(page, problem);
  page.form.addEventListener("change", () => { if (state.problemKind === "load") clearProblem(page); });
  wireFiles(page);
  return page;
}
