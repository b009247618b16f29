"""Safe YAML loading that remembers where every value came from.

Mappings and sequences load as :class:`LocDict` / :class:`LocList`, which carry the
line of the node and of each key or item, so that any later check can report
``path:line``. Only the safe tags are accepted. Refused, each with its line and a Chinese
message: duplicate keys, aliases (``*name``: an alias bomb expands exponentially, and
offices never need them), oversized and deeply nested files, impossible dates, control
characters (they make feeds invalid XML and hide text), and anything but a plain file.
"""

from __future__ import annotations

import math
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from generator.core.messages import say

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_DIGITS = 15  # the longest number a notice or a scheme may hold: amounts in 元 are far shorter


class YamlError(Exception):
    """A file that cannot be loaded; carries the path, the line, the Chinese message and its code."""

    def __init__(self, path: Path | str, line: int, message: str, code: str = "") -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message
        self.code = code


class _Refused(Exception):
    """Raised by our constructors: a value the loader refuses, with its line (made a YamlError by load_text)."""

    def __init__(self, line: int, code: str, /, **values: Any) -> None:
        super().__init__(code)
        self.line = line
        self.code = code
        self.message = say(code, **values)


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


# Bidirectional and zero-width format characters: invisible, they make a name read otherwise than it is
# (U+202E turns "txt.exe" round). A byte-order mark is allowed only at the start of a file.
_FORMAT_CHARS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_FORMAT_NAMES = {"\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字", "\u200e": "从左到右标记",
                 "\u200f": "从右到左标记", "\u202e": "从右到左覆盖", "\u202d": "从左到右覆盖",
                 "\ufeff": "零宽不换行空格"}


def _bad_char_message(char: str) -> str:
    return say("yaml.control_char", code=f"{ord(char):04X}")


def _format_char(text: str, offset: int = 0) -> tuple[int, str] | None:
    """(index, message) of the first format character of ``text`` from ``offset``, or None."""
    found = _FORMAT_CHARS.search(text, offset)
    if found is None:
        return None
    char = found.group()
    what = _FORMAT_NAMES.get(char, "双向文字控制")
    return found.start(), say("yaml.format_char", code=f"{ord(char):04X}", what=what)


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
            raise _Refused(key_node.start_mark.line + 1, "yaml.key_not_scalar") from None
        if key in data:
            raise _Refused(key_node.start_mark.line + 1, "yaml.duplicate_key", key=key, first=data.key_lines[key])
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
        raise _Refused(node.start_mark.line + 1, "yaml.control_char", code=f"{ord(bad.group()):04X}")
    return value


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise _Refused(node.start_mark.line + 1, "yaml.bad_date", value=node.value) from None


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    # A number longer than any in a notice or a scheme is a mistake, and past 4,300 digits Python refuses to read it.
    digits = sum(c.isdigit() for c in node.value)
    if digits > MAX_DIGITS:
        raise _Refused(node.start_mark.line + 1, "yaml.number_too_big", start=node.value.strip()[:12], digits=digits,
                       limit=MAX_DIGITS)
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = yaml.constructor.SafeConstructor.construct_yaml_float(loader, node)
    if not math.isfinite(value):  # .inf, .nan, 1e999: no rule or notice counts with them
        raise _Refused(node.start_mark.line + 1, "yaml.number_not_finite", value=node.value)
    if sum(c.isdigit() for c in node.value.split("e")[0].split("E")[0]) > MAX_DIGITS:
        raise _Refused(node.start_mark.line + 1, "yaml.number_too_big", start=node.value.strip()[:12],
                       digits=sum(c.isdigit() for c in node.value), limit=MAX_DIGITS)
    return value


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _scan(text: str, path: Path | str, limit: int) -> None:
    """Refuse aliases and nesting beyond ``limit`` from the parser's events, before any node is composed.

    The C composer recurses per level (100,000 nested brackets crash the process), and construction
    expands aliases (a 500-byte alias bomb never ends); the event parser does neither."""
    depth = 0
    parser = _Loader(text)
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(path, event.start_mark.line + 1, say("yaml.alias"), "yaml.alias")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    raise YamlError(path, event.start_mark.line + 1, say("yaml.too_deep", limit=limit),
                                    "yaml.too_deep")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        parser.dispose()


def load_text(text: str, path: Path | str = "<string>") -> Any:
    """Parse YAML text into LocDict/LocList/plain values, or raise :class:`YamlError`.

    Reads nothing but ``text``: the browser's editor calls it too."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlError(path, 1, say("file.too_big", kib=MAX_BYTES // 1024), "file.too_big")
    bad = _BAD_CHARS.search(text)
    if bad:
        raise YamlError(path, text.count("\n", 0, bad.start()) + 1, _bad_char_message(bad.group()),
                        "yaml.control_char")
    fmt = _format_char(text, 1 if text.startswith("\ufeff") else 0)
    if fmt:
        raise YamlError(path, text.count("\n", 0, fmt[0]) + 1, fmt[1], "yaml.format_char")
    loader = _Loader(text)
    try:
        _scan(text, path, MAX_DEPTH)
        node = loader.get_single_node()
        if node is None:
            return None
        return loader.construct_document(node)
    except _Refused as exc:
        raise YamlError(path, exc.line, exc.message, exc.code) from None
    except yaml.MarkedYAMLError as exc:
        line, code, message = syntax_problem(exc, text)
        raise YamlError(path, line, message, code) from None
    except yaml.YAMLError as exc:  # reader errors carry a position, not a line
        position = getattr(exc, "position", 0) or 0
        char = getattr(exc, "character", None)
        shown = f"{ord(char):04X}" if isinstance(char, str) else str(char)
        raise YamlError(path, text.count("\n", 0, position) + 1, say("yaml.unreadable_char", code=shown),
                        "yaml.unreadable_char") from None
    finally:
        loader.dispose()


# A key followed by a full-width colon, or by a colon without the space after it (a URL's "://" is no key).
_FULLWIDTH_KEY = re.compile(r"^\s*(?:-\s+)?\{?\s*([A-Za-z_][A-Za-z0-9_]*)\s*：\s*(.*)$")
_NO_SPACE_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):(?=[^\s/])(.*)$")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*?):\s+(.*)$")


# Where a quoted value begins: after "key: " at the start of a line, after "- ", or after "{" / "," in a flow.
_QUOTE_START = re.compile(r"""(?:^\s*(?:-\s+)?|^\s*-\s+|[{,\[]\s*)(?:[^\s:{},\[\]"'#][^:{},\[\]#]*:\s+)?(["'])""")


def _open_quote(line: str) -> str | None:
    """The quote a line opens and does not close (a clerk never means a quoted text to run on), or None."""
    for found in _QUOTE_START.finditer(line):
        quote, at = found.group(1), found.end()
        rest = line[at:]
        closed = (re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest.replace("''", "")))
        if not closed:
            return quote
    return None


def _line_hint(lines: list[str], number: int) -> tuple[str, str] | None:
    """(code, message) when line ``number`` (1-based) shows a mistake that breaks the lines after it."""
    if not 1 <= number <= len(lines):
        return None
    text = lines[number - 1]
    if "\t" in text[: len(text) - len(text.lstrip())]:
        return "yaml.tab", say("yaml.tab")
    found = _FULLWIDTH_KEY.match(text)
    if found:
        key, value = found.groups()
        return "yaml.fullwidth_colon", say("yaml.fullwidth_colon", key=key, value=value.strip() or "……")
    found = _NO_SPACE_KEY.match(text)
    if found:
        key, value = found.groups()
        return "yaml.colon_space", say("yaml.colon_space", key=key, value=value.strip() or "……")
    return None


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str]:
    """(line, code, Chinese message) of a YAML syntax error, at the line where the mistake is.

    PyYAML reports some mistakes where it noticed them: a full-width colon after a key makes the line a
    plain text, refused on the next line; an unclosed quote or bracket at the end of the file. The lines
    between where the construct began and where it failed are searched for the usual mistakes."""
    lines = text.split("\n")
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column if mark else 0
    start = exc.context_mark.line + 1 if exc.context_mark else line - 1
    here = lines[line - 1] if 1 <= line <= len(lines) else ""
    char = here[column] if column < len(here) else ""
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        tag = re.search(r"'([^']*)'", problem)
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!") if tag else "!"
        return line, "yaml.tag", say("yaml.tag", tag=shown)
    if "quoted scalar" in context and "escape" in problem:
        return line, "yaml.escape", say("yaml.escape")
    if "quoted scalar" in context and exc.context_mark:
        opening = lines[start - 1][exc.context_mark.column] if start <= len(lines) else '"'
        return start, "yaml.unclosed_quote", say("yaml.unclosed_quote", quote=opening)
    for number in range(1, min(line, len(lines)) + 1):  # a quote left open runs on to a later one
        quote = _open_quote(lines[number - 1])
        if quote:
            return number, "yaml.unclosed_quote", say("yaml.unclosed_quote", quote=quote)
    if char == "\t" or "tab" in problem:
        return line, "yaml.tab", say("yaml.tab")
    for number in range(max(1, min(start, line)), line + 1):
        hint = _line_hint(lines, number)
        if hint:
            return number, *hint
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        shown = ("[a, b]" if opening == "[" else
                 "- {organisation: 示例公司, credit_code: 91320706AY4CL12THY}")
        return start, "yaml.unclosed_flow", say("yaml.unclosed_flow", open=opening, close=closing, example=shown)
    if "single document" in context:
        return line, "yaml.documents", say("yaml.documents")
    if "cannot start any token" in problem and char:
        found = _KEY_VALUE.match(here)
        return line, "yaml.bad_start", say("yaml.bad_start", char=char, key=found.group(1) if found else "title")
    if "mapping values are not allowed" in problem:
        found = _KEY_VALUE.match(here)
        if found and here.index(":") < column:
            key, value = found.groups()
            return line, "yaml.colon_in_value", say("yaml.colon_in_value", key=key.strip(),
                                                    value=value.strip().replace('"', "“"))
        return line, "yaml.indent", say("yaml.indent")
    before = here[:column].rstrip()
    if before.endswith(("'", '"')) and ("expected key" in problem or "block end" in problem):
        return line, "yaml.text_after_quote", say("yaml.text_after_quote")
    if "'-' indicator" in problem or here.lstrip().startswith("- "):
        return line, "yaml.list_item", say("yaml.list_item")
    if "expected key" in problem or "block end" in problem or "block mapping" in context:
        return line, "yaml.indent", say("yaml.indent")
    return line, "yaml.syntax", say("yaml.syntax", column=column + 1)


def read_text(path: Path) -> str:
    """The text of one YAML file on disk (UTF-8): a plain file, never a symbolic link or a folder."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        raise YamlError(path, 1, say("file.missing"), "file.missing") from None
    if stat.S_ISLNK(mode):
        raise YamlError(path, 1, say("file.symlink"), "file.symlink")
    if not stat.S_ISREG(mode):
        raise YamlError(path, 1, say("file.not_file"), "file.not_file")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise YamlError(path, 1, say("file.encoding"), "file.encoding") from None
    except OSError:
        raise YamlError(path, 1, say("file.unreadable"), "file.unreadable") from None


def load_file(path: Path) -> Any:
    """Load one YAML file from disk (UTF-8): a plain file, never a symbolic link or a folder."""
    return load_text(read_text(path), path)


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
