"""The rule language of conditions: each form is one module with all its faces (check against the
profile spec, evaluate three-valued, explain in Chinese, the facts it reads), behind one registry.

Forms: ``all``/``any``/``not`` (logic), ``fact`` (one fact against a value), ``certificate``
(quality-management certificates), ``none`` (no record of a list matches), ``credit_held`` (the
Jiangsu credit level held). A new form is one module here, imported below. Standard library only.
"""

from __future__ import annotations

from generator.assess.rules import certificate, credit, fact, logic, records  # noqa: F401 (each registers)
from generator.assess.rules.registry import (
    FAIL,
    FORMS,
    PASS,
    UNKNOWN,
    RuleProblem,
    check,
    evaluate,
    explain,
    facts,
    form_of,
)

__all__ = ["FAIL", "FORMS", "PASS", "UNKNOWN", "RuleProblem", "check", "evaluate", "explain", "facts", "form_of"]
