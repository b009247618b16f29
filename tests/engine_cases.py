"""The engine's test cases as data (tests/cases/engine.yaml), shared by the CPython and Pyodide runs."""

from __future__ import annotations

import json
from typing import Any

from generator import ROOT
from generator.yamlload import load_file

AS_OF = "2026-05-01"
CASES_FILE = ROOT / "tests" / "cases" / "engine.yaml"


def cases() -> list[dict]:
    """Each case with its profile as JSON-ready data (as_of defaulted) and its expected output."""
    loaded = json.loads(json.dumps(load_file(CASES_FILE), default=str))  # plain dicts, dates as text
    for case in loaded:
        case["input"] = {"as_of": AS_OF, **(case.get("input") or {})}
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
