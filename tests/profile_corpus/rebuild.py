"""Rebuild the corpus of profiles as earlier versions wrote them, with the verdicts the engine of that version
gave (issue 25, part 2). Run once, by hand; tests/test_profile_corpus.py reads what it writes.

    .venv/bin/python tests/profile_corpus/rebuild.py

For every commit since the engine landed that changed what a profile may hold (the field spec, the page's
script, examples/), the tree of that commit is checked out to a temporary directory and its own code:
- writes the profiles its page could write: from its field spec, with the page's shapes (lists of dates or of
  records, "以上都没有" as empty lists), drawn with a fixed seed; and its examples/*.json;
- judges each with its own engine and scheme data, every scheme.
Profiles written alike by several versions are kept once, with the first version that wrote them and the
verdicts of every version that wrote them (``judged``: [{versions, verdicts: scheme -> verdict}], versions that
gave the same verdicts together).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("corpus.json")
FIRST = "6c83c16"  # the engine and the profile spec landed
LAST = "e53456d"  # the last landed version before issue 25 (what the lead merged from main)
PATHS = ["examples/", "generator/assess/profile.py", "generator/assess/terms.py",
         "site_src/assets/javascripts/assess/"]

# Runs inside each old tree, with only that tree's code: writes and judges its profiles.
WORKER = r'''
import json, random, sys
from pathlib import Path
root = Path.cwd()
sys.path.insert(0, str(root))
try:
    from generator.load.portal import load_portal
except ImportError:
    from generator.model.validate import load_portal
from generator.views.export import engine_data
from generator.assess.profile import FIELDS, parse_profile
from generator.assess.engine import assess

data = json.loads(json.dumps(engine_data(load_portal(root))))
SCHEMES = [s["id"] for s in data["schemes"]]
DATES = ["2012-03-01", "2016-07-15", "2019-01-10", "2021-06-30", "2022-01-10", "2023-05-02", "2024-02-29",
         "2024-11-20", "2025-06-01", "2026-01-05"]
AS_OF = ["2024-06-01", "2025-05-20", "2026-05-01"]
REGIONS = ["320506", "320508", "320583", "330402", "320982", "320706", "310115"]
STANDARDS = ["ISO9001", "GB/T 19001-2016", "IATF16949", "ISO14001", "ISO45001"]
RECORDS = {f.name for f in FIELDS if f.kind == "list" and f.item is not None}

def value(f, r, name=""):
    k = f.kind
    if k == "bool": return r.random() < 0.6
    if k == "int":
        return r.randint(2015, 2025) if f.name == "year" or name == "satisfaction_reports" else r.randint(0, 6)
    if k == "number": return r.choice([420, 560, 610, 700])
    if k == "date": return r.choice(DATES)
    if k == "str":
        if f.name == "region_code": return r.choice(REGIONS)
        if f.name == "standard": return r.choice(STANDARDS)
        return "苏州某某精密机械有限公司"
    if k == "enum": return r.choice(list(f.enum))
    if k == "scheme": return r.choice(SCHEMES)
    if k == "list":
        if f.item.kind in ("enum", "scheme"):
            return sorted(set(r.sample(list(f.item.enum) if f.item.kind == "enum" else SCHEMES, r.randint(0, 2))))
        return [value(f.item, r, f.name) for _ in range(r.choice([0, 0, 0, 1, 2]))]
    if k == "object":
        return {s.name: value(s, r, f.name) for s in f.fields if r.random() < 0.85}
    if k == "map":
        if f.name == "declarations":
            return r.choice([{}, {"performance": True}, {"performance": True, "policies": True}])
        if f.name == "credit_answers": return r.choice([{}, {"1.1": True, "5.1": "provincial"}, {"1.1": False}])
        if f.name == "excellence_percent": return r.choice([{}, {"4.1.2": 50, "4.7.2": 45}])
    return None

def written(r, share):
    """A profile as the page's form leaves it: some answers given, the records question often answered."""
    p = {"as_of": r.choice(AS_OF)}
    for f in FIELDS:
        if f.name == "as_of": continue
        if r.random() < share:
            v = value(f, r)
            if v is not None: p[f.name] = v
    if r.random() < 0.5:  # "以上都没有": every record list asked in the records question is []
        for f in FIELDS:
            if f.kind == "list" and f.name not in ("schemes_of_interest", "management_systems", "food_safety_systems",
                                                 "agri_certifications", "satisfaction_reports", "awards",
                                                 "related_awards", "false_materials"):
                p.setdefault(f.name, [])
    return p

r = random.Random(25)
profiles = [("page", written(r, share)) for share in [0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0] * 6]
for path in sorted((root / "examples").glob("*.json")):
    profiles.append(("examples/" + path.name, json.loads(path.read_text(encoding="utf-8"))))
out = []
for source, raw in profiles:
    try:
        result = assess(parse_profile(json.loads(json.dumps(raw))), data)
    except Exception as exc:  # this version would not have written it
        continue
    out.append({"source": source, "profile": raw, "verdicts": {x["scheme"]: x["verdict"] for x in result["results"]}})
print(json.dumps(out, ensure_ascii=False))
'''


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def main() -> int:
    commits = git("log", "--reverse", "--format=%h %ad", "--date=short", f"{FIRST}^..{LAST}", "--", *PATHS).split("\n")
    commits = [c.split() for c in commits if c]
    corpus: list[dict] = []
    seen: dict[str, dict] = {}
    for commit, day in commits:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(f"git -C {ROOT} archive {commit} | tar -x -C {tmp}", shell=True, check=True)
            if (ROOT / "node_modules").exists():
                os.symlink(ROOT / "node_modules", Path(tmp) / "node_modules")
            run = subprocess.run([sys.executable, "-c", WORKER], cwd=tmp, capture_output=True, text=True,
                                 env={**os.environ, "PYTHONPATH": tmp, "SOURCE_DATE_EPOCH": "1795132800"})
        if run.returncode != 0:
            print(f"{commit} {day}: the old code did not run: {run.stderr.strip().splitlines()[-1:]}")
            continue
        entries = json.loads(run.stdout)
        new = 0
        for entry in entries:
            key = json.dumps(entry["profile"], sort_keys=True, ensure_ascii=False)
            if key not in seen:
                seen[key] = {"version": commit, "date": day, "source": entry["source"], "profile": entry["profile"],
                             "judged": {}}
                corpus.append(seen[key])
                new += 1
            seen[key]["judged"][commit] = entry["verdicts"]
        print(f"{commit} {day}: {len(entries)} profiles written and judged, {new} new")
    for entry in corpus:
        groups: dict[str, list[str]] = {}
        for version, verdicts in entry["judged"].items():
            groups.setdefault(json.dumps(verdicts, sort_keys=True), []).append(version)
        entry["judged"] = [{"versions": vs, "verdicts": json.loads(v)} for v, vs in groups.items()]
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for entry in corpus)
    OUT.write_text(f"[\n{lines}\n]\n", encoding="utf-8")  # one profile a line: diffs stay readable
    versions = {v for e in corpus for j in e["judged"] for v in j["versions"]}
    print(f"{len(corpus)} profiles written by {len({e['version'] for e in corpus})} versions, judged by "
          f"{len(versions)} -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
