// Problems with the profile, shown next to the form; the results are cleared so that no answer for another profile
// stays on screen. A problem with loading stays until the user edits, loads or clears; one from the engine until a
// result.
import { el } from "../dom.mjs";

export function showProblem(page, text, kind = "load", input = null) {
  const { problemBox, results, root } = page;
  page.state.problemKind = kind;
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

export function clearProblem(page) {
  page.state.problemKind = null;
  page.problemBox.hidden = true;
}

/** The engine's message at its field ("violations[0].date: …" -> the block of "violations"); returns its input. */
export function fieldProblem(page, text) {
  const { form } = page;
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
