"""Load and check the notices under public_lists/ against their scheme's rules.

Each problem is a ``Problem(path, line, message)``. Checks: the notice kind exists for the
scheme; its period meets the rule (counted by ``generator.periods``); every unified social
credit code is valid, unique, and in the scheme's area unless a reason is given; tiers
exist; caps and the one-per-parent rule hold; a sealed (published) notice changes only with
a recorded correction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as CodeError

from generator.model.notice import Notice
from generator.model.scheme import Scheme
from generator.model.validate import Problem, _pydantic_problems, _rel
from generator.periods import Period, PeriodError, required_period
from generator.yamlload import YamlError, line_of, load_file

LEDGER = "ledger.json"
RANKED_KINDS = ("proposed_winners", "winners")


@dataclass
class LoadedNotice:
    path: str  # relative to the project root: public_lists/...
    notice: Notice
    period: Period | None

    @property
    def slug(self) -> str:
        """Stable id: the path under public_lists/ without .yaml."""
        return self.path.removeprefix("public_lists/").removesuffix(".yaml")

    def status(self, today: dt.date) -> str:
        """upcoming / open (in its period) / closed (period over) / published (no period)."""
        if today < self.notice.published:
            return "upcoming"
        if self.period is None:
            return "published"
        return "open" if today <= self.period.end else "closed"

    def may_be_live(self, today: dt.date) -> bool:
        """Whether a reader's clock could show this notice as open or upcoming before the next daily build.

        A day of slack covers readers in time zones behind China's.
        """
        return self.period is not None and self.period.end >= today - dt.timedelta(days=1)


def content_hash(notice: Notice) -> str:
    """Hash of a notice without its corrections: what a correction must account for."""
    data = notice.model_dump(mode="json", exclude={"corrections"})
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _code_problem(code: str) -> str | None:
    try:
        uscc.validate(code)
    except CodeError as exc:
        reason = {
            "InvalidChecksum": "wrong check character",
            "InvalidLength": "not 18 characters",
            "InvalidFormat": "characters outside 0-9 A-H J-N P-R T-U W-Y",
            "InvalidComponent": "invalid part",
        }.get(type(exc).__name__, str(exc))
        return f"unified social credit code {code!r} is invalid: {reason}"
    return None


def check_notice(
    notice: Notice, data: Any, path: str, schemes: dict[str, Scheme]
) -> tuple[Period | None, list[Problem]]:
    problems: list[Problem] = []

    def at(*loc: Any) -> int:
        return line_of(data, loc)

    scheme = schemes.get(notice.scheme)
    if scheme is None:
        return None, [
            Problem(path, at("scheme"), f"unknown scheme {notice.scheme!r}; expected one of {sorted(schemes)}")
        ]
    spec = next((n for n in scheme.notices if n.kind == notice.kind), None)
    if spec is None:
        kinds = [n.kind for n in scheme.notices]
        return None, [
            Problem(path, at("kind"), f"{scheme.name} has no notice of kind {notice.kind!r}; its rules name {kinds}")
        ]
    period: Period | None = None
    if spec.period is not None:
        try:
            required = required_period(notice.published, spec.period.days, spec.period.unit)
        except PeriodError as exc:
            if notice.end is None:
                problems.append(Problem(path, at("published"), str(exc)))
            else:
                period = Period(notice.published + dt.timedelta(days=1), notice.end, f"结束日期由发布机关给出（{exc}）")
        else:
            rule = f"{spec.cite.clause}：{required.rule}"
            if notice.end is None:
                period = Period(required.start, required.end, rule)
            elif notice.end < required.end:
                problems.append(
                    Problem(
                        path,
                        at("end"),
                        f"period too short: {scheme.short_name} requires "
                        f"{'at least ' if spec.period.minimum else ''}{spec.period.days} "
                        f"{'working' if spec.period.unit == 'working' else 'calendar'} days "
                        f"({spec.cite.clause}); published {notice.published} so the end must be "
                        f"{required.end} or later, not {notice.end}",
                    )
                )
            elif notice.end > required.end and not spec.period.minimum:
                problems.append(
                    Problem(
                        path,
                        at("end"),
                        f"period longer than the rule: {scheme.short_name} sets "
                        f"{spec.period.days} days ({spec.cite.clause}); published "
                        f"{notice.published} so the end is {required.end}, not {notice.end}",
                    )
                )
            else:
                period = Period(required.start, notice.end, rule)
    elif notice.end is not None:
        period = Period(notice.published + dt.timedelta(days=1), notice.end, "源文件未规定公示期限；期限由发布机关确定")

    tiers = scheme.tier_names
    codes = Counter(e.credit_code for e in notice.entries)
    for n, entry in enumerate(notice.entries):
        problem = _code_problem(entry.credit_code)
        if problem:
            problems.append(Problem(path, at("entries", n, "credit_code"), problem))
        elif codes[entry.credit_code] > 1:
            problems.append(
                Problem(
                    path,
                    at("entries", n, "credit_code"),
                    f"credit code {entry.credit_code} appears {codes[entry.credit_code]} times",
                )
            )
        else:
            area = entry.credit_code[2:8]
            if not any(area.startswith(p) for p in scheme.area.code_prefixes) and not entry.outside_area_reason:
                problems.append(
                    Problem(
                        path,
                        at("entries", n, "credit_code"),
                        f"area code {area} of {entry.organisation} lies outside {scheme.area.name} "
                        f"({'/'.join(scheme.area.code_prefixes)}); give outside_area_reason if the "
                        "scheme admits it",
                    )
                )
        if entry.tier is not None and entry.tier not in tiers:
            problems.append(
                Problem(
                    path,
                    at("entries", n, "tier"),
                    f"tier {entry.tier!r} does not exist in {scheme.name}; expected one of {sorted(tiers)}",
                )
            )
        if notice.kind in RANKED_KINDS and entry.tier is None and tiers:
            problems.append(Problem(path, at("entries", n), f"entry {entry.organisation}: give its tier"))
    if notice.kind in RANKED_KINDS:
        counts = Counter(e.tier for e in notice.entries if e.tier)
        for tier in scheme.tiers:
            if tier.cap is not None and counts[tier.id] > tier.cap:
                problems.append(
                    Problem(
                        path,
                        at("entries"),
                        f"{counts[tier.id]} entries for {tier.name}, above the cap of {tier.cap} ({tier.cite.clause})",
                    )
                )
        if scheme.one_per_parent is not None:
            parents = Counter(e.parent for e in notice.entries if e.parent)
            for parent, count in parents.items():
                if count > 1:
                    problems.append(
                        Problem(
                            path,
                            at("entries"),
                            f"{count} entries share the parent {parent!r}; at most "
                            f"one per parent ({scheme.one_per_parent.clause})",
                        )
                    )
    return period, problems


def check_ledger(notices: list[LoadedNotice], ledger: dict, root: Path) -> list[Problem]:
    """A sealed notice may change only with a new correction; it may not disappear."""
    problems = []
    by_path = {n.path: n for n in notices}
    for path, sealed in sorted(ledger.items()):
        loaded = by_path.get(path)
        if loaded is None:
            if not (root / path).exists():
                problems.append(
                    Problem(
                        f"public_lists/{LEDGER}",
                        1,
                        f"{path} was published and sealed but is gone: a published notice is corrected, never deleted",
                    )
                )
            continue
        if content_hash(loaded.notice) != sealed["sha256"] and len(loaded.notice.corrections) <= sealed["corrections"]:
            problems.append(
                Problem(
                    path,
                    1,
                    "this notice was published and has changed without a recorded correction: "
                    "add a `corrections` entry (date, reason, changes)",
                )
            )
    return problems


def load_notices(root: Path, schemes: list[Scheme]) -> tuple[list[LoadedNotice], list[Problem]]:
    folder = root / "public_lists"
    by_id = {s.id: s for s in schemes}
    loaded: list[LoadedNotice] = []
    problems: list[Problem] = []
    for file in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
        path = _rel(file, root)
        try:
            data = load_file(file)
        except YamlError as exc:
            problems.append(Problem(path, exc.line, exc.message))
            continue
        if not isinstance(data, dict):
            problems.append(Problem(path, 1, "expected a mapping at the top of the file"))
            continue
        try:
            notice = Notice.model_validate(data)
        except ValidationError as exc:
            problems += _pydantic_problems(exc, data, path)
            continue
        period, found = check_notice(notice, data, path, by_id)
        for n, attachment in enumerate(notice.attachments):
            if ".." in attachment.file.split("/") or not (file.parent / attachment.file).is_file():
                found.append(Problem(path, line_of(data, ("attachments", n, "file")),
                                     f"attachment {attachment.file!r} not found beside this notice"))
        problems += found
        if not found:
            loaded.append(LoadedNotice(path, notice, period))
    ledger_file = folder / LEDGER
    ledger = json.loads(ledger_file.read_text(encoding="utf-8")) if ledger_file.is_file() else {}
    problems += check_ledger(loaded, ledger, root)
    return loaded, problems


def seal(root: Path, notices: list[LoadedNotice], today: dt.date) -> dict:
    """Record every notice published by ``today`` in the ledger; returns the ledger."""
    ledger_file = root / "public_lists" / LEDGER
    ledger = json.loads(ledger_file.read_text(encoding="utf-8")) if ledger_file.is_file() else {}
    for n in notices:
        if n.notice.published <= today and not n.notice.sample:
            ledger[n.path] = {"sha256": content_hash(n.notice), "corrections": len(n.notice.corrections)}
    ledger_file.write_text(json.dumps(ledger, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return ledger
