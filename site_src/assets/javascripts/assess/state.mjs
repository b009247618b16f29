// The calculator's one mutable state: what the page knows (the spec, the schemes), the profile being filled and where
// the page stands with it. Created once by start() (page.mjs) and passed to every module that reads or changes it;
// no module keeps state of its own.

/** A fresh state: nothing loaded, an empty profile, the guided form on. */
export function createState() {
  return {
    spec: null, // data/profile-fields.json: fields, groups, labels, terms (generator/views/export.py)
    schemes: [], // data/schemes.json's schemes
    standard: null, // data/schemes.json's GB/T 19580 standard
    profile: {},
    ready: false, // the engine has booted
    dirty: false, // answers not yet saved to a file or a share link
    shared: false, // the address carries the profile (#p=…) and follows every edit
    lastVerdicts: {}, // scheme id -> its verdict in the last result: a change is marked
    lastAnswer: null, // the engine's last answer: until the first, only the first questions show
    view: null, // what guide.mjs said to show, last time
    guided: true,
    skippedGroups: new Set(),
    screenYes: new Set(), // kinds ticked as "有" in a records question that hold no record yet
    revealed: new Set(), // facts opened from a result's link
    listedBefore: {}, // group title -> kinds its records question listed: a list never shrinks under the hand
    screens: {}, // group title -> its records question's elements (guided.mjs)
    problemKind: null, // "load" or "engine": what put the problem box up
    regions: null, // data/regions.json, once fetched
    regionsReady: Promise.resolve(),
    uid: 0,
    metrics: { navigationToFirstResult: null, bootMs: null, lastAssessMs: null, downloadBytes: null, sentBytes: null },
  };
}

/** A value's words (enum values, statuses) from the field spec's labels, else the value itself. */
export function label(state, value) {
  return state.spec?.labels?.[value] ?? String(value);
}

/** A new element id for a field name, unique within the form as last built. */
export function nextId(state, name) {
  state.uid += 1;
  return `qp-${name.replace(/[^a-z0-9]/gi, "-")}-${state.uid}`;
}

/** The field spec's fields by name. */
export function fieldsByName(state) {
  return Object.fromEntries(state.spec.fields.map((f) => [f.name, f]));
}

/** The UI state guide.mjs reads. */
export function uiState(state) {
  return { guided: state.guided, skipped: [...state.skippedGroups], ticked: [...state.screenYes], revealed: [...state.revealed],
    listed: Object.fromEntries(Object.entries(state.listedBefore).map(([k, v]) => [k, [...v]])) };
}

/** Another profile (a file, a link, a blank): no verdict of the last one counts as "changed", no group as skipped. */
export function replaceProfile(state, profile) {
  state.profile = profile;
  for (const key of Object.keys(state.lastVerdicts)) delete state.lastVerdicts[key];
  state.skippedGroups.clear();
}

/** Sets or, for an empty answer, removes obj[key]. */
export function putAnswer(obj, key, value) {
  if (value === undefined || value === null || value === "") delete obj[key];
  else obj[key] = value;
}
