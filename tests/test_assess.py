"""The assessment engine at each threshold and just past it. Expected results are worked
out from the source texts (quoted in comments), not from the engine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from generator import ROOT
from generator.assess.engine import assess
from generator.assess.profile import ProfileError, parse_profile
from generator.export import engine_data

AS_OF = "2026-05-01"


@pytest.fixture(scope="module")
def data(portal):
    return engine_data(portal)


# Every (scheme, facts) the tests assess, so that tests/test_pyodide.py can replay them in Pyodide.
CASES: list[tuple[str, dict]] = []


def run(data, scheme_id: str, **facts) -> dict:
    CASES.append((scheme_id, {"as_of": AS_OF, **facts}))
    profile = parse_profile({"as_of": AS_OF, **facts})
    return assess(profile, data, [scheme_id])["results"][0]


def status(data, scheme_id: str, condition: str, **facts) -> str:
    result = run(data, scheme_id, **facts)
    return next(c["status"] for c in result["conditions"] if c["id"] == condition)


# --- years: "N年以上" includes N; counted to as_of -------------------------------------
@pytest.mark.parametrize(("scheme", "established", "expected"), [
    ("haizhou-quality-award", "2023-05-01", "pass"),        # 连续正常生产经营3年以上: exactly 3 years
    ("haizhou-quality-award", "2023-05-02", "fail"),        # one day short
    ("jiaxing-mayor-quality-award", "2021-05-01", "pass"),  # 正常运营五年以上
    ("jiaxing-mayor-quality-award", "2021-05-02", "fail"),
    ("yancheng-mayor-quality-award", "2022-05-01", "pass"),  # 正常运营4年以上
    ("yancheng-mayor-quality-award", "2022-05-02", "fail"),
    ("suzhou-quality-award", "2023-05-01", "pass"),         # 合法经营三年以上
    ("suzhou-quality-award", "2023-05-02", "fail"),
])
def test_years_operating(data, scheme, established, expected):
    assert status(data, scheme, "years-operating", established=established) == expected


def test_leap_day_counts_to_28_february(data):
    # Registered 2020-02-29: three years are complete on 2023-02-28.
    profile = parse_profile({"as_of": "2023-02-28", "established": "2020-02-29"})
    result = assess(profile, data, ["haizhou-quality-award"])["results"][0]
    assert next(c for c in result["conditions"] if c["id"] == "years-operating")["status"] == "pass"


# --- windows: "近N年" is (as_of − N years, as_of] ------------------------------------------
@pytest.mark.parametrize(("day", "expected"), [
    ("2024-05-02", "fail"),  # 近2年无…监督抽查中不合格记录: inside the 2-year window
    ("2024-05-01", "pass"),  # exactly two years before as_of: outside
])
def test_haizhou_sampling_window_is_two_years(data, day, expected):
    failures = [{"date": day, "level": "provincial"}]
    assert status(data, "haizhou-quality-award", "no-sampling-failures", sampling_failures=failures) == expected


def test_haizhou_county_sampling_is_not_named(data):
    # "国家、行业和省、市级监督抽查": a county-level failure is not among them.
    failures = [{"date": "2026-01-10", "level": "county"}]
    assert status(data, "haizhou-quality-award", "no-sampling-failures", sampling_failures=failures) == "pass"


@pytest.mark.parametrize(("severity", "day", "expected"), [
    ("larger", "2024-01-01", "fail"),             # 近3年无较大…事故
    ("larger", "2023-05-01", "pass"),             # older than three years
    ("general", "2025-01-01", "pass"),            # 一般 is not 较大
    ("major", "2025-01-01", "unknown"),           # the text names 较大 only: reviewers judge 重大
])
def test_haizhou_incident_severity(data, severity, day, expected):
    incidents = [{"date": day, "kind": "safety", "severity": severity}]
    assert status(data, "haizhou-quality-award", "no-larger-incidents", incidents=incidents) == expected


@pytest.mark.parametrize(("scheme", "condition", "severity", "expected"), [
    ("suzhou-quality-award", "no-incidents", "general", "fail"),          # 近三年无…事故: any grade
    ("yancheng-mayor-quality-award", "no-incidents", "general", "pass"),  # 较大及以上
    ("yancheng-mayor-quality-award", "no-incidents", "larger", "fail"),
    ("yancheng-mayor-quality-award", "no-incidents", "especially_major", "fail"),
    ("jiaxing-mayor-quality-award", "no-major-incidents", "larger", "pass"),  # 发生重大…事故
    ("jiaxing-mayor-quality-award", "no-major-incidents", "major", "fail"),
])
def test_each_scheme_has_its_own_severity(data, scheme, condition, severity, expected):
    incidents = [{"date": "2025-06-01", "kind": "quality", "severity": severity}]
    assert status(data, scheme, condition, incidents=incidents) == expected


@pytest.mark.parametrize(("violation", "expected"), [
    ({"date": "2025-01-01", "severity": "larger"}, "fail"),   # 无其他较大及以上违法违规不良记录
    ({"date": "2025-01-01", "severity": "larger", "credit_repaired": True}, "pass"),  # 已完成信用修复的除外
    ({"date": "2025-01-01", "severity": "general"}, "pass"),
    ({"date": "2025-01-01"}, "unknown"),                        # grade not given
])
def test_yancheng_violations_and_credit_repair(data, violation, expected):
    assert status(data, "yancheng-mayor-quality-award", "no-other-violations", violations=[violation]) == expected


@pytest.mark.parametrize(("facts", "expected"), [
    ({"region_code": "320982"}, "pass"),                                   # 盐城市大丰区
    ({"region_code": "310115", "in_hu_su_dafeng_zone": True}, "pass"),     # 集聚区内企业不受此限
    ({"region_code": "310115", "in_hu_su_dafeng_zone": False}, "fail"),
    ({"region_code": "310115"}, "unknown"),                                # zone not stated
])
def test_yancheng_area_and_zone_exception(data, facts, expected):
    assert status(data, "yancheng-mayor-quality-award", "area", **facts) == expected


# --- certificates ---------------------------------------------------------------------
@pytest.mark.parametrize(("certs", "expected"), [
    ([{"standard": "GB/T 19001-2016", "since": "2024-05-01"}], "pass"),   # 有效运行2年以上: exactly 2
    ([{"standard": "ISO 9001:2015", "since": "2024-05-02"}], "fail"),     # one day short
    ([{"standard": "ISO14001", "since": "2010-01-01"}], "fail"),          # not a quality system
    ([{"standard": "GJB9001C", "since": "2010-01-01"}], "unknown"),       # "其他国际通行…": reviewers
    ([], "fail"),
])
def test_yancheng_quality_system_two_years(data, certs, expected):
    assert status(data, "yancheng-mayor-quality-award", "qms-certificate", management_systems=certs) == expected


# --- Jiangsu levels, vetoes and score -------------------------------------------------------
@pytest.mark.parametrize(("credit", "level", "expected"), [
    ({"level": "A", "since": "2024-05-01"}, "AA", "pass"),   # A级等级满2年以上
    ({"level": "A", "since": "2024-05-02"}, "AA", "fail"),
    ({"level": "AA", "since": "2025-12-31"}, "AAA", "pass"),  # 认定为AA级后，次年可申报AAA
    ({"level": "AA", "since": "2026-01-05"}, "AAA", "fail"),  # same calendar year
    ({"level": "none"}, "A", None),                           # A has no level prerequisite
])
def test_jiangsu_level_ladder(data, credit, level, expected):
    result = run(data, "jiangsu-quality-credit", credit=credit)
    assert result["level"] == level
    found = [c["status"] for c in result["conditions"] if c["id"] == f"level-{level}"]
    assert found == ([expected] if expected else [])


def test_jiangsu_veto_makes_ineligible(data):
    # 十一① 截至申报日期起两年内，存在产品质量违法情形的
    violation = {"date": "2025-02-01", "severity": "general", "product_quality": True}
    result = run(data, "jiangsu-quality-credit", region_code="320506", violations=[violation],
                 quality_dishonesty=[], false_materials=[])
    assert result["veto"] is True and result["verdict"] == "ineligible"
    clean = run(data, "jiangsu-quality-credit", region_code="320506", violations=[], quality_dishonesty=[],
                false_materials=[], credit={"level": "none"})
    assert clean["veto"] is False and clean["verdict"] == "eligible"


@pytest.mark.parametrize(("answers", "item", "points"), [
    ({"3.1": 1}, "3.1", 2),        # 基础分 2 分
    ({"3.1": 3}, "3.1", 3),        # 2 + 0.5 × 2
    ({"3.1": 5}, "3.1", 4),        # 2 + 0.5 × 4 = 4
    ({"3.1": 9}, "3.1", 4),        # 最高不超过 4 分
    ({"5.1": "provincial"}, "5.1", 2),
    ({"5.2": {"lead": {"national": 1}}}, "5.2", 2),
    ({"5.2": {"lead": {"national": 1}, "participate": {"local": 1}}}, "5.2", 2.5),  # 2 + 0.5
    ({"5.2": {"lead": {"international": 1, "national": 1}}}, "5.2", 2.5),  # 最高不超过 2.5 分
    ({"7.2": "county"}, "7.2", 1),
    ({"7.3": {"invention": 1, "design": 1}}, "7.3", 1.5),
    ({"7.3": {"invention": 3}}, "7.3", 2),  # 最高不超过 2 分
    ({"8.10": True}, "8.10", 1),
])
def test_jiangsu_item_rules(data, answers, item, points):
    score = run(data, "jiangsu-quality-credit", credit_answers=answers)["score"]
    assert score["items"][item] == points


def test_jiangsu_answers_derived_from_facts(data):
    score = run(data, "jiangsu-quality-credit", chief_quality_officer=True, invention_patents=1,
                utility_model_patents=1, management_systems=[{"standard": "ISO9001"}, {"standard": "IATF16949"}],
                awards=[{"level": "city", "tier": "award", "year": 2024}])["score"]
    assert score["items"]["4.2"] == 2.5 and score["items"]["7.3"] == 1.5
    assert score["items"]["3.1"] == 2.5 and score["items"]["7.2"] == 2
    # An explicit answer wins over the facts.
    explicit = run(data, "jiangsu-quality-credit", chief_quality_officer=True,
                   credit_answers={"4.2": False})["score"]
    assert explicit["items"]["4.2"] == 0


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


def test_weighted_totals(data):
    scores = {"material": 500, "qa": 800, "onsite": 600}
    # 嘉兴: 资料评审占30%、现场评审占70%
    assert run(data, "jiaxing-mayor-quality-award", review_scores=scores)["score"]["weighted"] == 570
    # 盐城: 资料评审占20%，问询答辩占10%，现场评审占70%
    assert run(data, "yancheng-mayor-quality-award", review_scores=scores)["score"]["weighted"] == 600
    # No qa score: 盐城's weighted total cannot be computed; 嘉兴's can.
    partial = {"material": 500, "onsite": 600}
    assert "weighted" not in run(data, "yancheng-mayor-quality-award", review_scores=partial).get("score", {})
    assert run(data, "jiaxing-mayor-quality-award", review_scores=partial)["score"]["weighted"] == 570


# --- three outcomes ----------------------------------------------------------------------
def test_empty_profile_fails_nothing(data):
    result = assess(parse_profile({"as_of": AS_OF}), data)
    for r in result["results"]:
        assert r["verdict"] == "undetermined", r["scheme"]
        assert all(c["status"] != "fail" for c in r["conditions"]), r["scheme"]


def test_declarations_pass_reviewer_conditions(data):
    assert status(data, "haizhou-quality-award", "invention-patents") == "unknown"
    assert status(data, "haizhou-quality-award", "invention-patents",
                  declarations={"invention-patents": True}) == "pass"


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
