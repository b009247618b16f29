"""Jinja2 environment for the page templates.

Templates write Markdown pages whose bodies are mostly HTML blocks. Autoescape is on, so
every value from YAML is HTML-escaped; in Markdown context (headings, link texts) the
``md`` filter also escapes Markdown's own punctuation so no YAML text becomes markup.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from generator.assess.terms import label
from generator.load.corrections import edit_text
from generator.views.editions import steps_json
from generator.views.formats import number, phone, yuan
from generator.views.page_tree import to_html

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_escape(value: object) -> Markup:
    """HTML-escape, then backslash-escape Markdown punctuation."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(str(value)))))


def page_url(src_uri: str) -> str:
    """The URL (directory style) mkdocs gives the page at ``src_uri``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative(target_uri: str, from_uri: str) -> str:
    """Link from page ``from_uri`` to ``target_uri`` (a page ``.md`` or a file), with fragment."""
    path, _, fragment = target_uri.partition("#")
    target = page_url(path) if path.endswith(".md") else path
    url = get_relative_url(target or page_url(from_uri), page_url(from_uri))
    if target.endswith("/") and not url.endswith("/"):
        url += "/"
    return url + (f"#{fragment}" if fragment else "")


def make_env(template_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # "{#" starts Markdown heading ids ("## 标题 {#id}"), so Jinja comments use "{##".
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters["md"] = md_escape
    env.filters["label"] = label
    env.filters["yuan"] = yuan
    env.filters["num"] = number
    env.globals["posixpath"] = posixpath
    env.globals["edit_text"] = edit_text  # a correction's edit, old -> new (generator/load/corrections.py)
    env.globals["phone"] = phone
    env.filters["steps_json"] = steps_json  # a status's steps for the page script (views/editions.py)
    # Parts of a page drawn as node trees (generator/views/page_tree.py): their texts are escaped by to_html.
    env.globals["page_html"] = lambda nodes, sep="": Markup(to_html(nodes, sep))
    return env
