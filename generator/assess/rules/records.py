"""``{none: F, within_years: N, where: {...}, except: {...}, reviewers_where: {...}}``: no record of the
list F (dated, within the last N years if given) matches ``where``; records matching ``except`` do not
count, records matching ``reviewers_where`` leave the verdict to the reviewers. ``same_year: true`` in place
of ``within_years`` counts the records of the year of ``as_of`` only (the call of that year: "一经发现，取消其
申报资格")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.assess.profile import BY_NAME, PARTIAL, STATED_ON, detail_words, record_fields
from generator.assess.rules import registry
from generator.assess.rules.dates import ONE_DAY, add_years, first_day_outside, year_status
from generator.assess.rules.registry import FAIL, PASS, UNKNOWN, RuleProblem, combine_all
from generator.assess.terms import label

MATCHES = ("where", "except", "reviewers_where")


def _year_of(record: Any, dated_by: str) -> int | None:
    if dated_by == "year":
        return record.get("year") if isinstance(record, dict) else None
    day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
    return day.year if isinstance(day, dt.date) else None


def _bounds(record: Any, dated_by: str, stated_on: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Where a record's own date (``dated_by``, e.g. revoked_on) is not given but its year is, the days that
    date can be: from the first day of the record's year (a revocation cannot precede the award) to the day its
    facts are stated for (``profile.STATED_ON``: it has happened by then)."""
    year = record.get("year") if isinstance(record, dict) and dated_by not in ("self", "year") else None
    if not isinstance(year, int) or stated_on is None or dt.date(year, 1, 1) > stated_on:
        return None
    return dt.date(year, 1, 1), stated_on


def in_window(record: Any, field_name: str, within: int | str | None, as_of: dt.date,
              dated_by: str | None = None, stated_on: dt.date | None = None) -> str:
    """pass: the record falls in the window; fail: outside; unknown: cannot tell.

    ``within`` is N years, ``"same_year"`` (the year of ``as_of``) or None (any time). ``dated_by`` names the
    record's date the window counts from where the rule says (a ban runs from the event that starts it:
    ``revoked_on``); otherwise the list's own date. A date known only as an interval (``_bounds``) is decided
    when every day of it gives the same answer."""
    if within is None:
        return PASS
    dated_by = dated_by or BY_NAME[field_name].dated_by
    if within == "same_year":
        year = _year_of(record, dated_by)
        return UNKNOWN if year is None else PASS if year == as_of.year else FAIL
    if dated_by == "year":
        year = record.get("year") if isinstance(record, dict) else None
        if year is None:
            return UNKNOWN
        return year_status([year], within, as_of)
    day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
    start = add_years(as_of, -within)
    if day is None:
        bounds = _bounds(record, dated_by, stated_on)
        if bounds is None:
            return UNKNOWN
        inside = [start < d <= as_of for d in bounds]  # the window is an interval: its ends decide
        return PASS if all(inside) else FAIL if not any(inside) and not bounds[0] <= start < bounds[1] else UNKNOWN
    return PASS if start < day <= as_of else FAIL


def _window_test(rule: dict, as_of: dt.date, stated_on: dt.date | None = None):
    """``in_window`` for one rule and day, as a function of the record: the window's first day is worked out
    once, not once per record."""
    within, dated_by = _window(rule), rule.get("dated_by") or BY_NAME[rule["none"]].dated_by
    if not isinstance(within, int) or dated_by == "year":
        return lambda record: in_window(record, rule["none"], within, as_of, dated_by)
    start = add_years(as_of, -within)

    def test(record: Any) -> str:
        day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
        if day is None:
            return in_window(record, rule["none"], within, as_of, dated_by, stated_on)
        return PASS if start < day <= as_of else FAIL
    return test


def _window(rule: dict) -> int | str | None:
    return "same_year" if rule.get("same_year") else rule.get("within_years")


def matches(record: Any, match: dict, list_name: str, exception: bool = False) -> str:
    """Whether a record matches: pass, fail, or unknown where a detail it needs is not filled in.

    A flag left unfilled (serious, product_quality, revoked, fraud …) is unknown wherever it would bring the
    record into the rule, never a silent "no"; only an exception (``except``: credit_repaired …) that is not
    stated does not apply."""
    fields = record_fields(list_name)
    statuses = []
    for key, wanted in match.items():
        wanted = wanted if isinstance(wanted, list) else [wanted]
        value = record.get(key) if isinstance(record, dict) else None
        if value is None and key == "level" and "scheme" in match and isinstance(record, dict) and record.get("scheme"):
            continue  # a named scheme has its level; the level in the match only rules out unnamed awards
        if value is None:
            if fields[key].kind != "bool" or not exception:
                statuses.append(UNKNOWN)
                continue
            value = False
        statuses.append(PASS if value in wanted else FAIL)
    return combine_all(statuses) if statuses else PASS


def _unfilled(record: Any, rule: dict, name: str) -> set[str]:
    """The sub-fields a doubtful record leaves out that the rule reads (its date, a detail it matches on)."""
    if not isinstance(record, dict):
        return set()
    dated_by = rule.get("dated_by") or BY_NAME[name].dated_by
    wanted = {dated_by} if dated_by not in ("self", "") and _window(rule) is not None else set()
    fields = record_fields(name)
    for key in MATCHES:
        match = rule.get(key) or {}
        wanted |= {k for k in match if not (k == "level" and "scheme" in match and record.get("scheme"))
                   and not (key == "except" and k in fields and fields[k].kind == "bool")}  # unstated: no exception
    return {k for k in wanted if record.get(k) is None and k in fields}


def _partly_known(rule: dict, profile: dict) -> bool:
    """Whether the list was given only for some values of a sub-field (``profile.PARTIAL``) and the rule
    counts records of other values too."""
    key, known = (profile.get(PARTIAL) or {}).get(rule["none"], ("", ()))
    if not key:
        return False
    wanted = (rule.get("where") or {}).get(key)
    if wanted is None:
        return True
    return bool(set(wanted if isinstance(wanted, list) else [wanted]) - set(known))


def _describe(name: str, match: dict, names: dict[str, str] | None) -> str:
    fields = record_fields(name)
    parts = []
    for key, value in match.items():
        field = fields.get(key)
        field_label = field.label if field else key
        if field is not None and field.kind == "bool":
            parts.append(field_label if value is True else f"非“{field_label}”")
        else:
            values = value if isinstance(value, list) else [value]
            parts.append(f"{field_label}为{'或'.join((names or {}).get(str(v)) or label(v) for v in values)}")
    return "，".join(parts)


def _check_match(name: str, match: Any, loc: tuple) -> list[RuleProblem]:
    fields = record_fields(name)
    if not isinstance(match, dict) or not match:
        return [(loc, "expected a mapping of record fields to values")]
    problems: list[RuleProblem] = []
    for key, value in match.items():
        if key not in fields:
            problems.append(((*loc, key), f"{name} records have no field {key!r}; expected one of {sorted(fields)}"))
            continue
        field = fields[key]
        values = value if isinstance(value, list) else [value]
        if field.kind == "bool":
            if not all(isinstance(v, bool) for v in values):
                problems.append(((*loc, key), f"{key} is a bool: expected true or false"))
        elif field.enum:
            problems += [((*loc, key), f"{v!r} is not a value of {name}.{key}; expected one of {list(field.enum)}")
                         for v in values if v not in field.enum]
    return problems


class NoRecord:
    heads = ("none",)

    def __init__(self) -> None:
        self._recent: list[tuple[dict, list, list[str]]] = []

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        problems = registry.keys(rule, loc, {"none", "within_years", "same_year", "dated_by", *MATCHES})
        name = rule["none"]
        field = BY_NAME.get(name)
        if field is None or field.kind != "list":
            return [*problems, ((*loc, "none"), f"none: expected a list field of the profile, got {name!r}")]
        if "within_years" in rule:
            years = rule["within_years"]
            if isinstance(years, bool) or not isinstance(years, int) or years < 1:
                problems.append(((*loc, "within_years"), "expected a whole number of years, at least 1"))
            if not field.dated_by:
                problems.append(((*loc, "within_years"), f"{name} records carry no date or year"))
        if "same_year" in rule:
            if rule["same_year"] is not True or "within_years" in rule:
                problems.append(((*loc, "same_year"), "same_year: expected true, without within_years"))
            if not field.dated_by:
                problems.append(((*loc, "same_year"), f"{name} records carry no date or year"))
        if "dated_by" in rule:
            sub = record_fields(name).get(rule["dated_by"])
            if "within_years" not in rule or sub is None or sub.kind != "date":
                problems.append(((*loc, "dated_by"), f"dated_by: expected a date field of {name} records, "
                                 "with within_years"))
        for key in MATCHES:
            if key in rule:
                problems += _check_match(name, rule[key], (*loc, key))
        return problems

    @staticmethod
    def _static(rule: dict, record: Any) -> str:
        """How a record counts whenever it is in the window (the matches do not depend on the day): "" never,
        "reviewers" for them, "match" breaks the rule, "maybe" may (a detail it needs is unfilled)."""
        name = rule["none"]
        if "except" in rule and matches(record, rule["except"], name, exception=True) == PASS:
            return ""
        if "reviewers_where" in rule and matches(record, rule["reviewers_where"], name) == PASS:
            return "reviewers"
        match = matches(record, rule["where"], name) if "where" in rule else PASS
        if match == FAIL:
            return ""
        excepted = matches(record, rule["except"], name, exception=True) if "except" in rule else FAIL
        return "match" if match == PASS and excepted == FAIL else "maybe"

    def _classify(self, rule: dict, records: list) -> list[str]:
        """``_static`` of each record, worked out once per kind of record: records alike in every field the
        matches read (all but their dates, mostly) count alike, so a long list costs a lookup per record.
        Kept for the last few (rule, list) pairs, which every face of a condition asks about in turn: the
        cache holds the objects themselves, so an id is never reused while its entry lives."""
        for cached_rule, cached_records, out in self._recent:
            if cached_rule is rule and cached_records is records and len(out) == len(records):
                return out  # (a parsed profile's lists are not changed; the length guards against an append)
        out = self._classify_anew(rule, records)
        self._recent = [(rule, records, out), *self._recent[:31]]
        return out

    def _classify_anew(self, rule: dict, records: list) -> list[str]:
        keys = sorted({k for m in MATCHES for k in (rule.get(m) or {})} | {"scheme"})
        seen: dict[tuple, str] = {}
        out = []
        for record in records:
            key = tuple(record.get(k) for k in keys) if isinstance(record, dict) else ()
            if key not in seen:
                seen[key] = self._static(rule, record)
            out.append(seen[key])
        return out

    def _tally(self, rule: dict, profile: dict) -> tuple[int, int, int, set[str]]:
        """(records that break the rule, records that may, records for the reviewers, the record sub-fields
        whose filling in would decide the doubtful ones). One pass over the records."""
        name = rule["none"]
        records = profile.get(name) or []
        window = _window_test(rule, profile["as_of"], profile.get(STATED_ON))
        found, doubtful, reviewers, missing = 0, 0, 0, set()
        for record, how in zip(records, self._classify(rule, records), strict=True):
            if not how:
                continue
            status = window(record)
            if status == FAIL:
                continue
            if how == "reviewers":
                reviewers += 1
            elif how == "match" and status == PASS:
                found += 1
            else:
                doubtful += 1
                missing |= _unfilled(record, rule, name)
        if _partly_known(rule, profile):
            doubtful += 1  # records of the values the list was not given for may exist
        return found, doubtful, reviewers, missing

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        name = rule["none"]
        records = profile.get(name)
        if records is None:
            return registry.unfilled(name)
        found, doubtful, reviewers, missing = self._tally(rule, profile)
        label_ = BY_NAME[name].label.removesuffix("（日期）").removesuffix("记录")
        if found:
            return FAIL, f"有{found}条符合本条的{label_}记录"
        if reviewers:
            return UNKNOWN, f"有{reviewers}条{label_}记录须由评审专家判断"
        if doubtful and missing:
            return UNKNOWN, f"有{doubtful}条{label_}记录未填写{detail_words(name, missing)}，无法判断"
        if doubtful:
            return UNKNOWN, f"只填写了{label_}中的部分类别，无法判断"
        return PASS, f"无符合本条的{label_}记录（已填写{len(records)}条）" if records else f"无{label_}记录"

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        name = rule["none"]
        text = f"近{rule['within_years']}年内" if "within_years" in rule else ""
        if "same_year" in rule:
            text = "评估日期所在年度内"
        if "dated_by" in rule:
            text = f"自{record_fields(name)[rule['dated_by']].label}起{rule['within_years']}年内"
        label_ = BY_NAME[name].label.removesuffix("（日期）")
        text += f"无{label_}" if label_.endswith("记录") else f"无{label_}记录"
        if "where" in rule:
            text += f"（{_describe(name, rule['where'], names)}）"
        if "except" in rule:
            text += f"，{_describe(name, rule['except'], names)}的除外"
        if "reviewers_where" in rule:
            text += f"；{_describe(name, rule['reviewers_where'], names)}的记录由评审专家判断"
        return text

    def facts(self, rule: dict) -> set[str]:
        return {rule["none"]}

    def needs(self, rule: dict, profile: dict) -> set[str]:
        """The list itself when it is not filled in, or when records lack a date or a detail the rule reads;
        nothing when the remaining doubt is for the reviewers."""
        name = rule["none"]
        records = profile.get(name)
        if records is None:
            return {name}
        found, doubtful, reviewers, _ = self._tally(rule, profile)
        return {name} if doubtful and not found and not reviewers else set()

    def details(self, rule: dict, profile: dict) -> dict[str, set[str]]:
        """The sub-fields of the list's records that are missing where ``needs`` asks for the list."""
        name = rule["none"]
        if profile.get(name) is None:
            return {}
        found, doubtful, reviewers, missing = self._tally(rule, profile)
        return {name: missing} if doubtful and missing and not found and not reviewers else {}

    @staticmethod
    def _span(rule: dict, record: Any, stated_on: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
        """[begin, end) of the days ``as_of`` on which the record is in the rule's window or may be (None: no
        bound). Between its ends the window's answer is pass or unknown, outside them fail (in_window)."""
        within = _window(rule)
        dated_by = rule.get("dated_by") or BY_NAME[rule["none"]].dated_by
        if within is None:
            return None, None
        if within == "same_year":
            year = _year_of(record, dated_by)
            return (None, None) if year is None else (dt.date(year, 1, 1), _new_year(year + 1))
        if dated_by == "year":
            year = record.get("year") if isinstance(record, dict) else None
            # year_status: pass while as_of's year is year … year + N − 1, unknown in year + N.
            return (None, None) if year is None else (dt.date(year, 1, 1), _new_year(year + within + 1))
        day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
        if not isinstance(day, dt.date):
            bounds = _bounds(record, dated_by, stated_on)
            # From the earliest day it can be to the day the latest it can be leaves the window.
            return (None, None) if bounds is None else (bounds[0], first_day_outside(bounds[1], within))
        return day, first_day_outside(day, within)

    def changes(self, rule: dict, profile: dict) -> set:
        days: set = set()
        for record in profile.get(rule["none"]) or []:
            days.update(d for d in self._span(rule, record, profile.get(STATED_ON)) if d is not None)
        return days

    def passes_from(self, rule: dict, profile: dict) -> dt.date | None:
        """The first day after ``as_of`` on which no record counts, in one sweep: a record counts on the days
        of its window's span (where it counts at all), and the rule passes on the first day after ``as_of``
        that no span holds, which is the end of a span. O(n log n), where judging every change day anew took
        O(n²) (8,000 records: 17 s)."""
        as_of = profile["as_of"]
        records = profile.get(rule["none"])
        if records is None or _partly_known(rule, profile):
            return None
        spans = []
        for record, how in zip(records, self._classify(rule, records), strict=True):
            if how:
                begin, end = self._span(rule, record, profile.get(STATED_ON))
                if end is None:
                    if begin is None or begin <= as_of:
                        return None  # counts from now on, whatever the day
                    end = dt.date.max
                if end > as_of:
                    spans.append((begin or dt.date.min, end))
        spans.sort()
        day = as_of + ONE_DAY  # the first day after as_of that no span holds: walk the spans in order
        for begin, end in spans:
            if begin > day:
                break  # a gap: nothing holds ``day``
            day = max(day, end)
        return None if day == dt.date.max else day


def _new_year(year: int) -> dt.date | None:
    return dt.date(year, 1, 1) if year <= dt.MAXYEAR else None


def window_years(rule: Any) -> int | None:
    """N of a rule that is itself ``{none: ..., within_years: N}`` (the comparison's 记录期限)."""
    return rule.get("within_years") if registry.form_of(rule) is NO_RECORD else None


def scheme_matches(rule: Any, loc: tuple = ()):
    """(location, wanted) of every record match inside ``rule`` that names a scheme."""
    form = registry.form_of(rule)
    if form is NO_RECORD:
        for key in MATCHES:
            if isinstance(rule.get(key), dict) and "scheme" in rule[key]:
                yield (*loc, key, "scheme"), rule[key]["scheme"]
    elif form is not None:
        for head in ("all", "any"):
            for n, item in enumerate(rule.get(head, []) if isinstance(rule.get(head), list) else []):
                yield from scheme_matches(item, (*loc, head, n))
        if "not" in rule:
            yield from scheme_matches(rule["not"], (*loc, "not"))


NO_RECORD = registry.register(NoRecord())
