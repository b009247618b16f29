"""A problem in the data: ``path:line: message``, and the helpers that make them from pydantic's errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.yamlload import line_of


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def relative_path(path: Path, root: Path) -> str:
    """``path`` relative to the project root, as problems name it."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def pydantic_problems(exc: ValidationError, data: Any, path: str) -> list[Problem]:
    """One problem per pydantic error, at the line of the value it is about."""
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        where = ".".join(str(p) for p in loc)
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}"
            where = ".".join(str(p) for p in loc[:-1])
        elif err["type"] == "missing":
            msg = f"missing required key {loc[-1]!r}"
        problems.append(Problem(path, line_of(data, loc), f"{where}: {msg}" if where else msg))
    return problems
