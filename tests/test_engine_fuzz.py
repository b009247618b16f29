"""Issue 9: the engine never crashes. Property-based: for any profile, the JSON entry point the browser
uses returns a result or a Chinese ``{"error": "<field>: ..."}``, never an exception, and its JSON never
holds NaN or Infinity. Fixed seed and bounded count here; bench/fuzz_engine.py runs longer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings

from generator import ROOT
from generator.assess.api import assess_json
from generator.views.export import engine_data
from tests.profile_strategies import PROFILES


def _strict(name: str) -> float:
    raise AssertionError(f"{name} in the engine's JSON")


@pytest.fixture(scope="module")
def data_json(portal) -> str:
    return json.dumps(engine_data(portal), ensure_ascii=False)


def check_answer(text: str) -> dict:
    doc = json.loads(text, parse_constant=_strict)
    if "error" in doc:
        assert isinstance(doc["error"], str) and ": " in doc["error"], doc
        assert any("\u4e00" <= ch <= "\u9fff" for ch in doc["error"]), doc  # Chinese
    else:
        assert {r["verdict"] for r in doc["results"]} <= {"eligible", "ineligible", "undetermined"}
    return doc


@settings(max_examples=600, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(profile=PROFILES)
def test_engine_answers_every_profile(data_json, profile):
    check_answer(assess_json(json.dumps(profile), data_json))


@pytest.mark.parametrize(("text", "field"), [
    ('{"review_scores": {"material": NaN}}', "profile"),
    ('{"review_scores": {"material": Infinity}}', "profile"),
    ('{"review_scores": {"material": 1e999}}', "review_scores.material"),
    ('{"review_scores": {"onsite": 1001}}', "review_scores.onsite"),
    ('{"invention_patents": -1}', "invention_patents"),
    ('{"invention_patents": ' + "9" * 5000 + "}", "profile"),
    ('{"as_of": "0001-01-01"}', "as_of"),
    ('{"established": "9999-12-31"}', "established"),
    ('{"incidents": [null]}', "incidents[0]"),
    ('{"credit_answers": {"7.2": "national"}}', "credit_answers.7.2"),
    ('{"credit_answers": {"3.1": "five"}}', "credit_answers.3.1"),
    ('{"credit_answers": {"7.3": {"invention": -2}}}', "credit_answers.7.3.invention"),
    ('{"credit_answers": {"5.2": {"lead": {"galactic": 1}}}}', "credit_answers.5.2.lead.galactic"),
    ('{"credit_answers": {"42.1": true}}', "credit_answers.42.1"),
    ('{"excellence_percent": {"9.9.9": 50}}', "excellence_percent.9.9.9"),
    ("[" * 100_000 + "]" * 100_000, "profile"),
    ("[1, 2]", "profile"),
])
def test_hostile_profiles_name_their_field(data_json, text, field):
    doc = check_answer(assess_json(text, data_json))
    assert doc["error"].startswith(f"{field}: "), doc


@pytest.mark.parametrize("text", [
    '{"review_scores": {"material": NaN}}', '{"as_of": "0001-01-01"}', "[" * 100_000 + "]" * 100_000,
    '{"credit_answers": {"7.2": "national"}}', "a: &a [*a]\n", "{",
])
def test_cli_assess_exits_0_or_2_never_a_traceback(text):
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "assess", "-", "--json"],
                         input=text, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.strip(), out.stderr
