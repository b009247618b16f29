"""The time and fact faces of every rule form, on every rule of the shipped data: passes_from is a day on which
the rule passes with the same facts while the day before it does not, and needs names the facts that decide
an unknown. Profiles are generated (hypothesis, fixed seed) from the valid-profile strategy."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.assess import rules
from generator.assess.profile import parse_profile
from generator.load.schemes import rules_of
from tests.profile_strategies import VALID_PROFILES

DAY = dt.timedelta(days=1)
FLIPPED: Counter = Counter()


@pytest.fixture(scope="module")
def all_rules(portal) -> list[dict]:
    return [rule for scheme in portal.schemes for _, rule in rules_of(scheme)]


def _kind(rule: dict) -> str:
    form = rules.form_of(rule)
    return type(form).__name__ + ("." + next(k for k in rule if k != "fact") if "fact" in rule else "")


@settings(max_examples=400, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=VALID_PROFILES, as_of=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)))
# Each time form reached whatever the generator draws: a level held one year of two, an AA the same year, a
# certificate held half a year.
@example(raw={"credit": {"level": "A", "since": "2025-03-01"}}, as_of=dt.date(2026, 1, 1))
@example(raw={"credit": {"level": "AA", "since": "2026-03-01"}}, as_of=dt.date(2026, 6, 1))
@example(raw={"management_systems": [{"standard": "ISO9001", "since": "2025-06-01"}]}, as_of=dt.date(2026, 1, 1))
def test_passes_from_flips_and_needs_decide(all_rules, raw, as_of):
    profile = parse_profile(raw | {"as_of": as_of.isoformat()})
    for rule in all_rules:
        status, _ = rules.evaluate(rule, profile)
        if status == rules.PASS:
            continue
        day = rules.passes_from(rule, profile)
        if day is None:
            # Time cannot cure it: no change day ahead makes it pass, nor do a few years more.
            for later in (as_of + 366 * DAY, as_of + 3653 * DAY):
                assert rules.evaluate(rule, profile | {"as_of": later})[0] != rules.PASS, (rule, later)
        else:
            assert day > as_of
            assert rules.evaluate(rule, profile | {"as_of": day})[0] == rules.PASS, (rule, day)
            assert rules.evaluate(rule, profile | {"as_of": day - DAY})[0] != rules.PASS, (rule, day)
            FLIPPED[_kind(rule)] += 1
        if status == rules.UNKNOWN:
            for fact in rules.needs(rule, profile):
                assert fact in rules.facts(rule), (rule, fact)


def test_every_time_form_was_flipped():
    """The generated profiles reached each form whose result time can change (run after the test above)."""
    if not FLIPPED:
        pytest.skip("run with test_passes_from_flips_and_needs_decide")
    assert {"Fact.years_at_least", "NoRecord", "Certificate", "CreditHeld"} <= set(FLIPPED), FLIPPED


@pytest.mark.parametrize(("rule", "facts", "as_of", "expected"), [
    # 满3年: registered 2023-05-02 -> passes on 2026-05-02.
    ({"fact": "established", "years_at_least": 3}, {"established": "2023-05-02"}, "2026-05-01", "2026-05-02"),
    # 近2年无…不合格: a failure on 2024-05-02 leaves the window (as_of − 2 years, as_of] on 2026-05-02.
    ({"none": "sampling_failures", "within_years": 2},
     {"sampling_failures": [{"date": "2024-05-02", "level": "city"}]}, "2026-05-01", "2026-05-02"),
    # 29 February: the window of 2028-02-28 still holds 2024-02-29 (add_years gives 2024-02-28 … wait one day).
    ({"none": "major_quality_complaints", "within_years": 4}, {"major_quality_complaints": ["2024-02-29"]},
     "2026-01-01", "2028-02-29"),
    # 认定为AA级后，次年可申报AAA: AA since 2026-01-05 -> 2027-01-01.
    ({"credit_held": "AA", "earlier_calendar_year": True}, {"credit": {"level": "AA", "since": "2026-01-05"}},
     "2026-05-01", "2027-01-01"),
    # Year-dated: an award of 2024 within 3 years: straddles in 2027, out from 2028.
    ({"none": "awards", "within_years": 3}, {"awards": [{"year": 2024, "level": "city"}]}, "2026-05-01",
     "2028-01-01"),
    # Time cannot cure a missing patent.
    ({"fact": "invention_patents", "at_least": 1}, {"invention_patents": 0}, "2026-05-01", None),
])
def test_passes_from_examples(rule, facts, as_of, expected):
    profile = parse_profile(facts | {"as_of": as_of})
    assert rules.check(rule) == []
    found = rules.passes_from(rule, profile)
    assert (found.isoformat() if found else None) == expected
