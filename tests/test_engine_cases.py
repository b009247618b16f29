"""The engine on CPython against its cases as data (tests/cases/<scheme>.yaml), through the same JSON entry
point the browser uses. Expected results are worked out from the source texts, quoted in each case's why."""

from __future__ import annotations

import json

import pytest

from generator.assess.api import assess_json
from generator.views.export import engine_json
from tests.engine_cases import cases, check

CASES = cases()


@pytest.fixture(scope="module")
def data_json(portal) -> str:
    return engine_json(portal)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_engine_case(data_json, case):
    doc = json.loads(assess_json(json.dumps(case["input"]), data_json, [case["scheme"]]))
    assert "error" not in doc, doc
    assert check(case, doc["results"][0]) == [], case["why"]


def test_a_wrong_expectation_is_caught(data_json):
    """The matcher itself: a case that expects the opposite fails."""
    case = next(c for c in CASES if c["output"].get("conditions", {}).get("years-operating") == "pass")
    wrong = case | {"output": {"conditions": {"years-operating": "fail"}, "score": {"weighted": 1}}}
    doc = json.loads(assess_json(json.dumps(case["input"]), data_json, [case["scheme"]]))
    assert len(check(wrong, doc["results"][0])) == 2
