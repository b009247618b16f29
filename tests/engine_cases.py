"""The engine's test cases as data, one file per scheme (tests/cases/<scheme>.yaml, as OpenFisca keeps one file per
subject), shared by the CPython and Pyodide runs: a sixth scheme brings its own file."""

from __future__ import annotations

import json
from typing import Any

from generator import ROOT
from generator.load.yamlload import load_file

AS_OF = "2026-05-01"
CASES_DIR = ROOT / "tests" / "cases"


def cases() -> list[dict]:
    """Each case with its profile as JSON-ready data (as_of defaulted) and its expected output; a case stands in
    its scheme's file."""
    loaded = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in json.loads(json.dumps(load_file(path), default=str)):  # plain dicts, dates as text
            if case.get("scheme") != path.stem:
                raise ValueError(f"{path.name}: case {case.get('name')!r} is for {case.get('scheme')!r}; "
                                 f"it belongs in tests/cases/{case.get('scheme')}.yaml")
            case["input"] = {"as_of": AS_OF, **(case.get("input") or {})}
            loaded.append(case)
    return loaded


def runs() -> list[dict]:
    """What the parity test replays: every case, plus two whole profiles over every scheme."""
    example = json.loads((ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text(encoding="utf-8"))
    return ([{"profile": example}, {"profile": {"as_of": AS_OF}}]
            + [{"profile": c["input"], "schemes": [c["scheme"]]} for c in cases()])


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where ``actual`` does not hold ``expected`` (a nested subset; "absent" means the key must be missing)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        found = []
        for key, value in expected.items():
            where = f"{path}.{key}" if path else str(key)
            if value == "absent":
                if key in actual:
                    found.append(f"{where}: expected absent, got {actual[key]!r}")
            elif key not in actual:
                found.append(f"{where}: missing")
            else:
                found += mismatches(value, actual[key], where)
        return found
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def check(case: dict, result: dict) -> list[str]:
    """Problems of ``result`` (one scheme's) against the case's expected output."""
    expected = dict(case["output"])
    by_id = {c["id"]: c for c in result["conditions"]}
    problems = []
    for cid, want in (expected.pop("conditions", None) or {}).items():
        if isinstance(want, dict):  # {status: …, passes_from: …, next_step: {needs: […]}}
            problems += mismatches(want, by_id.get(cid, {}), f"conditions.{cid}")
        elif (by_id[cid]["status"] if cid in by_id else "absent") != want:
            problems.append(f"conditions.{cid}: expected {want}, got {by_id.get(cid, {}).get('status', 'absent')}")
    score = expected.pop("score", None)
    if score is not None:
        problems += mismatches(score, result.get("score", {}), "score")
    return problems + mismatches(expected, result)
