"""The ledger of published notices: what was sealed, and whether a notice changed since.

``public_lists/ledger.json`` records, for every notice the publish job has published, the hash
of its content and of each correction. A sealed notice may change only by appending a new
correction; earlier corrections are part of what is sealed, and a sealed notice is never
deleted.

The check compares against the ledger *as published*: the ledger at a git revision
(``--ledger-base``, CI passes the target branch), so a change that edits a notice and
re-seals the ledger in the same commit does not hide the edit. The working copy of the
ledger may only add entries, or re-seal a notice whose change the published ledger allows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.core.clock import build_date
from generator.core.messages import say
from generator.load.corrections import check_corrections
from generator.load.problems import Problem
from generator.load.yamlload import YamlError, line_of, load_text
from generator.model.notice import LoadedNotice, Notice

LEDGER = "public_lists/ledger.json"
VERSION = 1


@dataclass(frozen=True)
class Sealed:
    sha256: str
    corrections: tuple[str, ...]
    # The day this version was sealed (added to the format in issue 23; entries written before lack it, and the
    # notice's publication day stands in). Not part of what is compared: a re-seal on a later day seals the same.
    sealed_on: dt.date | None = field(default=None, compare=False)

    def as_json(self) -> dict:
        out = {"sha256": self.sha256, "corrections": list(self.corrections)}
        if self.sealed_on is not None:
            out["sealed_on"] = self.sealed_on.isoformat()
        return out


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def seal_of(notice) -> Sealed:
    """The seal of a notice: its content without corrections, and each correction on its own."""
    content = notice.model_dump(mode="json", exclude={"corrections"})
    return Sealed(_digest(content), tuple(_digest(c.model_dump(mode="json", exclude_defaults=True))
                                          for c in notice.corrections))


def parse_ledger(text: str) -> tuple[dict[str, Sealed], str | None, int]:
    """(sealed entries, problem, line of the problem) of a ledger's text."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", 1)
        return {}, say("ledger.json", line=line, column=getattr(exc, "colno", 1)), line
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("sealed"), dict):
        return {}, say("ledger.format", which=""), 1
    sealed: dict[str, Sealed] = {}
    for path, entry in data["sealed"].items():
        ok = (isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
              and isinstance(entry.get("corrections"), list)
              and all(isinstance(c, str) for c in entry["corrections"]))
        sealed_on = _date(entry.get("sealed_on")) if ok else None
        if not ok or (entry.get("sealed_on") is not None and sealed_on is None):
            return {}, say("ledger.format", which=f"（{path!r} 一项不符合）"), line_in_ledger(text, path)
        sealed[path] = Sealed(entry["sha256"], tuple(entry["corrections"]), sealed_on)
    return sealed, None, 1


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def render_ledger(sealed: dict[str, Sealed]) -> str:
    data = {"version": VERSION, "sealed": {p: s.as_json() for p, s in sorted(sealed.items())}}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def line_in_ledger(text: str, path: str) -> int:
    """The line of ``path``'s entry in a ledger's text (1 if absent)."""
    at = text.find(json.dumps(path, ensure_ascii=False))
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)


def default_base(root: Path) -> str | None:
    """HEAD when ``root`` is a git checkout with a commit (so uncommitted edits show), else None."""
    try:
        found = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except (OSError, subprocess.SubprocessError):
        return None
    return "HEAD" if found.returncode == 0 else None


def read_base(root: Path, ref: str) -> tuple[str | None, str | None]:
    """(the ledger's text at ``ref`` or None if it had none, problem)."""
    try:
        found = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        if found.returncode != 0:
            return None, say("ledger.no_ref", ref=ref)
        shown = _git(root, "show", f"{ref}:./{LEDGER}")
    except (OSError, subprocess.SubprocessError):
        return None, say("ledger.git", ref=ref)
    return (shown.stdout if shown.returncode == 0 else None), None


def read_base_file(root: Path, ref: str, path: str) -> str | None:
    """The text of ``path`` at ``ref``, or None."""
    try:
        shown = _git(root, "show", f"{ref}:./{path}")
    except (OSError, subprocess.SubprocessError):
        return None
    return shown.stdout if shown.returncode == 0 else None


def _sealed_version(root: Path, ref: str | None, path: str, sealed: Sealed) -> tuple[Notice | None, str | None]:
    """The notice as it was sealed: its file at the ledger base, proved by the seal (or the problem's code)."""
    if ref is None:
        return None, "ledger.no_base"
    text = read_base_file(root, ref, path)
    if text is None:
        return None, "ledger.base_mismatch"
    try:
        notice = Notice.model_validate(load_text(text, path))
    except (YamlError, ValueError):
        return None, "ledger.base_mismatch"
    return (notice, None) if seal_of(notice) == sealed else (None, "ledger.base_mismatch")


def check_ledger(notices: list[LoadedNotice], root: Path, ledger_base: str | None,
                 unreadable: set[str], today: dt.date | None = None) -> list[Problem]:
    """Against the ledger as published: a sealed notice changes only by a new correction, keeps its
    earlier corrections and never disappears; the working ledger only adds or re-seals."""
    ledger_file = root / LEDGER
    if ledger_file.is_symlink() or (ledger_file.exists() and not ledger_file.is_file()):
        return [Problem(LEDGER, 1, say("ledger.not_file"), "ledger.not_file")]
    try:
        working_text = ledger_file.read_text(encoding="utf-8") if ledger_file.is_file() else None
    except (OSError, UnicodeDecodeError):
        return [Problem(LEDGER, 1, say("ledger.unreadable"), "ledger.unreadable")]
    problems: list[Problem] = []
    working: dict[str, Sealed] = {}
    if working_text is not None:
        working, problem, line = parse_ledger(working_text)
        if problem:
            problems.append(Problem(LEDGER, line, problem, "ledger.json" if "JSON" in problem else "ledger.format"))
    ref = ledger_base or default_base(root)
    published = working
    if ref is not None:
        base_text, problem = read_base(root, ref)
        if problem:
            code = "ledger.git" if "git 无法运行" in problem else "ledger.no_ref"
            return [*problems, Problem(LEDGER, 1, problem, code)]
        published, problem, line = parse_ledger(base_text) if base_text is not None else ({}, None, 1)
        if problem:
            problems.append(Problem(LEDGER, 1, say("ledger.base_format", ref=ref), "ledger.base_format"))
    by_path = {n.path: n for n in notices}
    for path, sealed in sorted(published.items()):
        loaded = by_path.get(path)
        if loaded is None:
            if path not in unreadable:
                problems.append(Problem(path, 1, say("ledger.deleted"), "ledger.deleted"))
            continue
        now = seal_of(loaded.notice)
        line = line_of(loaded.data, ("corrections",))
        if now.corrections[: len(sealed.corrections)] != sealed.corrections:
            problems.append(Problem(path, line, say("ledger.rewritten"), "ledger.rewritten"))
        elif now != sealed:  # every difference must be one that corrections appended since list
            problems += _corrections_problems(root, ref, path, sealed, loaded, today or build_date())
    if working_text is not None and published is not working:
        for path, sealed in sorted(published.items()):
            mine = working.get(path)
            loaded = by_path.get(path)
            if mine is None:
                problems.append(Problem(LEDGER, 1, say("ledger.entry_deleted", path=path), "ledger.entry_deleted"))
            elif mine != sealed and (loaded is None or mine != seal_of(loaded.notice)):
                problems.append(_forged(working_text, path))
        for path, mine in sorted(working.items()):
            loaded = by_path.get(path)
            if path not in published and path not in unreadable and (loaded is None or mine != seal_of(loaded.notice)):
                problems.append(_forged(working_text, path))
    return problems


def _corrections_problems(root: Path, ref: str | None, path: str, sealed: Sealed,
                          loaded: LoadedNotice, today: dt.date) -> list[Problem]:
    changed = len(loaded.notice.corrections) == len(sealed.corrections)  # no correction says anything changed
    version, code = _sealed_version(root, ref, path, sealed)
    if version is None:
        if changed:
            return [Problem(path, 1, say("ledger.changed", today=today), "ledger.changed")]
        return [Problem(path, 1, say(code, ref=ref), code)]
    return version_problems(path, version, loaded, len(sealed.corrections), sealed.sealed_on or version.published,
                            today)


def version_problems(path: str, version: Notice, loaded: LoadedNotice, sealed_count: int, sealed_on: dt.date,
                     today: dt.date) -> list[Problem]:
    """The notice as it is against ``version``, the one sealed with its first ``sealed_count`` corrections on
    ``sealed_on``: every difference listed by a correction appended since (no file, no git: the office editor runs
    it in the browser against the version the site publishes)."""
    found = [Problem(path, line_of(loaded.data, f.loc), f.message, f.code, tuple(f.loc))
             for f in check_corrections(version, loaded.notice, sealed_count, sealed_on, today)]
    changed = len(loaded.notice.corrections) == sealed_count  # no correction says anything changed
    if changed and any(p.code == "ledger.unlisted" for p in found):  # the headline, then each field
        found.insert(0, Problem(path, 1, say("ledger.changed", today=today), "ledger.changed"))
    return found


def _forged(ledger_text: str, path: str) -> Problem:
    return Problem(LEDGER, line_in_ledger(ledger_text, path), say("ledger.forged", path=path), "ledger.forged")


def seal(root: Path, notices: list[LoadedNotice], today: dt.date) -> dict[str, Sealed]:
    """Record every notice published by ``today`` in the ledger; returns the ledger."""
    ledger_file = root / LEDGER
    sealed: dict[str, Sealed] = {}
    if ledger_file.is_file():
        sealed, _, _ = parse_ledger(ledger_file.read_text(encoding="utf-8"))
    for n in notices:
        if n.notice.published <= today and not n.notice.sample:
            now = seal_of(n.notice)
            before = sealed.get(n.path)
            kept = before.sealed_on if before == now and before.sealed_on is not None else today
            sealed[n.path] = replace(now, sealed_on=kept)
    ledger_file.write_text(render_ledger(sealed), encoding="utf-8")
    return sealed
