// status-steps.mjs against the steps and answers Python wrote (tests/test_status_steps.py writes the cases to the
// file in STATUS_CASES and runs this file): the page picks the same status and label as the build, on every day.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { showStep, stepOn } from "../../site_src/assets/javascripts/status-steps.mjs";

const cases = JSON.parse(readFileSync(process.env.STATUS_CASES, "utf8"));

test("stepOn gives Python's status and label on every day of every case", () => {
  let days = 0;
  for (const { steps, answers } of cases) {
    for (const [day, status, label] of answers) {
      const step = stepOn(steps, day);
      assert.deepEqual([step?.[1], step?.[2]], [status, label], `${day} in ${JSON.stringify(steps)}`);
      days += 1;
    }
  }
  assert.ok(days >= 1000, `only ${days} days checked`);
});

test("showStep sets the status class, the label and data-status, and keeps other classes", () => {
  const classes = new Set(["qp-notice-status", "qp-ns-upcoming"]);
  const element = {
    dataset: { steps: JSON.stringify(cases[0].steps), statusClass: "qp-ns-" },
    classList: {
      [Symbol.iterator]: () => classes[Symbol.iterator](),
      add: (name) => classes.add(name),
      remove: (name) => classes.delete(name),
    },
    textContent: "",
  };
  const [day, status, label] = cases[0].answers.at(-1);
  assert.equal(showStep(element, day), status);
  assert.deepEqual([...classes].sort(), ["qp-notice-status", `qp-ns-${status}`].sort());
  assert.equal(element.textContent, label);
  assert.equal(element.dataset.status, status);
});
