// What the calculator's guided form asks, decided in one place from the same `needs` the results show: a pure
// function of (field spec, profile, engine answer, UI state), with no DOM, so that tests/test_guide.py can run it
// under Node on thousands of profiles and check that no fact a result asks for is ever out of reach.
//
// Invariant (tests/test_guide.py): every fact the engine says could change an undetermined verdict
// (`open_questions`, and the 江苏 level while it is unset) is shown, or lies in a group still ahead of the current
// one; after "下一组" it stays shown; every fact any result's next step needs is shown once its link asks for it;
// "没有其他可能改变结论的问题了" only when no result needs a fact; "以上都没有" answers every kind still unticked.

export const NOTHING_LEFT = "没有其他可能改变结论的问题了。";

/** The facts the results ask for: `decisive` could change an undetermined verdict, `needed` is every fact any
 * result's next step names (a decided verdict's too), each with the schemes that ask for it. */
export function asks(spec, profile, answer) {
  const decisive = new Set(answer?.open_questions || []);
  const needed = new Map(); // name -> [scheme ids]
  const add = (name, scheme) => { if (!needed.has(name)) needed.set(name, []); if (!needed.get(name).includes(scheme)) needed.get(name).push(scheme); };
  for (const r of answer?.results || []) {
    for (const c of r.conditions || []) {
      if (c.status !== "unknown") continue;
      for (const n of c.next_step?.needs || []) {
        add(n, r.scheme);
        if (r.verdict === "undetermined") decisive.add(n);
      }
    }
    // A credit scheme judges the level sought: until it is said, the next level up is assumed, so the level is
    // asked of everyone assessed for it (held or sought), decided or not.
    if (r.level !== undefined && !profile.credit?.target_level) {
      add("credit", r.scheme);
      decisive.add("credit");
    }
  }
  for (const n of decisive) if (!needed.has(n)) needed.set(n, []);
  return { decisive, needed };
}

const isEmptyList = (profile, n) => Array.isArray(profile[n]) && profile[n].length === 0;
const hasRecords = (profile, n) => Array.isArray(profile[n]) && profile[n].length > 0;

/**
 * What the form shows now.
 * ui: {guided: bool, skipped: [group titles], ticked: [screened kinds ticked "有"], revealed: [facts opened from a
 *      result's link], listed: {group title: [kinds listed before]}}
 * Returns {fields: {name: shown}, groups: {title: {shown, current}}, screens: {title: {listed, ticked, none,
 *   noneLabel}}, current, text, waiting, decisive, needed, remaining}.
 */
export function guide(spec, profile, answer, ui = {}) {
  const guided = ui.guided !== false;
  const skipped = new Set(ui.skipped || []);
  const ticked = new Set(ui.ticked || []);
  const revealed = new Set(ui.revealed || []);
  const answered = (n) => profile[n] !== undefined;
  const { decisive, needed } = asks(spec, profile, answer);
  const groupOf = {};
  for (const [title, names] of spec.groups) for (const n of names) groupOf[n] = title;
  // The current group: the first not skipped with a question that could change a verdict and has no answer yet.
  const current = answer ? spec.groups.find(([title, names]) => !skipped.has(title)
    && names.some((n) => decisive.has(n) && !answered(n)))?.[0] ?? null : null;
  // Asked now: the current group's deciding questions and those of the groups passed over ("下一组" moves on, it
  // does not hide them).
  const askedNow = (n) => decisive.has(n) && (groupOf[n] === current || skipped.has(groupOf[n]));
  const screens = {};
  const screenedAway = new Set();
  for (const [title, names] of spec.groups) {
    const kinds = names.filter((n) => spec.screened.includes(n));
    if (!kinds.length) continue;
    const before = new Set(ui.listed?.[title] || []);
    let listed = guided ? kinds.filter((n) => askedNow(n) || answered(n) || ticked.has(n) || revealed.has(n)
      || before.has(n)) : [];
    if (listed.length < 2) listed = []; // one kind alone is asked as its own question
    const yes = listed.filter((n) => ticked.has(n) || hasRecords(profile, n));
    const rest = listed.filter((n) => !yes.includes(n));
    for (const n of rest) screenedAway.add(n);
    screens[title] = { listed, ticked: yes, rest, none: rest.length > 0 && rest.every((n) => isEmptyList(profile, n)),
      noneLabel: yes.length ? "其余都没有（已确认）" : "以上都没有（已确认）" };
  }
  const fields = {};
  const groups = {};
  let waiting = 0;
  for (const [title, names] of spec.groups) {
    let visible = screens[title]?.listed.length ? 1 : 0;
    for (const n of names) {
      const show = !screenedAway.has(n) && (!guided || spec.first.includes(n) || answered(n) || ticked.has(n)
        || revealed.has(n) || askedNow(n));
      fields[n] = show;
      visible += show ? 1 : 0;
      if (title === current && decisive.has(n) && !answered(n) && (show || screenedAway.has(n))) waiting += 1;
    }
    groups[title] = { shown: !guided || visible > 0, current: guided && title === current };
  }
  // Deciding facts still to give, wherever they are (a skipped group's, or records still incomplete).
  const remaining = [...decisive].filter((n) => !answered(n) || needed.has(n));
  const undecidedOnly = [...needed.keys()].filter((n) => !decisive.has(n));
  const text = !guided ? "正在显示全部问题。"
    : answer === null || answer === undefined ? "请先回答上面几个问题；计算引擎就绪后，会逐组列出还可能改变结论的问题。"
    : current ? `“${current}”中还有 ${waiting} 个问题可能改变结论；其他问题不影响现在的结论，已隐藏。`
    : remaining.length ? `还有 ${remaining.length} 个问题可能改变结论（暂不回答的组中仍显示）：${remaining.map((n) => `“${labelOf(spec, n)}”`).join("、")}。`
    : undecidedOnly.length ? `其余问题不会改变结论：结论已确定的方案中还有 ${undecidedOnly.length} 项事实未填写，可从其卡片中的链接补充。`
    : `${NOTHING_LEFT}仍无法判断的条件由评审专家判断，或需要您在“自我声明”中说明。`;
  return { fields, groups, screens, current, text, waiting, decisive: [...decisive], needed: Object.fromEntries(needed),
    remaining };
}

/** The label of a fact, for the guide line. */
export function labelOf(spec, name) {
  return spec.fields.find((f) => f.name === name)?.label ?? name;
}

/** "以上都没有" ticked: the kinds it answers "没有" (every listed kind not ticked "有" and holding no record). */
export function noneAnswers(view, title) {
  const s = view.screens[title];
  return s ? s.listed.filter((n) => !s.ticked.includes(n)) : [];
}
