"""Tables that read on a phone: every ``qp-table`` the templates render gets, at build time, a scroll box (so the
page never widens) and each cell the name of its column (``data-label``), so that in a narrow box the stylesheet
lays each row out as a card (portal.css, ``.qp-reflow``). Our templates write plain, unnested tables; this is
not a general HTML rewriter."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r'<table class="qp-table(?P<cls>[^"]*)"(?P<attrs>[^>]*)>(?P<body>.*?)</table>', re.S)
_THEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_TBODY = re.compile(r"(<tbody[^>]*>)(.*?)(</tbody>)", re.S)
_HEAD_CELL = re.compile(r"<th(?P<attrs>[^>]*)>(?P<body>.*?)</th>", re.S)
_LABEL_ATTR = re.compile(r'data-label="([^"]*)"')
_BADGE = re.compile(r'<span class="qp-badge[^"]*"[^>]*>.*?</span>', re.S)
_ROW = re.compile(r"(<tr[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(td|th)(\s[^>]*)?>")
_SPAN = re.compile(r'rowspan="(\d+)"')
_TAG = re.compile(r"<[^>]+>")
# Tables left as they are: blank forms to print, and the calculator's (labelled by its script).
_SKIP = ("qp-blank-table", "qp-reflow")
_OPENS_BOX = re.compile(r'<div class="qp-(?:table-)?scroll"[^>]*>\s*$')


def _text(cell_html: str) -> str:
    return html.unescape(_TAG.sub("", _BADGE.sub("", cell_html))).strip()


def _label(head: re.Match) -> str:
    """A column's name: the header's own ``data-label`` (a short form), else its text without badges."""
    given = _LABEL_ATTR.search(head.group("attrs"))
    return html.unescape(given.group(1)) if given else _text(head.group("body"))


def _label_row(row: str, labels: list[str], spanned: dict[int, int]) -> str:
    """``row``'s cells with the label of their column; ``spanned`` holds the columns a cell above still fills."""
    out: list[str] = []
    last = 0
    column = 0
    taken = {c for c, left in spanned.items() if left > 0}
    for cell in _CELL.finditer(row):
        while column in taken:
            column += 1
        attrs = cell.group(2) or ""
        out.append(row[last:cell.start()])
        if column < len(labels) and labels[column] and "data-label" not in attrs:
            attrs += f' data-label="{html.escape(labels[column])}"'
        out.append(f"<{cell.group(1)}{attrs}>")
        last = cell.end()
        span = _SPAN.search(attrs)
        if span and int(span.group(1)) > 1:
            spanned[column] = int(span.group(1))
        column += 1
    out.append(row[last:])
    for c in list(spanned):
        spanned[c] -= 1
        if spanned[c] <= 0:
            del spanned[c]
    return "".join(out)


def _reflow(match: re.Match) -> str:
    cls, attrs, body = match.group("cls"), match.group("attrs"), match.group("body")
    head = _THEAD.search(body)
    if any(skip in cls for skip in _SKIP) or head is None:
        return match.group(0)
    labels = [_label(h) for h in _HEAD_CELL.finditer(head.group(1))]
    spanned: dict[int, int] = {}

    def rows(tbody: re.Match) -> str:
        return tbody.group(1) + _ROW.sub(lambda r: r.group(1) + _label_row(r.group(2), labels, spanned)
                                         + r.group(3), tbody.group(2)) + tbody.group(3)

    return f'<table class="qp-table{cls} qp-reflow"{attrs}>{_TBODY.sub(rows, body)}</table>'


def reflow_tables(page_html: str) -> str:
    """The page with each of its tables labelled for reflow, and boxed where the template did not box it."""
    out: list[str] = []
    last = 0
    for match in _TABLE.finditer(page_html):
        before = page_html[last:match.start()]
        out.append(before)
        table = _reflow(match)
        boxed = _OPENS_BOX.search(page_html[:match.start()][-300:]) is not None
        if not boxed:
            caption = re.search(r"<caption[^>]*>(.*?)</caption>", match.group("body"), re.S)
            name = _text(caption.group(1)) if caption else "表格"
            table = (f'<div class="qp-table-scroll" role="region" tabindex="0" aria-label="{html.escape(name)}">'
                     f"{table}</div>")
        out.append(table)
        last = match.end()
    out.append(page_html[last:])
    return "".join(out)
