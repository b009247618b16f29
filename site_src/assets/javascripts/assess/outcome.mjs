// Pure readings of one scheme's result (the engine's answer) for the result cards: what leads, the materials as rows,
// and which verdicts changed since the last answer.

/** What decides a result comes first: what fails, then what could still change an undetermined verdict. Once a
 * failure decides it, the conditions still open cannot change it: they are folded, and counted. */
export function leadingConditions(r) {
  const fails = r.conditions.filter((c) => c.status === "fail");
  const open = r.conditions.filter((c) => c.status === "unknown");
  if (r.verdict === "ineligible") {
    const cured = fails.every((c) => c.passes_from);
    return { first: fails, folded: open,
      said: `结论已确定：${fails.length} 项不符合${cured ? "" : "，时间不能改变其中至少一项"}${open.length ? "；其余尚未判断的条件不影响结论" : ""}。` };
  }
  return { first: [...fails, ...open], folded: [], said: "" };
}

/** Material rows: one per item of the source (its entries joined), never the heading twice, with the source's
 * number and the reason cited after it. */
export function materialRows(items) {
  const rows = new Map();
  for (const m of items) {
    const key = `${m.number}`;
    const row = rows.get(key) || { number: m.number, category: m.category, names: [], reasons: [] };
    if (!row.names.includes(m.name)) row.names.push(m.name);
    for (const why of (m.reason || "").split("；").filter(Boolean)) if (!row.reasons.includes(why)) row.reasons.push(why);
    rows.set(key, row);
  }
  return [...rows.values()].map((row) => {
    const names = row.names.filter((x) => x !== row.category);
    const what = names.length ? `${row.category}：${names.join("；")}` : row.category;
    return `${what}（原文第 ${row.number} 项${row.reasons.length ? `；${row.reasons.join("；")}` : ""}）`;
  });
}

/** The verdict each result had before (`last`: scheme id -> verdict) where it differs now: scheme id -> the old one.
 * `last` is updated to the new verdicts. */
export function changedVerdicts(results, last) {
  const changed = {};
  for (const r of results) {
    const before = last[r.scheme];
    if (before && before !== r.verdict) changed[r.scheme] = before;
    last[r.scheme] = r.verdict;
  }
  return changed;
}
