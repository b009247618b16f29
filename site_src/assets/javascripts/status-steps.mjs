// A status that changes with the date (a notice's 正在公示，剩余 3 天, a document's 现行), as the build wrote it:
// steps [first day (null: always), status, label], in order (generator/model/notice.py status_steps,
// generator/views/editions.py). The rule lives in Python; a page only picks the reader's day.

/** The step begun by `day` (YYYY-MM-DD): the last whose first day is null or not after it; null if none. */
export function stepOn(steps, day) {
  let found = null;
  for (const step of steps) if (step[0] === null || step[0] <= day) found = step;
  return found;
}

/**
 * Show on `element` (its data-steps, and data-status-class the prefix of its status class, e.g. qp-ns-) the step
 * of `day`; returns the status, or null when no step has begun.
 */
export function showStep(element, day) {
  const step = stepOn(JSON.parse(element.dataset.steps), day);
  if (!step) return null;
  const [, status, label] = step;
  const prefix = element.dataset.statusClass;
  for (const name of [...element.classList]) if (name.startsWith(prefix)) element.classList.remove(name);
  element.classList.add(`${prefix}${status}`);
  element.textContent = label;
  element.dataset.status = status;
  return status;
}
