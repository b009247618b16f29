"""Load and check the notices under public_lists/ against their scheme's rules.

Each problem is a ``Problem(path, line, message, code)``, its message in Chinese (generator.core.messages).
Checks: the notice kind exists for the scheme; its period meets the rule (counted by ``generator.core.periods``);
every unified social credit code is valid, unique, and in the scheme's area unless an exception of the scheme's own
text admits it (``area.exceptions``, named in ``outside_area_reason``); tiers
exist; caps and the one-per-parent rule hold; a notice the public may object to says how; attachments and
personal data; a sealed (published) notice changes only with a recorded correction.

:func:`check_notice_text` checks one notice given as text, with no file, git or subprocess: the command
line's check calls it for every file, and the browser's editor calls it in Pyodide, so both say the same.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from stdnum.cn import uscc

from generator.assess.terms import NOTICE_KINDS, PERIOD_UNITS
from generator.core.clock import build_date
from generator.core.messages import field_path, say, suggest
from generator.core.periods import LIBRARY, Period, PeriodError, WorkCalendar, required_period
from generator.load.ledger import check_ledger
from generator.load.problems import Problem, pydantic_problems, relative_path
from generator.load.yamlload import YamlError, line_of, load_text, read_text
from generator.model.attachments import attachment_problem, attachment_type_problem
from generator.model.notice import NAME_WORDS, Entry, LoadedNotice, Notice, proposed_name
from generator.model.privacy import personal_data
from generator.model.scheme import NoticeRule, Scheme

# Keys whose values are checked by their own rules rather than searched for personal data.
_NOT_FREE_TEXT = {"credit_code", "file", "scheme", "kind"}
# Notices the public may object to, whatever the scheme's text says about a period.
_OBJECTIONS_REQUIRED = {"acceptance", "proposed_winners"}


def objections_required(spec: NoticeRule, kind: str) -> bool:
    """Whether a notice must say how to object: its rule sets a period or an objection procedure, or it is a list the
    public may object to (``_OBJECTIONS_REQUIRED``), which the portal requires whatever the scheme's text says. The
    check and the office editor's form (generator/office/package.py) both ask here."""
    return spec.objections is not None or spec.period is not None or kind in _OBJECTIONS_REQUIRED


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, Z, S, V
_EIGHT_DIGITS = re.compile(r"[0-9]{8}")


def _code_problem(code: str, field: str, organisation: str) -> tuple[str, str] | None:
    """(code, message) when a unified social credit code is invalid, saying what is wrong with it."""
    if not code:
        return "notice.code_empty", say("notice.code_empty", field=field, organisation=organisation or "此项")
    if len(code) != 18:
        return "notice.code_length", say("notice.code_length", field=field, code=code, length=len(code))
    if not _EIGHT_DIGITS.fullmatch(code[:8]):
        return "notice.code_head", say("notice.code_head", field=field, code=code, head=code[:8])
    bad = sorted({c for c in code[8:] if c not in _USCC_CHARS})
    if bad:
        return "notice.code_chars", say("notice.code_chars", field=field, code=code, chars="、".join(bad))
    check = uscc.calc_check_digit(code[:17])
    if code[-1] != check:
        return "notice.code_checksum", say("notice.code_checksum", field=field, code=code, check=check)
    return None


def _area_problem(scheme: Scheme, entry: Entry, n: int) -> tuple[tuple, str, dict[str, Any]] | None:
    """(location, message code, values) when an entry's code is registered outside the scheme's area and no exception
    of the scheme's own text (``area.exceptions``) admits it; messages cite this scheme's clauses only."""
    area = scheme.area
    registered = entry.credit_code[2:8]
    if any(registered.startswith(p) for p in area.code_prefixes):
        return None
    reason = entry.outside_area_reason
    if reason and any(e.place in reason for e in area.exceptions):
        return None
    field = field_path(("entries", n, "credit_code"))
    values: dict[str, Any] = {"field": field, "organisation": entry.organisation, "code": entry.credit_code,
                              "area": registered, "area_name": area.name, "prefixes": "、".join(area.code_prefixes),
                              "scheme": scheme.name}
    if not area.exceptions:
        said = "写了 outside_area_reason 也不能列入；" if reason else ""
        return ("entries", n, "credit_code"), "notice.code_area_closed", {
            **values, "clause": area.cite.clause, "quote": area.cite.quote, "reason": said}
    listed = "；".join(f"{e.place}（{e.cite.clause}：{e.cite.quote}）" for e in area.exceptions)
    first = area.exceptions[0]
    example = f"{first.reason}（{first.cite.clause}）"
    if reason:
        return ("entries", n, "outside_area_reason"), "notice.area_reason_unknown", {
            "field": field_path(("entries", n, "outside_area_reason")), "reason": reason, "scheme": scheme.name,
            "exceptions": listed, "example": example}
    return ("entries", n, "credit_code"), "notice.code_area", {**values, "exceptions": listed, "example": example}


def scheduled_reminder(notice: Notice, today: dt.date) -> str | None:
    """The reminder for a notice dated after ``today``: it is published by the first build on its day. The check
    (generator/load/portal.py) and the office editor (generator/office/check.py) both say it."""
    if notice.published <= today:
        return None
    return say("notice.scheduled", published=notice.published, today=today)


def _lines(numbers: Iterable[int]) -> str:
    return "、".join(str(n) for n in numbers)


def _tier_list(scheme: Scheme) -> str:
    return "、".join(f"{tid}（{name.split('（')[0]}）" for tid, name in scheme.tier_names.items())


def check_notice(
    notice: Notice, data: Any, path: str, schemes: Mapping[str, Scheme], calendar: WorkCalendar = LIBRARY
) -> tuple[Period | None, list[Problem]]:
    """The notice against its scheme's rules: scheme and kind, period, credit codes, area, tiers, caps, parents."""
    problems: list[Problem] = []

    def at(*loc: Any) -> int:
        return line_of(data, loc)

    def add(loc: tuple, code: str, /, **values: Any) -> None:
        problems.append(Problem(path, at(*loc), say(code, **values), code, loc))

    scheme = schemes.get(notice.scheme)
    if scheme is None:
        names = {s.name: s.id for s in schemes.values()} | {s.short_name: s.id for s in schemes.values()}
        found = names.get(notice.scheme) or suggest(notice.scheme, list(schemes))
        shown = "、".join(f"{s.id}（{s.name}）" for s in schemes.values())
        add(("scheme",), "notice.unknown_scheme", scheme=notice.scheme, schemes=shown,
            suggest=f"，您是不是要写 `{found}`？" if found else "。",
            example=found or next(iter(schemes), "haizhou-quality-award"))
        return None, problems
    kind = NOTICE_KINDS[notice.kind]
    spec = scheme.notice_rule(notice.kind)
    if spec is not None and kind.by_applicant:
        add(("kind",), "notice.by_applicant", label=kind.label, scheme=scheme.id, kind=notice.kind)
        return None, problems
    if spec is None:
        kinds = [n.kind for n in scheme.notices if not NOTICE_KINDS[n.kind].by_applicant]
        add(("kind",), "notice.kind_not_in_scheme", scheme_name=scheme.name, label=kind.label, kind=notice.kind,
            kinds="、".join(f"{k}（{NOTICE_KINDS[k].label}）" for k in kinds), example=kinds[-1] if kinds else "call")
        return None, problems
    period: Period | None = None
    if spec.period is not None:
        rule = f"{'不少于' if spec.period.minimum else '为'}{spec.period.days}{PERIOD_UNITS[spec.period.unit]}"
        try:
            required = required_period(notice.published, spec.period.days, spec.period.unit, calendar)
        except PeriodError as exc:
            # Never accepted with whatever ``end`` says: the rule's period cannot be counted, so nor can it be checked.
            add(("published",), "notice.holidays_unknown", why=exc.why, year=exc.year or notice.published.year,
                rule=f"{spec.period.days}{PERIOD_UNITS[spec.period.unit]}")
        else:
            values = {"scheme": scheme.name, "title": f"“{spec.title}”的公示期", "rule": rule,
                      "clause": spec.cite.clause, "published": notice.published, "required": required.end,
                      "end": notice.end}
            if notice.end is None:
                period = Period(required.start, required.end, f"{spec.cite.clause}：{required.rule}")
            elif notice.end < required.end:
                add(("end",), "notice.period_short", **values)
            elif notice.end > required.end and not spec.period.minimum:
                add(("end",), "notice.period_long", **values)
            else:
                period = Period(required.start, notice.end, f"{spec.cite.clause}：{required.rule}")
    elif notice.end is not None:
        period = Period(notice.published + dt.timedelta(days=1), notice.end, "源文件未规定公示期限；期限由发布机关确定")

    tiers = scheme.tier_names
    by_code: dict[str, list[int]] = {}
    for n, entry in enumerate(notice.entries):
        by_code.setdefault(entry.credit_code, []).append(n)
    for n, entry in enumerate(notice.entries):
        field = field_path(("entries", n, "credit_code"))
        problem = _code_problem(entry.credit_code, field, entry.organisation)
        same = by_code[entry.credit_code]
        if problem:
            loc = ("entries", n, "credit_code")
            problems.append(Problem(path, at(*loc), problem[1], problem[0], loc))
        elif len(same) > 1:
            add(("entries", n, "credit_code"), "notice.code_duplicate", field=field, code=entry.credit_code,
                count=len(same), lines=_lines(at("entries", i) for i in same))
        else:
            found = _area_problem(scheme, entry, n)
            if found is not None:
                loc, code, values = found
                add(loc, code, **values)
        if entry.tier is not None and entry.tier not in tiers:
            named = [tid for tid, name in tiers.items() if name == entry.tier] + [
                tid for tid, name in tiers.items() if name.startswith(entry.tier)]  # its Chinese name typed
            found = named[0] if named else suggest(entry.tier, list(tiers))
            add(("entries", n, "tier"), "notice.tier_unknown", field=field_path(("entries", n, "tier")),
                scheme=scheme.name, tier=entry.tier, suggest=f"，您是不是要写 `{found}`？" if found else "。",
                tiers=_tier_list(scheme), example=found or next(iter(tiers), "award"))
        if kind.ranked and entry.tier is None and tiers:
            # At the entry's line (it has no tier line), about its tier.
            problems.append(Problem(path, at("entries", n), say(
                "notice.tier_missing", field=field_path(("entries", n, "tier")), label=kind.label,
                organisation=entry.organisation, tiers=_tier_list(scheme), example=next(iter(tiers))),
                "notice.tier_missing", ("entries", n, "tier")))
    if kind.ranked:
        for tier in scheme.tiers:
            mine = [n for n, e in enumerate(notice.entries) if e.tier == tier.id]
            if tier.cap is not None and len(mine) > tier.cap:
                add(("entries", mine[tier.cap], "tier"), "notice.cap", tier=tier.name, tier_id=tier.id,
                    count=len(mine), cap=tier.cap, clause=tier.cite.clause, excess=len(mine) - tier.cap)
        if scheme.one_per_parent is not None:
            parents: dict[str, list[int]] = {}
            for n, e in enumerate(notice.entries):
                if e.parent:
                    parents.setdefault(e.parent, []).append(n)
            for parent, same in parents.items():
                if len(same) > 1:
                    add(("entries", same[1], "parent"), "notice.parent",
                        field=field_path(("entries", same[1], "parent")), count=len(same), parent=parent,
                        lines=_lines(at("entries", i) for i in same), clause=scheme.one_per_parent.clause)
    return period, problems


def _strings(node: Any, loc: tuple = ()):
    """Every text value of loaded YAML with its location."""
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in _NOT_FREE_TEXT:
                yield from _strings(value, (*loc, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _strings(value, (*loc, n))


def check_content(notice: Notice, data: Any, path: str, folder: Path | None, schemes: Mapping[str, Scheme],
                  today: dt.date) -> list[Problem]:
    """What a clerk can get wrong beyond the rules: personal data, objections, attachments, corrections from the
    future, a path that disagrees with the fields. Attachment files are looked at only when ``folder`` is given."""
    problems: list[Problem] = []

    def add(loc: tuple, code: str, /, **values: Any) -> None:
        problems.append(Problem(path, line_of(data, loc), say(code, **values), code, loc))

    for loc, text in _strings(data):
        found = personal_data(text, field_path(loc))
        if found:
            problems.append(Problem(path, line_of(data, loc), found[1], found[0], loc))
    spec = schemes[notice.scheme].notice_rule(notice.kind)
    if spec is not None and not NOTICE_KINDS[notice.kind].by_applicant and objections_required(spec, notice.kind):
        if notice.objections is None and (spec.objections is None and spec.period is None):
            # Required by the portal, not by the clause: the message must not say the clause requires it.
            add(("objections",), "notice.objections_missing_portal", title=spec.title,
                clause=spec.cite.clause, label=NOTICE_KINDS[notice.kind].label)
        elif notice.objections is None:
            add(("objections",), "notice.objections_missing", title=spec.title,
                clause=(spec.objections or spec).cite.clause)
        elif not notice.objections.receiver:
            problems.append(Problem(path, line_of(data, ("objections",)), say("notice.objections_receiver"),
                                    "notice.objections_receiver", ("objections", "receiver")))
    names = Counter(a.file.lower() for a in notice.attachments)
    for n, attachment in enumerate(notice.attachments):
        loc = ("attachments", n, "file")
        line, field = line_of(data, loc), field_path(loc)
        problem = (attachment_type_problem(attachment.file, field) if folder is None
                   else attachment_problem(folder, attachment.file, field))
        if problem:
            problems.append(Problem(path, line, problem[1], problem[0], loc))
        elif names[attachment.file.lower()] > 1:
            add(loc, "notice.attachment_duplicate", field=field, name=attachment.file)
    if notice.withdrawn is not None and notice.withdrawn.date > today:
        add(("withdrawn", "date"), "notice.withdrawn_future", date=notice.withdrawn.date, today=today)
    for n, correction in enumerate(notice.corrections):
        if correction.date > today:
            add(("corrections", n, "date"), "notice.correction_future",
                field=field_path(("corrections", n, "date")), date=correction.date, today=today)
    problems += _path_problems(notice, data, path)
    return problems


def _path_problems(notice: Notice, data: Any, path: str) -> list[Problem]:
    """public_lists/<scheme>/<year>/<published>-<kind>[-words].yaml, in agreement with the fields; the words in the
    one pattern of file names (lower-case letters and digits joined by "-"), since the name is the page's URL."""
    parts = path.split("/")
    stem = f"{notice.published.isoformat()}-{notice.kind.replace('_', '-')}"
    example = f"public_lists/{notice.scheme}/{notice.cycle_year}/{stem}.yaml"
    _, scheme, year, name = parts
    if scheme != notice.scheme:
        return [Problem(path, line_of(data, ("scheme",)), say("notice.path_scheme", folder=scheme,
                        scheme=notice.scheme, example=example), "notice.path_scheme", ("scheme",))]
    if year != str(notice.cycle_year):
        return [Problem(path, line_of(data, ("published",)), say("notice.path_year", folder=year,
                        year=notice.cycle_year, example=example), "notice.path_year", ("published",))]
    if not re.fullmatch(rf"{re.escape(stem)}(?:-{NAME_WORDS})?\.yaml", name):
        rest = name.removesuffix(".yaml").removeprefix(stem) if name.startswith(stem) else ""
        words = proposed_name(rest) if rest.strip("-") else ""
        proposed = f"{stem}-{words}.yaml" if words and words != "attachment" else f"{stem}.yaml"
        return [Problem(path, line_of(data, ("published",)), say("notice.path_name", name=name, proposed=proposed),
                        "notice.path_name", ("published",))]
    return []


def _location_problem(path: str) -> Problem | None:
    parts = path.split("/")
    if len(parts) != 4 or parts[0] != "public_lists" or not parts[3].endswith(".yaml"):
        return Problem(path, 1, say("notice.location"), "notice.location")
    return None


@dataclass
class NoticeCheck:
    """What checking one notice found: its problems, and the notice and its period as far as they could be read
    (``notice`` is None when the text is not a valid notice; ``period`` when the rules give none)."""

    problems: list[Problem]
    notice: Notice | None = None
    period: Period | None = None
    data: Any = None  # the loaded YAML, for lines

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __getitem__(self, index: int) -> Problem:
        return self.problems[index]


def read_notice(text: str, path: str, schemes: Mapping[str, Scheme], today: dt.date,
                folder: Path | None = None, calendar: WorkCalendar = LIBRARY) -> NoticeCheck:
    """Check one notice from its text.

    ``path`` is where the file lies (``public_lists/<scheme>/<year>/<name>.yaml``); ``folder``, when given, is the
    folder its attachments lie in. Reads no file but the attachments, runs no subprocess and no git."""
    where = _location_problem(path)
    if where is not None:
        return NoticeCheck([where])
    try:
        data = load_text(text, path)
    except YamlError as exc:
        return NoticeCheck([Problem(path, exc.line, exc.message, exc.code)])
    if data is None:
        return NoticeCheck([Problem(path, 1, say("notice.empty"), "notice.empty")])
    if not isinstance(data, dict):
        return NoticeCheck([Problem(path, 1, say("notice.not_mapping"), "notice.not_mapping")], data=data)
    try:
        notice = Notice.model_validate(data)
    except ValidationError as exc:
        return NoticeCheck(pydantic_problems(exc, data, path, Notice), data=data)
    period, found = check_notice(notice, data, path, schemes, calendar)
    if notice.scheme in schemes:
        found += check_content(notice, data, path, folder, schemes, today)
    return NoticeCheck(sorted(found), notice, period, data)


def check_notice_text(text: str, path: str, schemes: Iterable[Scheme] | Mapping[str, Scheme],
                      today: dt.date | None = None, folder: Path | None = None,
                      calendar: WorkCalendar = LIBRARY) -> NoticeCheck:
    """Every problem of one notice given as text, exactly as ``python -m generator check`` reports it.

    ``path`` names the file (``public_lists/<scheme>/<year>/<published>-<kind>.yaml``); ``today`` (default: the
    build date, China time) bounds correction dates. Attachment files are looked at only in ``folder``; without it
    their names and types are checked, not the files. The ledger of published notices is not consulted. The
    result iterates over the problems (``.problems``) and carries the notice and its period (``.notice``,
    ``.period``). ``calendar`` counts working days: chinesecalendar and the repository's holiday schedules
    (generator/load/holidays.py); by default chinesecalendar alone."""
    by_id = dict(schemes) if isinstance(schemes, Mapping) else {s.id: s for s in schemes}
    return read_notice(text, path, by_id, today or build_date(), folder, calendar)


def _candidates(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Notice files under public_lists/, and problems with what lies there (symlinks, .yml files).

    Folders and files are listed without following symbolic links."""
    found: list[Path] = []
    problems: list[Problem] = []
    for here, dirs, files in os.walk(folder):
        base = Path(here)
        dirs.sort()
        for name in list(dirs):
            if (base / name).is_symlink():
                problems.append(Problem(relative_path(base / name, root), 1, say("notice.symlink"), "notice.symlink"))
                dirs.remove(name)
            elif name.endswith(".yaml"):
                found.append(base / name)  # refused by the loader with its own message
        for name in sorted(files):
            path = base / name
            lower = name.lower()
            if lower.endswith((".yml", ".yaml")) and not name.endswith(".yaml"):
                problems.append(Problem(relative_path(path, root), 1,
                                        say("notice.extension", stem=name.rsplit(".", 1)[0]), "notice.extension"))
            elif name.endswith(".yaml"):
                found.append(path)
            elif path.is_symlink():
                problems.append(Problem(relative_path(path, root), 1, say("notice.symlink"), "notice.symlink"))
    return sorted(found), problems


def load_notices(root: Path, schemes: list[Scheme], today: dt.date, ledger_base: str | None = None,
                 calendar: WorkCalendar = LIBRARY) -> tuple[list[LoadedNotice], list[Problem]]:
    """Every notice under ``root/public_lists``, each checked by :func:`read_notice`, then the ledger."""
    folder = root / "public_lists"
    by_id = {s.id: s for s in schemes}
    loaded: list[LoadedNotice] = []
    candidates, problems = _candidates(folder, root) if folder.is_dir() else ([], [])
    unreadable: set[str] = set()
    for file in candidates:
        path = relative_path(file, root)
        where = _location_problem(path)
        if where is not None:
            problems.append(where)
            continue
        try:
            text = read_text(file)
        except YamlError as exc:
            problems.append(Problem(path, exc.line, exc.message, exc.code))
            unreadable.add(path)
            continue
        checked = read_notice(text, path, by_id, today, file.parent, calendar)
        problems += checked.problems
        if checked.problems or checked.notice is None:
            unreadable.add(path)
        else:
            loaded.append(LoadedNotice(path, checked.notice, checked.period, checked.data))
    problems += check_ledger(loaded, root, ledger_base, unreadable, today)
    return loaded, problems
