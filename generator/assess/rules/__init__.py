"""The rule language of conditions: each form is one module with all its faces (check against the
profile spec, evaluate three-valued, explain in Chinese, the facts it reads, the facts that would decide
an unknown, the days its result can change as time passes, hence the earliest day it passes), behind one
registry.

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
    changes,
    check,
    details,
    evaluate,
    explain,
    facts,
    form_of,
    needs,
    passes_from,
)

__all__ = ["FAIL", "FORMS", "PASS", "UNKNOWN", "RuleProblem", "changes", "check", "details", "evaluate", "explain",
           "facts", "form_of", "needs", "passes_from"]
