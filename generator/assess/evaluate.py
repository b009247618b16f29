"""Evaluate a rule (see ``generator.model.rules``) against a parsed profile.

Three outcomes: ``pass``, ``fail``, ``unknown``. A missing fact is unknown, never fail.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.assess.explain import explain
from generator.assess.profile import BY_NAME, record_fields
from generator.assess.terms import VALUE_LABELS

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"

# Certificates that are known not to be quality-management systems: holding only these
# fails "质量管理体系认证"; any other unlisted certificate is for the reviewers.
NOT_QMS = {"ISO14001", "ISO45001", "OHSAS18001", "ISO50001", "ISO27001", "ISO20000", "ISO22000", "HACCP"}
_ALIASES = {"GBT19001": "ISO9001", "GB19001": "ISO9001", "ISO9000": "ISO9001"}


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def standard_name(text: str) -> str:
    """'GB/T 19001-2016' / 'ISO 9001:2015' / 'iso9001' -> 'ISO9001'."""
    name = re.sub(r"[-:]\d{4}$", "", str(text).strip().upper())
    name = re.sub(r"[\s/\-_.]", "", name)
    return _ALIASES.get(name, name)


def _combine_all(statuses: list[str]) -> str:
    if FAIL in statuses:
        return FAIL
    return PASS if all(s == PASS for s in statuses) else UNKNOWN


def _combine_any(statuses: list[str]) -> str:
    if PASS in statuses:
        return PASS
    return FAIL if all(s == FAIL for s in statuses) else UNKNOWN


def evaluate(rule: dict, profile: dict) -> tuple[str, str]:
    """(status, reason in Chinese) of ``rule`` for ``profile``."""
    if "all" in rule or "any" in rule:
        key = "all" in rule and "all" or "any"
        parts = [evaluate(r, profile) for r in rule[key]]
        status = (_combine_all if key == "all" else _combine_any)([s for s, _ in parts])
        return status, "；".join(reason for _, reason in parts)
    if "not" in rule:
        status, reason = evaluate(rule["not"], profile)
        return {PASS: FAIL, FAIL: PASS}.get(status, UNKNOWN), reason
    if "fact" in rule:
        return _fact(rule, profile)
    if "certificate" in rule:
        return _certificate(rule, profile)
    if "none" in rule:
        return _none(rule, profile)
    if "credit_held" in rule:
        return _credit_held(rule, profile)
    raise ValueError(f"not a rule: {rule!r}")


def _unfilled(name: str) -> tuple[str, str]:
    """A fact the profile leaves out: unknown, never fail."""
    return UNKNOWN, f"未填写“{BY_NAME[name].label}”"


def _fact(rule: dict, profile: dict) -> tuple[str, str]:
    name = rule["fact"]
    field = BY_NAME[name]
    value = profile.get(name)
    if value is None:
        return _unfilled(name)
    as_of: dt.date = profile["as_of"]
    if "is" in rule:
        ok = value == rule["is"]
        shown = ("是" if value else "否") if isinstance(value, bool) else VALUE_LABELS.get(str(value), str(value))
        return (PASS if ok else FAIL), f"{field.label}：{shown}"
    if "in" in rule:
        return (PASS if value in rule["in"] else FAIL), f"{field.label}：{VALUE_LABELS.get(str(value), value)}"
    if "at_least" in rule:
        return (PASS if value >= rule["at_least"] else FAIL), f"{field.label}：{value}"
    if "years_at_least" in rule:
        years = rule["years_at_least"]
        due = add_years(value, years)
        ok = due <= as_of
        if not years:
            return (PASS if ok else FAIL), f"{field.label}：{value.isoformat()}"
        return (PASS if ok else FAIL), f"{field.label}：{value.isoformat()}，满{years}年之日为{due.isoformat()}"
    if "prefix_in" in rule:
        ok = any(str(value).startswith(p) for p in rule["prefix_in"])
        return (PASS if ok else FAIL), f"{field.label}：{value}"
    if "contains_any" in rule:
        ok = any(v in value for v in rule["contains_any"])
        shown = "、".join(VALUE_LABELS.get(str(v), str(v)) for v in value) or "无"
        return (PASS if ok else FAIL), f"{field.label}：{shown}"
    if "any_year_within" in rule:
        window = year_status(value, rule["any_year_within"], as_of)
        return window, f"{field.label}：{'、'.join(str(v) for v in value) or '无'}"
    raise ValueError(f"not a fact rule: {rule!r}")


def year_status(years: list[int], within: int, as_of: dt.date) -> str:
    """Whether some year of ``years`` lies within the last ``within`` years before ``as_of``.

    A year lies wholly inside when it is later than ``as_of.year - within``; the year
    ``as_of.year - within`` lies partly inside, so it alone gives unknown."""
    if any(as_of.year - within < y <= as_of.year for y in years):
        return PASS
    if any(y == as_of.year - within for y in years):
        return UNKNOWN
    return FAIL


def _in_window(record: Any, field_name: str, within: int | None, as_of: dt.date) -> str:
    """pass: the record falls in the window; fail: outside; unknown: cannot tell."""
    if within is None:
        return PASS
    dated_by = BY_NAME[field_name].dated_by
    if dated_by == "year":
        year = record.get("year") if isinstance(record, dict) else None
        if year is None:
            return UNKNOWN
        return year_status([year], within, as_of)
    day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
    if day is None:
        return UNKNOWN
    start = add_years(as_of, -within)
    return PASS if start < day <= as_of else FAIL


def _matches(record: Any, match: dict, list_name: str) -> str:
    fields = record_fields(list_name)
    statuses = []
    for key, wanted in match.items():
        wanted = wanted if isinstance(wanted, list) else [wanted]
        value = record.get(key) if isinstance(record, dict) else None
        if value is None:
            if fields[key].kind != "bool":
                statuses.append(UNKNOWN)
                continue
            value = False  # an absent flag (revoked, fraud, credit_repaired ...) reads as false
        statuses.append(PASS if value in wanted else FAIL)
    return _combine_all(statuses) if statuses else PASS


def _none(rule: dict, profile: dict) -> tuple[str, str]:
    name = rule["none"]
    field = BY_NAME[name]
    records = profile.get(name)
    if records is None:
        return _unfilled(name)
    as_of = profile["as_of"]
    within = rule.get("within_years")
    found, doubtful, reviewers = 0, 0, 0
    for record in records:
        window = _in_window(record, name, within, as_of)
        if window == FAIL:
            continue
        match = _matches(record, rule["where"], name) if "where" in rule else PASS
        excepted = _matches(record, rule["except"], name) if "except" in rule else FAIL
        if excepted == PASS:
            continue
        if "reviewers_where" in rule and _matches(record, rule["reviewers_where"], name) == PASS:
            reviewers += 1
            continue
        if match == FAIL:
            continue
        if match == PASS and window == PASS and excepted == FAIL:
            found += 1
        else:
            doubtful += 1
    label = field.label.removesuffix("（日期）").removesuffix("记录")
    if found:
        return FAIL, f"有{found}条符合本条的{label}记录"
    if reviewers:
        return UNKNOWN, f"有{reviewers}条{label}记录须由评审专家判断"
    if doubtful:
        return UNKNOWN, f"有{doubtful}条{label}记录信息不全（日期、等级等），无法判断"
    return PASS, f"无符合本条的{label}记录（已填写{len(records)}条）" if records else f"无{label}记录"


def _certificate(rule: dict, profile: dict) -> tuple[str, str]:
    held = profile.get("management_systems")
    if held is None:
        return _unfilled("management_systems")
    wanted = set(rule["certificate"])
    years = rule.get("years_at_least", 0)
    as_of = profile["as_of"]
    statuses, names = [], []
    for cert in held:
        name = standard_name(cert.get("standard", ""))
        names.append(name)
        if name in wanted:
            since = cert.get("since")
            if not years:
                statuses.append(PASS)
            elif since is None:
                statuses.append(UNKNOWN)
            else:
                statuses.append(PASS if add_years(since, years) <= as_of else FAIL)
        elif name in NOT_QMS:
            statuses.append(FAIL)
        else:
            statuses.append(UNKNOWN)  # "其他国际通行质量管理体系": reviewers decide
    shown = "、".join(names) or "无"
    if not statuses:
        return FAIL, "未持有管理体系认证证书"
    return _combine_any(statuses), f"持有：{shown}" + (f"（须满{years}年）" if years else "")


CREDIT_ORDER = ("none", "A", "AA", "AAA")


def _credit_held(rule: dict, profile: dict) -> tuple[str, str]:
    credit = profile.get("credit") or {}
    level, since = credit.get("level"), credit.get("since")
    wanted = rule["credit_held"]
    if level is None:
        return UNKNOWN, "未填写现有质量信用等级"
    if level != wanted:
        if CREDIT_ORDER.index(level) < CREDIT_ORDER.index(wanted):
            return FAIL, f"现有等级：{VALUE_LABELS.get(level, level)}，须为{wanted}级"
        return UNKNOWN, f"现有等级{level}级已高于{wanted}级，是否可申报由认定机关判断"
    if since is None:
        return UNKNOWN, f"现有等级{level}级，未填写认定日期"
    as_of = profile["as_of"]
    if "years_at_least" in rule:
        due = add_years(since, rule["years_at_least"])
        ok = due <= as_of
        reason = f"{level}级认定于{since.isoformat()}，满{rule['years_at_least']}年之日为{due.isoformat()}"
        return (PASS if ok else FAIL), reason
    ok = since.year < as_of.year
    return (PASS if ok else FAIL), f"{level}级认定于{since.year}年，评估年度为{as_of.year}年"


__all__ = ["PASS", "FAIL", "UNKNOWN", "evaluate", "explain", "add_years", "year_status", "standard_name"]
