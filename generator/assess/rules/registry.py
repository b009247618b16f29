"""The registry of rule forms and the four faces every rule has: check, evaluate, explain, facts.

A rule is a small mapping from the scheme YAML, never code. Its form is named by its one head key
(``all``, ``fact``, ``none`` …); the form's module says everything about it. Nothing outside this
package looks inside a rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from generator.assess.profile import BY_NAME

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
RuleProblem = tuple[tuple[Any, ...], str]  # (location inside the rule, message)


class RuleForm(Protocol):
    heads: tuple[str, ...]

    def check(self, rule: dict, loc: tuple) -> list[RuleProblem]:
        """Problems of a rule of this form, against the applicant-profile spec."""

    def evaluate(self, rule: dict, profile: dict) -> tuple[str, str]:
        """(pass / fail / unknown, the reason in Chinese) for a parsed profile."""

    def explain(self, rule: dict, names: dict[str, str] | None) -> str:
        """The rule said in plain Chinese; ``names`` are scheme names by id."""

    def facts(self, rule: dict) -> set[str]:
        """The profile fields the rule reads."""

    def needs(self, rule: dict, profile: dict) -> set[str]:
        """For an unknown result: the profile fields whose filling in could decide it (empty when only the
        reviewers can)."""

    def changes(self, rule: dict, profile: dict) -> set[dt.date]:
        """Every day on which the result could change with the same facts as time passes (a window opens or
        closes, a duration completes); between two such days the result stays the same."""


FORMS: dict[str, RuleForm] = {}


def register(form: RuleForm) -> RuleForm:
    for head in form.heads:
        FORMS[head] = form
    return form


def form_of(rule: Any) -> RuleForm | None:
    """The form of ``rule``, or None if it is not a rule of exactly one form."""
    if not isinstance(rule, dict):
        return None
    heads = [key for key in rule if key in FORMS]
    return FORMS[heads[0]] if len(heads) == 1 else None


def check(rule: Any, loc: tuple[Any, ...] = ()) -> list[RuleProblem]:
    """Every problem of ``rule``, each with its location inside the rule."""
    if not isinstance(rule, dict) or not rule:
        return [(loc, "expected a rule: a mapping such as {fact: ..., is: ...}")]
    form = form_of(rule)
    if form is None:
        return [(loc, f"a rule needs exactly one of {'/'.join(FORMS)}, got {sorted(rule)}")]
    return form.check(rule, loc)


def _form(rule: dict) -> RuleForm:
    form = form_of(rule)
    if form is None:
        raise ValueError(f"not a rule: {rule!r}")
    return form


def evaluate(rule: dict, profile: dict) -> tuple[str, str]:
    """(status, reason in Chinese) of ``rule`` for ``profile``. A missing fact is unknown, never fail."""
    return _form(rule).evaluate(rule, profile)


def explain(rule: dict, names: dict[str, str] | None = None) -> str:
    """One sentence that states what the rule checks; ``names`` gives scheme names by id."""
    form = form_of(rule)
    return form.explain(rule, names) if form else "（无法解释的规则）"


def facts(rule: Any) -> set[str]:
    """The profile fields ``rule`` reads (empty for no rule)."""
    form = form_of(rule) if rule else None
    return form.facts(rule) if form else set()


def needs(rule: dict, profile: dict) -> set[str]:
    """The facts that would decide ``rule`` where the profile leaves it unknown."""
    return _form(rule).needs(rule, profile)


def details(rule: dict, profile: dict) -> dict[str, set[str]]:
    """For the lists ``needs`` asks for: the sub-fields of their records whose filling in would decide ``rule``
    (empty where the form has no records, or what is missing is the list itself)."""
    form = _form(rule)
    return form.details(rule, profile) if hasattr(form, "details") else {}


def changes(rule: dict, profile: dict) -> set[dt.date]:
    """The days on which ``rule``'s result could change as time passes, the facts staying the same."""
    return _form(rule).changes(rule, profile)


def passes_from(rule: dict, profile: dict) -> dt.date | None:
    """The earliest ``as_of`` after the profile's on which ``rule`` passes with the same facts, or None when time
    cannot make it pass. The result only changes on the rule's change days, so those are the days to try."""
    form = _form(rule)
    if hasattr(form, "passes_from"):  # a form with many records knows a faster way to the same day
        return form.passes_from(rule, profile)
    as_of = profile["as_of"]
    for day in sorted(d for d in changes(rule, profile) if d > as_of):
        if evaluate(rule, profile | {"as_of": day})[0] == PASS:
            return day
    return None


def keys(rule: dict, loc: tuple, allowed: set[str]) -> list[RuleProblem]:
    """A problem for every key of ``rule`` outside ``allowed``."""
    return [((*loc, k), f"unknown key {k!r} here; expected one of {sorted(allowed)}") for k in rule if k not in allowed]


def unfilled(name: str) -> tuple[str, str]:
    """A fact the profile leaves out: unknown, never fail."""
    return UNKNOWN, f"未填写“{BY_NAME[name].label}”"


def combine_all(statuses: list[str]) -> str:
    if FAIL in statuses:
        return FAIL
    return PASS if all(s == PASS for s in statuses) else UNKNOWN


def combine_any(statuses: list[str]) -> str:
    if PASS in statuses:
        return PASS
    return FAIL if all(s == FAIL for s in statuses) else UNKNOWN
