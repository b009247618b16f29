"""``{certificate: [S, ...], years_at_least: N, system: quality|environment}``: holds one of the listed
certificates (``years_at_least`` optional). For a quality-management system (the default) a certificate not
on the list leaves the verdict to the reviewers ("或其他国际通行…体系"), known non-quality systems do not count;
for an environmental system ("环境体系认证") only the listed standards count."""

from __future__ import annotations

import re
import unicodedata

from generator.assess.rules import registry
from generator.assess.rules.dates import add_years
from generator.assess.rules.registry import FAIL, PASS, UNKNOWN, RuleProblem, combine_any

# Certificates that are known not to be quality-management systems: holding only these
# fails "质量管理体系认证"; any other unlisted certificate is for the reviewers.
NOT_QMS = {"ISO14001", "ISO45001", "OHSAS18001", "ISO50001", "ISO27001", "ISO20000", "ISO22000", "HACCP"}
_ALIASES = {"GBT19001": "ISO9001", "GB19001": "ISO9001", "ISO9000": "ISO9001", "GBT24001": "ISO14001",
            "GBT45001": "ISO45001"}
SYSTEMS = {"quality": "质量管理体系", "environment": "环境管理体系"}


_STANDARD = re.compile(r"(ISO|IATF|AS|GB/?T|GB|GJB|OHSAS)\s*(\d{3,5})((?<=\d)[A-Z](?![A-Z]))?")


def standard_names(text: str) -> set[str]:
    """Every standard a certificate names, as printed: 'GB/T19001-2016/ISO9001:2015', 'ISO9001质量管理体系',
    full-width 'ＩＳＯ９００１' -> {'ISO9001'}. Empty when none is recognised."""
    plain = unicodedata.normalize("NFKC", str(text)).upper()
    names = set()
    for prefix, number, suffix in _STANDARD.findall(plain):
        name = prefix.replace("/", "") + number + (suffix if prefix == "GJB" else "")
        names.add(_ALIASES.get(name, name))
    if "HACCP" in plain:
        names.add("HACCP")
    return names


def standard_name(text: str) -> str:
    """One name for a certificate: the first standard it names, or the text itself, squeezed."""
    names = sorted(standard_names(text))
    if names:
        return names[0]
    return re.sub(r"[\s/\-_.]", "", unicodedata.normalize("NFKC", str(text)).upper())


class Certificate:
    heads = ("certificate",)

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        problems = registry.keys(rule, loc, {"certificate", "years_at_least", "system"})
        if rule.get("system", "quality") not in SYSTEMS:
            problems.append(((*loc, "system"), f"expected one of {sorted(SYSTEMS)}"))
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
        system = rule.get("system", "quality")
        as_of = profile["as_of"]
        statuses, names, unread = [], [], []
        for cert in held:
            printed = str(cert.get("standard", ""))
            found = standard_names(printed)
            names.append("/".join(sorted(found)) or printed)
            if found & wanted:
                since = cert.get("since")
                if not years:
                    statuses.append(PASS)
                elif since is None:
                    statuses.append(UNKNOWN)
                else:
                    statuses.append(PASS if add_years(since, years) <= as_of else FAIL)
            elif found and (found <= NOT_QMS or system != "quality"):
                statuses.append(FAIL)
            else:
                statuses.append(UNKNOWN)  # "其他国际通行质量管理体系", or a number not read: reviewers decide
                if not found:
                    unread.append(printed)
        shown = "、".join(names) or "无"
        if not statuses:
            return FAIL, "未持有管理体系认证证书"
        reason = f"持有：{shown}" + (f"（须满{years}年）" if years else "")
        if unread:
            reason += f"；未能识别证书“{'、'.join(unread)}”的标准编号，是否属于{SYSTEMS[system]}由评审专家判断"
        return combine_any(statuses), reason

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
            standard_names(c.get("standard", "")) & wanted and c.get("since") is None for c in held)
        return {"management_systems"} if missing_since else set()

    def changes(self, rule: dict, profile: dict) -> set:
        years = rule.get("years_at_least", 0)
        wanted = set(rule["certificate"])
        return {add_years(c["since"], years) for c in profile.get("management_systems") or []
                if years and c.get("since") is not None and standard_names(c.get("standard", "")) & wanted}


registry.register(Certificate())
