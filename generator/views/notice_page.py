"""A notice's public page, drawn once: its facts, body, list and objections as a node tree (views/page_tree.py).

The build's template (templates/notices/notice.md.j2) writes the parts as HTML; the office editor's check
(generator/office/check.py) answers them as the preview, which the editor's page builds with the DOM
(office/preview.mjs). The columns, labels and placeholders are written here only, so the two cannot drift.

It reads a validated :class:`~generator.model.notice.Notice` (the build) as well as the clerk's half-filled notice
(the YAML as parsed, which may not validate): a value missing or of the wrong type shows a placeholder. Standard
library and the model only: it runs in the editor's Pyodide too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.assess.terms import NOTICE_KINDS, label
from generator.core.periods import Period
from generator.model.scheme import Scheme
from generator.views.page_tree import Node, h

NONE = "—"  # an empty cell
PREVIEW_ROWS = 20  # rows of the list in the editor's preview: it is redrawn on every pause in typing
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class Section:
    """A part of the page under its own heading: the build writes a Markdown heading with ``anchor`` (the TOC's),
    the preview an h4."""

    heading: str
    anchor: str
    nodes: list[Node]


@dataclass(frozen=True)
class NoticeParts:
    title: str
    facts: list[Node]  # <dt>/<dd> pairs, for a <dl>
    body: list[Node]  # <p>s
    entries: Section | None
    objections: Section | None


def _get(obj: Any, key: str) -> Any:
    """``obj``'s ``key``, from a model or a mapping of parsed YAML (anything else has none)."""
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None) if _is_model(obj) else None


def _is_model(obj: Any) -> bool:
    return hasattr(type(obj), "model_fields")


def _text(value: Any) -> str:
    """A value as the page shows it: a str stripped, a date in ISO form, a number as written; else empty."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return ""


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def body_lines(body: Any) -> list[str]:
    """The body's paragraphs: a list of texts (the model's), or one text of lines (as a clerk may write it)."""
    lines = body.splitlines() if isinstance(body, str) else [_text(p) for p in _items(body)]
    return [line.strip() for line in lines if line.strip()]


def credit_code(value: Any) -> str:
    """The code as the model normalises it: upper case, without spaces."""
    return _SPACES.sub("", _text(value)).upper()


def period_of(value: Period | Mapping | None) -> tuple[str, str, str] | None:
    """(start, end, rule) of a :class:`Period` or its JSON."""
    if value is None:
        return None
    if isinstance(value, Period):
        return value.start.isoformat(), value.end.isoformat(), value.rule
    return _text(value.get("start")), _text(value.get("end")), _text(value.get("rule"))


def notice_parts(notice: Any, scheme: Scheme | None, period: Period | Mapping | None, place: Callable[[str], str],
                 *, scheme_href: str | None = None, rule_href: str | None = None, period_expected: bool = False,
                 objections_required: bool = False, row_limit: int | None = None,
                 reflow: bool = False) -> NoticeParts:
    """The page's parts for ``notice`` (a Notice or parsed YAML) of ``scheme`` (None: unknown yet), with the
    ``period`` the rules give and ``place`` naming a GB/T 2260 code.

    ``scheme_href`` and ``rule_href`` link the scheme and the rule of its period (the build's pages);
    ``period_expected`` says the rules give a period not computed yet; ``objections_required`` shows the objections
    even when none are written; ``row_limit`` shows the first rows only; ``reflow`` lays the list out as cards on
    narrow screens (the editor)."""
    kind = NOTICE_KINDS.get(_text(_get(notice, "kind")))
    scheme_name = scheme.name if scheme is not None else "（方案）"
    scheme_part: Node | str = h("a", {"href": scheme_href}, scheme_name) if scheme_href else scheme_name
    facts = [h("dt", {}, "方案"), h("dd", {}, scheme_part, f" · {kind.label if kind else '（公示类型）'}"),
             h("dt", {}, "发布机关"), h("dd", {}, _text(_get(notice, "issuer")) or "（发布机关）"),
             h("dt", {}, "发布日期"), h("dd", {}, _text(_get(notice, "published")) or "（发布日期）")]
    span = period_of(period)
    if span is not None:
        start, end, rule = span
        link = [h("br"), h("a", {"href": rule_href}, "公示要求")] if rule_href else []
        facts += [h("dt", {}, "公示期"),
                  h("dd", {}, f"{start} 至 {end}", h("br"), h("span", {"class": "qp-help"}, rule), *link)]
    elif period_expected:
        facts += [h("dt", {}, "公示期"), h("dd", {}, h("span", {"class": "qp-help"}, "（填写无误后按规则计算）"))]
    body = [h("p", {}, line) for line in body_lines(_get(notice, "body"))]
    return NoticeParts(_text(_get(notice, "title")) or "（标题）", facts, body,
                       _entries(notice, scheme, kind, place, row_limit, reflow),
                       _objections(notice, objections_required))


def _entries(notice: Any, scheme: Scheme | None, kind: Any, place: Callable[[str], str], row_limit: int | None,
             reflow: bool) -> Section | None:
    # A row the clerk left as something else than a mapping has nothing to show.
    entries = [e for e in _items(_get(notice, "entries")) if _is_model(e) or isinstance(e, Mapping) and e]
    if not entries:
        return None
    tier_names = scheme.tier_names if scheme is not None else {}
    has_tier = any(_text(_get(e, "tier")) for e in entries) or bool(kind and kind.ranked and tier_names)
    columns = ["序号", "组织名称", "统一社会信用代码", "注册地", *(["奖项/等级"] if has_tier else []), "行业"]
    rows = []
    for n, e in enumerate(entries[:row_limit] if row_limit is not None else entries, start=1):
        code = credit_code(_get(e, "credit_code"))
        helps = [x for key in ("outside_area_reason", "note") if (x := _text(_get(e, key)))]
        tier = _text(_get(e, "tier"))
        sector = _text(_get(e, "sector"))
        cells = [str(n),
                 [_text(_get(e, "organisation")) or NONE,
                  *[part for x in helps for part in (h("br"), h("span", {"class": "qp-help"}, x))]],
                 [h("code", {}, code or NONE)],
                 place(code[2:8]) if len(code) >= 8 else NONE,
                 *([tier_names.get(tier, tier or NONE)] if has_tier else []),
                 label(sector) if sector else NONE]
        rows.append(h("tr", {}, *[h("td", {"data-label": c}, *(v if isinstance(v, list) else [v]))
                                  for c, v in zip(columns, cells, strict=True)]))
    table = h("table", {"class": "qp-table qp-entries" + (" qp-reflow" if reflow else "")},
              h("thead", {}, h("tr", {}, *[h("th", {"scope": "col"}, c) for c in columns])), h("tbody", {}, *rows))
    nodes = [h("div", {"class": "qp-table-scroll"}, table) if reflow else table]
    if row_limit is not None and len(entries) > row_limit:
        nodes.append(h("p", {"class": "qp-help"}, f"预览只显示前 {row_limit} 项，名单共 {len(entries)} 项。"))
    return Section("名单", "entries", nodes)


_OBJECTIONS = (("receiver", "受理单位"), ("text", "方式"), ("phone", "电话"), ("email", "电子邮箱"),
               ("address", "地址"))
_LINKS = {"phone": "tel:", "email": "mailto:"}


def _objections(notice: Any, required: bool) -> Section | None:
    objections = _get(notice, "objections")
    given = objections is not None or isinstance(notice, Mapping) and "objections" in notice
    if not (given or required):
        return None
    items: list[Node] = []
    for key, term in _OBJECTIONS:
        value = _text(_get(objections, key))
        if value:
            shown: Node | str = h("a", {"href": _LINKS[key] + value}, value) if key in _LINKS else value
            items += [h("dt", {}, term), h("dd", {}, shown)]
    nodes = [h("div", {"class": "qp-facts"}, h("dl", {}, *items)) if items
             else h("p", {"class": "qp-help"}, "（尚未填写）")]
    return Section("异议受理", "objections", nodes)


def preview_tree(parts: NoticeParts) -> Node:
    """The editor's preview of the page: flagged as not published, its sections under h4 headings."""
    sections = [[h("h4", {}, s.heading), *s.nodes] for s in (parts.entries, parts.objections) if s is not None]
    return h("article", {"class": "qp-preview-page", "aria-label": "公示页面预览"},
             h("p", {"class": "qp-preview-flag"}, "预览：尚未发布"),
             h("h3", {"class": "qp-preview-title"}, parts.title),
             h("div", {"class": "qp-facts"}, h("dl", {}, *parts.facts)),
             *parts.body, *[n for s in sections for n in s])
