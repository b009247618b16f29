// China's day (site_src/assets/javascripts/china-day.mjs), under Node's own test runner; tests/test_china_day.py runs
// it, so ./dev test does. Clocks are given, never read.
import assert from "node:assert/strict";
import { test } from "node:test";

import { chinaDay } from "../../site_src/assets/javascripts/china-day.mjs";

const at = (iso) => Date.parse(iso);

test("the day turns at 16:00 UTC, midnight in China", () => {
  assert.equal(chinaDay(at("2026-11-20T15:59:59.999Z")), "2026-11-20");
  assert.equal(chinaDay(at("2026-11-20T16:00:00.000Z")), "2026-11-21");
});

test("across the end of a month and of a year", () => {
  assert.equal(chinaDay(at("2026-02-28T16:00:00Z")), "2026-03-01");
  assert.equal(chinaDay(at("2026-12-31T15:59:59Z")), "2026-12-31");
  assert.equal(chinaDay(at("2026-12-31T16:00:00Z")), "2027-01-01");
  assert.equal(chinaDay(at("2028-02-28T16:00:00Z")), "2028-02-29");  // a leap year
});

test("the same day as Asia/Shanghai in Intl, hour by hour over a year (no daylight saving)", () => {
  const shanghai = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });
  for (let t = at("2026-01-01T00:30:00Z"); t < at("2027-01-01T00:00:00Z"); t += 3600e3) {
    assert.equal(chinaDay(t), shanghai.format(new Date(t)), new Date(t).toISOString());
  }
});

test("without a clock given, this moment", () => {
  const before = chinaDay(Date.now());
  const now = chinaDay();
  assert.ok(now === before || now === chinaDay(Date.now()));
});
