"""Issue 9: notices as an attacker or a careless office would write them. Each class of bad input is
refused with ``path:line: message`` in Chinese and nothing is published; nothing outside the notice's
own folder is ever read into the site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import ROOT
from generator.load.portal import load_portal
from tests.conftest import edit

HZ = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
JX = "public_lists/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners.yaml"
JX_DIR = "public_lists/jiaxing-mayor-quality-award/2026"
YC = "public_lists/yancheng-mayor-quality-award/2026/2026-06-30-winners.yaml"
TODAY = __import__("datetime").date(2026, 11, 23)


@pytest.fixture
def project(notices_project: Path) -> Path:
    return notices_project


def problems(root: Path, **kw) -> list[str]:
    kw.setdefault("today", TODAY)
    return [str(p) for p in load_portal(root, **kw).problems]


def has(found: list[str], prefix: str, *words: str) -> bool:
    return any(p.startswith(prefix) and all(w in p for w in words) for p in found)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          capture_output=True, text=True, timeout=120)


ATTACH = "file: 2026-11-20-proposed-winners-summary.csv"


# --- attachments ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "words"), [
    ("/etc/passwd", "附件文件名"),
    ("../../../../.git/config", "附件文件名"),
    ("sub/../../x.pdf", "附件文件名"),
    ("evil.html", "附件类型"),
    ("evil.svg", "附件类型"),
    ("evil.js", "附件类型"),
    ("index.html", "附件类型"),
    (".hidden.pdf", "附件文件名"),
])
def test_attachment_names_outside_the_folder_or_of_a_scripting_type_are_refused(project, name, words):
    (project / JX_DIR / Path(name).name).write_text("<script>alert(1)</script>", encoding="utf-8")
    line = edit(project, JX, ATTACH, f"file: {json.dumps(name)}")
    assert has(problems(project), f"{JX}:{line}:", words), problems(project)


def test_symlinked_attachment_is_refused_and_never_published(project, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("top,secret\n", encoding="utf-8")
    (project / JX_DIR / "linked.csv").symlink_to(secret)
    line = edit(project, JX, ATTACH, "file: linked.csv")
    assert has(problems(project), f"{JX}:{line}:", "符号链接")
    out = cli(project, "build", "--out", str(tmp_path / "site"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert not (tmp_path / "site").exists()


def test_attachment_whose_content_is_not_its_type_is_refused(project):
    (project / JX_DIR / "notice.pdf").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    line = edit(project, JX, ATTACH, "file: notice.pdf")
    assert has(problems(project), f"{JX}:{line}:", "内容不是", "PDF")


def test_attachment_listed_twice_is_refused(project):
    again = "  - {title: 重复, file: 2026-11-20-proposed-winners-summary.csv}\n"
    edit(project, JX, "attachments:\n", "attachments:\n" + again)
    assert has(problems(project), f"{JX}:", "重复")


def test_generated_file_clash_is_an_error_not_a_silent_drop(project, tmp_path):
    # A hand-written page where a notice page goes: the build names both instead of dropping one.
    page = project / "site_src" / "notices" / "jiaxing-mayor-quality-award" / "2026"
    page.mkdir(parents=True)
    (page / "2026-11-20-proposed-winners.md").write_text("# x\n", encoding="utf-8")
    out = cli(project, "build", "--out", str(tmp_path / "site"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "notices/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners" in out.stderr


def test_symlink_in_site_src_is_refused(project, tmp_path):
    (project / "site_src" / "leak.md").symlink_to(ROOT / "README.md")
    out = cli(project, "build", "--out", str(tmp_path / "site"))
    assert out.returncode == 1 and "符号链接" in out.stderr and "Traceback" not in out.stderr


# --- files in public_lists ----------------------------------------------------------------------------
def test_files_that_are_not_notices_are_named(project):
    base = project / "public_lists" / "haizhou-quality-award" / "2026"
    (base / "folder.yaml").mkdir()
    (base / "dangling.yaml").symlink_to(base / "nowhere")
    shutil.copy(project / HZ, base / "2026-11-19-acceptance.yml")
    (project / "public_lists" / "index.yaml").write_text("a: 1\n", encoding="utf-8")
    found = problems(project)
    rel = "public_lists/haizhou-quality-award/2026/"
    assert has(found, f"{rel}folder.yaml:1:", "不是普通文件")
    assert has(found, f"{rel}dangling.yaml:1:", "符号链接")
    assert has(found, f"{rel}2026-11-19-acceptance.yml:1:", ".yaml")
    assert has(found, "public_lists/index.yaml:1:", "public_lists/<方案>/<年度>/")


def test_notice_path_must_agree_with_its_fields(project):
    moved = "public_lists/haizhou-quality-award/2025/2026-11-18-acceptance.yaml"
    (project / moved).parent.mkdir()
    (project / HZ).rename(project / moved)
    assert has(problems(project), f"{moved}:", "年度", "2026")
    (project / moved).rename(project / HZ)
    renamed = "public_lists/haizhou-quality-award/2026/2026-11-17-acceptance.yaml"
    (project / HZ).rename(project / renamed)
    assert has(problems(project), f"{renamed}:", "2026-11-18-acceptance")
    (project / renamed).rename(project / HZ)
    wrong_scheme = "public_lists/jiaxing-mayor-quality-award/2026/2026-11-18-acceptance.yaml"
    (project / HZ).rename(project / wrong_scheme)
    assert has(problems(project), f"{wrong_scheme}:", "haizhou-quality-award")


# --- values ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("old", "new", "words"), [
    ("published: 2026-11-18", "published: 2026-02-30", ["日期", "不存在"]),
    ("published: 2026-11-18", "published: 9999-12-31", ["日期", "2000", "2099"]),
    ("published: 2026-11-18", "published: 2026-11-18\nend: 9999-12-31", ["日期", "2099"]),
    ("title: 2026年度海州质量奖申报受理名单公示（示例）", "title: \"\\e标题\"", ["控制字符"]),
    ("title: 2026年度海州质量奖申报受理名单公示（示例）", "title: \"a\\0b\"", ["控制字符"]),
])
def test_bad_values_are_refused_with_their_line(project, old, new, words):
    edit(project, HZ, old, new)
    found = problems(project)
    assert has(found, f"{HZ}:", *words), found


def test_far_date_in_notice_period_command_is_a_message():
    for date in ("9999-12-31", "0001-01-01", "2026-02-30"):
        out = cli(ROOT, "notice-period", "--scheme", "haizhou-quality-award", "--kind", "acceptance",
                  "--published", date)
        assert out.returncode == 2 and "Traceback" not in out.stderr and "--published" in out.stderr, out.stderr


def test_nul_byte_in_a_notice(project):
    path = project / HZ
    path.write_bytes(path.read_bytes().replace(b"issuer: ", b"issuer: \x00"))
    assert has(problems(project), f"{HZ}:", "控制字符")


def test_credit_codes_are_normalised_before_check_and_publication(project, tmp_path):
    edit(project, HZ, "credit_code: 91320706AY4CL12THY", "credit_code: ' 91320706ay4cl12thy '")
    portal = load_portal(project, today=TODAY)
    assert portal.problems == []
    entry = next(n for n in portal.notices if n.path == HZ).notice.entries[0]
    assert entry.credit_code == "91320706AY4CL12THY"


def test_duplicate_credit_code_found_after_normalising(project):
    edit(project, HZ, "credit_code: 913207063BJ1XG6123", "credit_code: 91320706ay4cl12thy")
    assert has(problems(project), f"{HZ}:", "91320706AY4CL12THY")


@pytest.mark.parametrize(("text", "refused"), [
    ("联系人张三，身份证号 110101199003074514", True),
    ("联系人张三，手机 13812345678", True),
    ("联系人张三，手机 138****5678", False),
    ("联系人张三，身份证号 11010119900307****", False),
    ("编号 35*************123", False),
    ("电话 0518-85551234", False),
])
def test_personal_data_is_refused(project, text, refused):
    line = edit(project, HZ, "issuer: 海州区", f"issuer: {text} 海州区")
    found = problems(project)
    assert has(found, f"{HZ}:{line}:", "个人信息") is refused, found


def test_personal_data_in_a_csv_attachment_is_refused(project):
    (project / JX_DIR / "2026-11-20-proposed-winners-summary.csv").write_text(
        "名称,联系人手机\n示例,13912345678\n", encoding="utf-8")
    assert has(problems(project), f"{JX}:", "个人信息", "附件")


def test_objection_channel_is_required_where_the_clause_provides_for_objections(project):
    # 嘉兴 拟奖初选对象公示: 对公示期间有异议的……; 海州 受理名单公示: 公示不通过的，取消参评资格.
    for rel in (JX, HZ):
        text = (project / rel).read_text(encoding="utf-8")
        (project / rel).write_text(text[: text.index("objections:")], encoding="utf-8")
        assert has(problems(project), f"{rel}:", "异议"), rel
    # who receives objections must be named too
    edit(project, YC, "title: ", "title: ")  # untouched: 盐城 winners list is not a 公示
    assert not has(problems(project), f"{YC}:", "异议")


def test_objections_name_who_receives_them(project):
    edit(project, HZ, "  receiver: 海州区质量发展委员会办公室（示例）\n", "")
    assert has(problems(project), f"{HZ}:", "receiver")


# --- sealed notices -------------------------------------------------------------------------------------
def _publish(root: Path, rel: str = YC) -> None:
    from generator.load.ledger import seal

    edit(root, rel, "sample: true\n", "")
    portal = load_portal(root, today=TODAY)
    assert portal.problems == []
    seal(root, portal.notices, TODAY)


def test_rewriting_or_deleting_an_earlier_correction_fails(project):
    _publish(project)
    edit(project, YC, "reason: 组织名称录入有误（示例）", "reason: 组织名称录入有误")
    assert has(problems(project), f"{YC}:", "更正")
    edit(project, YC, "reason: 组织名称录入有误", "reason: 组织名称录入有误（示例）")
    assert problems(project) == []
    text = (project / YC).read_text(encoding="utf-8")
    start = text.index("corrections:\n")
    (project / YC).write_text(text[:start] + "corrections: []\n" + text[text.index("\n", start + 14) + 1:],
                              encoding="utf-8")
    assert has(problems(project), f"{YC}:", "更正")


def test_correction_dated_after_today_is_refused(project):
    line = edit(project, YC, "date: 2026-07-03", "date: 2026-11-24")
    assert has(problems(project), f"{YC}:{line}:", "2026-11-24", "2026-11-23")
    assert problems(project, today=__import__("datetime").date(2026, 11, 24)) == []


@pytest.mark.parametrize("ledger", [
    "{not json", "[]", '{"version": 1, "sealed": []}', '{"version": 1, "sealed": {"x": 3}}',
    '{"version": 1, "sealed": {"public_lists/a.yaml": {"sha256": 1, "corrections": "x"}}}', "null", '"x"',
    '{"version": 99, "sealed": {}}',
])
def test_corrupt_ledger_is_a_message(project, ledger):
    (project / "public_lists" / "ledger.json").write_text(ledger, encoding="utf-8")
    found = problems(project)
    assert has(found, "public_lists/ledger.json:", "ledger"), found
    out = cli(project, "check")
    assert out.returncode == 1 and "Traceback" not in out.stderr


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_ledger_edited_with_the_notice_does_not_hide_the_edit(project):
    from generator.load.ledger import seal

    _git(project, "init", "-q")
    _publish(project)
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "published")
    # One change edits the sealed notice and re-seals the ledger to match it.
    edit(project, YC, "organisation: 示例盐城海洋装备有限公司", "organisation: 示例盐城海洋装备集团有限公司")
    seal(project, load_portal(project, today=TODAY).notices, TODAY)
    _git(project, "commit", "-qam", "silent edit")
    # Against the ledger as published (the commit before), the edit shows.
    found = problems(project, ledger_base="HEAD~1")
    assert has(found, f"{YC}:", "未记录更正"), found
    out = cli(project, "check", "--ledger-base", "HEAD~1")
    assert out.returncode == 1 and "未记录更正" in out.stderr
    # Deleting the ledger entry does not hide it either.
    (project / "public_lists" / "ledger.json").write_text('{"version": 1, "sealed": {}}', encoding="utf-8")
    assert has(problems(project, ledger_base="HEAD~1"), "public_lists/ledger.json:", YC)


def test_ledger_base_that_git_cannot_read_is_a_message(project):
    found = problems(project, ledger_base="no-such-ref")
    assert has(found, "public_lists/ledger.json:1:", "no-such-ref")


def test_new_notice_skeleton_path_agrees_with_the_check(project):
    out = cli(project, "new-notice", "--scheme", "yancheng-mayor-quality-award", "--kind", "proposed_winners")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("-proposed-winners.yaml")
    from tests.conftest import TEST_DAY

    assert f"/{TEST_DAY.year}/{TEST_DAY.isoformat()}-" in out.stdout  # the suite's day, not the machine's
    found = [p for p in problems(project, today=TEST_DAY) if p.startswith(out.stdout.strip())]
    assert not any("文件名" in p or "文件夹" in p for p in found), found


# --- builds ---------------------------------------------------------------------------------------------
def test_failed_build_leaves_nothing_behind(project, tmp_path, monkeypatch):
    from generator.build import BuildError, build_site

    out = tmp_path / "out" / "site"
    edit(project, HZ, "published: 2026-11-18", "published: 2026-02-30")  # a data problem
    with pytest.raises(BuildError):
        build_site(project, out)
    edit(project, HZ, "published: 2026-02-30", "published: 2026-11-18")

    def broken(*args, **kwargs):  # a defect in our own code
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("generator.plugin.plugin.generate", broken)
    with pytest.raises(BuildError, match="内部错误"):
        build_site(project, out)
    assert list((tmp_path / "out").iterdir()) == []
