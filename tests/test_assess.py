"""The assessment engine as a whole: full marks, minimum scores, the three outcomes, checklists, the
profile and the command line. The threshold cases (each rule at and just past its edge) are data, in
tests/cases/<scheme>.yaml, run by tests/test_engine_cases.py and, in Pyodide, by tests/test_pyodide.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from generator import ROOT
from generator.assess.engine import assess
from generator.assess.profile import ProfileError, parse_profile
from generator.views.export import engine_data

AS_OF = "2026-05-01"


@pytest.fixture(scope="module")
def data(portal):
    return engine_data(portal)


def run(data, scheme_id: str, **facts) -> dict:
    profile = parse_profile({"as_of": AS_OF, **facts})
    return assess(profile, data, [scheme_id])["results"][0]


# --- Jiangsu score, GB/T 19580 (the threshold cases are data: tests/cases/<scheme>.yaml) --------------
def test_jiangsu_full_marks_is_100(data, portal):
    credit = next(s for s in portal.schemes if s.id == "jiangsu-quality-credit").scoring.credit
    answers = {}
    for part in credit.parts:
        for item in part.items:
            answers[item.id] = {"fixed": True, "base_increment": 9}.get(item.form) or (
                max(item.options, key=lambda o: o.points).value if item.form == "highest"
                else {o.value.split(".")[0]: {o.value.split(".")[1]: 3} if "." in o.value else 3
                      for o in item.options})
    score = run(data, "jiangsu-quality-credit", credit_answers=answers)["score"]
    assert score["total"] == 100 and all(p["open"] == 0 for p in score["parts"])


# --- GB/T 19580 and weights ---------------------------------------------------------------
def all_items(portal, pct):
    return {i.id: pct for p in portal.standard.parts for i in p.items}


@pytest.mark.parametrize(("pct", "meets"), [(50, True), (45, False)])
def test_haizhou_minimum_500(data, portal, pct, meets):
    # 第十条 评审得分不得低于500分（含500分）
    score = run(data, "haizhou-quality-award", excellence_percent=all_items(portal, pct))["score"]
    assert score["total"] == pct * 10 and score["meets_minimum"] is meets


# --- three outcomes ----------------------------------------------------------------------
def test_empty_profile_fails_nothing(data):
    result = assess(parse_profile({"as_of": AS_OF}), data)
    for r in result["results"]:
        assert r["verdict"] == "undetermined", r["scheme"]
        assert all(c["status"] != "fail" for c in r["conditions"]), r["scheme"]


def test_sector_conditions_do_not_apply_to_other_sectors(data):
    result = run(data, "suzhou-quality-award", sector="manufacturing", food_producer=False)
    agri = [c for c in result["conditions"] if c["id"].startswith("agri-")]
    assert agri and all(c["status"] == "pass" and c.get("applicable") is False for c in agri)


def test_suzhou_checklist_by_sector(data):
    mfg = run(data, "suzhou-quality-award", sector="manufacturing", pollutant_discharge=True)["checklist"]
    required = {(m["number"], m["name"]) for m in mfg["required"]}
    assert any(n == 13 for n, _ in required)      # 检验员: 制造业申报组织提供
    assert any(n == 14 for n, _ in required)      # 涉及污染排放企业需通过环境体系认证
    assert not any(n == 9 for n, _ in required)   # 顾客满意度调查报告: 服务业 only
    svc = run(data, "suzhou-quality-award", sector="service", trade_settlement_by_measurement=False)["checklist"]
    assert any(m["number"] == 9 for m in svc["required"])
    assert any(m["number"] == 4 for m in svc["not_needed"])  # 计量: not for this service firm


# --- the profile and the command line -------------------------------------------------------
@pytest.mark.parametrize(("raw", "field"), [
    ({"established": "2020-13-01"}, "established"),
    ({"sector": "mining"}, "sector"),
    ({"invention_patents": "3"}, "invention_patents"),
    ({"incidents": [{"date": "2024-01-01", "severity": "huge"}]}, "incidents[0].severity"),
    ({"excellence_percent": {"4.1.2": 52}}, "excellence_percent.4.1.2"),
])
def test_bad_profile_names_the_field(raw, field):
    with pytest.raises(ProfileError) as err:
        parse_profile(raw)
    assert str(err.value).startswith(f"{field}: ") and "应为" in str(err.value)


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "assess", *args],
                          input=stdin, capture_output=True, text=True)


def test_cli_json_and_exit_codes():
    ok = cli("-", "--json", "--scheme", "haizhou-quality-award", stdin=json.dumps({"as_of": AS_OF}))
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert doc["as_of"] == AS_OF and [r["scheme"] for r in doc["results"]] == ["haizhou-quality-award"]
    first = doc["results"][0]["conditions"][0]
    assert {"id", "status", "text", "source", "judged_by"} <= set(first)
    bad = cli("-", stdin=json.dumps({"sector": "mining"}))
    assert bad.returncode == 2 and bad.stderr.startswith("sector: 行业应为以下之一")
    text = cli(str(ROOT / "examples" / "profile-suzhou-manufacturer.json"))
    assert text.returncode == 0 and "【苏州市质量奖】" in text.stdout


# --- which questions could still change a verdict (the guided form, issue 12) ------------------------
def test_open_questions_follow_the_verdicts_still_open(data):
    """Unknown conditions of undetermined results ask their facts; applicability is asked before the facts
    of a rule that may not apply; a settled verdict asks nothing; schemes_of_interest narrows both."""
    empty = assess(parse_profile({"as_of": AS_OF}), data)
    assert "region_code" in empty["open_questions"] and "sector" in empty["open_questions"]
    # Whether 苏州's food rules apply is asked (food_producer) before what they require (inspectors, HACCP).
    maker = assess(parse_profile({"as_of": AS_OF, "region_code": "320506", "sector": "manufacturing"}), data)
    assert "food_producer" in maker["open_questions"]
    assert "food_inspectors" not in maker["open_questions"] and "food_safety_systems" not in maker["open_questions"]
    # A manufacturer is never asked the agriculture or service questions.
    assert not {"own_production_base", "service_standards", "agri_certifications"} & set(maker["open_questions"])
    food = assess(parse_profile({"as_of": AS_OF, "region_code": "320506", "sector": "manufacturing",
                                 "food_producer": True}), data)
    assert "food_inspectors" in food["open_questions"]
    # Outside every scheme's area (Beijing, not in the Dafeng zone) every verdict is settled: nothing to ask.
    away = assess(parse_profile({"as_of": AS_OF, "region_code": "110101", "in_hu_su_dafeng_zone": False}), data)
    assert {r["verdict"] for r in away["results"]} == {"ineligible"} and away["open_questions"] == []
    # Only the schemes of interest are assessed, and only their questions asked.
    haizhou = assess(parse_profile({"as_of": AS_OF, "schemes_of_interest": ["haizhou-quality-award"]}), data)
    assert [r["scheme"] for r in haizhou["results"]] == ["haizhou-quality-award"]
    assert "in_hu_su_dafeng_zone" not in haizhou["open_questions"]  # a 盐城 question


def test_unknown_scheme_of_interest_is_refused_in_chinese(data):
    from generator.assess.api import assess_json

    out = json.loads(assess_json(json.dumps({"schemes_of_interest": ["nowhere"]}), json.dumps(data, default=str)))
    assert out["error"].startswith("schemes_of_interest[0]: 没有这个方案")


# --- issue 27: the materials list says each item once, only for the level sought -------------------------------
def test_materials_for_another_level_are_not_listed(data):
    seeking_a = run(data, "jiangsu-quality-credit", credit={"level": "none", "target_level": "A"})["checklist"]
    seeking_aa = run(data, "jiangsu-quality-credit", credit={"level": "A", "target_level": "AA"})["checklist"]
    listed = lambda c: {m["category"] for m in c["required"] + c["maybe"]}  # noqa: E731
    assert "书面申请材料（AA级、AAA级认定）" not in listed(seeking_a)
    assert "系统填报信息（A级认定）" in listed(seeking_a)
    assert "书面申请材料（AA级、AAA级认定）" in listed(seeking_aa)
    assert "系统填报信息（A级认定）" not in listed(seeking_aa)
    assert any("只用于AA、AAA级认定" in m["reason"] for m in seeking_a["not_needed"])


def test_material_reasons_are_not_repeated(data):
    checklist = run(data, "suzhou-quality-award", sector="manufacturing")["checklist"]
    for m in checklist["required"] + checklist["maybe"] + checklist["not_needed"]:
        reasons = (m.get("reason") or "").split("；")
        assert len(reasons) == len(set(reasons)), m


def test_report_leads_with_failures_and_folds_what_cannot_change_a_decided_verdict(data):
    from generator.assess.report import text_report

    profile = parse_profile({"as_of": AS_OF, "region_code": "320506", "sector": "manufacturing"})
    text = text_report(assess(profile, data, ["haizhou-quality-award"]))
    todo = text[text.index("需要处理："):text.index("逐项条件：")]
    assert "✗" in todo and "?" not in todo  # decided by the region: the open conditions are only counted
    assert "尚未判断，不影响结论" in todo
