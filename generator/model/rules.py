"""The rule language of conditions, checked against the applicant profile.

A rule is a small YAML mapping, never code. Its forms:

- ``{all: [rule, ...]}``, ``{any: [rule, ...]}``, ``{not: rule}``
- ``{fact: F, is: V}`` / ``{fact: F, in: [V, ...]}`` for a bool, enum or text fact
- ``{fact: F, at_least: N}`` for a number
- ``{fact: F, years_at_least: N}`` for a date: at least N whole years before ``as_of``
  ("N年以上" includes N)
- ``{fact: F, prefix_in: [P, ...]}`` for a code (the area)
- ``{fact: F, contains_any: [V, ...]}`` for a list of values
- ``{fact: F, any_year_within: N}`` for a list of years: one of the last N years
- ``{certificate: [S, ...], years_at_least: N}``: holds one of the listed quality-management
  certificates (``years_at_least`` optional). Where a text adds "或其他国际通行…体系", a
  certificate not on the list leaves the verdict to the reviewers rather than failing it.
- ``{none: F, within_years: N, where: {...}, except: {...}, reviewers_where: {...}}``:
  no record of the list F (dated, within the last N years if given) matches ``where``;
  records matching ``except`` do not count, records matching ``reviewers_where`` leave
  the verdict to the reviewers
- ``{credit_held: L, years_at_least: N}`` / ``{credit_held: L, earlier_calendar_year: true}``
"""

from __future__ import annotations

from typing import Any

from generator.assess.profile import BY_NAME, record_fields

RuleProblem = tuple[tuple[Any, ...], str]

_FACT_OPS = {
    "is": ("bool", "enum", "str"),
    "in": ("enum", "str"),
    "at_least": ("int", "number"),
    "years_at_least": ("date",),
    "prefix_in": ("str",),
    "contains_any": ("list",),
    "any_year_within": ("list",),
}


def check_rule(rule: Any, loc: tuple[Any, ...] = ()) -> list[RuleProblem]:
    """Every problem of ``rule``, each with its location inside the rule."""
    if not isinstance(rule, dict) or not rule:
        return [(loc, "expected a rule: a mapping such as {fact: ..., is: ...}")]
    heads = [k for k in ("all", "any", "not", "fact", "certificate", "none", "credit_held") if k in rule]
    if len(heads) != 1:
        expected = "all/any/not/fact/certificate/none/credit_held"
        return [(loc, f"a rule needs exactly one of {expected}, got {sorted(rule)}")]
    head = heads[0]
    return _CHECKS[head](rule, loc)


def _keys(rule: dict, loc: tuple, allowed: set[str]) -> list[RuleProblem]:
    return [((*loc, k), f"unknown key {k!r} here; expected one of {sorted(allowed)}") for k in rule if k not in allowed]


def _check_group(rule: dict, loc: tuple) -> list[RuleProblem]:
    head = "all" if "all" in rule else "any"
    problems = _keys(rule, loc, {head})
    items = rule[head]
    if not isinstance(items, list) or len(items) < 2:
        return [*problems, ((*loc, head), f"{head}: expected a list of at least two rules")]
    for n, item in enumerate(items):
        problems += check_rule(item, (*loc, head, n))
    return problems


def _check_not(rule: dict, loc: tuple) -> list[RuleProblem]:
    return _keys(rule, loc, {"not"}) + check_rule(rule["not"], (*loc, "not"))


def _enum_values(field_name: str, values: list, loc: tuple) -> list[RuleProblem]:
    field = BY_NAME[field_name]
    enum = field.enum or (field.item.enum if field.item else ())
    if not enum:
        return []
    return [(loc, f"{v!r} is not a value of {field_name}; expected one of {list(enum)}")
            for v in values if v not in enum]


def _check_fact(rule: dict, loc: tuple) -> list[RuleProblem]:
    name = rule["fact"]
    if name not in BY_NAME:
        return [((*loc, "fact"), f"unknown fact {name!r}; expected a field of the applicant profile (docs/PROFILE.md)")]
    kind = BY_NAME[name].kind
    ops = [k for k in rule if k != "fact"]
    if len(ops) != 1 or ops[0] not in _FACT_OPS:
        return [(loc, f"fact {name}: expected exactly one of {sorted(_FACT_OPS)}")]
    op = ops[0]
    value = rule[op]
    if kind not in _FACT_OPS[op]:
        return [((*loc, op), f"{op} does not apply to {name}, which is a {kind}")]
    if op == "is":
        if kind == "bool" and not isinstance(value, bool):
            return [((*loc, op), f"{name} is a bool: expected true or false")]
        return _enum_values(name, [value], (*loc, op)) if kind == "enum" else []
    if op in ("in", "prefix_in", "contains_any"):
        if not isinstance(value, list) or not value:
            return [((*loc, op), f"{op}: expected a non-empty list")]
        if op == "prefix_in":
            return [((*loc, op), f"{v!r}: expected 2 to 6 digits") for v in value
                    if not (isinstance(v, str) and v.isdigit() and 2 <= len(v) <= 6)]
        return _enum_values(name, value, (*loc, op))
    if op == "any_year_within" and BY_NAME[name].item.kind != "int":
        return [((*loc, op), f"any_year_within needs a list of years; {name} is not one")]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        return [((*loc, op), f"{op}: expected a non-negative number")]
    return []


def _check_certificate(rule: dict, loc: tuple) -> list[RuleProblem]:
    problems = _keys(rule, loc, {"certificate", "years_at_least"})
    value = rule["certificate"]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append(((*loc, "certificate"), "expected a list of standards, e.g. [ISO9001, IATF16949]"))
    years = rule.get("years_at_least", 0)
    if isinstance(years, bool) or not isinstance(years, int) or years < 0:
        problems.append(((*loc, "years_at_least"), "expected a whole number of years"))
    return problems


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


def _check_none(rule: dict, loc: tuple) -> list[RuleProblem]:
    problems = _keys(rule, loc, {"none", "within_years", "where", "except", "reviewers_where"})
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
    for key in ("where", "except", "reviewers_where"):
        if key in rule:
            problems += _check_match(name, rule[key], (*loc, key))
    return problems


def _check_credit(rule: dict, loc: tuple) -> list[RuleProblem]:
    problems = _keys(rule, loc, {"credit_held", "years_at_least", "earlier_calendar_year"})
    if rule["credit_held"] not in ("A", "AA", "AAA"):
        problems.append(((*loc, "credit_held"), "expected A, AA or AAA"))
    if ("years_at_least" in rule) == ("earlier_calendar_year" in rule):
        problems.append((loc, "credit_held needs exactly one of years_at_least, earlier_calendar_year"))
    return problems


_CHECKS = {
    "all": _check_group,
    "any": _check_group,
    "not": _check_not,
    "fact": _check_fact,
    "certificate": _check_certificate,
    "none": _check_none,
    "credit_held": _check_credit,
}
