"""Long record lists (issue 25, part 5): the engine's work grows with the list, not with its square, and a
profile beyond the stated size is refused in Chinese, by the engine the page runs and by the CLI. Work is
counted in Python function calls (deterministic), never timed; bench/long_records.py prints the seconds."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import ROOT
from generator.assess import rules
from generator.assess.api import assess_json
from generator.assess.profile import MAX_CHARS, MAX_ITEMS, ProfileError, parse_profile
from generator.assess.rules.records import NO_RECORD
from generator.load.schemes import rules_of
from generator.views.export import engine_data
from tests.profile_strategies import VALID_PROFILES


@pytest.fixture(scope="module")
def data_json(portal) -> str:
    return json.dumps(engine_data(portal), ensure_ascii=False)


@pytest.fixture(scope="module")
def record_rules(portal) -> list[dict]:
    found = []

    def walk(rule):
        if rules.form_of(rule) is NO_RECORD:
            found.append(rule)
        for key in ("all", "any"):
            for item in rule.get(key, []) if isinstance(rule, dict) else []:
                walk(item)
        if isinstance(rule, dict) and "not" in rule:
            walk(rule["not"])
    for scheme in portal.schemes:
        for _, rule in rules_of(scheme):
            walk(rule)
    return found


def _scan(rule: dict, profile: dict) -> dt.date | None:
    """passes_from as defined: the first change day after as_of on which the rule passes (each day judged)."""
    for day in sorted(d for d in rules.changes(rule, profile) if d > profile["as_of"]):
        if rules.evaluate(rule, profile | {"as_of": day})[0] == rules.PASS:
            return day
    return None


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=VALID_PROFILES, as_of=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_the_sweep_finds_the_day_judging_every_day_finds(record_rules, raw, as_of):
    profile = parse_profile(raw | {"as_of": as_of.isoformat()})
    for rule in record_rules:
        if rules.evaluate(rule, profile)[0] != rules.PASS:
            assert rules.passes_from(rule, profile) == _scan(rule, profile), rule


def _calls(text: str, data_json: str) -> int:
    """Python function calls the engine makes to assess ``text`` (every scheme)."""
    count = 0

    def tally(frame, event, arg):
        nonlocal count
        if event == "call":
            count += 1
    sys.setprofile(tally)
    try:
        assess_json(text, data_json)
    finally:
        sys.setprofile(None)
    return count


def _violations(n: int) -> str:
    """n penalised violations on n days of the last three years before as_of: every one inside the windows,
    each leaving them on its own day (the case that made every change day judge every record)."""
    days = [dt.date(2023, 5, 10) + dt.timedelta(days=k) for k in range(n)]
    return json.dumps({"as_of": "2026-05-01",
                       "violations": [{"date": d.isoformat(), "severity": "larger", "penalized": True}
                                      for d in days]})


def test_work_grows_with_the_list_not_its_square(data_json):
    small, large = _calls(_violations(600), data_json), _calls(_violations(1200), data_json)
    assert large < 2.3 * small, (small, large)  # twice the records: about twice the work (was 4×)


def test_a_list_beyond_the_limit_is_refused_with_its_field(data_json):
    over = json.dumps({"major_quality_complaints": ["2020-01-01"] * (MAX_ITEMS + 1)})
    doc = json.loads(assess_json(over, data_json))
    assert doc["error"].startswith("major_quality_complaints: ") and f"{MAX_ITEMS:,}" in doc["error"], doc
    parse_profile({"major_quality_complaints": ["2020-01-01"] * MAX_ITEMS})  # the limit itself is read


def test_a_text_beyond_the_limit_is_refused(data_json):
    text = json.dumps({"organisation": "苏州某某有限公司", "notes": "x" * MAX_CHARS})
    doc = json.loads(assess_json(text, data_json))
    assert doc["error"].startswith("profile: 档案过大"), doc


def test_cli_refuses_an_oversize_profile_with_exit_2(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("violations:\n" + "  - {date: 2020-01-01}\n" * (MAX_ITEMS + 1), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "assess", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("violations: ") and "最多" in out.stderr, out.stderr


def test_the_limits_are_the_contracts():
    contract = (ROOT / "docs" / "PROFILE.md").read_text(encoding="utf-8")
    assert f"{MAX_ITEMS:,} items" in contract and f"{MAX_CHARS:,} characters" in contract
    with pytest.raises(ProfileError):
        parse_profile({"awards": [{"year": 2020}] * (MAX_ITEMS + 1)})
