"""Every URL pattern of the site, in one place. Pages are named by their source path (``x.md``), files by
their path; templates link with ``link(urls.something(...))`` and never build a path themselves.
"""

from __future__ import annotations

from typing import Protocol

# Pages made from the data as a whole, and hand-written or fixed files the templates link to.
HOME = "index.md"
COMPARE = "compare.md"
ASSESS = "assess.md"
PROFILE = "profile.md"
COVERAGE = "coverage.md"  # 条款覆盖: which clauses of the sources the data quotes (generator/views/coverage.py)
SEARCH = "search.md"
# 在线编辑公示: the notice form with the portal's own check (generator/office/package.py)
OFFICE_EDITOR = "office/editor.md"
NOTICES = "notices/index.md"
FEEDS = "feeds/index.md"  # how to subscribe, a section per feed
SCHEMES_JSON = "data/schemes.json"
FIELDS_JSON = "data/profile-fields.json"
PROFILE_SCHEMA = "data/profile.schema.json"
REGIONS_JSON = "data/regions.json"
NOTICES_JS = "assets/javascripts/notices.js"
ASSESS_APP = "assets/javascripts/assess/app.mjs"
# The modules a page's script imports are found from their import lines (generator/ship/modules.py), not listed.
ASSESS_WORKER = "assets/javascripts/assess/worker.mjs"
# The calculator's service worker, twice: scoped to the page and to the worker's script (generator/ship/offline.py).
ASSESS_SW = ("assess/sw.js", "assets/javascripts/assess/sw.js")
SEARCH_JS = "assets/javascripts/search.js"
PAGEFIND = "pagefind/"
OFFICE_JSON = "data/office.json"
OFFICE_SCHEMES_JSON = "data/office-schemes.json"
OFFICE_PUBLISHED_JSON = "data/office-published.json"  # the notices on the site, which the editor corrects
OFFICE_HOLIDAYS_JSON = "data/office-holidays.json"  # the repository's holiday schedules (holidays/*.yaml)
OFFICE_WORKER = "assets/javascripts/office/worker.mjs"
OFFICE_EDITOR_JS = "assets/javascripts/office/editor.mjs"
OFFICE_CSS = "assets/stylesheets/office.css"
NO_JS_CSS = "assets/stylesheets/no-js.css"  # loaded inside <noscript> only


class _HasId(Protocol):
    id: str


class _LoadedNotice(Protocol):
    @property
    def slug(self) -> str: ...


def scheme(of: _HasId | str, page: str = "index", fragment: str = "") -> str:
    """A page of a scheme's section: schemes/<id>/<page>/, optionally at an id on it."""
    scheme_id = of if isinstance(of, str) else of.id
    return f"schemes/{scheme_id}/{page}.md" + (f"#{fragment}" if fragment else "")


def form_download(of: _HasId, form_id: str, ext: str) -> str:
    """A blank table of a scheme as CSV or XLSX."""
    return f"schemes/{of.id}/forms/{form_id}.{ext}"


def notice(item: _LoadedNotice) -> str:
    """A notice's page: notices/<scheme>/<year>/<file name>/."""
    return f"notices/{item.slug}.md"


def notice_attachment(item: _LoadedNotice, file: str) -> str:
    """An attachment, published beside its notice's page."""
    return f"notices/{item.slug}/{file}"


def notice_year(of: _HasId, year: int) -> str:
    """A scheme's notices of one award year: /notices/<scheme>/<year>/, above its notices' own pages."""
    return f"notices/{of.id}/{year}.md"


def winners(year: int | None = None) -> str:
    """The winners of one award year; without a year, the latest (/winners/)."""
    return "winners.md" if year is None else f"winners/{year}.md"


def feed(name: str, ext: str) -> str:
    """A feed of notices: ``notices`` (all) or a scheme id; ext atom / rss / json."""
    return f"feeds/{name}.{ext}"


def pyodide(version: str, file: str = "") -> str:
    """Pyodide's files, under a folder named by its version so they can be cached for ever."""
    return f"assets/pyodide/{version}/{file}"


def source_anchor(doc_id: str, line: int) -> str:
    """The id of a line of a source text on a scheme's 原文 page."""
    return f"{doc_id}-L{line}"
