"""The cases as data (tests/cases/<scheme>.yaml) cover every condition the engine judges by rule: each such
condition of each scheme has at least one case asserting ``pass``, one ``fail`` and one ``unknown``.

A case counts for (scheme, condition, status) only when it really exercises the condition's rule: it asserts
that status for the condition, the condition applies to the case's profile (its ``applies_when``, if any,
passes), and the rule itself, evaluated on that profile, gives that status. So a "pass" that only says the
condition does not apply, or a veto's "unknown" that only comes from the level sought, does not count.
Whether the engine's whole answer matches is tests/test_engine_cases.py's job.

The rule-bearing conditions are those of the exported engine data (generator.views.export.engine_data): every
condition with ``judged_by: rule``, every level with a rule (reported as ``level-<id>``) and every veto of a
credit scoring (reported as ``veto-<id>``). Conditions judged by the reviewers have no rule and are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.assess.profile import parse_profile
from generator.assess.rules import PASS, evaluate
from generator.views.export import engine_data
from tests.engine_cases import cases

STATUSES = ("pass", "fail", "unknown")
CASE_KEYS = {"name", "scheme", "why", "input", "output"}
CASES = cases()

# (scheme, condition id, status) that no profile can give, each with the reason it is impossible by
# construction of the rule. Keep it as short as the truth allows: an entry a case does cover fails the test.
# Every rule form can pass, fail, and be unknown when the fact it reads is left out (a missing fact is unknown,
# never fail; docs/PROFILE.md), so no entry is needed today.
IMPOSSIBLE: dict[tuple[str, str, str], str] = {}


def rule_conditions(data: dict) -> Iterator[tuple[str, str, dict]]:
    """(scheme id, condition id as the result reports it, condition) for every rule-bearing condition."""
    for scheme in data["schemes"]:
        sid = scheme["id"]
        for condition in scheme["conditions"]:
            if condition["judged_by"] == "rule":
                yield sid, condition["id"], condition
        for level in scheme.get("levels") or []:
            if level.get("rule"):
                yield sid, f"level-{level['id']}", level
        for veto in (scheme.get("scoring", {}).get("credit") or {}).get("vetoes", []):
            yield sid, f"veto-{veto['id']}", veto


@pytest.fixture(scope="module")
def conditions(portal) -> dict[tuple[str, str], dict]:
    return {(sid, cid): condition for sid, cid, condition in rule_conditions(engine_data(portal))}


@pytest.fixture(scope="module")
def covered(conditions) -> set[tuple[str, str, str]]:
    """(scheme, condition, status) of every case that asserts a status its condition's rule gives, the condition
    applying."""
    found = set()
    for case in CASES:
        profile = parse_profile(case["input"])
        for cid, want in (case["output"].get("conditions") or {}).items():
            status = want.get("status") if isinstance(want, dict) else want
            condition = conditions.get((case["scheme"], cid))
            if condition is None or status not in STATUSES:
                continue
            when = condition.get("applies_when")
            if when is not None and evaluate(when, profile)[0] != PASS:
                continue
            if evaluate(condition["rule"], profile)[0] == status:
                found.add((case["scheme"], cid, status))
    return found


def test_every_rule_condition_has_a_pass_a_fail_and_an_unknown_case(conditions, covered):
    missing = [(sid, cid, status) for sid, cid in sorted(conditions) for status in STATUSES
               if (sid, cid, status) not in covered and (sid, cid, status) not in IMPOSSIBLE]
    if missing:
        lines = [f"{sid} / {cid} / {status}    ({conditions[sid, cid]['cite']['clause']}："
                 f"{conditions[sid, cid]['cite']['quote']})" for sid, cid, status in missing]
        pytest.fail(f"tests/cases/<scheme>.yaml has no case exercising the rule for these {len(missing)} "
                    "(scheme / condition / status):\n" + "\n".join(lines), pytrace=False)


def test_the_allow_list_is_as_short_as_the_truth(conditions, covered):
    """An allowed status must name a rule-bearing condition and a status, give its reason, and really be
    uncovered."""
    stale = [f"{key}: no such rule-bearing condition" for key in IMPOSSIBLE if key[:2] not in conditions]
    stale += [f"{key}: not a status" for key in IMPOSSIBLE if key[2] not in STATUSES]
    stale += [f"{key}: a case covers it, so it is possible" for key in IMPOSSIBLE if key in covered]
    stale += [f"{key}: no reason given" for key, reason in IMPOSSIBLE.items() if not reason.strip()]
    assert not stale, "\n".join(stale)


def test_every_case_says_why():
    unexplained = [c.get("name") for c in CASES if not str(c.get("why") or "").strip()]
    assert not unexplained, "cases without a why:\n" + "\n".join(map(str, unexplained))


def test_no_case_text_is_cut_at_a_comma():
    """In the one-line flow style a plain scalar ends at ", ": a name or why with a comma must be quoted, or its
    tail silently becomes a key of its own (and the why quotes half the clause)."""
    cut = [f"{c.get('name')}: {sorted(set(c) - CASE_KEYS)}" for c in CASES if set(c) - CASE_KEYS]
    assert not cut, "cases with stray keys (quote the text that holds a comma):\n" + "\n".join(cut)
