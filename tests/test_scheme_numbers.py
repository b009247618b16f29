"""Issue 24, rules that contradict their quotes: every number a scheme's rule uses is in its own quote (Arabic or
Chinese numerals) or listed in derived_numbers with its reason and quoted basis; `check` says so at the number's line,
in Chinese."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ROOT
from generator.core.numerals import as_decimal, numbers_in
from generator.load.portal import load_portal
from generator.load.scheme_numbers import _numbers, number_problems
from generator.load.yamlload import line_of, load_text
from tests.conftest import copy_project, edit

HZ = "schemes/haizhou-quality-award.yaml"
FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "schemes").glob("*.yaml"))


@pytest.mark.parametrize(("text", "number"), [
    ("连续正常生产经营3年以上", 3), ("合法经营三年以上", 3), ("截至申报日期起两年内", 2),
    ("公示时间不少于5个工作日", 5),
    ("总分为1000分", 1000), ("一次性奖励50万元", 500000), ("一次性奖励50万元", 50), ("奖励经费300万元", 3000000),
    ("按照1:1.5的比例", 1.5), ("按照1：2的比例", 2), ("公示期十五天", 15), ("二十家", 20), ("一百二十分", 120),
    ("资料评审占30%", 30), ("（2.5 分）", 2.5), ("不超过５家", 5),
])
def test_numbers_a_text_states(text, number):
    assert as_decimal(number) in numbers_in(text)


@pytest.mark.parametrize(("text", "number"), [("连续正常生产经营3年以上", 5), ("每次获奖的组织不超过2家", 20),
                                              ("近三年", 30), ("50万元", 5)])
def test_numbers_a_text_does_not_state(text, number):
    assert as_decimal(number) not in numbers_in(text)


def test_the_real_schemes_pass():
    for rel in FILES:
        data = load_text((ROOT / rel).read_text(encoding="utf-8"), rel)
        assert number_problems(data, rel) == [], rel


@pytest.mark.parametrize(("old", "new", "key"), [
    # The two examples.
    ("rule: {fact: established, years_at_least: 3}", "rule: {fact: established, years_at_least: 5}",
     "conditions[years-operating].rule.years_at_least：5"),
    ("    cap: 2\n    cap_text: 每次不超过2家", "    cap: 20\n    cap_text: 每次不超过2家", "tiers[award].cap：20"),
])
def test_check_refuses_a_number_its_quote_contradicts_at_its_line(tmp_path, old, new, key):
    project = copy_project(tmp_path / "p")
    text = (project / HZ).read_text(encoding="utf-8")
    if old not in text:
        pytest.fail(f"{old!r} not in {HZ}")
    line = edit(project, HZ, old, new)
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    found = [row for row in out.stderr.splitlines() if row.startswith(f"{HZ}:") and key in row]
    assert len(found) == 1, out.stderr
    assert found[0].startswith(f"{HZ}:{line}: ") and "不在本项的引文中" in found[0]


def test_a_derived_number_needs_its_value_and_its_quote_is_checked(tmp_path):
    project = copy_project(tmp_path / "p")
    line = edit(project, HZ, "total_points: 1000", "total_points: 1200")
    found = [p for p in load_portal(project).problems if p.path == HZ]
    assert [(p.line, p.code) for p in found] == [(line, "scheme.number_derived_value")], found
    project2 = copy_project(tmp_path / "q")
    line = edit(project2, HZ, "    cite: {clause: 第九条, quote: 总分为1000分}\n  - at: scoring.minimum.of",
                "    cite: {clause: 第九条, quote: 总分为2000分}\n  - at: scoring.minimum.of")
    found = [p for p in load_portal(project2).problems if p.path == HZ]
    assert [p.line for p in found] == [line], found  # its quote is checked word for word like every cite


def _locations() -> list[tuple[str, tuple, object, list]]:
    found = []
    for rel in FILES:
        data = load_text((ROOT / rel).read_text(encoding="utf-8"), rel)
        found += [(rel, loc, value, cites) for loc, value, cites in _numbers(data, (), [])]
    return found


LOCATIONS = _locations()


@settings(derandomize=True, max_examples=300, deadline=None)
@given(place=st.integers(0, len(LOCATIONS) - 1),
       new=st.one_of(st.integers(0, 100_000), st.decimals(0, 1000, places=1, allow_nan=False)))
def test_any_number_changed_in_a_real_scheme_is_refused_at_its_line(place, new):
    rel, loc, value, cites = LOCATIONS[place]
    new = float(new) if isinstance(new, Decimal) else new
    stated = set().union(*(numbers_in(q) for _, q in cites)) if cites else set()
    if as_decimal(new) in stated or as_decimal(new) == as_decimal(value):
        return  # the quote states it too: no contradiction
    data = load_text((ROOT / rel).read_text(encoding="utf-8"), rel)
    node = data
    for part in loc[:-1]:
        node = node[part]
    line = line_of(data, loc)
    node[loc[-1]] = new
    found = number_problems(data, rel)
    assert [p.line for p in found] == [line], (rel, loc, value, new, found)
    assert found[0].code in ("scheme.number_unquoted", "scheme.number_derived_value")
