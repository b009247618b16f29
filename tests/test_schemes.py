"""Every scheme's data against its source text. Expected values are read off the sources
(quoted in the comments), not off the YAML."""

from __future__ import annotations

import hashlib

import pytest

from generator import ROOT
from generator.load.schemes import walk_cites

SEEDS = ROOT.parent / "shared" / "seeds"


def scheme(portal, scheme_id):
    return next(s for s in portal.schemes if s.id == scheme_id)


def test_sources_are_the_seeds_byte_for_byte():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not beside this checkout")
    for ours in sorted((ROOT / "schemes" / "sources").glob("*.txt")):
        theirs = SEEDS / ours.name
        assert hashlib.sha256(ours.read_bytes()).digest() == hashlib.sha256(theirs.read_bytes()).digest(), ours.name


def test_every_cite_is_found_in_its_source(portal):
    count = 0
    for s in portal.schemes:
        for loc, cite in walk_cites(s):
            source, _ = portal.source_of(s, cite)
            assert source.find(cite.quote), (s.id, loc)
            count += 1
    assert count > 300


def test_every_scheme_cites_a_clause_for_each_condition(portal):
    for s in portal.schemes:
        for c in s.conditions:
            assert c.cite.clause and c.cite.quote
            assert (c.rule is None) == (c.judged_by == "reviewers")


def test_suzhou(portal):
    s = scheme(portal, "suzhou-quality-award")
    assert s.documents[0].number == "苏质评委发〔2023〕1号"
    assert str(s.documents[0].date) == "2023-05-04"
    assert s.area.code_prefixes == ["3205"]
    # 附件2: 21 numbered rows; rows 8 and 15 carry a second line for 建筑业.
    assert [m.number for m in s.materials.items] == list(range(1, 22))
    assert sum(len(m.entries) for m in s.materials.items) == 23
    second = {m.number: m.entries[1] for m in s.materials.items if len(m.entries) == 2}
    assert set(second) == {8, 15}
    assert all(e.when == {"fact": "sector", "is": "construction"} for e in second.values())
    # "所有申报组织提供": rows 2, 3, 5, 6, 10, 16.
    assert {m.number for m in s.materials.items if m.entries[0].required == "all"} >= {2, 3, 5, 6, 10, 16}
    # 附件5: 11 district offices, plus the named contact.
    phones = {c.phone for c in s.contacts}
    assert len(s.contacts) == 12 and "58338213" in phones and "69851106" in phones
    assert any(c.email == "zlfzc@scjg.suzhou.gov.cn" for c in s.contacts)
    # "自下发申报通知之日起至5月30日"
    assert any(str(d.end) == "2023-05-30" for d in s.key_dates)
    # 第十条（一）…（六）, the safety rule, and the three sectors all appear.
    groups = {c.group for c in s.conditions}
    assert {"basic", "manufacturing", "agriculture", "service"} <= groups
    years = [c.rule for c in s.conditions if c.rule and c.rule.get("fact") == "established"]
    assert years == [{"fact": "established", "years_at_least": 3}]  # "合法经营三年以上"
    food = [c for c in s.conditions if c.rule and "food_inspectors" in str(c.rule)]
    assert food and "'at_least': 2" in str(food[0].rule)  # "有食品检验员2名以上"
    # (五) says 事故 without a grade: no severity filter may narrow it.
    incidents = [c.rule for c in s.conditions if c.rule and c.rule.get("none") == "incidents"]
    assert incidents == [{"none": "incidents", "within_years": 3}]
    forms = {f.kind: f for f in s.forms}
    assert forms["table"].columns == [
        "序号", "统一社会信用代码", "申报组织名称", "类别", "主营业务收入", "是否复评", "备注"]
    assert len(forms["commitment"].paragraphs) == 5


def test_jiangsu(portal):
    s = scheme(portal, "jiangsu-quality-credit")
    credit = s.scoring.credit
    assert credit.total == 100
    assert [p.max for p in credit.parts] == [10, 10, 8, 10, 10, 10, 12, 10, 10, 10]
    assert [len(p.items) for p in credit.parts] == [4, 4, 3, 4, 4, 5, 5, 10, 5, 5]
    items = {i.id: i for p in credit.parts for i in p.items}
    # 三①: "基础分 2 分, 每增加 1 个加 0.5 分, 最高不超过 4 分"
    assert (items["3.1"].form, items["3.1"].base, items["3.1"].increment, items["3.1"].max) == (
        "base_increment", 2, 0.5, 4)
    # 五①, 七②④⑤: 取单项最高分
    assert {k for k, i in items.items() if i.form == "highest"} == {"5.1", "7.2", "7.4", "7.5"}
    assert {o.value: o.points for o in items["7.2"].options} == {"provincial": 3, "city": 2, "county": 1}
    # 五②, 七③: 得分可累计, capped
    assert (items["5.2"].form, items["5.2"].max) == ("cumulative", 2.5)
    assert {o.value: o.points for o in items["7.3"].options} == {"invention": 1, "utility_model": 0.5, "design": 0.5}
    assert items["7.3"].max == 2
    assert [v.id for v in credit.vetoes] == ["11.1", "11.2"]
    assert all(v.rule["within_years"] == 2 for v in credit.vetoes)  # "截至申报日期起两年内"
    assert {q.level: q.max for q in s.quotas} == {"AAA": 15, "AA": 30}
    levels = {lv.id: lv.rule for lv in s.levels}
    assert levels["AA"] == {"credit_held": "A", "years_at_least": 2}
    assert levels["AAA"] == {"credit_held": "AA", "earlier_calendar_year": True}
    assert any(str(d.start) == "2024-03-26" and str(d.end) == "2024-04-26" for d in s.key_dates)
    assert any(str(d.end) == "2024-05-07" for d in s.key_dates)
    assert [p.ban_years for p in s.penalties if p.ban_years] == [3]
    notice = next(n for n in s.notices if n.kind == "credit_results")
    assert notice.period is None  # the text gives no length


def test_jiaxing(portal):
    s = scheme(portal, "jiaxing-mayor-quality-award")
    assert {t.id: t.cap for t in s.tiers} == {"award": 5, "nomination": 3, "innovation": None}
    assert {st.name: st.weight_percent for st in s.stages if st.weight_percent} == {"资料评审": 30, "现场评审": 70}
    assert s.candidate_ratio.ratio == [1, 2]
    notice = next(n for n in s.notices if n.kind == "proposed_winners")
    assert (notice.period.days, notice.period.unit, notice.period.minimum) == (7, "calendar", False)
    assert any(c.rule == {"fact": "established", "years_at_least": 5} for c in s.conditions)
    assert "2/3" in s.voting.quorum and "1/2" in s.voting.threshold
    assert any(p.ban_years == 5 for p in s.penalties)
    assert any(e.limit and "3000" in e.limit for m in s.materials.items for e in m.entries)
    assert len(s.materials.items) == 4


def test_yancheng(portal):
    s = scheme(portal, "yancheng-mayor-quality-award")
    assert s.documents[0].draft
    assert {t.id: (t.cap, t.prize_yuan) for t in s.tiers} == {"award": (5, 500000), "nomination": (5, 100000)}
    assert [st.weight_percent for st in s.stages if st.weight_percent] == [20, 10, 70]
    assert s.candidate_ratio.ratio == [1, 1.5]
    area = next(c for c in s.conditions if c.rule and "in_hu_su_dafeng_zone" in str(c.rule))
    assert "3209" in str(area.rule)
    assert any(c.rule == {"fact": "established", "years_at_least": 4} for c in s.conditions)
    notice = next(n for n in s.notices if n.kind == "proposed_winners")
    assert (notice.period.days, notice.period.unit) == (7, "calendar")
    assert s.cycle.every_years == 1
    assert sorted(f.amount_yuan for f in s.funding if f.amount_yuan) == [300000, 3000000]


def test_haizhou(portal):
    s = scheme(portal, "haizhou-quality-award")
    assert s.cycle.every_years == 2
    assert {t.id: t.cap for t in s.tiers} == {"award": 2, "excellence": 2}
    assert s.scoring.minimum.points == 500 and s.scoring.minimum.of == 1000
    periods = {n.kind: n.period for n in s.notices if n.period}
    assert set(periods) == {"acceptance", "proposed_winners"}
    assert all((p.days, p.unit, p.minimum) == (5, "working", True) for p in periods.values())
    windows = {c.id: c.rule.get("within_years") for c in s.conditions if c.rule and "none" in c.rule}
    # "近3年无较大…事故…；近2年无产品…抽查…不合格记录，无重大劳动保障失信记录，无其他违法违规不良记录"
    assert windows["no-larger-incidents"] == 3 and windows["no-sampling-failures"] == 2
    assert windows["no-labor-dishonesty"] == 2 and windows["no-other-violations"] == 2


def test_standard_is_1000_points_and_marked_unverified(portal):
    std = portal.standard
    assert std.total == 1000 and not std.verified
    assert [p.points for p in std.parts] == [110, 90, 90, 130, 100, 80, 400]
    assert sum(len(p.items) for p in std.parts) == 23  # 3+2+2+6+2+2+6
