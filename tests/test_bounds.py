"""Issue 24, sizes, numbers and names: every text field of a notice has a length, every number a bound, each with
a Chinese message at its line (a 5,000-digit integer was 内部错误); notice and attachment file names follow one
pattern (the message proposes the right name); extensions are case-insensitive, and nginx sends every attachment as
a download whatever the case of its extension."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import ROOT
from generator.load.notices import check_notice_text
from generator.load.portal import load_portal
from generator.load.yamlload import YamlError, load_text
from generator.model.attachments import TYPES
from generator.model.notice import proposed_name
from tests.conftest import copy_project

TODAY = dt.date(2026, 11, 23)
CORPUS = Path(__file__).parent / "notice_corpus"
BASE = (CORPUS / "personal-mobile.yaml").read_text(encoding="utf-8").replace("手机 13812345678 ", "")
PATH = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
ORG = "示例海州精密机械有限公司"


@pytest.fixture(scope="module")
def schemes():
    return load_portal(ROOT).schemes


def _check(text: str, schemes, path: str = PATH) -> list:
    return check_notice_text(text, path, schemes, TODAY).problems


def test_a_valid_notice_passes(schemes):
    assert _check(BASE, schemes) == []


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    (f"organisation: {ORG}", "organisation: " + "名" * 101, 11, "entries[0].organisation"),
    (f"organisation: {ORG}", "organisation: " + "名" * 330_000, 11, "entries[0].organisation"),  # the 1 MB
    ("title: 2026年度", "title: " + "长" * 201 + "2026年度", 5, "title"),
    ("issuer: 海州区", "issuer: " + "长" * 201 + "海州区", 6, "issuer"),
    ("sector: manufacturing}", "sector: manufacturing, note: " + "注" * 201 + "}", 11, "entries[0].note"),
    ("  address: 连云港", "  address: " + "址" * 201 + "连云港", 19, "objections.address"),
])
def test_a_text_longer_than_its_field_allows_is_refused_at_its_line(schemes, old, new, line, field):
    text = BASE.replace(old, new, 1)
    assert text != BASE
    found = _check(text, schemes)
    assert [(p.line, p.code) for p in found] == [(line, "type.too_long")], found
    assert found[0].message.startswith(f"{field}：") and "最多" in found[0].message and len(found[0].message) < 300


def test_a_name_of_100_characters_passes(schemes):
    assert _check(BASE.replace(f"organisation: {ORG}", "organisation: " + "名" * 100), schemes) == []


def test_a_long_list_is_refused(schemes):
    found = _check(BASE.replace("body:\n", "body:\n" + "".join(f"  - 第{n}段。\n" for n in range(60))), schemes)
    assert [(p.line, p.code) for p in found] == [(8, "type.too_many")]


@pytest.mark.parametrize("value", ["9" * 5000, "9" * 16, "-" + "9" * 4400, "1" + "0" * 20])
def test_an_unbounded_integer_gets_a_chinese_message_at_its_line(schemes, value):
    found = _check(BASE.replace("published: 2026-11-18\n", f"published: 2026-11-18\nyear: {value}\n"), schemes)
    assert [(p.line, p.code) for p in found] == [(8, "yaml.number_too_big")], found
    assert "最多 15 位" in found[0].message


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_a_number_that_is_not_finite_is_refused(value):
    with pytest.raises(YamlError) as caught:
        load_text(f"a: 1\nb: {value}\n")
    assert caught.value.line == 2 and caught.value.code == "yaml.number_not_finite"


def test_the_command_line_says_so_with_path_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    target = project / PATH
    target.parent.mkdir(parents=True)
    target.write_text(BASE.replace("published: 2026-11-18\n", "published: 2026-11-18\nyear: " + "9" * 5000 + "\n"),
                      encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "内部错误" not in out.stderr
    assert f"{PATH}:8: 数字 999999999999…（5000 位）太大" in out.stderr


# --- names --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "proposed"), [
    ("2026-11-18-acceptance-副本 (2) 最终版.yaml", "2026-11-18-acceptance-2.yaml"),
    ("2026-11-18-acceptance 副本.yaml", "2026-11-18-acceptance.yaml"),
    ("2026-11-18-acceptance-Final_V2.yaml", "2026-11-18-acceptance-final-v2.yaml"),
    ("2026-11-18-acceptance-.yaml", "2026-11-18-acceptance.yaml"),
])
def test_a_notice_file_name_off_the_pattern_is_refused_with_the_right_name(schemes, name, proposed):
    found = _check(BASE, schemes, f"public_lists/haizhou-quality-award/2026/{name}")
    assert [p.code for p in found] == ["notice.path_name"]
    assert found[0].message.endswith(f"请改名为 {proposed}")


@pytest.mark.parametrize("name", ["2026-11-18-acceptance.yaml", "2026-11-18-acceptance-2.yaml",
                                  "2026-11-18-acceptance-haizhou-2026.yaml"])
def test_names_in_the_pattern_pass(schemes, name):
    assert _check(BASE, schemes, f"public_lists/haizhou-quality-award/2026/{name}") == []


@pytest.mark.parametrize(("name", "proposed"), [
    ("SUMMARY 最终版.PDF", "summary.pdf"), ("汇总表 (1).xlsx", "1.xlsx"), ("汇总表.xlsx", "attachment.xlsx"),
    ("Summary_2026.csv", "summary-2026.csv"),
    ("../secret.pdf", "secret.pdf"), (".hidden.pdf", "hidden.pdf"),
])
def test_an_attachment_name_off_the_pattern_is_refused_with_the_right_name(schemes, name, proposed):
    text = BASE.replace("objections:\n", f"attachments:\n  - {{title: 汇总表, file: '{name}'}}\nobjections:\n")
    found = _check(text, schemes)
    assert [(p.line, p.code) for p in found] == [(16, "notice.attachment_name")]
    assert f"file: {proposed}" in found[0].message
    assert proposed_name(proposed) == proposed  # the proposal is in the pattern


@pytest.mark.parametrize("name", ["summary.PDF", "summary.Pdf", "list.XLSX", "photo.JPG"])
def test_an_extension_in_upper_case_is_its_type(schemes, name):
    text = BASE.replace("objections:\n", f"attachments:\n  - {{title: 汇总表, file: '{name}'}}\nobjections:\n")
    assert _check(text, schemes) == []


def test_the_deploy_config_sends_every_attachment_type_as_a_download_in_any_case():
    """deploy/nginx.conf: the attachment map matches without regard to case (~*) and names every accepted type."""
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    line = next(row for row in conf.splitlines() if row.strip().endswith('"attachment";'))
    operator, pattern = line.split()[0][:2], line.split()[0][2:]
    assert operator == "~*", line  # a case-sensitive ~ let SUMMARY.PDF be shown inline
    for ext in TYPES:
        for name in (f"summary.{ext}", f"SUMMARY.{ext.upper()}", f"s.{ext.capitalize()}"):
            assert re.match(pattern, f"/notices/x/2026/n/{name}", re.IGNORECASE), name


def test_a_notice_holds_ten_thousand_entries_and_no_more():
    """The editor takes 10,000 rows from one paste (tests/test_browser_office.py); a list one longer is refused by
    the model's bound (Notice.entries), in the check's terms (type.too_many)."""
    from pydantic import ValidationError

    from generator.model.notice import Notice

    base = {"scheme": "haizhou-quality-award", "kind": "acceptance", "title": "受理名单", "issuer": "海州区",
            "published": dt.date(2026, 11, 18)}
    entry = {"organisation": "连云港板浦纺织有限公司", "credit_code": "91320706AY4CL12THY"}
    assert len(Notice.model_validate(base | {"entries": [entry] * 10_000}).entries) == 10_000
    with pytest.raises(ValidationError) as refused:
        Notice.model_validate(base | {"entries": [entry] * 10_001})
    assert [e["type"] for e in refused.value.errors()] == ["too_long"]
