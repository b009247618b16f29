"""The profile as docs/PROFILE.md writes it (issue 25, part 3): each value the contract allows is read as it says,
each it does not is refused with exit 2 and a Chinese line naming the field, never taken in silently."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from generator import ROOT
from generator.assess.api import assess_json, load_profile_json
from generator.assess.engine import assess
from generator.assess.profile import ProfileError, parse_profile
from generator.views.export import engine_data

AS_OF = "2026-05-01"


@pytest.fixture(scope="module")
def data(portal) -> dict:
    return engine_data(portal)


def _condition(data: dict, scheme: str, cid: str, **facts) -> dict:
    result = assess(parse_profile({"as_of": AS_OF, **facts}), data, [scheme])["results"][0]
    return next(c for c in result["conditions"] if c["id"] == cid)


def test_full_width_region_code_is_read_as_its_digits(data):
    """"３２０５０８" (a Chinese input method's digits) was accepted, then failed 苏州's area condition."""
    assert parse_profile({"region_code": "３２０５０８"})["region_code"] == "320508"
    assert _condition(data, "suzhou-quality-award", "area", region_code="３２０５０８")["status"] == "pass"


@pytest.mark.parametrize("code", ["٣٢٠٥٠٨", "32050", "3205081", "32O508"])
def test_other_region_codes_are_refused(code):
    with pytest.raises(ProfileError, match=r"^region_code: .*例如 320506"):
        parse_profile({"region_code": code})


@pytest.mark.parametrize("text", ["20260304", "2026-W10-3", "2026-063", "2026-03-04T00:00", "2026-3-4", " 2026-03-04"])
def test_dates_are_yyyy_mm_dd_only(text):
    with pytest.raises(ProfileError, match=r"^established: .*YYYY-MM-DD"):
        parse_profile({"established": text})


def test_a_utf8_bom_is_accepted(data):
    text = "\ufeff" + json.dumps({"as_of": AS_OF, "sector": "service"})
    assert load_profile_json(text) == {"as_of": AS_OF, "sector": "service"}
    assert "error" not in json.loads(assess_json(text, json.dumps(data)))


def test_cli_reads_a_json_file_with_a_bom(tmp_path):
    path = tmp_path / "档案.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"as_of": AS_OF, "sector": "service"}).encode())
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "assess", str(path), "--json",
                          "--scheme", "haizhou-quality-award"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["as_of"] == AS_OF


@pytest.mark.parametrize(("text", "field"), [
    ('{"organisation": "\\ud800 公司"}', "organisation"),
    ('{"management_systems": [{"standard": "ISO9001\\udfff"}]}', "management_systems[0].standard"),
    ('{"credit_answers": {"\\udc00": true}}', "credit_answers.\\udc00"),
    ('{"x\\ud83d": 1}', "x\\ud83d"),
])
def test_a_lone_surrogate_names_its_field(data, text, field):
    doc = json.loads(assess_json(text, json.dumps(data)))
    assert doc["error"].startswith(f"{field}: ") and "代理项" in doc["error"], doc
    doc["error"].encode("utf-8")  # printable: no surrogate left in the message


def test_cli_lone_surrogate_exits_2_with_the_field():
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "assess", "-", "--json"],
                         input='{"organisation": "\\ud800"}', capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("organisation: ") and "内部错误" not in out.stderr, out.stderr


@pytest.mark.parametrize(("facts", "field"), [
    ({"awards": [{"level": "city", "tier": "award", "year": 0}]}, "awards[0].year"),
    ({"related_awards": [{"year": 1899}]}, "related_awards[0].year"),
    ({"false_materials": [{"year": 2200}]}, "false_materials[0].year"),
    ({"satisfaction_reports": [21]}, "satisfaction_reports[0]"),
    ({"management_systems": [{"standard": "", "since": "2020-01-01"}]}, "management_systems[0].standard"),
    ({"management_systems": [{"standard": "   "}]}, "management_systems[0].standard"),
])
def test_impossible_years_and_empty_standards_are_refused(facts, field):
    with pytest.raises(ProfileError, match=rf"^{re.escape(field)}: "):
        parse_profile(facts)


def test_the_edges_of_years_are_read():
    profile = parse_profile({"awards": [{"year": 1900}, {"year": 2199}], "satisfaction_reports": [2025]})
    assert [a["year"] for a in profile["awards"]] == [1900, 2199]


def test_excellence_percent_steps_of_5_are_the_contract_with_their_source(portal):
    """Not multiples of 5 are refused: GB/Z 19579 附录C scores each item in steps of 5 (docs/FACTS.md), and
    PROFILE.md says so with its source, rather than the code refusing what the contract allows."""
    assert portal.standard.step_percent == 5
    contract = (ROOT / "docs" / "PROFILE.md").read_text(encoding="utf-8")
    row = next(line for line in contract.splitlines() if line.startswith("| excellence_percent |"))
    assert "multiple of 5" in row and "GB/Z 19579" in row, row
    with pytest.raises(ProfileError, match=r"^excellence_percent\.4\.1\.2: .*5 的倍数"):
        parse_profile({"excellence_percent": {"4.1.2": 52}})


@pytest.mark.parametrize(("content", "why"), [(b"\xff\xfe{}", "不是 UTF-8 编码的文本"), (None, "文件不存在")])
def test_cli_says_in_chinese_why_a_file_cannot_be_read(tmp_path, content, why):
    path = tmp_path / "档案.json"
    if content is not None:
        path.write_bytes(content)
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "assess", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and out.stderr.startswith("profile: 无法读取") and why in out.stderr, out.stderr


def test_every_field_of_the_profile_is_in_the_contract():
    """docs/PROFILE.md is the contract offices and scripts rely on: a field the engine reads but the contract does
    not name would be a silent extension of a public format. Each field is a row of its table (first column)."""
    from generator.assess.profile import FIELDS

    doc = (ROOT / "docs" / "PROFILE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\|([^|]+)\|", doc, re.M)
    documented = {name.strip(" `") for row in rows for name in row.split(",")}
    assert sorted(f.name for f in FIELDS if f.name not in documented) == []
