"""The calculator's service worker: after one visit the calculator works offline.

The same worker is written twice, as ``assess/sw.js`` (its scope: the page) and as
``assets/javascripts/assess/sw.js`` (its scope: the engine's module worker). Chromium gives a dedicated worker
the service worker whose scope holds the worker's own script URL, not its page's (other browsers follow the
page's): without the second copy, the worker's script, Pyodide and engine.zip would not be found offline.
Both share one cache, which the page's copy fills.

Written after the bundle (the plugin's ``on_post_build``), from the built page: its styles, scripts and icon,
the files its ``#qp-assess`` names (worker, data), and Pyodide's folder as bundle.py left it (less the
precompressed ``.br`` and ``.gz`` copies, which only the server uses). Its version is a hash of every one of
those files, so any change to any of them gives a new service worker and a new cache. Which files are
versioned, and so served from the cache first, is what deploy/nginx.conf serves as immutable: Pyodide's
folder (named by its version, less engine.zip) and the theme's hashed files.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment, FileSystemLoader

from generator import urls
from generator.ship.modules import imports_of

PAGE = "assess/"
SW = urls.ASSESS_SW
TEMPLATE = "assess-sw.js.j2"
# The files nginx serves as immutable (deploy/nginx.conf, $portal_cache), less engine.zip, which keeps its name.
_VERSIONED = re.compile(r"^assets/(pyodide/[^/]+/(?!engine\.zip$)|javascripts/bundle\.|stylesheets/(main|palette)\.)")
# Preloaded by the page for the engine's worker only (templates/assess.md.j2).
_PRELOADED = re.compile(r"^assets/pyodide/[^/]+/(pyodide\.asm\.(wasm|mjs)|engine\.zip|pyodide-lock\.json)$")
_DATA = ("worker", "schemes", "fields", "regions")


class _Refs(HTMLParser):
    """The page's subresources: stylesheets, icons, preloads, scripts, and #qp-assess's data- URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.pyodide: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and set(a.get("rel", "").split()) & {"stylesheet", "icon", "preload", "modulepreload"}:
            self.refs.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif a.get("id") == "qp-assess":
            self.refs += [a[f"data-{name}"] for name in _DATA]
            self.pyodide = a["data-pyodide"]


def _site_path(ref: str, base: str) -> str | None:
    """``ref`` from the page at ``base`` as a path inside the site, or None when it leaves the site."""
    url = urlsplit(urljoin(base, ref))
    return None if url.netloc != "site" else url.path.lstrip("/")


def _imported(site: Path, paths: set[str]) -> set[str]:
    """The modules the scripts among ``paths`` import, transitively: a page lists the modules it starts, and
    the calculator needs offline every module those import, not only the ones the page preloads."""
    return {m for p in paths if p.endswith((".js", ".mjs")) for m in imports_of(site, p)} - paths


def manifest(site: Path) -> tuple[list[str], str]:
    """The site paths the calculator needs offline, sorted, and their version (a hash of paths and bytes)."""
    parser = _Refs()
    parser.feed((site / PAGE / "index.html").read_text(encoding="utf-8"))
    if parser.pyodide is None:
        raise ValueError(f"{PAGE}index.html has no #qp-assess")
    base = f"http://site/{PAGE}"
    paths = {PAGE, *filter(None, (_site_path(ref, base) for ref in parser.refs))}
    pyodide = _site_path(parser.pyodide, base) or ""
    paths |= _imported(site, paths)
    paths |= {f"{pyodide}{p.name}" for p in (site / pyodide).iterdir() if not p.name.endswith((".br", ".gz"))}
    missing = sorted(p for p in paths if not (site / p).is_file() and not (site / p / "index.html").is_file())
    if missing:
        raise ValueError(f"the calculator names files the site lacks: {', '.join(missing)}")
    digest = hashlib.sha256()
    for path in sorted(paths):
        file = site / path / "index.html" if path.endswith("/") else site / path
        digest.update(path.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return sorted(paths), digest.hexdigest()[:16]


def write_service_worker(site: Path, templates: Path) -> tuple[int, str]:
    """Write both copies of the service worker; returns the number of files it caches and its version."""
    paths, version = manifest(site)
    env = Environment(loader=FileSystemLoader(templates), autoescape=False, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True}
    for sw in SW:
        here = PurePosixPath(sw).parent

        def rel(path: str, here: PurePosixPath = here) -> str:  # from the worker: the site may sit under a prefix
            return "/".join([".."] * len(here.parts) + list(PurePosixPath(path).parts)) + "/" * path.endswith("/")

        (site / sw).write_text(env.get_template(TEMPLATE).render(
            version=version, files=[rel(p) for p in paths],
            versioned=[rel(p) for p in paths if _VERSIONED.match(p)], page=rel(PAGE), precache=sw == SW[0],
            preloaded=[rel(p) for p in paths if _PRELOADED.match(p)]),
            encoding="utf-8")
    return len(paths), version
