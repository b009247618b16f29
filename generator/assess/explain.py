"""Say a rule in plain Chinese, for the rules pages and the calculator's reasons.

Standard library only; the rule forms are documented in ``generator.model.rules``.
"""

from __future__ import annotations

from typing import Any

from generator.assess.profile import BY_NAME, record_fields
from generator.assess.terms import VALUE_LABELS


def _label(value: Any, names: dict[str, str] | None = None) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return (names or {}).get(str(value)) or VALUE_LABELS.get(str(value), str(value))


def _values(values: Any, names: dict[str, str] | None = None) -> str:
    values = values if isinstance(values, list) else [values]
    return "或".join(_label(v, names) for v in values)


def _match(name: str, match: dict, names: dict[str, str] | None) -> str:
    fields = record_fields(name)
    parts = []
    for key, value in match.items():
        field = fields.get(key)
        label = field.label if field else key
        if field is not None and field.kind == "bool":
            parts.append(label if value is True else f"非“{label}”")
        else:
            parts.append(f"{label}为{_values(value, names)}")
    return "，".join(parts)


def explain(rule: dict, names: dict[str, str] | None = None) -> str:
    """One sentence that states what the rule checks; ``names`` gives scheme names by id (the data's)."""
    if "all" in rule:
        return "；并且".join(explain(r, names) for r in rule["all"])
    if "any" in rule:
        return "（" + "）或者（".join(explain(r, names) for r in rule["any"]) + "）"
    if "not" in rule:
        return f"不满足：{explain(rule['not'], names)}"
    if "fact" in rule:
        field = BY_NAME[rule["fact"]]
        label = field.label
        if "is" in rule:
            value = rule["is"]
            if value is True:
                return label
            if value is False:
                return f"不属于“{label}”"
            return f"{label}为{_label(value)}"
        if "in" in rule:
            return f"{label}为{_values(rule['in'])}"
        if "at_least" in rule:
            return f"{label}不少于{rule['at_least']:g}"
        if "years_at_least" in rule:
            years = rule["years_at_least"]
            return f"{label}距评估日期已满{years}年（含本数）" if years else f"已有{label}"
        if "prefix_in" in rule:
            return f"{label}以 {'、'.join(rule['prefix_in'])} 开头"
        if "contains_any" in rule:
            return f"{label}包括{_values(rule['contains_any'])}"
        if "any_year_within" in rule:
            return f"{label}中有近{rule['any_year_within']}年内的"
    if "certificate" in rule:
        text = f"持有有效的{'、'.join(rule['certificate'])}证书之一"
        if rule.get("years_at_least"):
            text += f"，且已满{rule['years_at_least']}年"
        return text
    if "none" in rule:
        field = BY_NAME[rule["none"]]
        text = f"近{rule['within_years']}年内" if "within_years" in rule else ""
        label = field.label.removesuffix("（日期）")
        text += f"无{label}" if label.endswith("记录") else f"无{label}记录"
        if "where" in rule:
            text += f"（{_match(rule['none'], rule['where'], names)}）"
        if "except" in rule:
            text += f"，{_match(rule['none'], rule['except'], names)}的除外"
        if "reviewers_where" in rule:
            text += f"；{_match(rule['none'], rule['reviewers_where'], names)}的记录由评审专家判断"
        return text
    if "credit_held" in rule:
        level = rule["credit_held"]
        if "years_at_least" in rule:
            return f"已被认定为质量信用{level}级满{rule['years_at_least']}年"
        return f"已在此前的日历年度被认定为质量信用{level}级"
    return "（无法解释的规则）"
