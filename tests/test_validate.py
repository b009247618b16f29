"""Bad scheme files: each gives its own `path:line: message`, and `check` exits non-zero."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import ROOT
from generator.load.portal import load_portal
from tests.conftest import copy_project

HAIZHOU = "schemes/haizhou-quality-award.yaml"
JIANGSU = "schemes/jiangsu-quality-credit.yaml"


def mutate(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the one occurrence of ``old``; return the line it starts on."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_portal(root).problems]


def test_shipped_data_is_clean(portal):
    assert len(portal.schemes) == len(list((ROOT / "schemes").glob("*.yaml")))


# (file, old text, new text, expected message; the line is where `old` stood, plus `shift`)
CASES = [
    pytest.param(HAIZHOU, "short_name: 海州\n", "short_name: 海州\ncolour: red\n",
                 "colour：没有 colour 这一项。这里可以写：id、order、name", 1, id="unknown-key"),
    pytest.param(HAIZHOU, "    cap: 2\n    cap_text: 每次不超过2家", "    cap: two\n    cap_text: 每次不超过2家",
                 "tiers[0].cap：cap应为整数（不加引号）", 0, id="wrong-type"),
    pytest.param(HAIZHOU, "    quote: 连续正常生产经营3年以上", "    quote: 连续正常生产经营5年以上",
                 "quote not found word for word in 004_6134d0e5492b779d.txt: '连续正常生产经营5年以上'", 0,
                 id="quote-not-in-source"),
    pytest.param(HAIZHOU, "    rule: {fact: registered_trademark, is: true}",
                 "    rule: {fact: registered_trademarks, is: true}",
                 "unknown fact 'registered_trademarks'; expected a field of the applicant profile (docs/PROFILE.md)", 0,
                 id="unknown-fact"),
    pytest.param(HAIZHOU, "      where: {severity: larger}", "      where: {severity: big}",
                 "'big' is not a value of incidents.severity; expected one of "
                 "['general', 'larger', 'major', 'especially_major']", 0, id="bad-enum"),
    pytest.param(HAIZHOU, "id: haizhou-quality-award\n", "id: haizhou-award\n",
                 "id 'haizhou-award' differs from the file name 'haizhou-quality-award'", 0, id="id-vs-file"),
    pytest.param(HAIZHOU, "    period: {days: 5, unit: working, minimum: true}\n    cite:\n      clause: 第九条（二）",
                 "    period: {days: 5, unit: fortnights, minimum: true}\n    cite:\n      clause: 第九条（二）",
                 "notices[1].period.unit：'fortnights' 不是可用的unit。"
                 "应为以下之一：calendar（天）、working（个工作日）", 0,
                 id="bad-period-unit"),
]


@pytest.mark.parametrize(("rel", "old", "new", "message", "shift"), CASES)
def test_bad_scheme_file_reports_path_line_message(project, rel, old, new, message, shift):
    line = mutate(project, rel, old, new) + shift
    found = problems(project)
    assert any(p.startswith(f"{rel}:{line}: {message}") for p in found), found


def test_missing_cite_is_reported(project):
    line = mutate(project, HAIZHOU, "  cite:\n    clause: 第八条（一）\n    quote: 在海州区行政区域内登记注册\nissuers",
                  "issuers")
    assert f"{HAIZHOU}:{line - 3}: area：缺少必填项 cite，例如 cite: ……" in problems(project)


def test_credit_part_must_add_up(project):
    text = (project / JIANGSU).read_text(encoding="utf-8")
    # Part 3 (质量管理体系) is 4 + 2 + 2 = 8; claim 9.
    old = "  - id: \"3\"\n"
    assert old in text
    start = text.index(old)
    max_at = text.index("max: 8", start)
    (project / JIANGSU).write_text(text[:max_at] + "max: 9" + text[max_at + 6:], encoding="utf-8")
    found = [p for p in problems(project) if "items add to 8, not to the part's maximum 9" in p]
    assert found and found[0].startswith(f"{JIANGSU}:")


def test_credit_total_must_be_100(project):
    line = mutate(project, JIANGSU, "    total: 100", "    total: 90")
    # A check across fields points at the mapping it concerns: `credit:`, the line above.
    assert f"{JIANGSU}:{line - 1}: scoring.credit：parts add to 100, not to the total 90" in problems(project)


def test_standard_must_add_to_1000(project):
    line = mutate(project, "standards/gbt19580.yaml", "{id: \"4.1.2\", name: 高层领导的作用, points: 50}",
                  "{id: \"4.1.2\", name: 高层领导的作用, points: 55}")
    assert any(p.startswith("standards/gbt19580.yaml:") and "items add to 115, not to the part's 110 points" in p
               for p in problems(project)), line


def test_stage_weights_must_add_to_100(project):
    rel = "schemes/jiaxing-mayor-quality-award.yaml"
    text = (project / rel).read_text(encoding="utf-8")
    assert "weight_percent: 70" in text
    (project / rel).write_text(text.replace("weight_percent: 70", "weight_percent: 60"), encoding="utf-8")
    assert any(p.startswith(f"{rel}:") and "stage weights add to 90%, not 100%" in p for p in problems(project))


def test_yaml_syntax_error(project):
    # The line of the bracket left open, not the line where the parser gave up.
    line = mutate(project, HAIZHOU, "short_name: 海州\n", "short_name: [海州\n")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{HAIZHOU}:{line}: YAML 语法错误：这一行的 [ 没有对应的 ]"), found


def test_check_command_exit_codes(project):
    ok = subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "check"],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    schemes = len(list((ROOT / "schemes").glob("*.yaml")))
    assert f"ok: {schemes} schemes" in ok.stdout and " notices" in ok.stdout
    line = mutate(project, HAIZHOU, "    rule: {fact: registered_trademark, is: true}",
                  "    rule: {fact: trademark, is: true}")
    bad = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert f"{HAIZHOU}:{line}: unknown fact 'trademark'" in bad.stderr


def test_scheme_order_and_references_are_data(project):
    """Scheme identity, name and order live in schemes/*.yaml (issue 10): the order decides the portal's order,
    two schemes may not share it, and a rule may only name a scheme that exists."""
    assert [s.id for s in load_portal(project).schemes][:2] == ["suzhou-quality-award", "jiangsu-quality-credit"]
    mutate(project, HAIZHOU, "order: 5", "order: 0")
    assert any(p.startswith(f"{HAIZHOU}:") and "order" in p for p in problems(project))
    mutate(project, HAIZHOU, "order: 0", "order: 1")
    assert [s.id for s in load_portal(project).schemes][:2] == ["haizhou-quality-award", "suzhou-quality-award"]
    assert any(p.startswith("schemes/suzhou-quality-award.yaml:") and "order: 1 与 haizhou-quality-award 相同" in p
               and p.split(":")[1] == str(line_of_text(project, "schemes/suzhou-quality-award.yaml", "order: 1"))
               for p in problems(project))
    mutate(project, HAIZHOU, "order: 1", "order: 5")
    line = mutate(project, HAIZHOU, "where: {scheme: haizhou-quality-award, level: county, tier: award}",
                  "where: {scheme: haizhou-award, level: county, tier: award}")
    ids = sorted(s.id for s in load_portal(project).schemes)  # however many schemes there are
    assert [p for p in problems(project) if "haizhou-award" in p] == [
        f"{HAIZHOU}:{line}: conditions.20.rule.where.scheme：没有方案 'haizhou-award'；应为 {'、'.join(ids)} 之一，"
        f"例如 scheme: {ids[0]}"]


def line_of_text(root: Path, rel: str, text: str) -> int:
    whole = (root / rel).read_text(encoding="utf-8")
    return whole[: whole.index(text)].count("\n") + 1


def test_a_scheme_that_does_not_load_is_not_reported_again_where_others_name_it(project):
    """A rule naming 海州 (本办法 within a copy of it) while 海州's own file has a syntax error: one problem, the
    error's, not a second one claiming there is no such scheme."""
    shutil.copy(project / HAIZHOU, project / "schemes" / "copy-award.yaml")
    mutate(project, "schemes/copy-award.yaml", "id: haizhou-quality-award", "id: copy-award")
    last = max(s.order for s in load_portal(project).schemes)
    mutate(project, "schemes/copy-award.yaml", "order: 5", f"order: {last + 1}")
    line = mutate(project, HAIZHOU, "short_name: 海州\n", "short_name: [海州\n")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{HAIZHOU}:{line}: YAML 语法错误"), found


def test_profile_scheme_ids_come_from_the_data(portal):
    from generator.assess.api import assess_json
    from generator.views.export import engine_json

    bad = assess_json('{"awards": [{"scheme": "hangzhou-quality-award", "year": 2024}]}', engine_json(portal))
    assert "awards[0].scheme: 没有这个方案" in bad and "haizhou-quality-award（海州质量奖）" in bad
    good = assess_json('{"awards": [{"scheme": "haizhou-quality-award", "year": 2024}]}', engine_json(portal))
    assert '"results"' in good
