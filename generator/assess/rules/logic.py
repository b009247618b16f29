"""``{all: [rule, ...]}``, ``{any: [rule, ...]}``, ``{not: rule}``."""

from __future__ import annotations

from generator.assess.rules import registry
from generator.assess.rules.registry import FAIL, PASS, UNKNOWN, RuleProblem, combine_all, combine_any


class Group:
    heads = ("all", "any")

    @staticmethod
    def _head(rule: dict) -> str:
        return "all" if "all" in rule else "any"

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        head = self._head(rule)
        problems = registry.keys(rule, loc, {head})
        items = rule[head]
        if not isinstance(items, list) or len(items) < 2:
            return [*problems, ((*loc, head), f"{head}: expected a list of at least two rules")]
        for n, item in enumerate(items):
            problems += registry.check(item, (*loc, head, n))
        return problems

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        head = self._head(rule)
        parts = [registry.evaluate(r, profile) for r in rule[head]]
        status = (combine_all if head == "all" else combine_any)([s for s, _ in parts])
        return status, "；".join(reason for _, reason in parts)

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        if "all" in rule:
            return "；并且".join(registry.explain(r, names) for r in rule["all"])
        return "（" + "）或者（".join(registry.explain(r, names) for r in rule["any"]) + "）"

    def facts(self, rule: dict) -> set[str]:
        return set().union(*(registry.facts(r) for r in rule[self._head(rule)]))

    def needs(self, rule: dict, profile: dict) -> set[str]:
        return set().union(*(registry.needs(r, profile) for r in rule[self._head(rule)]
                             if registry.evaluate(r, profile)[0] == UNKNOWN))

    def details(self, rule: dict, profile: dict) -> dict[str, set[str]]:
        merged: dict[str, set[str]] = {}
        for r in rule[self._head(rule)]:
            if registry.evaluate(r, profile)[0] == UNKNOWN:
                for name, subs in registry.details(r, profile).items():
                    merged.setdefault(name, set()).update(subs)
        return merged

    def changes(self, rule: dict, profile: dict) -> set:
        return set().union(*(registry.changes(r, profile) for r in rule[self._head(rule)]))


class Not:
    heads = ("not",)

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        return registry.keys(rule, loc, {"not"}) + registry.check(rule["not"], (*loc, "not"))

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        status, reason = registry.evaluate(rule["not"], profile)
        return {PASS: FAIL, FAIL: PASS}.get(status, UNKNOWN), reason

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        return f"不满足：{registry.explain(rule['not'], names)}"

    def facts(self, rule: dict) -> set[str]:
        return registry.facts(rule["not"])

    def needs(self, rule: dict, profile: dict) -> set[str]:
        return registry.needs(rule["not"], profile)

    def details(self, rule: dict, profile: dict) -> dict[str, set[str]]:
        return registry.details(rule["not"], profile)

    def changes(self, rule: dict, profile: dict) -> set:
        return registry.changes(rule["not"], profile)


registry.register(Group())
registry.register(Not())
