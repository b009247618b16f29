"""A problem in the data: ``path:line: message``, and the translation of pydantic's errors into Chinese.

Every pydantic error is translated by its ``type`` (the table in :func:`_translate`); pydantic's own English
text is never shown. Our own validators raise ``PydanticCustomError(code, code, values)`` with a code of
:mod:`generator.core.messages` and the values of its template (``at`` moves the location further in).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.assess.terms import NOTICE_KINDS, PERIOD_UNITS, SECTORS
from generator.core.messages import MESSAGES, did_you_mean, example, field_path, label, say, suggest
from generator.load.yamlload import line_of


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    code: str = field(default="", compare=False)  # the message's code in generator.core.messages, "" for others
    # The keys of the value it is about (("entries", 4, "credit_code")), when known: the office editor places the
    # problem at that field by it, not by the message's words. () for problems of the file as a whole.
    loc: tuple[str | int, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def relative_path(path: Path, root: Path) -> str:
    """``path`` relative to the project root, as problems name it."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# Labels of closed vocabularies, shown next to the ids a clerk may choose from.
_CHOICE_LABELS: dict[str, str] = {k: v.label for k, v in NOTICE_KINDS.items() if not v.by_applicant}
_CHOICE_LABELS |= dict(SECTORS) | dict(PERIOD_UNITS)

# What a pattern asks for, in words.
_PATTERNS: dict[str, str] = {
    r"\S": "不能只有空格",
    r"^[a-z][a-z0-9-]*$": "只用小写英文字母、数字和连字符“-”，以字母开头",
    r"^[a-z][a-z0-9_]*$": "只用小写英文字母、数字和下划线“_”，以字母开头",
}

# An example of one item of a list, by the list's key.
_ITEMS: dict[str, str] = {
    "entries": "- {organisation: 示例公司, credit_code: 91320706AY4CL12THY}",
    "attachments": "- {title: 汇总表, file: 2026-11-18-summary.pdf}",
    "corrections": "- {date: 2026-11-20, reason: 名称录入有误, changes: 将“甲”更正为“乙”}",
    "body": "- 现将……予以公示。",
}

_DATE_LIKE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*$")


def _unwrap(tp: Any) -> Any:
    """The model class behind an annotation (``X | None``, ``list[X]``, ``dict[str, X]``), or the annotation."""
    origin = typing.get_origin(tp)
    if origin is None:
        return tp
    for arg in typing.get_args(tp):
        inner = _unwrap(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return tp


def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        if isinstance(part, int):
            continue  # an item of the list the previous key held
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _model_named(name: str) -> type[BaseModel] | None:
    """The model class pydantic names ``name`` in an error's title (the first one defined)."""
    todo = list(BaseModel.__subclasses__())
    while todo:
        cls = todo.pop(0)
        if cls.__name__ == name and cls.__module__.startswith("generator."):
            return cls
        todo += cls.__subclasses__()
    return None


def _key(loc: tuple[Any, ...]) -> str:
    """The last key of a location (the list's key for an item)."""
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _choices(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "空值"
    return str(value)


def _translate(err: dict, model: type[BaseModel] | None) -> tuple[tuple[Any, ...], str, str]:
    """(location, code, message) of one pydantic error."""
    kind = err["type"]
    loc = tuple(err["loc"])
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    key = _key(loc)
    where = field_path(loc)
    common = {"field": where, "key": key, "label": label(key), "example": example(key)}

    def tell(code: str, **values: Any) -> str:
        return say(code, **{**common, **values})

    if kind in MESSAGES:  # our own validators
        loc = loc + tuple(ctx.pop("at", ()))
        return loc, kind, say(kind, **{**common, "field": field_path(loc), **ctx})
    if kind == "missing":
        named = f"（{label(key)}）" if label(key) != key else ""
        return loc, "key.missing", tell("key.missing", field=field_path(loc[:-1]) or key, named=named)
    if kind in ("string_type", "str_type"):
        if isinstance(value, bool):
            detail = "（true、false 请加引号）"
        elif isinstance(value, (int, float)):
            detail = "（电话号码请加英文引号）" if key == "phone" else f"，现为数字 {value}（数字请加英文引号）"
        elif isinstance(value, (dt.date, dt.datetime)):
            detail = f"，现为日期 {value}（日期请加英文引号）"
        elif value is None:
            detail = "，不能空着"
        elif isinstance(value, (list, dict)):
            detail = "，不能是列表或映射"
        else:
            detail = ""
        return loc, "type.string", tell("type.string", detail=detail)
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return loc, "type.blank", tell("type.blank")
        return loc, "type.length", tell("type.length", rule=f"至少 {ctx.get('min_length')} 个字符")
    if kind == "string_too_long":
        return loc, "type.too_long", tell("type.too_long", limit=ctx.get("max_length"),
                                          length=len(value) if isinstance(value, str) else "")
    if kind == "too_long" and isinstance(value, list):
        return loc, "type.too_many", tell("type.too_many", limit=ctx.get("max_length"), count=len(value))
    if kind == "string_pattern_mismatch":
        if key == "phone":
            return loc, "notice.phone", say("notice.phone", field=where)
        if key == "email":
            return loc, "notice.email", say("notice.email", field=where)
        pattern = str(ctx.get("pattern", ""))
        if pattern == r"\S":
            return loc, "type.blank", tell("type.blank")
        rule = _PATTERNS.get(pattern, "不符合规定的格式")
        return loc, "type.pattern", tell("type.pattern", rule=rule)
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return loc, "type.int", tell("type.int")
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": ("不小于", "ge"), "greater_than": ("大于", "gt"),
                 "less_than_equal": ("不大于", "le"), "less_than": ("小于", "lt")}[kind]
        bound = f"{words[0]} {ctx.get(words[1])}"
        return loc, "type.int_range", tell("type.int_range", value=value, bound=bound)
    if kind in ("bool_type", "bool_parsing"):
        return loc, "type.bool", tell("type.bool")
    if kind.startswith(("date_", "datetime_")):
        if isinstance(value, dt.datetime):
            detail = "，只写日期，不写时间"
        elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            detail = f"，现为带引号的文字 {value!r}：日期不加引号"
        elif isinstance(value, str) and _DATE_LIKE.match(value):
            detail = f"，现为 {value!r}：月和日都写两位，用“-”分隔，不加引号"
        elif isinstance(value, str):
            detail = f"，现为 {value!r}"
        elif value is None:
            detail = "，不能空着"
        else:
            detail = f"，现为 {_show(value)}"
        return loc, "type.date", tell("type.date", detail=detail)
    if kind in ("list_type", "tuple_type", "set_type"):
        item = _ITEMS.get(key, "- ……")
        return loc, "type.list", tell("type.list", example=f"换行后写 {item}")
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        if loc and isinstance(loc[-1], int):
            shown = _ITEMS.get(key, "- {键: 值}")
        else:
            shown = f"{key}: {example(key)}" if key in ("objections",) else f"{key}: {{键: 值}}"
        return loc, "type.mapping", tell("type.mapping", example=shown)
    if kind in ("literal_error", "enum"):
        choices = [c for c in _choices(str(ctx.get("expected", "")))
                   if not (c in NOTICE_KINDS and NOTICE_KINDS[c].by_applicant)]
        shown = "、".join(f"{c}（{_CHOICE_LABELS[c]}）" if c in _CHOICE_LABELS else c for c in choices)
        by_label = {_CHOICE_LABELS.get(c): c for c in choices}
        found = by_label.get(value) or suggest(str(value), choices)  # a Chinese label typed for its id, a typo
        hint = f"，您是不是要写 `{found}`？" if found and found != value else "。"
        return loc, "type.choice", tell("type.choice", value=value, choices=shown, suggest=hint,
                                        example=found or (choices[0] if choices else common["example"]))
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", "")).removeprefix("Assertion failed, ")
        return loc, "model.rule", f"{where}：{text}" if where else text
    return loc, "type.invalid", tell("type.invalid")


def _unknown_key(loc: tuple[Any, ...], model: type[BaseModel] | None,
                 missing: set[str]) -> tuple[str, str, str | None]:
    """(code, message, the missing key it stands for) of an unknown key at ``loc``."""
    parent, key = loc[:-1], str(loc[-1])
    here = _model_at(model, parent)
    known = list(here.model_fields) if here is not None else []
    where = field_path(loc)
    for colon in ("：", ":"):
        if colon in key:
            name = key.split(colon, 1)[0].strip()
            rest = key.split(colon, 1)[1].strip() or example(name)
            fits = suggest(name, known) if known else name
            if fits:
                return "key.colon_in_key", say("key.colon_in_key", field=field_path(parent) or key, key=key,
                                               suggestion=fits, example=rest), fits
    found = suggest(key, known)
    if found is not None and found in missing:
        return "key.unknown_fold", say("key.unknown_fold", field=where, key=key, suggestion=found,
                                       example=example(found)), found
    shown = "、".join(known) if known else "（无）"
    return "key.unknown", say("key.unknown", field=where, key=key, suggest=did_you_mean(key, known),
                              known=shown), None


def pydantic_problems(exc: ValidationError, data: Any, path: str,
                      model: type[BaseModel] | None = None) -> list[Problem]:
    """One Chinese problem per pydantic error, at the line of the value it is about.

    An unknown key that stands for a missing one (a typo, another spelling, a full-width colon) gives one
    problem, at the typo's line, instead of two."""
    model = model or _model_named(exc.title)
    errors = exc.errors()
    missing: dict[tuple[Any, ...], set[str]] = {}
    for err in errors:
        if err["type"] == "missing":
            missing.setdefault(tuple(err["loc"][:-1]), set()).add(str(err["loc"][-1]))
    folded: set[tuple[Any, ...]] = set()
    problems = []
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            code, message, stands_for = _unknown_key(loc, model, missing.get(loc[:-1], set()))
            if stands_for is not None:
                folded.add((*loc[:-1], stands_for))
            problems.append(Problem(path, line_of(data, loc), message, code, loc))
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden" or (err["type"] == "missing" and loc in folded):
            continue
        loc, code, message = _translate(err, model)
        problems.append(Problem(path, line_of(data, loc), message, code, loc))
    return sorted(problems)
