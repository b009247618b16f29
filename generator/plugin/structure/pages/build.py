"""What every page family gets: the portal, the templates, the build date, and the context all pages share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator import urls
from generator.assess.rules import explain
from generator.load.portal import Portal
from generator.load.regions import place_name, region_names
from generator.model.scheme import Cite, Scheme
from generator.plugin.render import relative
from generator.views.editions import document_status, replaced_status


@lru_cache(maxsize=4)
def _region_names(root: Path) -> dict[str, str]:
    return region_names(root)


@dataclass(frozen=True)
class Build:
    portal: Portal
    env: Environment
    today: dt.date
    site_url: str
    years: dict[str, list[tuple[int, list]]]  # each scheme's notices by award year, newest first

    def render(self, template: str, uri: str, scheme: Scheme | None = None, **context: Any) -> str:
        """``template`` for the page at ``uri``: the shared context, the scheme's if any, and ``context``."""
        return self.env.get_template(template).render(self.context(uri, scheme) | context)

    def context(self, uri: str, scheme: Scheme | None = None) -> dict[str, Any]:
        """What every page's template may use: links relative to the page, URLs, the schemes, explanations."""
        portal = self.portal
        ctx: dict[str, Any] = {
            "portal": portal,
            "schemes": portal.schemes,
            "standard": portal.standard,
            "page_uri": uri,
            "link": partial(relative, from_uri=uri),
            "urls": urls,
            "explain": partial(explain, names=self.scheme_names),
            "scheme_names": self.scheme_names,
            "today": self.today,
            "site_url": self.site_url,
            "doc_status": partial(self.doc_status, document_status),
            "replaced_status": partial(self.doc_status, replaced_status),
            "place": self.place,
        }
        if scheme is not None:
            ctx["scheme"] = scheme
            ctx["cite_href"] = partial(self.cite_href, scheme, uri)
        return ctx

    def doc_status(self, how, scheme: Scheme, document):
        return how(scheme, document, self.today)

    def place(self, code: str) -> str:
        """A GB/T 2260 code's full name, from the same pinned data as the calculator's region picker."""
        return place_name(_region_names(self.portal.root), code)

    @property
    def scheme_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.portal.schemes}

    def cite_href(self, scheme: Scheme, from_uri: str, cite: Cite) -> str:
        """Link from a page to the line of the source text a cite quotes."""
        _, doc_id = self.portal.source_of(scheme, cite)
        anchor = urls.source_anchor(doc_id, self.portal.cite_line(scheme, cite))
        return relative(urls.scheme(scheme, "source", anchor), from_uri)
