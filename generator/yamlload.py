"""Safe YAML loading that remembers where every value came from.

Mappings and sequences load as :class:`LocDict` / :class:`LocList`, which carry the
line of the node and of each key or item, so that any later check can report
``path:line``. Only the safe tags are accepted. Refused, each with its line and a Chinese
message: duplicate keys, aliases (``*name``: an alias bomb expands exponentially, and
offices never need them), oversized and deeply nested files, impossible dates, control
characters (they make feeds invalid XML and hide text), and anything but a plain file.
"""

from __future__ import annotations

import re
import stat
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


# C0/C1 controls other than tab, line feed and carriage return, lone surrogates and noncharacters:
# none belongs in a public text, and XML 1.0 forbids most of them.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _bad_char_message(char: str) -> str:
    return f"含有不可见的控制字符 U+{ord(char):04X}：请删除它（可能来自转义序列如 \"\\e\" 或从其他软件粘贴的文字）"


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
                None, None, "键必须是简单的文字或数字，不能是列表或映射", key_node.start_mark
            ) from None
        if key in data:
            raise yaml.constructor.ConstructorError(
                None, None, f"键 {key!r} 重复出现（第{data.key_lines[key]}行已有）", key_node.start_mark
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = LocList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    value = loader.construct_scalar(node)
    bad = _BAD_CHARS.search(value)
    if bad:
        raise yaml.constructor.ConstructorError(None, None, _bad_char_message(bad.group()), node.start_mark)
    return value


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise yaml.constructor.ConstructorError(
            None, None, f"日期 {node.value} 不存在：请写成实际存在的日期，例如 2026-02-28", node.start_mark
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

_ALIAS = "不支持 YAML 锚点与别名（& 与 *）：请把内容直接写出来"


def _scan(text: str, path: Path | str, limit: int) -> None:
    """Refuse aliases and nesting beyond ``limit`` from the parser's events, before any node is composed.

    The C composer recurses per level (100,000 nested brackets crash the process), and construction
    expands aliases (a 500-byte alias bomb never ends); the event parser does neither."""
    depth = 0
    parser = _Loader(text)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(path, event.start_mark.line + 1, _ALIAS)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    raise YamlError(path, event.start_mark.line + 1, f"嵌套超过 {limit} 层")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        parser.dispose()


def load_text(text: str, path: Path | str = "<string>") -> Any:
    """Parse YAML text into LocDict/LocList/plain values, or raise :class:`YamlError`."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlError(path, 1, f"文件大于 {MAX_BYTES // 1024} KiB")
    bad = _BAD_CHARS.search(text)
    if bad:
        raise YamlError(path, text.count("\n", 0, bad.start()) + 1, _bad_char_message(bad.group()))
    loader = _Loader(text)
    try:
        _scan(text, path, MAX_DEPTH)
        node = loader.get_single_node()
        if node is None:
            return None
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(path, line, _syntax_message(exc)) from None
    except yaml.YAMLError as exc:  # reader errors carry no line
        raise YamlError(path, 1, f"YAML 语法错误：{exc}") from None
    finally:
        loader.dispose()


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if isinstance(exc, yaml.constructor.ConstructorError) and not problem.isascii():
        return problem  # our own constructors' messages
    return f"YAML 语法错误（{problem}）"


def load_file(path: Path) -> Any:
    """Load one YAML file from disk (UTF-8): a plain file, never a symbolic link or a folder."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        raise YamlError(path, 1, "文件不存在") from None
    if stat.S_ISLNK(mode):
        raise YamlError(path, 1, "是符号链接：数据文件必须是仓库中的普通文件")
    if not stat.S_ISREG(mode):
        raise YamlError(path, 1, "不是普通文件（可能是以 .yaml 结尾的文件夹）")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(path, 1, f"不是 UTF-8 编码的文本（{exc.reason}）：请用 UTF-8 保存") from None
    except OSError as exc:
        raise YamlError(path, 1, f"无法读取（{exc.strerror}）") from None
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
