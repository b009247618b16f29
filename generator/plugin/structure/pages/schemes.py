"""Each scheme's section (概况 … 原文) and its blank tables as CSV and XLSX."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from generator import urls
from generator.assess.rules import explain
from generator.model.scheme import Scheme
from generator.plugin.structure.nav import scheme_pages
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.vocab import SCHEME_TERMS
from generator.views.changes import what_changed
from generator.views.downloads import table_csv, table_xlsx


def pages(build: Build) -> Iterator[tuple[str, str | bytes]]:
    for scheme in build.portal.schemes:
        for page, _, template in scheme_pages(scheme, build.portal):
            uri = urls.scheme(scheme, page)
            yield uri, build.render(template, uri, scheme, notices=build.portal.notices,
                                    notice_years=build.years.get(scheme.id, []),
                                    edition_changes=_edition_changes(build, scheme) if page == "changes" else [],
                                    **SCHEME_TERMS)
        for form in scheme.forms:
            if form.kind == "table":
                yield urls.form_download(scheme, form.id, "csv"), table_csv(form)
                yield urls.form_download(scheme, form.id, "xlsx"), table_xlsx(scheme, form)


def _edition_changes(build: Build, scheme: Scheme) -> list[tuple[Scheme, Scheme, list]]:
    """(earlier, later, what changed) for each pair of consecutive editions, the newest pair first."""
    chain = [*build.portal.editions.get(scheme.id, []), scheme]
    words = partial(explain, names=build.scheme_names)
    return [(old, new, what_changed(old, new, words)) for old, new in zip(chain, chain[1:], strict=False)][::-1]
