"""The office editor's check: the same Python as `python -m generator check`, run in Pyodide from the built site's
own files (tests/node/run_office.mjs loads them as the editor's worker does), gives the same problems, lines,
messages and periods as CPython, for every published notice and every notice of the invalid corpus."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from generator import ROOT
from generator.core.messages import field_path
from generator.load.notices import check_notice_text
from generator.load.portal import load_portal
from generator.load.problems import Problem
from generator.office import check as office_check
from generator.office.package import PACKAGES

RUNNER = ROOT / "tests" / "node" / "run_office.mjs"
TODAY = dt.date(2026, 11, 23)
HAIZHOU = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"


def _cases() -> list[dict]:
    """Every notice under public_lists/, every notice of tests/notice_corpus/, and a few broken by hand."""
    cases = [{"path": p.relative_to(ROOT).as_posix(), "text": p.read_text(encoding="utf-8")}
             for p in sorted((ROOT / "public_lists").rglob("*.yaml"))]
    corpus = ROOT / "tests" / "notice_corpus"
    for file in sorted(corpus.rglob("*.yaml")) if corpus.is_dir() else []:
        cases.append({"path": _corpus_path(file), "text": file.read_text(encoding="utf-8")})
    good = (ROOT / HAIZHOU).read_text(encoding="utf-8")
    cases += [
        {"path": HAIZHOU, "text": good.replace("issuer:", "isuer:")},  # a key typo
        {"path": HAIZHOU, "text": good.replace("kind: acceptance", "kind：acceptance")},  # a full-width colon
        {"path": HAIZHOU, "text": good.replace("91320706AY4CL12THY", "91320706AY4CL12THX")},  # check character
        {"path": HAIZHOU, "text": good.replace("published: 2026-11-18", "published: 2026-11-18\nend: 2026-11-20")},
        {"path": HAIZHOU, "text": good.split("objections:")[0]},  # no way to object
        {"path": HAIZHOU, "text": "\tscheme: haizhou-quality-award\n"},
    ]
    return cases


def _corpus_path(file: Path) -> str:
    """The repository path a corpus notice claims: its first line may say `# path: public_lists/...`."""
    first = file.read_text(encoding="utf-8").splitlines()[:3]
    for line in first:
        if line.startswith("# path:"):
            return line.removeprefix("# path:").strip()
    return HAIZHOU


def _on_cpython(case: dict, schemes: dict) -> dict:
    result = check_notice_text(case["text"], case["path"], schemes, TODAY)
    return {"problems": [{"line": p.line, "message": p.message, "code": p.code, "loc": list(p.loc)}
                         for p in result.problems],
            "period": None if result.period is None else result.period.as_json()}


# Problems about the text as a whole, or its YAML syntax (which the editor's own writer never gets wrong): no field.
_WHOLE_FILE = ("notice.empty", "notice.location", "notice.not_mapping")
_LEADING_KEY = re.compile(r"^([A-Za-z_][^\s：]*)：")


def corpus_problems() -> list[Problem]:
    """The problems CPython finds in every case of :func:`_cases`."""
    schemes = {s.id: s for s in load_portal(ROOT).schemes}
    return [p for case in _cases() for p in check_notice_text(case["text"], case["path"], schemes, TODAY).problems]


def test_every_problem_of_a_field_carries_its_location():
    """The editor places a problem by its ``loc`` (office/place.mjs), never by the words of its message: every
    problem but those of the file as a whole carries one, and it is the field the message names."""
    problems = corpus_problems()
    located = [p for p in problems if p.loc]
    assert len(located) > 60
    assert [p for p in problems if not p.loc and not p.code.startswith("yaml.") and p.code not in _WHOLE_FILE] == []
    for p in located:
        named = _LEADING_KEY.match(p.message)
        assert named is None or field_path(p.loc).startswith(named[1]), (p.loc, p.message)
    codes = {p.code: p.loc for p in located}
    assert codes["notice.tier_missing"][::2] == ("entries", "tier")  # at the entry's line, about its tier
    assert codes["notice.objections_receiver"] == ("objections", "receiver")


def test_office_check_in_pyodide_matches_the_command_line(site: Path, tmp_path: Path):
    if shutil.which("node") is None:
        pytest.fail("node not found: the office check parity test needs Node.js")
    cases = _cases()
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", str(RUNNER), str(site), str(tmp_path / "cases.json"), TODAY.isoformat()],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    in_pyodide = json.loads(out.stdout)
    schemes = {s.id: s for s in load_portal(ROOT).schemes}
    # The preview of the public page (generator/views/notice_page.py) is drawn by the same Python on CPython.
    office_check.load_schemes((site / "data" / "office-schemes.json").read_text(encoding="utf-8"))
    assert office_check.load_regions((site / "data" / "regions.json").read_text(encoding="utf-8")) > 3000
    refused = previews = 0
    for case, answer in zip(cases, in_pyodide, strict=True):
        expected = _on_cpython(case, schemes)
        assert {"problems": answer["problems"], "period": answer["period"]} == expected, case["text"][:200]
        refused += bool(expected["problems"])
        assert answer["preview"] == json.loads(office_check.check(case["text"], case["path"], TODAY.isoformat()))[
            "preview"], case["text"][:200]
        previews += answer["preview"] is not None and "注册地" in json.dumps(answer["preview"], ensure_ascii=False)
    assert previews >= 5  # the published notices' lists at least, their places named
    assert refused >= 6  # the hand-broken cases at least; the published notices pass
    assert all(not a["problems"] for c, a in zip(cases, in_pyodide, strict=True) if c["path"].startswith("public_")
               and (ROOT / c["path"]).is_file() and (ROOT / c["path"]).read_text(encoding="utf-8") == c["text"])


def test_office_bundle_and_data(site: Path):
    folder = site / "assets" / "office"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (folder / manifest["wheel"]).is_file() and manifest["wheel"].startswith("pydantic_core-")
    names = zipfile.ZipFile(folder / manifest["python"]).namelist()
    assert "generator/office/check.pyc" in names and "stdnum/cn/uscc.pyc" in names  # compiled by Pyodide
    assert "generator/views/notice_page.pyc" in names  # the preview is drawn by the build's own drawer
    assert all(f"{p}/__init__.pyc" in names or f"{p}.pyc" in names for p in PACKAGES)
    assert not [n for n in names if n.endswith(".py")]
    assert not [n for n in names if n.startswith(("generator/plugin", "mkdocs", "jinja2"))]  # the check only
    stdlib = zipfile.ZipFile(folder / manifest["stdlib"]).namelist()
    assert "difflib.pyc" in stdlib and "asyncio/__init__.pyc" in stdlib and len(stdlib) > 500  # all of it
    for name in (manifest["stdlib"], manifest["python"]):  # served precompressed (brotli_static, gzip_static)
        assert (folder / f"{name}.br").stat().st_size < 0.3 * (folder / name).stat().st_size
    data = json.loads((site / "data" / "office.json").read_text(encoding="utf-8"))
    haizhou = next(s for s in data["schemes"] if s["id"] == "haizhou-quality-award")
    acceptance = next(k for k in haizhou["kinds"] if k["kind"] == "acceptance")
    assert acceptance["period"] == "公示期不少于5个工作日（第九条（二））" and acceptance["objections_required"]
    # The form asks for objections exactly where the check refuses a notice without them (load/notices.py).
    jiaxing = next(s for s in data["schemes"] if s["id"] == "jiaxing-mayor-quality-award")
    assert {k["kind"]: k["objections_required"] for k in jiaxing["kinds"]} == {
        "call": False, "acceptance": True, "proposed_winners": True, "winners": False}
    # The calculator's service worker does not cache the editor's files.
    assert "assets/office" not in (site / "assess" / "sw.js").read_text(encoding="utf-8")
