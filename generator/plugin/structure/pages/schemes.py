"""Each scheme's section (概况 … 原文) and its blank tables as CSV and XLSX."""

from __future__ import annotations

from collections.abc import Iterator

from generator.downloads import table_csv, table_xlsx
from generator.plugin.structure import urls
from generator.plugin.structure.nav import scheme_pages
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.vocab import SCHEME_TERMS


def pages(build: Build) -> Iterator[tuple[str, str | bytes]]:
    for scheme in build.portal.schemes:
        for page, _, template in scheme_pages(scheme):
            uri = urls.scheme(scheme, page)
            yield uri, build.render(template, uri, scheme, notices=build.portal.notices,
                                    notice_years=build.years.get(scheme.id, []), **SCHEME_TERMS)
        for form in scheme.forms:
            if form.kind == "table":
                yield urls.form_download(scheme, form.id, "csv"), table_csv(form)
                yield urls.form_download(scheme, form.id, "xlsx"), table_xlsx(scheme, form)
