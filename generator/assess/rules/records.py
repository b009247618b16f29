"""``{none: F, within_years: N, where: {...}, except: {...}, reviewers_where: {...}}``: no record of the
list F (dated, within the last N years if given) matches ``where``; records matching ``except`` do not
count, records matching ``reviewers_where`` leave the verdict to the reviewers. ``same_year: true`` in place
of ``within_years`` counts the records of the year of ``as_of`` only (the call of that year: "一经发现，取消其
申报资格")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.assess.profile import BY_NAME, PARTIAL, detail_words, record_fields
from generator.assess.rules import registry
from generator.assess.rules.dates import add_years, first_day_outside, year_changes, year_status
from generator.assess.rules.registry import FAIL, PASS, UNKNOWN, RuleProblem, combine_all
from generator.assess.terms import label

MATCHES = ("where", "except", "reviewers_where")


def _year_of(record: Any, dated_by: str) -> int | None:
    if dated_by == "year":
        return record.get("year") if isinstance(record, dict) else None
    day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
    return day.year if isinstance(day, dt.date) else None


def in_window(record: Any, field_name: str, within: int | str | None, as_of: dt.date,
              dated_by: str | None = None) -> str:
    """pass: the record falls in the window; fail: outside; unknown: cannot tell.

    ``within`` is N years, ``"same_year"`` (the year of ``as_of``) or None (any time). ``dated_by`` names the
    record's date the window counts from where the rule says (a ban runs from the event that starts it:
    ``revoked_on``); otherwise the list's own date."""
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
    if day is None:
        return UNKNOWN
    start = add_years(as_of, -within)
    return PASS if start < day <= as_of else FAIL


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
    def _tally(rule: dict, profile: dict) -> tuple[int, int, int, set[str]]:
        """(records that break the rule, records that may, records for the reviewers, the record sub-fields
        whose filling in would decide the doubtful ones)."""
        name = rule["none"]
        within = _window(rule)
        as_of = profile["as_of"]
        found, doubtful, reviewers, missing = 0, 0, 0, set()
        for record in profile.get(name) or []:
            window = in_window(record, name, within, as_of, rule.get("dated_by"))
            if window == FAIL:
                continue
            match = matches(record, rule["where"], name) if "where" in rule else PASS
            excepted = matches(record, rule["except"], name, exception=True) if "except" in rule else FAIL
            if excepted == PASS:
                continue
            if "reviewers_where" in rule and matches(record, rule["reviewers_where"], name) == PASS:
                reviewers += 1
                continue
            if match == FAIL:
                continue
            if match == PASS and window == PASS and excepted == FAIL:
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

    def changes(self, rule: dict, profile: dict) -> set:
        within = _window(rule)
        records = profile.get(rule["none"]) or []
        if within is None:
            return set()
        dated_by = rule.get("dated_by") or BY_NAME[rule["none"]].dated_by
        days: set = set()
        if within == "same_year":
            years = {_year_of(record, dated_by) for record in records} - {None}
            return {dt.date(y + 1, 1, 1) for y in years if y < dt.MAXYEAR}
        for record in records:
            if dated_by == "year":
                year = record.get("year") if isinstance(record, dict) else None
                if year is not None:
                    days |= year_changes(year, within)
                continue
            day = record if dated_by == "self" else (record.get(dated_by) if isinstance(record, dict) else None)
            if isinstance(day, dt.date):
                days |= {day, first_day_outside(day, within)}
        return days


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
