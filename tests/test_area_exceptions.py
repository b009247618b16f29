"""Issue 24, out-of-area firms: ``outside_area_reason`` admits a firm registered outside the scheme's area only where
the scheme's own text gives an exception (data in the scheme's YAML: ``area.exceptions``, with its clause and quote);
elsewhere an out-of-area code is an error, and no message cites another scheme's clause."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator import ROOT
from generator.assess.terms import NOTICE_KINDS
from generator.load.notices import check_notice_text
from generator.load.portal import load_portal
from tests.conftest import copy_project, edit

TODAY = dt.date(2026, 11, 23)
CORPUS = Path(__file__).parent / "notice_corpus"
HZ_PATH = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance-area.yaml"
YC_PATH = "public_lists/yancheng-mayor-quality-award/2026/2026-06-30-winners-area.yaml"
HZ = (CORPUS / "personal-mobile.yaml").read_text(encoding="utf-8").replace("手机 13812345678 ", "")
HZ_LAST = "{organisation: 示例海州物流服务有限公司, credit_code: 91320706J3Y7LLJY1W, sector: service}"
NANJING = "{organisation: 南京鼓楼科创服务有限公司, credit_code: 913201064LWKYERG9Q"
BEIJING = "{organisation: 北京示例科技有限公司, credit_code: 91110105MA01ABCD26"  # outside every scheme's area
YC = (CORPUS / "code-area.yaml").read_text(encoding="utf-8")
DAFENG = "tier: nomination, sector: service}"


@pytest.fixture(scope="module")
def schemes():
    return load_portal(ROOT).schemes


def _check(text: str, path: str, schemes) -> list:
    return check_notice_text(text, path, schemes, TODAY).problems


@pytest.mark.parametrize("reason", [None, "经研究同意", "位于沪苏大丰产业联动集聚区（第十条（二））",
                                    "位于沪苏大丰产业联动集聚区"])
def test_a_firm_outside_haizhou_is_refused_whatever_the_reason(schemes, reason):
    entry = NANJING + (f", outside_area_reason: {reason}}}" if reason else "}")
    found = _check(HZ.replace(HZ_LAST, entry), HZ_PATH, schemes)
    assert [(p.line, p.code) for p in found] == [(14, "notice.code_area_closed")]
    message = found[0].message
    assert "第八条（一）：在海州区行政区域内登记注册" in message  # 海州's own clause, quoted
    assert "沪苏大丰" not in message and "第十条" not in message  # not 盐城's


def test_the_scheme_texts_own_exception_admits_a_firm(schemes):
    zone = "tier: nomination, sector: service, outside_area_reason: 位于沪苏大丰产业联动集聚区}"
    assert _check(YC.replace(DAFENG, zone), YC_PATH, schemes) == []


@pytest.mark.parametrize("reason", ["经研究同意", "位于大丰港", "外地企业"])
def test_a_reason_the_text_does_not_give_is_refused_at_its_line(schemes, reason):
    found = _check(YC.replace(DAFENG, f"tier: nomination, sector: service, outside_area_reason: {reason}}}"),
                   YC_PATH, schemes)
    assert [(p.line, p.code) for p in found] == [(13, "notice.area_reason_unknown")]
    assert found[0].message.startswith("entries[3].outside_area_reason：")
    assert "第十条（二）：沪苏大丰产业联动集聚区内企业不受此限" in found[0].message


def test_no_message_of_a_scheme_without_an_exception_names_another_schemes(schemes):
    """Every scheme but 盐城: an out-of-area firm, with and without a reason; no message names an exception's place
    or a clause of another scheme's area."""
    others = {s.id: s for s in schemes}
    foreign = {e.place for s in schemes for e in s.area.exceptions}
    checked = []
    for scheme in schemes:
        if scheme.area.exceptions:
            continue
        clauses = {e.cite.clause for s in schemes if s.id != scheme.id for e in s.area.exceptions}
        clauses -= {c.cite.clause for c in scheme.conditions}  # a clause of its own may bear the same number
        kinds = [n.kind for n in scheme.notices if not NOTICE_KINDS[n.kind].by_applicant]
        if not kinds:
            continue
        kind = kinds[0]
        text = HZ.replace("scheme: haizhou-quality-award", f"scheme: {scheme.id}").replace("kind: acceptance",
                                                                                         f"kind: {kind}")
        for reason in ("", ", outside_area_reason: 位于沪苏大丰产业联动集聚区"):
            text_n = text.replace(HZ_LAST, BEIJING + reason + "}")
            path = f"public_lists/{scheme.id}/2026/2026-11-18-{kind.replace('_', '-')}-area.yaml"
            found = [p for p in _check(text_n, path, others) if p.code.startswith(("notice.code_area", "notice.area_"))]
            assert found, (scheme.id, reason)
            for problem in found:
                assert not any(place in problem.message for place in foreign), problem
                assert not any(clause in problem.message for clause in clauses), problem
        checked.append(scheme.id)
    assert len(checked) >= 3, checked


def test_the_exception_is_data_with_its_quote_checked_against_the_source(tmp_path):
    project = copy_project(tmp_path / "p")
    rel = "schemes/yancheng-mayor-quality-award.yaml"
    line = edit(project, rel, "        quote: 沪苏大丰产业联动集聚区内企业不受此限",
                "        quote: 沪苏大丰产业联动集聚区内企业一律不受此限")
    found = [p for p in load_portal(project).problems if p.path == rel]
    assert [p.line for p in found] == [line], found


def test_no_code_names_the_zone():
    """The exception lives in the scheme's YAML, not in the check."""
    for path in (ROOT / "generator").rglob("*.py"):
        if path.name in ("profile.py",) or path.parent.name == "assess":  # the calculator's own fact label
            continue
        code = re.sub(r'""".*?"""|#.*', "", path.read_text(encoding="utf-8"), flags=re.S)
        assert "沪苏大丰" not in code and "大丰" not in code, path
