"""``{fact: F, <op>: V}``: one fact of the profile against a value.

- ``is`` (bool, enum, text), ``in`` (enum, text): the fact's value
- ``at_least`` / ``at_most`` (number): not less / not more than N
- ``years_at_least`` (date): at least N whole years before ``as_of`` ("N年以上" includes N)
- ``prefix_in`` (text): a code beginning with one of the prefixes (the area)
- ``contains_any`` (list of values): one of the values is held
- ``any_year_within`` (list of years): one of the last N years
"""

from __future__ import annotations

from typing import Any

from generator.assess.profile import BY_NAME
from generator.assess.rules import registry
from generator.assess.rules.dates import add_years, year_changes, year_status
from generator.assess.rules.registry import FAIL, PASS, RuleProblem
from generator.assess.terms import VALUE_LABELS, label

OPS = {
    "is": ("bool", "enum", "str"),
    "in": ("enum", "str"),
    "at_least": ("int", "number"),
    "at_most": ("int", "number"),
    "years_at_least": ("date",),
    "prefix_in": ("str",),
    "contains_any": ("list",),
    "any_year_within": ("list",),
}


def enum_problems(field_name: str, values: list, loc: tuple) -> list[RuleProblem]:
    """Values that are not in the enum of ``field_name`` (or of its list items)."""
    field = BY_NAME[field_name]
    enum = field.enum or (field.item.enum if field.item else ())
    if not enum:
        return []
    return [(loc, f"{v!r} is not a value of {field_name}; expected one of {list(enum)}")
            for v in values if v not in enum]


def _values(values: Any, names: dict[str, str] | None = None) -> str:
    values = values if isinstance(values, list) else [values]
    return "或".join((names or {}).get(str(v)) or label(v) for v in values)


class Fact:
    heads = ("fact",)

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        name = rule["fact"]
        if name not in BY_NAME:
            return [((*loc, "fact"), f"unknown fact {name!r}; expected a field of the applicant profile "
                                     "(docs/PROFILE.md)")]
        kind = BY_NAME[name].kind
        ops = [k for k in rule if k != "fact"]
        if len(ops) != 1 or ops[0] not in OPS:
            return [(loc, f"fact {name}: expected exactly one of {sorted(OPS)}")]
        op = ops[0]
        value = rule[op]
        if kind not in OPS[op]:
            return [((*loc, op), f"{op} does not apply to {name}, which is a {kind}")]
        if op == "is":
            if kind == "bool" and not isinstance(value, bool):
                return [((*loc, op), f"{name} is a bool: expected true or false")]
            return enum_problems(name, [value], (*loc, op)) if kind == "enum" else []
        if op in ("in", "prefix_in", "contains_any"):
            if not isinstance(value, list) or not value:
                return [((*loc, op), f"{op}: expected a non-empty list")]
            if op == "prefix_in":
                return [((*loc, op), f"{v!r}: expected 2 to 6 digits") for v in value
                        if not (isinstance(v, str) and v.isdigit() and 2 <= len(v) <= 6)]
            return enum_problems(name, value, (*loc, op))
        if op == "any_year_within" and BY_NAME[name].item.kind != "int":
            return [((*loc, op), f"any_year_within needs a list of years; {name} is not one")]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            return [((*loc, op), f"{op}: expected a non-negative number")]
        return []

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        name = rule["fact"]
        field = BY_NAME[name]
        value = profile.get(name)
        if value is None:
            return registry.unfilled(name)
        as_of = profile["as_of"]
        if "is" in rule:
            ok = value == rule["is"]
            shown = ("是" if value else "否") if isinstance(value, bool) else VALUE_LABELS.get(str(value), str(value))
            return (PASS if ok else FAIL), f"{field.label}：{shown}"
        if "in" in rule:
            return (PASS if value in rule["in"] else FAIL), f"{field.label}：{VALUE_LABELS.get(str(value), value)}"
        if "at_least" in rule:
            return (PASS if value >= rule["at_least"] else FAIL), f"{field.label}：{value}"
        if "at_most" in rule:
            return (PASS if value <= rule["at_most"] else FAIL), f"{field.label}：{value}"
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
            years = sorted(set(value))  # at most one per year of the dates' range, however long the list
            window = year_status(years, rule["any_year_within"], as_of)
            return window, f"{field.label}：{'、'.join(str(v) for v in years) or '无'}"
        raise ValueError(f"not a fact rule: {rule!r}")

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        label_ = BY_NAME[rule["fact"]].label
        if "is" in rule:
            value = rule["is"]
            if value is True:
                return label_
            if value is False:
                return f"不属于“{label_}”"
            return f"{label_}为{_values(value, names)}"
        if "in" in rule:
            return f"{label_}为{_values(rule['in'], names)}"
        if "at_least" in rule:
            return f"{label_}不少于{rule['at_least']:g}"
        if "at_most" in rule:
            return f"{label_}为0" if rule["at_most"] == 0 else f"{label_}不超过{rule['at_most']:g}"
        if "years_at_least" in rule:
            years = rule["years_at_least"]
            return f"{label_}距评估日期已满{years}年（含本数）" if years else f"已有{label_}"
        if "prefix_in" in rule:
            return f"{label_}以 {'、'.join(rule['prefix_in'])} 开头"
        if "contains_any" in rule:
            return f"{label_}包括{_values(rule['contains_any'], names)}"
        return f"{label_}中有近{rule['any_year_within']}年内的"

    def facts(self, rule: dict) -> set[str]:
        return {rule["fact"]}

    def needs(self, rule: dict, profile: dict) -> set[str]:
        # Unknown only when the fact is missing, or a year straddles the window's edge (no fact decides that).
        return {rule["fact"]} if profile.get(rule["fact"]) is None else set()

    def changes(self, rule: dict, profile: dict) -> set:
        value = profile.get(rule["fact"])
        if value is None:
            return set()
        if "years_at_least" in rule:
            return {add_years(value, rule["years_at_least"])}
        if "any_year_within" in rule:
            return set().union(*(year_changes(y, rule["any_year_within"]) for y in set(value)))
        return set()


def years_required(rule: Any, fact: str) -> int | None:
    """N of a rule that is ``{fact: <fact>, years_at_least: N}`` itself (the comparison's 经营年限)."""
    if registry.form_of(rule) is FACT and rule["fact"] == fact and "years_at_least" in rule:
        return rule["years_at_least"]
    return None


FACT = registry.register(Fact())
