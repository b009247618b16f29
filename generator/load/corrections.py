"""Sealed means sealed: a published notice changes only by corrections that list what they change.

The check rebuilds the notice from its sealed version (the file as published, at the ledger base) plus the edits of
every correction appended since, in order, and refuses any difference between that and the file as it is now that
no edit lists, with the field in a clerk's terms (第5项 名称, 公示期最后一日, 正文第2段 …). A ``minor`` correction may
only change wording (标题, 正文, 异议说明, 备注); the identity of a notice (方案, 公示类型, 年度, 发布日期, 示例) never
changes; a new correction is dated no earlier than the day the version it corrects was sealed.

Pure: no files, no git; generator/load/ledger.py finds the sealed version and calls :func:`check_corrections`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.core.messages import say
from generator.model.notice import Attachment, Correction, Edit, Entry, Notice

# A notice's fields in a clerk's words; entries and attachments are numbered from 1 (第5项).
TOP = {"title": "标题", "issuer": "发布机关", "end": "公示期最后一日", "body": "正文"}
OBJECTIONS = {"receiver": "异议受理单位", "text": "异议说明", "phone": "异议电话", "email": "异议邮箱",
              "address": "异议地址"}
ENTRY = {"organisation": "名称", "credit_code": "统一社会信用代码", "tier": "奖项或等级", "sector": "行业",
         "parent": "母公司", "outside_area_reason": "区外依据", "note": "备注"}
ATTACHMENT = {"title": "名称", "file": "文件"}
IDENTITY = {"scheme": "方案", "kind": "公示类型", "year": "年度", "published": "发布日期", "sample": "示例"}
# What a minor correction may change: words, never a fact (GOV.UK's minor change; issue 23).
MINOR_OK = {("title",), ("body",), ("objections", "text"), ("entries", "note")}

_ITEM = re.compile(r"^(附件)?第\s*(\d+)\s*项\s*(.*)$")
_PARAGRAPH = re.compile(r"^正文第\s*(\d+)\s*段$")


def label(path: tuple) -> str:
    """A field's place in a clerk's words: ("entries", 4, "organisation") -> 第5项 名称."""
    head = path[0]
    if head in ("entries", "attachments"):
        prefix = "附件" if head == "attachments" else ""
        if len(path) == 1:
            return "附件" if head == "attachments" else "名单"
        item = f"{prefix}第{path[1] + 1}项"
        names = ATTACHMENT if head == "attachments" else ENTRY
        return item if len(path) == 2 else f"{item} {names.get(path[2], path[2])}"
    if head == "body" and len(path) == 2:
        return f"正文第{path[1] + 1}段"
    if head == "objections":
        return "异议受理" if len(path) == 1 else OBJECTIONS.get(path[1], path[1])
    return {**TOP, **IDENTITY}.get(head, str(head))


def parse_field(text: str) -> tuple | None:
    """The field a clerk names (第5项 名称, 附件第1项 文件, 正文第2段, 公示期最后一日 …) as a path; None if unknown."""
    text = " ".join(str(text).split())
    found = _ITEM.match(text)
    if found:
        attachment, number, name = found[1], int(found[2]), found[3].strip()
        head, names = ("attachments", ATTACHMENT) if attachment else ("entries", ENTRY)
        if number < 1:
            return None
        if not name:
            return (head, number - 1)
        key = next((k for k, v in names.items() if v == name or k == name), None)
        return None if key is None else (head, number - 1, key)
    found = _PARAGRAPH.match(text)
    if found and int(found[1]) >= 1:
        return ("body", int(found[1]) - 1)
    for names, head in ((TOP, None), (OBJECTIONS, "objections"), (IDENTITY, None)):
        key = next((k for k, v in names.items() if v == text or k == text), None)
        if key is not None:
            return (key,) if head is None else (head, key)
    if text in ("异议受理", "objections"):
        return ("objections",)
    return None


def content_of(notice: Notice) -> dict:
    """What a correction may change: the notice as JSON, without its corrections and its withdrawal (which is not
    an edit but a taking down, checked on its own)."""
    return notice.model_dump(mode="json", exclude={"corrections", "withdrawn"}, exclude_none=True)


def _json(value: Any) -> Any:
    """An edit's value as the content holds it (dates as ISO text, credit codes as printed)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def _get(content: dict, path: tuple) -> Any:
    node: Any = content
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def _set(content: dict, path: tuple, value: Any, insert: bool = False) -> bool:
    """Set the value at ``path`` (insert it, for a new item; remove it, with None); False when there is no such
    place."""
    *parents, last = path
    node: Any = content
    for part in parents:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False
            node = node[part]
        elif isinstance(node, dict):
            node = node.setdefault(part, {} if part == "objections" else [])
        else:
            return False
    if isinstance(last, int):
        if not isinstance(node, list) or last > len(node) or (not insert and last == len(node)):
            return False
        if value is None:
            del node[last]
        elif insert:
            node.insert(last, value)
        else:
            node[last] = value
        return True
    if not isinstance(node, dict):
        return False
    if value is None:
        node.pop(last, None)
    else:
        node[last] = value
    return True


def _normalised(path: tuple, value: Any) -> Any:
    """A whole entry or attachment as the notice's model holds it (credit code upper case, no blanks), so that an
    edit that adds one compares with the file's."""
    model = {"entries": Entry, "attachments": Attachment}.get(path[0]) if len(path) == 2 else None
    if model is None or not isinstance(value, dict):
        return value
    try:
        return model.model_validate(value).model_dump(mode="json", exclude_none=True)
    except ValueError:
        return value


def _minor_ok(path: tuple) -> bool:
    key = tuple(p for p in path if not isinstance(p, int))
    return key in MINOR_OK or key[:1] in MINOR_OK


@dataclass(frozen=True)
class Difference:
    path: tuple
    old: Any
    new: Any


def differences(before: Any, after: Any, path: tuple = ()) -> Iterator[Difference]:
    """Every field whose value differs, as finely as the two allow (an entry's fields, not the whole entry)."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            yield from differences(before.get(key), after.get(key), (*path, key))
    elif isinstance(before, list) and isinstance(after, list) and path and path[0] in ("entries", "attachments",
                                                                                        "body"):
        for n in range(max(len(before), len(after))):
            yield from differences(before[n] if n < len(before) else None, after[n] if n < len(after) else None,
                                   (*path, n))
    elif before != after:
        yield Difference(path, before, after)


def _shown(value: Any) -> str:
    if value is None:
        return "（无）"
    if isinstance(value, dict):
        return "、".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return " / ".join(map(str, value))
    return str(value)


def edit_text(edit: Any) -> str:
    """One edit as the page shows it: 第4项 名称：甲 → 乙 (an added entry: 新增 …; a removed one: 删去 …)."""
    path = parse_field(edit.field)
    name = label(path) if path else edit.field
    old, new = _json(edit.old), _json(edit.new)
    if old is None:
        return f"{name}：新增“{_shown(new)}”"
    if new is None:
        return f"{name}：删去“{_shown(old)}”"
    return f"{name}：“{_shown(old)}” → “{_shown(new)}”"


@dataclass(frozen=True)
class Found:
    """A problem of the corrections: its location in the notice's YAML and its message."""

    loc: tuple
    code: str
    message: str


def check_corrections(sealed: Notice, notice: Notice, sealed_count: int, sealed_on: dt.date,
                      today: dt.date) -> list[Found]:
    """The notice as it is, against its sealed version plus the edits of its corrections from ``sealed_count`` on
    (each dated from ``sealed_on``, the day that version was sealed, to ``today``)."""
    found: list[Found] = []
    for key, name in IDENTITY.items():
        if getattr(sealed, key) != getattr(notice, key):
            found.append(Found((key,), "ledger.identity", say("ledger.identity", field=name, key=key,
                                                              old=_shown(_json(getattr(sealed, key))),
                                                              new=_shown(_json(getattr(notice, key))))))
    if sealed.withdrawn is not None and notice.withdrawn != sealed.withdrawn:
        found.append(Found(("withdrawn",), "ledger.withdrawal_changed", say(
            "ledger.withdrawal_changed", old=f"{sealed.withdrawn.date}：{sealed.withdrawn.reason}")))
    elif sealed.withdrawn is None and notice.withdrawn is not None and notice.withdrawn.date < sealed_on:
        found.append(Found(("withdrawn", "date"), "ledger.withdrawal_backdated", say(
            "ledger.withdrawal_backdated", date=notice.withdrawn.date, sealed_on=sealed_on, today=today)))
    expected = content_of(sealed)
    for n, correction in enumerate(notice.corrections[sealed_count:], start=sealed_count):
        found += _check_correction(correction, n, expected, sealed_on, today)
    actual = content_of(notice)
    for diff in differences(expected, actual):
        if diff.path[0] in IDENTITY:
            continue  # said above
        found.append(Found(_loc_of(diff.path, actual), "ledger.unlisted", say(
            "ledger.unlisted", field=label(diff.path), old=_shown(diff.old), new=_shown(diff.new),
            example=_example(diff), today=today)))
    return found


def _loc_of(path: tuple, content: dict) -> tuple:
    """Where a field stands in the YAML (whose notice's content is ``content``), as far as it exists there."""
    loc: tuple = ()
    for part in path:
        if _get(content, (*loc, part)) is None:
            break
        loc = (*loc, part)
    return loc or ("corrections",)


def _example(diff: Difference) -> str:
    old, new = _shown(diff.old), _shown(diff.new)
    if len(old) + len(new) > 80:
        old = new = "…"
    return f"edits: [{{field: {label(diff.path)}, old: {old}, new: {new}}}]"


def _check_correction(correction: Correction, n: int, expected: dict, sealed_on: dt.date,
                      today: dt.date) -> list[Found]:
    """One new correction: its date, its edits (each applied to ``expected`` in place)."""
    found: list[Found] = []
    at = ("corrections", n)
    if correction.date < sealed_on:
        found.append(Found((*at, "date"), "ledger.backdated", say("ledger.backdated", date=correction.date,
                                                                   sealed_on=sealed_on, today=today)))
    if not correction.edits:
        found.append(Found(at, "ledger.no_edits", say("ledger.no_edits")))
    for k, edit in enumerate(correction.edits):
        where = (*at, "edits", k, "field")
        path = parse_field(edit.field)
        if path is None:
            found.append(Found(where, "ledger.edit_field", say("ledger.edit_field", field=edit.field)))
            continue
        if path[0] in IDENTITY:
            found.append(Found(where, "ledger.identity_edit", say("ledger.identity_edit", field=label(path))))
            continue
        if correction.minor and not _minor_ok(path):
            found.append(Found((*at, "minor"), "ledger.minor_fact", say("ledger.minor_fact", field=label(path))))
        old, new = _normalised(path, _json(edit.old)), _normalised(path, _json(edit.new))
        current = _get(expected, path)
        # A whole item added (old: null) goes in at its place, moving the ones from there on down by one.
        inserted = old is None and new is not None and len(path) == 2 and isinstance(path[-1], int)
        if current != old and not inserted:
            found.append(Found((*at, "edits", k, "old"), "ledger.edit_old", say(
                "ledger.edit_old", field=label(path), old=_shown(old), current=_shown(current))))
            continue
        if not _set(expected, path, copy.deepcopy(new), insert=inserted or (old is None and isinstance(path[-1], int))):
            found.append(Found(where, "ledger.edit_field", say("ledger.edit_field", field=edit.field)))
    return found


def _list_differences(before: list, after: list, path: tuple) -> list[Difference]:
    """The differences of two lists (entries, attachments, paragraphs), aligned as a clerk sees them: an item removed
    from the middle is one removal, not a change of every item after it. Listed from the end of the list back, so
    that each one, applied in turn, finds the items it names where they were."""
    import difflib
    import json

    keys = [[json.dumps(item, sort_keys=True, ensure_ascii=False) for item in side] for side in (before, after)]
    found: list[Difference] = []
    opcodes = difflib.SequenceMatcher(None, keys[0], keys[1], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):  # changed in place: field by field
            found += differences(before[i1 + k], after[j1 + k], (*path, i1 + k))
        found += [Difference((*path, i), before[i], None) for i in range(i2 - 1, i1 + paired - 1, -1)]
        found += [Difference((*path, i1 + paired + k), None, after[j1 + paired + k])
                  for k in range(j2 - j1 - paired)]
    return found


def edits_between(sealed: Notice, notice: Notice) -> list[dict]:
    """The edits a correction must list to turn ``sealed`` into ``notice``: {field, old, new, text} per changed field,
    in the clerk's words (the office editor writes them; :func:`check_corrections` reads them back, in order). Lists
    are aligned (:func:`_list_differences`). The identity of a notice is left out: no edit may change it."""
    before, after = content_of(sealed), content_of(notice)
    found: list[Difference] = []
    for key in list(before) + [k for k in after if k not in before]:
        if key in IDENTITY:
            continue
        old, new = before.get(key), after.get(key)
        if key in ("entries", "attachments", "body") and isinstance(old, list) and isinstance(new, list):
            found += _list_differences(old, new, (key,))
        else:
            found += differences(old, new, (key,))
    out = []
    for diff in found:
        edit = Edit(field=label(diff.path), old=diff.old, new=diff.new)
        out.append({"field": edit.field, "old": diff.old, "new": diff.new, "text": edit_text(edit)})
    return out
