"""A small tree of HTML nodes, drawn once in Python and materialised on either side: here as escaped HTML (the
build's templates), in the browser by site_src/assets/javascripts/page-tree.mjs with the DOM (textContent only).

A node is ``{"tag": "td", "attrs": {"class": "qp-help"}, "children": [...]}``; a child is a node or a text (a str).
It is plain JSON, so the office editor's check can hand it to the page. Standard library only: it runs in Pyodide.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

Node = dict[str, Any]
Child = Node | str


def h(tag: str, attrs: dict[str, str] | None = None, *children: Child | None) -> Node:
    """A node: ``h("td", {"data-label": "序号"}, "1")``; None children are skipped (optional parts)."""
    return {"tag": tag, "attrs": dict(attrs or {}), "children": [c for c in children if c is not None]}


def text_of(child: Child) -> str:
    """The text a node shows (its texts joined, as the DOM's textContent)."""
    if isinstance(child, str):
        return child
    return "".join(text_of(c) for c in child["children"])


# Elements without content or end tag.
_VOID = frozenset({"br"})
# A line break after these keeps a list of 10,000 rows off one line of the page's Markdown (inside its HTML block).
_LINE_AFTER = frozenset({"dd", "tr", "thead"})


def to_html(nodes: Child | Iterable[Child], sep: str = "") -> str:
    """HTML of ``nodes`` with every text and attribute value escaped; top-level nodes joined by ``sep``."""
    if isinstance(nodes, (str, dict)):
        nodes = [nodes]
    return sep.join(_html(n) for n in nodes)


def _html(child: Child) -> str:
    if isinstance(child, str):
        return escape(child, quote=False)
    tag = child["tag"]
    attrs = "".join(f' {name}="{escape(str(value))}"' for name, value in child["attrs"].items())
    if tag in _VOID:
        return f"<{tag}{attrs}>"
    end = "\n" if tag in _LINE_AFTER else ""
    return f"<{tag}{attrs}>{''.join(_html(c) for c in child['children'])}</{tag}>{end}"
