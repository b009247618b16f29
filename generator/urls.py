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
ASSESS_GUIDE = "assets/javascripts/assess/guide.mjs"  # what the form asks (imported by app.mjs)
ASSESS_SHARE = "assets/javascripts/assess/share.mjs"  # a profile in a link (imported by app.mjs)
ASSESS_REGIONS = "assets/javascripts/assess/regions.mjs"  # a region code's place (imported by app.mjs)
# Every module app.mjs imports, directly or not: the page names each (modulepreload), so that they load in parallel
# and the service worker caches them with the page (generator/ship/offline.py).
ASSESS_MODULES = (ASSESS_GUIDE, ASSESS_SHARE, ASSESS_REGIONS, *(f"assets/javascripts/assess/{name}.mjs" for name in (
    "page", "state", "widgets", "widget-list", "widget-region", "help", "form", "items", "guided", "answers",
    "results", "outcome", "problems", "engine", "files")))
DOM_JS = "assets/javascripts/dom.mjs"  # imported by the calculator's and the editor's scripts
CHINA_DAY_JS = "assets/javascripts/china-day.mjs"  # China's day: imported by the scripts and notices.js
WORKER_CLIENT_JS = "assets/javascripts/worker-client.mjs"  # the pages' side of the Pyodide workers
PYODIDE_BOOT_JS = "assets/javascripts/pyodide-boot.mjs"  # Pyodide as both workers start it
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
# Every module editor.mjs imports, directly or not: the page names each (modulepreload), so that they load in parallel.
OFFICE_MODULES = tuple(f"assets/javascripts/office/{name}.mjs" for name in (
    "page", "state", "draft", "form", "entries", "problems", "outputs", "check", "views", "correction",
    "notice-writer", "git-host", "pager", "paste", "place", "preview", "yaml-text"))
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
