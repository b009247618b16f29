"""Load the GB/T 19580 scoring standard (``standards/gbt19580.yaml``)."""

from __future__ import annotations

from pathlib import Path

from generator.load.model_file import load_model
from generator.load.problems import Problem
from generator.model.standard import Standard


def load_standard(root: Path) -> tuple[Standard | None, list[Problem]]:
    standard, _, problems = load_model(Standard, root / "standards" / "gbt19580.yaml", root)
    return standard, problems
