"""Sealed means sealed (issue 23): a published notice changes only by corrections that list each change.

A real (non-sample) 海州 acceptance notice is published, sealed on 2026-12-04 and committed; the check compares the
working copy with the sealed version (the file at the ledger base, proved by the ledger's hash)."""

from __future__ import annotations

import copy
import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.corrections import check_corrections, content_of, label, parse_field
from generator.load.ledger import seal
from generator.load.portal import load_portal
from generator.load.yamlload import load_text
from generator.model.notice import Notice

HZ = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
SEALED_ON = dt.date(2026, 12, 4)
TODAY = dt.date(2026, 12, 20)


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.fixture
def published(notices_project: Path) -> Path:
    """The project with 海州's notice made real, sealed on 2026-12-04 and committed (the ledger base is HEAD)."""
    path = notices_project / HZ
    path.write_text(path.read_text(encoding="utf-8").replace("sample: true\n", ""), encoding="utf-8")
    seal(notices_project, load_portal(notices_project, today=SEALED_ON).notices, SEALED_ON)
    _git(notices_project, "init", "-q")
    _git(notices_project, "add", "-A")
    _git(notices_project, "commit", "-qm", "published")
    return notices_project


def _append(root: Path, correction: str, old: str | None = None, new: str | None = None) -> None:
    path = root / HZ
    text = path.read_text(encoding="utf-8")
    if old is not None:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text + "corrections:\n" + correction, encoding="utf-8")


def _codes(root: Path) -> list[str]:
    return [p.code for p in load_portal(root, today=TODAY).problems if p.path == HZ]


def test_the_seal_records_its_day(published):
    import json

    entry = json.loads((published / "public_lists" / "ledger.json").read_text())["sealed"][HZ]
    assert entry["sealed_on"] == "2026-12-04"
    # Sealing again later keeps the day the version was sealed.
    seal(published, load_portal(published, today=TODAY).notices, TODAY)
    assert json.loads((published / "public_lists" / "ledger.json").read_text())["sealed"][HZ]["sealed_on"] == \
        "2026-12-04"


def test_a_minor_correction_cannot_hide_a_new_organisation(published):
    """The issue's first attack: a minor punctuation correction, and in the same edit another firm in the list."""
    # A firm of the area (the 南京 firm with "经研究同意" is refused by the area check alone since issue 24).
    other = "{organisation: 示例海州新材料有限公司, credit_code: 91320706MA1XKQ3B7H}"
    _append(published, "  - {date: 2026-12-20, reason: 标点有误, changes: 删去多余的句号, minor: true}\n",
            "{organisation: 示例海州物流服务有限公司, credit_code: 91320706J3Y7LLJY1W, sector: service}", other)
    codes = _codes(published)
    assert "ledger.no_edits" in codes and "ledger.unlisted" in codes
    found = [p for p in load_portal(published, today=TODAY).problems if p.code == "ledger.unlisted"]
    assert any(p.message.startswith("第4项 名称：") and "示例海州新材料有限公司" in p.message for p in found)
    assert {p.line for p in found if p.message.startswith("第4项")} == {13}, found  # the entry's line


def test_a_listed_change_of_a_fact_is_major_and_passes(published):
    edit = ("  - date: 2026-12-20\n    reason: 名称录入有误\n    changes: 更正第4项组织名称\n"
            "    edits: [{field: 第4项 名称, old: 示例海州物流服务有限公司, new: 示例海州现代物流服务有限公司}]\n")
    _append(published, edit, "示例海州物流服务有限公司", "示例海州现代物流服务有限公司")
    assert _codes(published) == []
    # The same edit as a minor correction is refused: a name is a fact.
    text = (published / HZ).read_text(encoding="utf-8").replace("    reason: 名称录入有误\n",
                                                                 "    reason: 名称录入有误\n    minor: true\n")
    (published / HZ).write_text(text, encoding="utf-8")
    assert _codes(published) == ["ledger.minor_fact"]


def test_a_back_dated_correction_is_refused(published):
    edit = ("  - date: 2026-11-20\n    reason: 代码有误\n    changes: 更正第1项信用代码\n"
            "    edits: [{field: 第1项 统一社会信用代码, old: 91320706AY4CL12THY, new: 913207063BJ1XG6123}]\n")
    _append(published, edit)
    assert "ledger.backdated" in _codes(published)


def test_the_identity_of_a_sealed_notice_never_changes(published):
    """The issue's third attack: `sample: true` added to a real notice with a correction."""
    _append(published, "  - date: 2026-12-20\n    reason: 示例\n    changes: 标为示例\n"
                       "    edits: [{field: 示例, old: false, new: true}]\n", "kind: acceptance\n",
            "kind: acceptance\nsample: true\n")
    codes = _codes(published)
    assert "ledger.identity" in codes and "ledger.identity_edit" in codes


def test_without_the_published_version_a_change_cannot_be_verified(published):
    import shutil

    shutil.rmtree(published / ".git")
    _append(published, "  - date: 2026-12-20\n    reason: 名称\n    changes: 名称\n"
                       "    edits: [{field: 第4项 名称, old: 示例海州物流服务有限公司, new: 乙}]\n",
            "示例海州物流服务有限公司", "乙")
    assert _codes(published) == ["ledger.no_base"]


def test_fields_read_as_a_clerk_writes_them():
    for path in [("entries", 4, "organisation"), ("entries", 0, "credit_code"), ("entries", 2), ("end",), ("title",),
                 ("body", 1), ("objections", "phone"), ("attachments", 0, "file"), ("attachments", 1)]:
        assert parse_field(label(path)) == path, path
    assert parse_field("第 5 项  名称") == ("entries", 4, "organisation")
    assert parse_field("第0项 名称") is None and parse_field("第5项 颜色") is None


# --- the attack as a property: every field, under every kind of correction --------------------------------------

SEALED_TEXT = """scheme: haizhou-quality-award
kind: acceptance
title: 2026年度海州质量奖申报受理名单公示
issuer: 海州区质量发展委员会办公室
published: 2026-11-18
end: 2026-11-25
body: [根据《海州质量奖管理办法》第九条（二），现将名单予以公示。, 公示期间如有异议，请实名提出。]
entries:
  - {organisation: 甲公司, credit_code: 91320706AY4CL12THY, sector: manufacturing, note: 原名甲厂}
  - {organisation: 乙公司, credit_code: 913207063BJ1XG6123, sector: service}
objections: {receiver: 区质量办, text: 请在公示期内提出。, phone: "0518-85551234", address: 海州区某路1号}
attachments: [{title: 汇总表, file: summary.pdf}]
"""
SEALED = Notice.model_validate(load_text(SEALED_TEXT, HZ))
FIELDS = [("title",), ("issuer",), ("end",), ("body", 0), ("body", 1), ("entries", 0, "organisation"),
          ("entries", 0, "credit_code"), ("entries", 0, "sector"), ("entries", 0, "note"),
          ("entries", 1, "organisation"), ("entries", 1, "credit_code"), ("entries", 1, "tier"),
          ("objections", "receiver"), ("objections", "text"), ("objections", "phone"), ("objections", "address"),
          ("attachments", 0, "title"), ("attachments", 0, "file"), ("entries", 2), ("entries", 1)]
NEW = {"credit_code": "91320706DD272HD1TD", "sector": "agriculture", "tier": "award"}
MODES = ["none", "minor", "major_other_field", "backdated", "listed_major", "listed_minor"]


def _changed(path: tuple, words: str, days: int) -> tuple[dict, object, object]:
    """The sealed content with ``path`` changed (to a value made of ``words`` or ``days``), and the old and new."""
    from generator.load.corrections import _get, _set

    content = content_of(SEALED)
    old = _get(content, path)
    if path == ("entries", 2):  # an entry added
        new = {"organisation": f"丙{words}公司", "credit_code": "91320706J3Y7LLJY1W"}
        _set(content, path, new, insert=True)
    elif path == ("entries", 1):  # an entry removed
        new = None
        _set(content, path, None)
    else:
        new = {"end": (dt.date(2026, 11, 25) + dt.timedelta(days=days)).isoformat(),
               "phone": f"0518-8555{days:04d}", "file": f"summary{days}.pdf"}.get(path[-1]) or NEW.get(
            path[-1], f"{old or ''}{words}")
        _set(content, path, new)
    return content, old, new


def _correction(mode: str, path: tuple, old: object, new: object) -> dict:
    other = ("issuer",) if path != ("issuer",) else ("title",)
    listed = {"field": label(path), "old": old, "new": new}
    wrong = {"field": label(other), "old": content_of(SEALED)[other[0]], "new": "另一个"}
    return {
        "none": None,
        "minor": {"date": "2026-12-20", "reason": "标点", "changes": "标点", "minor": True},
        "major_other_field": {"date": "2026-12-20", "reason": "更正", "changes": "更正", "edits": [wrong]},
        "backdated": {"date": "2026-11-20", "reason": "更正", "changes": "更正", "edits": [listed]},
        "listed_major": {"date": "2026-12-20", "reason": "更正", "changes": "更正", "edits": [listed]},
        "listed_minor": {"date": "2026-12-20", "reason": "更正", "changes": "更正", "minor": True,
                         "edits": [listed]},
    }[mode]


COUNTS: dict[str, int] = {}


@settings(max_examples=1200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(FIELDS), mode=st.sampled_from(MODES), extra=st.booleans(),
       words=st.text(alphabet="甲乙丙丁改正有限公司，。 ", min_size=1, max_size=6).filter(str.strip),
       days=st.integers(1, 400))
def test_every_unlisted_change_is_refused_and_every_listed_one_passes(path, mode, extra, words, days):
    """Edits of every field of a sealed notice, under no correction, a minor one, a major one that lists another
    field, a back-dated one, and a correctly listed one (major, or minor where the field is wording). ``extra``
    adds a second, unlisted change to a listed one."""
    from generator.load.corrections import MINOR_OK

    content, old, new = _changed(path, words.strip(), days)
    correction = _correction(mode, path, old, new)
    if extra:
        content["objections"]["address"] = "另一地址"
    data = content | {"corrections": [correction] if correction else []}
    notice = Notice.model_validate_json(__import__("json").dumps(data, ensure_ascii=False))
    found = check_corrections(SEALED, notice, 0, SEALED_ON, TODAY)
    wording = tuple(p for p in path if not isinstance(p, int)) in MINOR_OK
    passes = mode == "listed_major" or (mode == "listed_minor" and wording)
    passes = passes and not extra
    COUNTS[f"{mode}{'+extra' if extra else ''}:{'pass' if passes else 'refused'}"] = COUNTS.get(
        f"{mode}{'+extra' if extra else ''}:{'pass' if passes else 'refused'}", 0) + 1
    assert (found == []) == passes, (path, mode, extra, found)
    if mode == "none":
        assert {f.code for f in found} == {"ledger.unlisted"}
    if mode == "backdated":
        assert "ledger.backdated" in [f.code for f in found]


def test_the_attack_ran_every_mode_over_every_field():
    """Runs after the property test (file order): at least 1,000 generated edits, every mode refused or passed as
    it must; prints the counts (pytest -s) for the report."""
    if not COUNTS:
        pytest.skip("run with the property test above")
    print("attack counts:", dict(sorted(COUNTS.items())), "total", sum(COUNTS.values()))
    assert sum(COUNTS.values()) >= 1000
    assert {k.split(":")[0] for k in COUNTS} >= set(MODES) | {f"{m}+extra" for m in MODES if m.startswith("listed")}
    assert COUNTS.get("listed_major:pass", 0) > 0 and COUNTS.get("listed_minor:pass", 0) > 0


def test_taking_a_notice_down_is_a_withdrawal_shown_where_it_was(published, tmp_path):
    """撤回: the page stays, says when and why, and no longer shows the list; the feeds carry it as an update; once
    sealed it cannot be undone, and it cannot be dated before the seal."""
    from generator.build import build_site
    from tests.conftest import on_day

    path = published / HZ
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "withdrawn: {date: 2026-11-20, reason: 误发}\n", encoding="utf-8")
    assert _codes(published) == ["ledger.withdrawal_backdated"]
    path.write_text(text + "withdrawn: {date: 2026-12-20, reason: 名单有误，已撤回}\n", encoding="utf-8")
    assert _codes(published) == []
    with on_day(TODAY):
        site = build_site(published, tmp_path / "site")
    page = (site / "notices" / HZ.removeprefix("public_lists/").removesuffix(".yaml") / "index.html").read_text(
        encoding="utf-8")
    assert "本公示已撤回" in page and "2026-12-20 撤回：名单有误，已撤回" in page and ">已撤回<" in page
    assert "示例海州精密机械有限公司" not in page and "91320706AY4CL12THY" not in page
    atom = (site / "feeds" / "notices.atom").read_text(encoding="utf-8")
    entry = next(e for e in atom.split("<entry>")[1:] if "2026-11-18-acceptance/" in e)
    assert "<updated>2026-12-20T" in entry and "已于 2026-12-20 撤回" in entry
    listing = __import__("json").loads((site / "feeds" / "notices.json").read_text(encoding="utf-8"))
    assert next(n for n in listing["notices"] if "2026-11-18-acceptance" in n["url"])["withdrawn"] == "2026-12-20"
    # Sealed, the withdrawal stays.
    seal(published, load_portal(published, today=TODAY).notices, TODAY)
    _git(published, "commit", "-qam", "withdrawn")
    path.write_text(text, encoding="utf-8")
    assert _codes(published) == ["ledger.withdrawal_changed"]


def test_the_guides_examples_pass_the_check_as_written(notices_project):
    """The office guide's correction and withdrawal (site_src/office.md), applied as written to 海州's notice
    sealed on its publication day, pass the check on 2026-11-20."""
    import re

    from generator import ROOT

    guide = (ROOT / "site_src" / "office.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
    correction = next(b for b in blocks if b.startswith("corrections:"))
    withdrawal = next(b for b in blocks if b.startswith("withdrawn:"))
    path = notices_project / HZ
    path.write_text(path.read_text(encoding="utf-8").replace("sample: true\n", ""), encoding="utf-8")
    day = dt.date(2026, 11, 18)
    seal(notices_project, load_portal(notices_project, today=day).notices, day)
    _git(notices_project, "init", "-q")
    _git(notices_project, "add", "-A")
    _git(notices_project, "commit", "-qm", "published")
    edit = re.search(r"old: (\S+), new: (\S+)\}", correction)
    text = path.read_text(encoding="utf-8").replace(edit[1], edit[2])
    path.write_text(text + correction, encoding="utf-8")
    today = dt.date(2026, 11, 20)
    assert [p for p in load_portal(notices_project, today=today).problems if p.path == HZ] == []
    path.write_text(text + correction + withdrawal, encoding="utf-8")
    assert [p for p in load_portal(notices_project, today=today).problems if p.path == HZ] == []


def _yaml(data: object) -> str:
    """Notice data as a clerk's YAML: ISO dates unquoted (as dates), no anchors."""
    import re

    import yaml

    def dates(node: object) -> object:
        if isinstance(node, dict):
            return {k: dates(v) for k, v in node.items()}
        if isinstance(node, list):
            return [dates(v) for v in node]
        if isinstance(node, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):
            return dt.date.fromisoformat(node)
        return node

    return yaml.safe_dump(dates(copy.deepcopy(data)), allow_unicode=True, sort_keys=False)


def test_every_listed_change_appears_on_its_page_and_in_the_feeds(notices_project, tmp_path):
    """One sealed copy of 海州's notice per field of FIELDS, each corrected by a listed major edit of that field: the
    check passes, each page's change note shows the edit old -> new, and every feed carrying it is updated."""
    import json
    import re

    from generator.build import build_site
    from generator.load.corrections import edit_text
    from generator.model.notice import Edit
    from tests.conftest import on_day

    folder = notices_project / "public_lists" / "haizhou-quality-award" / "2026"
    (folder / "2026-11-18-acceptance.yaml").unlink()
    texts = {}
    for n, _ in enumerate(FIELDS):
        rel = f"public_lists/haizhou-quality-award/2026/2026-11-18-acceptance-f{n:02d}.yaml"
        texts[rel] = SEALED_TEXT.replace("attachments: [{title: 汇总表, file: summary.pdf}]\n", "")
        (notices_project / rel).write_text(texts[rel], encoding="utf-8")
    seal(notices_project, load_portal(notices_project, today=SEALED_ON).notices, SEALED_ON)
    _git(notices_project, "init", "-q")
    _git(notices_project, "add", "-A")
    _git(notices_project, "commit", "-qm", "published")
    shown = {}
    for n, path in enumerate(FIELDS):
        rel = f"public_lists/haizhou-quality-award/2026/2026-11-18-acceptance-f{n:02d}.yaml"
        if path[0] == "attachments":
            continue  # no attachment file beside these copies
        content, old, new = _changed(path, "改", n + 1)
        content.pop("attachments")  # as in the sealed copies, which have no attachment file beside them
        edit = copy.deepcopy({"field": label(path), "old": old, "new": new})
        data = content | {"corrections": [{"date": "2026-12-20", "reason": "更正", "changes": "更正一项",
                                           "edits": [edit]}]}
        (notices_project / rel).write_text(_yaml(data), encoding="utf-8")
        shown[rel] = edit_text(Edit.model_validate_json(json.dumps(edit, ensure_ascii=False)))
    problems = [p for p in load_portal(notices_project, today=TODAY).problems if p.path in shown]
    assert problems == []
    with on_day(TODAY):
        site = build_site(notices_project, tmp_path / "site")
    from html import unescape

    atom = (site / "feeds" / "notices.atom").read_text(encoding="utf-8")
    scheme_feed = (site / "feeds" / "haizhou-quality-award.atom").read_text(encoding="utf-8")
    for rel, text in shown.items():
        slug = rel.removeprefix("public_lists/").removesuffix(".yaml")
        page = unescape((site / "notices" / slug / "index.html").read_text(encoding="utf-8"))
        note = re.search(r'qp-change-note.*?</div>', page, re.S)[0]
        assert unescape(re.sub(r"<[^>]+>", "", note)).count(text) == 1, (rel, text)
        for feed in (atom, scheme_feed):
            entry = next(e for e in feed.split("<entry>")[1:] if f"/notices/{slug}/" in e)
            assert "<updated>2026-12-20T" in entry, rel
    assert len(shown) == len(FIELDS) - 2
