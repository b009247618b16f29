"""Load and check the notices under public_lists/ against their scheme's rules.

Each problem is a ``Problem(path, line, message)``. Checks: the notice kind exists for the
scheme; its period meets the rule (counted by ``generator.periods``); every unified social
credit code is valid, unique, and in the scheme's area unless a reason is given; tiers
exist; caps and the one-per-parent rule hold; a sealed (published) notice changes only with
a recorded correction.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as CodeError

from generator.assess.terms import NOTICE_KINDS
from generator.load.ledger import check_ledger
from generator.model.attachments import attachment_problem
from generator.model.notice import LoadedNotice, Notice
from generator.model.privacy import personal_data
from generator.model.problems import Problem, pydantic_problems, relative_path
from generator.model.scheme import Scheme
from generator.periods import Period, PeriodError, required_period
from generator.yamlload import YamlError, line_of, load_file

# Keys whose values are checked by their own rules rather than searched for personal data.
_NOT_FREE_TEXT = {"credit_code", "file", "scheme", "kind"}


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
    spec = scheme.notice_rule(notice.kind)
    if spec is not None and NOTICE_KINDS[notice.kind].by_applicant:
        return None, [Problem(path, at("kind"), (
            f"{NOTICE_KINDS[notice.kind].label}由申报组织在本组织内部发布，不在本门户发布；"
            f"公示期可用 python -m generator notice-period --scheme {scheme.id} --kind {notice.kind} 计算"))]
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
        if NOTICE_KINDS[notice.kind].ranked and entry.tier is None and tiers:
            problems.append(Problem(path, at("entries", n), f"entry {entry.organisation}: give its tier"))
    if NOTICE_KINDS[notice.kind].ranked:
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


def check_content(notice: Notice, data: Any, path: str, folder: Path, schemes: dict[str, Scheme],
                  today: dt.date) -> list[Problem]:
    """What a clerk can get wrong beyond the rules: personal data, objections, attachments,
    corrections from the future, a path that disagrees with the fields."""
    problems: list[Problem] = []
    for loc, text in _strings(data):
        found = personal_data(text)
        if found:
            problems.append(Problem(path, line_of(data, loc), found))
    spec = schemes[notice.scheme].notice_rule(notice.kind)
    if spec is not None and (spec.objections is not None or spec.period is not None):
        clause = (spec.objections or spec).cite.clause
        if notice.objections is None:
            problems.append(Problem(path, 1, (
                f"缺少 objections（异议受理）：{spec.title}（{clause}）须告诉公众向谁、如何提出异议，例如\n"
                "objections:\n  receiver: 区质量发展委员会办公室\n  phone: \"0518-85551234\"")))
        elif not notice.objections.receiver:
            problems.append(Problem(path, line_of(data, ("objections",)), (
                "objections 缺少 receiver（受理异议的单位），例如 receiver: 区质量发展委员会办公室")))
    names = Counter(a.file.lower() for a in notice.attachments)
    for n, attachment in enumerate(notice.attachments):
        line = line_of(data, ("attachments", n, "file"))
        problem = attachment_problem(folder, attachment.file)
        if problem:
            problems.append(Problem(path, line, problem))
        elif names[attachment.file.lower()] > 1:
            problems.append(Problem(path, line, f"附件 {attachment.file!r} 重复列出"))
    for n, correction in enumerate(notice.corrections):
        if correction.date > today:
            problems.append(Problem(path, line_of(data, ("corrections", n, "date")), (
                f"更正日期 {correction.date} 晚于今天（{today}）：只能记录已经作出的更正")))
    problems += _path_problems(notice, data, path)
    return problems


def _path_problems(notice: Notice, data: Any, path: str) -> list[Problem]:
    """public_lists/<scheme>/<year>/<published>-<kind>[-anything].yaml, in agreement with the fields."""
    parts = path.split("/")
    stem = f"{notice.published.isoformat()}-{notice.kind.replace('_', '-')}"
    example = f"public_lists/{notice.scheme}/{notice.cycle_year}/{stem}.yaml"
    _, scheme, year, name = parts
    if scheme != notice.scheme:
        return [Problem(path, line_of(data, ("scheme",)),
                        f"文件夹 {scheme} 与 scheme: {notice.scheme} 不一致：应放在 {example}")]
    if year != str(notice.cycle_year):
        return [Problem(path, line_of(data, ("published",)),
                        f"年度文件夹 {year} 与公示的年度 {notice.cycle_year} 不一致"
                        f"（year，缺省为发布日期的年份）：应放在 {example}")]
    if not (name == f"{stem}.yaml" or name.startswith(f"{stem}-")):
        return [Problem(path, line_of(data, ("published",)),
                        f"文件名应以发布日期和类别开头：{stem}.yaml（或 {stem}-说明.yaml），与 published、kind 一致")]
    return []


_SYMLINK = "是符号链接：public_lists 中只能有普通文件和文件夹"


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
                problems.append(Problem(relative_path(base / name, root), 1, _SYMLINK))
                dirs.remove(name)
            elif name.endswith(".yaml"):
                found.append(base / name)  # refused by the loader with its own message
        for name in sorted(files):
            path = base / name
            lower = name.lower()
            if lower.endswith((".yml", ".yaml")) and not name.endswith(".yaml"):
                problems.append(Problem(relative_path(path, root), 1, (
                    f"扩展名应为 .yaml（小写），否则不会发布：请改名为 {name.rsplit('.', 1)[0]}.yaml")))
            elif name.endswith(".yaml"):
                found.append(path)
            elif path.is_symlink():
                problems.append(Problem(relative_path(path, root), 1, _SYMLINK))
    return sorted(found), problems


def load_notices(root: Path, schemes: list[Scheme], today: dt.date,
                 ledger_base: str | None = None) -> tuple[list[LoadedNotice], list[Problem]]:
    folder = root / "public_lists"
    by_id = {s.id: s for s in schemes}
    loaded: list[LoadedNotice] = []
    candidates, problems = _candidates(folder, root) if folder.is_dir() else ([], [])
    unreadable: set[str] = set()
    for file in candidates:
        path = relative_path(file, root)
        if len(path.split("/")) != 4:
            problems.append(Problem(path, 1, (
                "公示文件应位于 public_lists/<方案>/<年度>/ 下，"
                "例如 public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml")))
            continue
        try:
            data = load_file(file)
        except YamlError as exc:
            problems.append(Problem(path, exc.line, exc.message))
            unreadable.add(path)
            continue
        if not isinstance(data, dict):
            problems.append(Problem(path, 1, "文件顶层应为映射（key: value），例如 scheme: haizhou-quality-award"))
            unreadable.add(path)
            continue
        try:
            notice = Notice.model_validate(data)
        except ValidationError as exc:
            problems += pydantic_problems(exc, data, path)
            unreadable.add(path)
            continue
        period, found = check_notice(notice, data, path, by_id)
        if notice.scheme in by_id:
            found += check_content(notice, data, path, file.parent, by_id, today)
        problems += found
        if found:
            unreadable.add(path)
        else:
            loaded.append(LoadedNotice(path, notice, period, data))
    problems += check_ledger(loaded, root, ledger_base, unreadable)
    return loaded, problems
