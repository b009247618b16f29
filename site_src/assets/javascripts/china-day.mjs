// The day it is in China (YYYY-MM-DD), the day the portal's rules count by: one function for every page and
// worker (the calculator's 评估日期, the notices' statuses, the office editor and its check).
// China keeps UTC+8 all year (no daylight saving since 1991): adding eight hours to UTC needs no time-zone data,
// so it gives the same day in every browser, worker and Node, whatever the reader's own time zone.
const EIGHT_HOURS = 8 * 3600e3;

/** The day in China at `now` (milliseconds since the epoch; default: this moment). */
export function chinaDay(now = Date.now()) {
  return new Date(now + EIGHT_HOURS).toISOString().slice(0, 10);
}
