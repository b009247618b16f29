"""Coverage of the legal text: which clauses of each source document the scheme's data rests on.

A source text is split into units, the smallest numbered pieces of it (第N条, 一、, （一）, 1., （1）, ①, the
numbered rows of an attachment's table), plus the text before the first of them (title, preamble). A unit is
covered when a quote of the scheme (any :class:`Cite`, or a form paragraph, which is checked word for word as
well) has a fragment inside it, or when the scheme lists it under ``not_for_applicants``: a clause that binds
no applicant (preamble, duties of offices, interpretation, ...). Quotes are located as ``check`` verifies them:
white space removed, ``……`` between fragments, each fragment at its first place after the one before.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import BaseModel

from generator.load.schemes import walk_cites
from generator.load.sources import SourceText, squeeze
from generator.model.scheme import Document, NotForApplicants, Scheme

_CN = "一二三四五六七八九十百零"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ① … ⑳
# Markers a line may begin with, each with its style (styles decide the nesting: see split_units).
_LINE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"第([{_CN}]+)章")),
    ("article", re.compile(rf"第([{_CN}]+)条")),
    ("cn", re.compile(rf"([{_CN}]+)、")),
    ("paren_cn", re.compile(rf"[（(]([{_CN}]+)[）)]")),
    ("paren_num", re.compile(r"[（(](\d{1,2})[）)]")),
    ("num", re.compile(r"(\d{1,2})\s*[.．、](?!\d)")),
    ("circled", re.compile(f"([{_CIRCLED}])")),
)
_ROW_NUM = re.compile(r"\s*(\d{1,3})\s*$")  # a numbered row of an attachment's table: its number on a line
_ROW_CN = re.compile(rf"([{_CN}]+)\t")  # …or its number in Chinese, then the row's cells, tab-separated
_LIST = re.compile(r"(?:-\s*)?附件[：:]")  # the list of attachments after the body of a notice
_LIST_ENTRY = re.compile(r"(?:-\s*)?(?:附件[：:])?\s*(\d{1,2})\s*[.．、]\s*(\S.*)$")
_ATTACHMENT = re.compile(r"附件(\d{1,2})")
_SENTENCE_END = "。；;！!？?：:"
_TOP = ("article", "attachment", "list", "chapter")
_SKIPPED = ("chapter", "header")  # headings: in no unit
_NOT_A_TITLE = re.compile(r"[，,；;。\d]")

PREAMBLE = "文首"
LIST_LABEL = "附件列表"
TRAILING = "末段"


def _marker_label(style: str, number: str) -> str:
    return {
        "article": f"第{number}条", "cn": f"{number}、", "paren_cn": f"（{number}）", "paren_num": f"（{number}）",
        "num": f"{number}.", "circled": number, "row_num": f"序号{number}", "row_cn": f"序号{number}",
        "attachment": f"附件{number}", "list": LIST_LABEL,
    }[style]


@dataclass(frozen=True)
class Unit:
    """One unit of a source text. Offsets count the text's non-space characters, as quotes are matched."""

    label: str  # "第十条（二）", "附件2 序号8", "三、 末段", "文首"
    line: int  # the line of its first word, 1-based
    start: int
    body: int  # where its words begin, after its number (a quote of the number alone covers nothing)
    end: int
    text: str  # its words after its number, white space collapsed


class _Event(NamedTuple):
    """A place where a unit may begin: a number (its style), or a line of words without one (style "para",
    ``number`` saying whether it begins a paragraph of its own: "sentence", "apart" or "")."""

    style: str
    number: str
    line: int
    col: int  # where the number begins
    end: int  # …and ends


@dataclass
class _Segment:
    label: str
    style: str
    pos: tuple[int, int]  # (line, column) where it begins
    body: tuple[int, int]  # …and where its words begin
    lead: bool = False  # the words before a numbered unit's first sub-unit
    heading: bool = False  # a chapter heading, a table's header row, a row's repeated heading: in no unit


@dataclass
class _Node:
    style: str
    number: str
    label: str
    segment: _Segment


def _line_marker(line: str, in_table: bool) -> tuple[str, str, int, int] | None:
    """(style, number, start column, end column) of the marker a line begins with."""
    stripped = line.lstrip()
    col = len(line) - len(stripped)
    if in_table:
        if stripped.startswith("序号"):
            return "header", "", col, len(line)
        if m := _ROW_NUM.match(line):
            return "row_num", m.group(1), m.start(1), m.end()
        if m := _ROW_CN.match(stripped):
            return "row_cn", m.group(1), col, col + m.end(1)
    if stripped.startswith("- "):
        rest = stripped[2:].lstrip()
        col += len(stripped) - len(rest)
        stripped = rest
    for style, pattern in _LINE_MARKERS:
        if m := pattern.match(stripped):
            return style, m.group(1), col, col + m.end()
    return None


def _attachment_titles(lines: list[str]) -> dict[str, str]:
    """Squeezed title -> number, from the list of attachments (附件：1.… 2.…): 江苏's 附件2 has no heading."""
    titles: dict[str, str] = {}
    in_list = False
    for line in lines:
        if _LIST.match(line.strip()):
            in_list = True
        elif in_list and _ATTACHMENT.fullmatch(squeeze(line)):
            break
        if in_list and (m := _LIST_ENTRY.match(line.strip())):
            titles.setdefault(squeeze(m.group(2)), m.group(1))
    return titles


def _events(lines: list[str]) -> list[_Event]:
    """Every number that may begin a unit, and every line of words without one, in order. Attachments (附件N)
    count only after the list of attachments, whose own numbered lines are no units; rows of tables only
    inside attachments."""
    titles = _attachment_titles(lines)
    events: list[_Event] = []
    seen_list = in_list = in_table = False
    started: set[str] = set()
    for n, line in enumerate(lines, 1):
        text = squeeze(line)
        if not text:
            continue
        found: tuple[str, str, int, int] | None = None
        heading = _ATTACHMENT.fullmatch(text) if seen_list else None
        number = heading.group(1) if heading else titles.get(text) if seen_list else None
        if number is not None and number not in started:
            started.add(number)
            # The heading 附件N is a number; a title standing in for it is words of the attachment.
            found, in_list, in_table = ("attachment", number, 0, len(line) if heading else 0), False, True
        elif _LIST.match(line.strip()):
            found, seen_list, in_list = ("list", "", 0, 0), True, True
        elif not in_list:
            found = _line_marker(line, in_table)
        if found:
            events.append(_Event(*found[:2], n, *found[2:]))
        elif not in_list:
            # A paragraph of its own when the text before it ends a sentence, or, in a table, when it stands
            # apart from the rows' cells (which are indented): "注：提交材料均须盖确认章扫描上传。"
            apart = in_table and n > 1 and not line[0].isspace() and not lines[n - 2].strip()
            fresh = "sentence" if _ends_sentence(lines, n) else "apart" if apart else ""
            events.append(_Event("para", fresh, n, len(line) - len(line.lstrip()), 0))
        if not in_list:  # ① … anywhere in a line (江苏's 附件1 runs a row's items together)
            events += [_Event("circled", m.group(), n, m.start(), m.end())
                       for m in re.finditer(f"[{_CIRCLED}]", line) if found is None or m.start() >= found[3]]
    return events


def _innermost(stack: list[_Node], style: str) -> int | None:
    """The index of the innermost open unit of ``style``."""
    return next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == style), None)


def _segments(lines: list[str]) -> list[_Segment]:
    """The text cut at every unit's beginning, each piece labelled by its place in the numbering."""
    events = _events(lines)
    segments = [_Segment(PREAMBLE, "preamble", (1, 0), (1, 0))]
    stack: list[_Node] = []
    trailing = False  # in a 末段: its further paragraphs are its own
    for i, (style, number, n, col, end) in enumerate(events):
        if style == "para":
            in_row = bool(stack) and stack[-1].style in ("row_num", "row_cn")
            if trailing or len(stack) < 2 or not (number == "sentence" or number == "apart" and in_row):
                continue
            after = next((e.style for e in events[i + 1:] if e.style not in ("para", "header")), "chapter")
            same = 0 if after in _TOP else _innermost(stack, after)
            if same == len(stack) - 1:
                continue  # the list goes on: a paragraph of its item
            owner = stack[same] if same is not None else stack[-2]
            del stack[stack.index(owner) + 1:]
            segments.append(_Segment(f"{owner.label} {TRAILING}", "trailing", (n, col), (n, col)))
            trailing = True
            continue
        trailing = False
        if style in _SKIPPED:
            if style == "chapter":
                stack.clear()
            segments.append(_Segment("", style, (n, col), (n, end), heading=True))
            continue
        same = None if style in _TOP else _innermost(stack, style)
        if style in _TOP:
            stack.clear()
        elif same is not None and style in ("row_num", "row_cn") and stack[same].number == number:
            # The row again after a page break, its number and heading repeated: it goes on.
            del stack[same + 1:]
            segments.append(_Segment("", "header", (n, col), (n, end), heading=True))
            continue
        elif same is not None:
            del stack[same:]
        label = _marker_label(style, number)
        if stack:
            stack[-1].segment.lead = True
            parent = stack[-1]
            label = f"{parent.label} {label}" if parent.style == "attachment" else parent.label + label
        segment = _Segment(label, style, (n, col), (n, end))
        segments.append(segment)
        stack.append(_Node(style, number, label, segment))
    return segments


def _ends_sentence(lines: list[str], n: int) -> bool:
    """Whether the words before line ``n`` end a sentence (else line ``n`` goes on with them)."""
    k = n - 2
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k < 0 or lines[k].rstrip()[-1] in _SENTENCE_END


def split_units(source: SourceText) -> list[Unit]:
    """The units of a source text, in order. Nesting follows the numbering: a number of a style already open
    is a sibling of that unit, any other a sub-unit of the innermost one; 第N条, 附件N and the list of attachments
    begin again at the top; a chapter heading (第N章) belongs to no unit. A paragraph after the last item of
    a list is its own unit, "<unit whose list it closes> 末段". The words before a unit's first sub-unit are
    a unit of their own, unless they are a bare title ("三、申报工作要求")."""
    lines = source.lines
    before = [0]
    for line in lines:
        before.append(before[-1] + len(squeeze(line)))

    def offset(pos: tuple[int, int]) -> int:
        n, col = pos
        if n > len(lines):
            return before[-1]
        return before[n - 1] + len(squeeze(lines[n - 1][:col]))

    def words(start: tuple[int, int], end: tuple[int, int]) -> str:
        if start[0] == end[0]:
            part = [lines[start[0] - 1][start[1]:end[1]]]
        else:
            part = [lines[start[0] - 1][start[1]:], *lines[start[0]:end[0] - 1]]
            if end[0] <= len(lines):
                part.append(lines[end[0] - 1][:end[1]])
        return " ".join(" ".join(p.split()) for p in part if p.strip())

    segments = _segments(lines)
    units: list[Unit] = []
    for segment, following in zip(segments, [*segments[1:], None], strict=True):
        end = following.pos if following else (len(lines) + 1, 0)
        start, body, stop = offset(segment.pos), offset(segment.body), offset(end)
        if segment.heading or stop <= body:
            continue
        text = words(segment.body, end)
        if segment.lead and segment.pos[0] == _last_line(lines, end) and _bare_title(text):
            continue
        units.append(Unit(segment.label, source.line_at(start), start, body, stop, text))
    return units


def _last_line(lines: list[str], end: tuple[int, int]) -> int:
    """The last line with words before ``end``."""
    n = end[0] if end[1] > 0 and end[0] <= len(lines) else end[0] - 1
    while n > 1 and not lines[n - 1].strip():
        n -= 1
    return n


def _bare_title(text: str) -> bool:
    """Whether a unit's words before its sub-units are a title only: one short line, no sentence, no figure."""
    text = re.sub(r"【[^】]*】", "", squeeze(text)).rstrip("。：:")
    return len(text) <= 20 and not _NOT_A_TITLE.search(text)


def quote_spans(source: SourceText, quote: str) -> list[tuple[int, int]] | None:
    """Where each fragment of ``quote`` stands, as offsets of :class:`Unit`; None when not all are found.
    The same search as :meth:`SourceText.find`, which ``check`` verifies quotes with."""
    return source.spans(quote)


@dataclass(frozen=True)
class UnitCoverage:
    unit: Unit
    cited_by: tuple[str, ...]  # where in the scheme's data a quote falls inside it ("conditions.area", ...)
    not_for_applicants: str | None  # why it binds no applicant, when the scheme says so

    @property
    def covered(self) -> bool:
        return bool(self.cited_by) or self.not_for_applicants is not None


@dataclass(frozen=True)
class DocumentCoverage:
    scheme: Scheme
    document: Document
    source: str  # the file name under schemes/sources/
    units: tuple[UnitCoverage, ...]

    @property
    def covered(self) -> int:
        return sum(u.covered for u in self.units)

    @property
    def total(self) -> int:
        return len(self.units)

    @property
    def percent(self) -> str:
        """The share covered, rounded down to 0.1: "100" only when every unit is."""
        if self.covered == self.total:
            return "100"
        return f"{math.floor(1000 * self.covered / self.total) / 10:.1f}"

    @property
    def uncovered(self) -> list[Unit]:
        return [u.unit for u in self.units if not u.covered]


def cite_ref(scheme: Scheme, loc: tuple) -> str:
    """A readable path to a quote in the scheme's data: items by their id where they have one, else by number
    from 1; a trailing ``cite`` is left out ("conditions.area", "tiers.award.prize_cite", "materials.items.3")."""
    parts: list[str] = []
    node: Any = scheme
    for step in loc:
        if isinstance(step, int):
            node = node[step]
            ident = getattr(node, "id", None)
            parts.append(ident if isinstance(ident, str) else str(step + 1))
        else:
            node = getattr(node, step) if isinstance(node, BaseModel) else node
            parts.append(step)
    if len(parts) > 1 and parts[-1] == "cite":
        parts.pop()
    return ".".join(parts)


def _quotes(scheme: Scheme) -> list[tuple[str, str, str]]:
    """(document id, quote, where in the data) for every quote of the scheme that covers units."""
    first = scheme.documents[0].id
    found = [(c.doc or first, c.quote, cite_ref(scheme, loc))
             for loc, c in walk_cites(scheme) if not isinstance(c, NotForApplicants)]
    for form in scheme.forms:
        found += [(form.cite.doc or first, para, f"forms.{form.id}") for para in (*form.paragraphs, *form.signature)]
    return found


def _covering(units: list[Unit], spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the units a quote's fragments reach into (past their numbers)."""
    return [i for i, u in enumerate(units) if any(a < u.end and b > u.body for a, b in spans)]


def scheme_coverage(scheme: Scheme, sources: dict[str, SourceText]) -> list[DocumentCoverage]:
    """The coverage of each of the scheme's documents whose source text is at hand."""
    quotes = _quotes(scheme)
    first = scheme.documents[0].id
    marks = [(m.doc or first, m) for m in scheme.not_for_applicants]
    result: list[DocumentCoverage] = []
    for doc in scheme.documents:
        source = sources.get(doc.source)
        if source is None:
            continue
        units = split_units(source)
        cited: list[list[str]] = [[] for _ in units]
        why: list[str | None] = [None for _ in units]
        for doc_id, quote, ref in quotes:
            spans = quote_spans(source, quote) if doc_id == doc.id else None
            for i in _covering(units, spans or []):
                if ref not in cited[i]:
                    cited[i].append(ref)
        for doc_id, mark in marks:
            spans = quote_spans(source, mark.quote) if doc_id == doc.id else None
            for i in _covering(units, spans or []):
                why[i] = why[i] or mark.why
        result.append(DocumentCoverage(scheme, doc, doc.source, tuple(
            UnitCoverage(u, tuple(c), w) for u, c, w in zip(units, cited, why, strict=True))))
    return result


def coverage(schemes: list[Scheme], sources: dict[str, SourceText]) -> list[DocumentCoverage]:
    """Every scheme's documents, in the portal's order."""
    return [d for s in schemes for d in scheme_coverage(s, sources)]


def report_lines(results: list[DocumentCoverage]) -> list[str]:
    """The report ``check`` prints: a figure per document, then each unit no quote and no mark covers, and each
    unit marked as binding no applicant although the data quotes it (one of the two is wrong)."""
    out: list[str] = []
    for r in results:
        out.append(f"条款覆盖：{r.scheme.short_name} {r.document.title}：{r.covered} / {r.total} 条（{r.percent} %）")
        out += [f"  schemes/sources/{r.source}:{u.line} {u.label} {u.text[:30]}" for u in r.uncovered]
        out += [f"  schemes/sources/{r.source}:{u.unit.line} {u.unit.label} 标为不适用于申报者，却被引用："
                f"{'、'.join(u.cited_by)}" for u in r.units if u.cited_by and u.not_for_applicants]
    return out

