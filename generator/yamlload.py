"""Safe YAML loading that remembers where every value came from.

Mappings and sequences load as :class:`LocDict` / :class:`LocList`, which carry the
line of the node and of each key or item, so that any later check can report
``path:line``. Only the safe tags are accepted; duplicate keys, oversized and deeply
nested files are refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40


class YamlError(Exception):
    """A file that cannot be loaded; carries the path and line."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


class LocDict(dict):
    """A dict that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LocList(list):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


# The C parser where PyYAML has it (several times faster); constructors and resolvers stay ours.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# YAML 1.1 reads yes/no/on/off as booleans ("no: 8" would become False: 8); keep only
# true/false, as YAML 1.2 does.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = LocDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in data:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = LocList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def _depth(node: yaml.Node, limit: int) -> int:
    stack = [(node, 1)]
    deepest = 0
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            return depth
        if isinstance(current, yaml.MappingNode):
            for k, v in current.value:
                stack.append((k, depth + 1))
                stack.append((v, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
    return deepest


def load_text(text: str, path: Path | str = "<string>") -> Any:
    """Parse YAML text into LocDict/LocList/plain values, or raise :class:`YamlError`."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlError(path, 1, f"file is larger than {MAX_BYTES // 1024} KiB")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _depth(node, MAX_DEPTH) > MAX_DEPTH:
            raise YamlError(path, node.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(path, line, (exc.problem or exc.context or "invalid YAML").strip()) from None
    finally:
        loader.dispose()


def load_file(path: Path) -> Any:
    """Load one YAML file from disk (UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(path, 1, f"not UTF-8 text ({exc.reason})") from None
    return load_text(text, path)


def line_of(data: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest node along ``loc`` that the loaded data can resolve."""
    line = getattr(data, "line", 1) or 1
    node = data
    for part in loc:
        if isinstance(node, LocDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LocList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
