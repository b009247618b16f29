"""``{credit_held: L, years_at_least: N}`` / ``{credit_held: L, earlier_calendar_year: true}``: the
Jiangsu quality-credit level held, for long enough or since an earlier calendar year.
``{credit_at_least: L}``: the level held is L or higher ("质量信用评价A级或以上")."""

from __future__ import annotations

import datetime as dt

from generator.assess.rules import registry
from generator.assess.rules.dates import add_years
from generator.assess.rules.registry import FAIL, PASS, UNKNOWN, RuleProblem
from generator.assess.terms import CREDIT_LEVELS, TARGET_LEVELS, VALUE_LABELS

CREDIT_ORDER = CREDIT_LEVELS.ids


class CreditHeld:
    heads = ("credit_held",)

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        problems = registry.keys(rule, loc, {"credit_held", "years_at_least", "earlier_calendar_year"})
        if rule["credit_held"] not in TARGET_LEVELS:
            problems.append(((*loc, "credit_held"), "expected A, AA or AAA"))
        if ("years_at_least" in rule) == ("earlier_calendar_year" in rule):
            problems.append((loc, "credit_held needs exactly one of years_at_least, earlier_calendar_year"))
        return problems

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
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

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        level = rule["credit_held"]
        if "years_at_least" in rule:
            return f"已被认定为质量信用{level}级满{rule['years_at_least']}年"
        return f"已在此前的日历年度被认定为质量信用{level}级"

    def facts(self, rule: dict) -> set[str]:
        return {"credit"}

    def needs(self, rule: dict, profile: dict) -> set[str]:
        credit = profile.get("credit") or {}
        if credit.get("level") is None:
            return {"credit"}
        if credit.get("level") == rule["credit_held"] and credit.get("since") is None:
            return {"credit"}
        return set()  # a higher level held: the authority judges

    def changes(self, rule: dict, profile: dict) -> set:
        since = (profile.get("credit") or {}).get("since")
        if since is None:
            return set()
        if "years_at_least" in rule:
            return {add_years(since, rule["years_at_least"])}
        return {dt.date(since.year + 1, 1, 1)} if since.year < dt.MAXYEAR else set()


registry.register(CreditHeld())


class CreditAtLeast:
    heads = ("credit_at_least",)

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        problems = registry.keys(rule, loc, {"credit_at_least"})
        if rule["credit_at_least"] not in TARGET_LEVELS:
            problems.append(((*loc, "credit_at_least"), "expected A, AA or AAA"))
        return problems

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        level = (profile.get("credit") or {}).get("level")
        wanted = rule["credit_at_least"]
        if level is None:
            return UNKNOWN, "未填写现有质量信用等级"
        ok = CREDIT_ORDER.index(level) >= CREDIT_ORDER.index(wanted)
        return (PASS if ok else FAIL), f"现有质量信用等级：{VALUE_LABELS.get(level, level)}"

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        return f"质量信用等级为{rule['credit_at_least']}级或以上"

    def facts(self, rule: dict) -> set[str]:
        return {"credit"}

    def needs(self, rule: dict, profile: dict) -> set[str]:
        return {"credit"} if (profile.get("credit") or {}).get("level") is None else set()

    def changes(self, rule: dict, profile: dict) -> set:
        return set()  # a level is awarded, not waited for


registry.register(CreditAtLeast())
