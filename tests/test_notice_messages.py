"""Issue 14: every message the notice check shows a clerk is Chinese, names the field and the line, and is the same
whether the notice is checked by ``python -m generator check`` or as text (the in-browser editor's path).

tests/notice_corpus/ holds one invalid notice per check (and per kind of YAML syntax error); expected.json gives,
for each, the path it is checked under, the attachments beside it (text, or ``attachment_files`` under
notice_corpus/attachments/, made by tests/attachment_files.py) and its problems as ``line: message``.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import os
import pathlib
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.core.clock import CHINA
from generator.core.messages import MESSAGES, is_chinese
from generator.load import yamlload
from generator.load.notices import check_notice_text
from tests.conftest import copy_project

CORPUS = Path(__file__).parent / "notice_corpus"
EXPECTED: dict[str, dict] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 23)
# Problems only a folder can show: the attachment files themselves.
FILE_CODES = {"notice.attachment_missing", "notice.attachment_symlink", "notice.attachment_not_file",
              "notice.attachment_too_big", "notice.attachment_content", "notice.attachment_encoding",
              "notice.attachment_personal", "notice.attachment_pdf_scanned", "notice.attachment_pdf_encrypted",
              "notice.attachment_unpacked"}
# Words of PyYAML's and pydantic's English messages; none may reach a clerk.
ENGLISH = re.compile(r"should be|should have|should match|Input|[Ee]xpected|could not|found|"
                     r"while (scanning|parsing)|mapping values|Value error|Field required|Extra inputs|not permitted|"
                     r"valid (date|string|integer)|invalid|is before|appears|lies outside|does not exist|too short|"
                     r"unknown")
# Codes no notice text can produce, and why.
NOT_IN_CORPUS = {
    "file.missing": "a file on disk", "file.symlink": "a file on disk", "file.not_file": "a file on disk",
    "file.encoding": "bytes, not text", "file.unreadable": "file permissions",
    "file.too_big": "a 2 MiB file (tests/test_yamlload.py)",
    "yaml.unreadable_char": "characters the loader refuses before PyYAML reads them",
    "yaml.syntax": "the fallback for syntax errors no hint covers",
    "notice.extension": "a file name under public_lists/ (tests/test_hostile_notices.py)",
    "notice.symlink": "a symbolic link (tests/test_hostile_notices.py)",
    "type.pattern": "scheme files only", "type.length": "scheme files only", "type.invalid": "the fallback",
    **{code: "an attachment file (tests/test_hostile_notices.py)" for code in FILE_CODES
       if code not in ("notice.attachment_missing", "notice.attachment_content")},
    **{code: "the ledger of published notices (tests/test_hostile_notices.py)" for code in MESSAGES
       if code.startswith("ledger.")},
    **{code: "a holiday schedule, holidays/<year>.yaml (tests/test_holidays.py)" for code in MESSAGES
       if code.startswith("holidays.")},
    "notice.scheduled": "a reminder for a valid notice dated after today (tests/test_any_day.py)",
    "notice.attachment_hardlink": "a hard link on disk (tests/test_invisible_and_links.py)",
    **{code: "scheme files (tests/test_areas.py)" for code in MESSAGES if code.startswith("scheme.area")},
    **{code: "scheme files (tests/test_scheme_numbers.py)" for code in MESSAGES if code.startswith("scheme.number")},
}


def _texts() -> dict[str, str]:
    return {name: (CORPUS / name).read_text(encoding="utf-8") for name in EXPECTED}


@pytest.fixture(scope="module")
def schemes():
    from generator import ROOT
    from generator.load.portal import load_portal

    return load_portal(ROOT).schemes


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose public_lists/ holds the whole corpus, each file at its path."""
    root = copy_project(tmp_path_factory.mktemp("corpus"))
    for name, case in EXPECTED.items():
        target = root / case["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((CORPUS / name).read_bytes())
        for file, content in case.get("attachments", {}).items():
            (target.parent / file).write_text(content, encoding="utf-8")
        for file, source in case.get("attachment_files", {}).items():  # binary ones: .xlsx, .docx, .pdf, ...
            (target.parent / file).write_bytes((CORPUS / source).read_bytes())
    return root


@pytest.fixture(scope="module")
def cli_problems(corpus_project: Path) -> dict[str, list[str]]:
    """``python -m generator check`` on the corpus: path -> ["line: message"]."""
    epoch = int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=CHINA).timestamp())
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(corpus_project), "check"],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    found: dict[str, list[str]] = {}
    for line in out.stderr.splitlines():
        match = re.match(r"^([^:]+):(\d+): (.*)$", line)
        if match and not match.group(3).startswith("提醒："):  # reminders stop nothing
            found.setdefault(match.group(1), []).append(f"{match.group(2)}: {match.group(3)}")
    return found


def test_corpus_is_refused_alike_by_the_command_line_and_as_text(corpus_project, cli_problems, schemes):
    texts = _texts()
    assert set(cli_problems) == {case["path"] for case in EXPECTED.values()}  # every file refused, nothing else
    for name, case in EXPECTED.items():
        folder = (corpus_project / case["path"]).parent
        as_text = [f"{p.line}: {p.message}" for p in
                   check_notice_text(texts[name], case["path"], schemes, TODAY, folder)]
        assert as_text == cli_problems[case["path"]], name
        # The expected problems, in order: the line, and the message (or the start of it).
        assert len(as_text) == len(case["problems"]), (name, as_text)
        for want, got in zip(case["problems"], as_text, strict=True):
            line, message = want.split(": ", 1)
            assert got.startswith(f"{line}: ") and message in got, (name, got)


def test_without_a_folder_attachment_files_are_not_looked_at(corpus_project, schemes):
    texts = _texts()
    for name, case in EXPECTED.items():
        folder = (corpus_project / case["path"]).parent
        with_folder = check_notice_text(texts[name], case["path"], schemes, TODAY, folder)
        alone = check_notice_text(texts[name], case["path"], schemes, TODAY)
        assert [str(p) for p in alone] == [str(p) for p in with_folder if p.code not in FILE_CODES], name


def test_every_message_is_chinese_with_no_parser_english(schemes):
    for name, case in EXPECTED.items():
        for problem in check_notice_text(_texts()[name], case["path"], schemes, TODAY):
            assert is_chinese(problem.message) and "\n" not in problem.message, problem
            assert not ENGLISH.search(problem.message), problem


def test_every_check_has_a_case_in_the_corpus(corpus_project, schemes):
    texts = _texts()
    seen = {p.code for name, case in EXPECTED.items() for p in check_notice_text(
        texts[name], case["path"], schemes, TODAY, (corpus_project / case["path"]).parent)}
    assert "" not in seen  # every problem carries the code of its message
    missing = set(MESSAGES) - seen - set(NOT_IN_CORPUS)
    assert not missing, f"checks without a corpus case: {sorted(missing)}"


def test_every_template_is_chinese_one_line_and_well_formed():
    for code, template in MESSAGES.items():
        assert is_chinese(template) and "\n" not in template, code
        for _, name, spec, _ in string.Formatter().parse(template):
            assert name is None or (re.fullmatch(r"[a-z_]+", name) and not spec), (code, name, spec)


def test_a_key_typo_gives_one_message_with_the_key_it_stands_for(schemes):
    case = EXPECTED["key-typo-credit-code.yaml"]
    found = check_notice_text(_texts()["key-typo-credit-code.yaml"], case["path"], schemes, TODAY)
    assert len(found) == 1 and "您是不是要写 `credit_code`" in found[0].message and found[0].line == 12


def test_text_path_reads_no_file_and_runs_nothing(schemes, monkeypatch):
    """The browser calls check_notice_text in Pyodide: from text to problems, no file, subprocess or git."""
    texts = _texts()
    for name, case in EXPECTED.items():  # warm up: every lazy import happens now
        check_notice_text(texts[name], case["path"], schemes, TODAY)

    def refuse(*args, **kwargs):
        raise AssertionError(f"the text path touched the system: {args!r}")

    for target, attr in [(builtins, "open"), (os, "stat"), (os, "lstat"), (os, "listdir"), (os, "scandir"),
                         (pathlib.Path, "read_bytes"), (pathlib.Path, "read_text"), (subprocess, "run"),
                         (subprocess, "Popen")]:
        monkeypatch.setattr(target, attr, refuse)
    for name, case in EXPECTED.items():
        check_notice_text(texts[name], case["path"], schemes, TODAY)


def test_the_pure_python_yaml_parser_gives_the_same_messages(schemes, monkeypatch):
    """Where PyYAML runs without libyaml (it may in Pyodide), syntax errors read and point the same."""
    class PyLoader(yaml.SafeLoader):
        pass

    PyLoader.yaml_constructors = dict(yamlload._Loader.yaml_constructors)
    PyLoader.yaml_implicit_resolvers = dict(yamlload._Loader.yaml_implicit_resolvers)
    texts = _texts()
    c_messages = {n: [str(p) for p in check_notice_text(texts[n], c["path"], schemes, TODAY)]
                  for n, c in EXPECTED.items() if n.startswith("yaml-")}
    monkeypatch.setattr(yamlload, "_Loader", PyLoader)
    for name, want in c_messages.items():
        got = [str(p) for p in check_notice_text(texts[name], EXPECTED[name]["path"], schemes, TODAY)]
        assert got == want, name
