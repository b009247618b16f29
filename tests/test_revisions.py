"""The Yancheng draft's own revision notes as data (schemes/yancheng-mayor-quality-award.yaml ``revisions``): the
修订对照 page, and the calculator's "under the 2021 wording" answer where the notes make it decidable."""

from __future__ import annotations

import json
from html import unescape

import pytest

from generator import ROOT
from generator.assess.engine import assess
from generator.assess.profile import parse_profile
from generator.views.export import engine_data

YANCHENG = "yancheng-mayor-quality-award"


@pytest.fixture(scope="module")
def data(portal) -> dict:
    return json.loads(json.dumps(engine_data(portal), default=str))


def _earlier(data: dict, **facts) -> dict:
    profile = parse_profile({"as_of": "2026-05-01", "region_code": "320902"} | facts)
    return assess(profile, data, [YANCHENG])["results"][0]["earlier_wording"]


def test_every_note_of_the_draft_is_data(portal):
    """18 notes in the text (原《管理办法》为…, 划线部分为新增内容, 删除原《管理办法》中的…, 合并为…), each quoted."""
    source = (ROOT / "schemes" / "sources" / "003_fd78d5cc6344b0e9.txt").read_text(encoding="utf-8")
    words = ("原《管理办法》", "划线部分为新增内容", "划线部分修订为")
    marks = sum(source.count(w) for w in words)
    scheme = next(s for s in portal.schemes if s.id == YANCHENG)
    notes = [item.note.quote for item in scheme.revisions.items]
    assert len(notes) == 18
    assert sum(n.count(w) for n in notes for w in words) == marks
    for item in scheme.revisions.items:
        assert item.before is None or item.before in item.note.quote


def test_re_application_after_3_not_5_years(data):
    """第十六条: 满5年 in the draft, 满3年 in the 2021 办法 (the note says so): an award of 2022 fails now, passes
    under the earlier wording."""
    earlier = _earlier(data, awards=[{"scheme": YANCHENG, "level": "city", "tier": "award", "year": 2022}])
    differs = {d["condition"]: d for d in earlier["differs"]}
    assert differs["no-recent-award"]["now"] == "fail" and differs["no-recent-award"]["before"] == "pass"
    assert differs["no-recent-award"]["before_words"] == "满3年"
    # An award of 2022 is within 5 years and within 3 on 2025-05-01: both wordings fail it; nothing differs.
    same = _earlier(data, as_of="2025-05-01", awards=[{"scheme": YANCHENG, "level": "city", "tier": "award",
                                                        "year": 2022}])
    assert "no-recent-award" not in {d["condition"] for d in same["differs"]}


def test_violation_of_any_grade_under_the_2021_wording(data):
    """第十条（六）: "无其他较大及以上违法违规不良记录" now, "无其他违法违规不良记录" in 2021: a 一般 record passes now
    and fails then; the verdict under the earlier wording follows."""
    earlier = _earlier(data, violations=[{"date": "2025-01-01", "severity": "general"}])
    differs = {d["condition"]: d for d in earlier["differs"]}
    assert (differs["no-other-violations"]["now"], differs["no-other-violations"]["before"]) == ("pass", "fail")
    assert earlier["verdict"] == "ineligible"
    # Repaired credit: whether the exception stood in 2021 the note does not say, so nothing is claimed.
    repaired = _earlier(data, violations=[{"date": "2025-01-01", "severity": "general", "credit_repaired": True}])
    assert "no-other-violations" not in {d["condition"] for d in repaired["differs"]}


def test_a_major_incident_is_for_the_reviewers_under_无较大(data):
    """"无较大……事故" names 较大 only: a 重大 incident fails now; under the 2021 words the reviewers would judge, so
    the difference is not decidable and is not listed. A 一般 incident passes under both."""
    major = _earlier(data, incidents=[{"date": "2025-02-01", "kind": "quality", "severity": "major"}])
    assert "no-incidents" not in {d["condition"] for d in major["differs"]}
    assert _earlier(data, incidents=[])["differs"] == []
    assert "没有哪一项条件" in _earlier(data, incidents=[])["text"]


def test_only_yancheng_has_a_revisions_page(site, portal):
    for scheme in portal.schemes:
        page = site / "schemes" / scheme.id / "revisions" / "index.html"
        assert page.is_file() == (scheme.id == YANCHENG)
    html = unescape((site / "schemes" / YANCHENG / "revisions" / "index.html").read_text(encoding="utf-8"))
    assert html.count('id="revision-') == 18
    assert "满3年" in html and "获得盐城市市长质量奖满5年的组织" in html  # both wordings of 第十六条
    assert "从资料评审600分以上（含600分）" in html  # a deletion, with nothing in its place
    nav = unescape((site / "schemes" / YANCHENG / "index.html").read_text(encoding="utf-8"))
    assert "修订对照" in nav
