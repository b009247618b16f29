"""One YAML file into one model: the loaded data (for lines) and every problem as ``path:line``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.load.problems import Problem, pydantic_problems, relative_path
from generator.load.yamlload import YamlError, load_file


def load_model(model: type[BaseModel], file: Path, root: Path) -> tuple[Any, Any, list[Problem]]:
    path = relative_path(file, root)
    try:
        data = load_file(file)
    except YamlError as exc:
        return None, None, [Problem(path, exc.line, exc.message)]
    if not isinstance(data, dict):
        return None, data, [Problem(path, 1, "文件顶层应为映射（key: value）")]
    try:
        return model.model_validate(data), data, []
    except ValidationError as exc:
        return None, data, pydantic_problems(exc, data, path)
