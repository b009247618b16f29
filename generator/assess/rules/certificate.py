"""``{certificate: [S, ...], years_at_least: N}``: holds one of the listed quality-management certificates
(``years_at_least`` optional). Where a text adds "或其他国际通行…体系", a certificate not on the list leaves
the verdict to the reviewers rather than failing it; known non-quality systems do not count."""

from __future__ import annotations

import re

from generator.assess.rules import registry
from generator.assess.rules.dates import add_years
from generator.assess.rules.registry import FAIL, PASS, UNKNOWN, RuleProblem, combine_any

# Certificates that are known not to be quality-management systems: holding only these
# fails "质量管理体系认证"; any other unlisted certificate is for the reviewers.
NOT_QMS = {"ISO14001", "ISO45001", "OHSAS18001", "ISO50001", "ISO27001", "ISO20000", "ISO22000", "HACCP"}
_ALIASES = {"GBT19001": "ISO9001", "GB19001": "ISO9001", "ISO9000": "ISO9001"}


def standard_name(text: str) -> str:
    """'GB/T 19001-2016' / 'ISO 9001:2015' / 'iso9001' -> 'ISO9001'."""
    name = re.sub(r"[-:]\d{4}$", "", str(text).strip().upper())
    name = re.sub(r"[\s/\-_.]", "", name)
    return _ALIASES.get(name, name)


class Certificate:
    heads = ("certificate",)

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        problems = registry.keys(rule, loc, {"certificate", "years_at_least"})
        value = rule["certificate"]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            problems.append(((*loc, "certificate"), "expected a list of standards, e.g. [ISO9001, IATF16949]"))
        years = rule.get("years_at_least", 0)
        if isinstance(years, bool) or not isinstance(years, int) or years < 0:
            problems.append(((*loc, "years_at_least"), "expected a whole number of years"))
        return problems

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        held = profile.get("management_systems")
        if held is None:
            return registry.unfilled("management_systems")
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
        return combine_any(statuses), f"持有：{shown}" + (f"（须满{years}年）" if years else "")

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        text = f"持有有效的{'、'.join(rule['certificate'])}证书之一"
        if rule.get("years_at_least"):
            text += f"，且已满{rule['years_at_least']}年"
        return text

    def facts(self, rule: dict) -> set[str]:
        return {"management_systems"}

    def needs(self, rule: dict, profile: dict) -> set[str]:
        held = profile.get("management_systems")
        if held is None:
            return {"management_systems"}
        wanted = set(rule["certificate"])
        # A listed certificate without the date it was obtained; an unlisted one is for the reviewers.
        missing_since = rule.get("years_at_least") and any(
            standard_name(c.get("standard", "")) in wanted and c.get("since") is None for c in held)
        return {"management_systems"} if missing_since else set()

    def changes(self, rule: dict, profile: dict) -> set:
        years = rule.get("years_at_least", 0)
        wanted = set(rule["certificate"])
        return {add_years(c["since"], years) for c in profile.get("management_systems") or []
                if years and c.get("since") is not None and standard_name(c.get("standard", "")) in wanted}


registry.register(Certificate())
