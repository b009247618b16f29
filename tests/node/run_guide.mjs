// Run the calculator's guide (site_src/assets/javascripts/assess/guide.mjs) on many cases in one process:
// node run_guide.mjs FIELDS_JSON CASES_JSON  — each case {profile, answer, tick}; prints one JSON array with, per
// case, what the guide shows fresh, at each "下一组" until none is left, with each needed fact's link followed, and
// what "以上都没有" answers after one kind is ticked "有".
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const { guide, noneAnswers } = await import(pathToFileURL(path.join(here, "../../site_src/assets/javascripts/assess/guide.mjs")).href);
const [specFile, casesFile] = process.argv.slice(2);
const spec = JSON.parse(await readFile(specFile, "utf8"));
const cases = JSON.parse(await readFile(casesFile, "utf8"));

const shownOf = (v) => [...Object.keys(v.fields).filter((n) => v.fields[n]),
  ...Object.values(v.screens).flatMap((s) => s.listed)];
const brief = (v) => ({ current: v.current, text: v.text, shown: shownOf(v), decisive: v.decisive, needed: Object.keys(v.needed) });

const out = cases.map(({ profile, answer, tick }) => {
  const steps = [];
  const ui = { skipped: [], listed: {} };
  for (let i = 0; i <= spec.groups.length; i += 1) {
    const v = guide(spec, profile, answer, ui);
    steps.push(brief(v));
    if (!v.current) break;
    ui.skipped.push(v.current);
  }
  const fresh = guide(spec, profile, answer, {});
  const reveal = Object.fromEntries(Object.keys(fresh.needed).map((n) => [n, shownOf(guide(spec, profile, answer, { revealed: [n] })).includes(n)]));
  // The records question: as shown, then with `tick` ticked "有"; "以上都没有" then answers the rest.
  const screens = {};
  for (const [title, s] of Object.entries(fresh.screens)) {
    if (!s.listed.length) continue;
    const listed = { [title]: s.listed };
    const ticked = s.listed.includes(tick) && !Array.isArray(profile[tick]) ? [tick] : [];
    const after = guide(spec, profile, answer, { ticked, listed });
    const none = noneAnswers(after, title);
    const answered = { ...profile };
    for (const n of none) answered[n] = [];
    const end = guide(spec, answered, answer, { ticked, listed });
    screens[title] = { before: s.listed, after: after.screens[title].listed, ticked, yes: after.screens[title].ticked, none,
      noneChecked: end.screens[title].none };
  }
  return { steps, reveal, screens };
});
process.stdout.write(JSON.stringify(out));
