"""Pages made from the data as a whole: home, comparison, calculator, profile format, search, clause coverage."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.assess.profile import FIELDS, PROFILE_VERSION
from generator.assess.terms import AREA_LEVELS
from generator.plugin.structure.nav import scheme_pages
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.vocab import NOTICE_TERMS
from generator.views.compare import comparison
from generator.views.coverage import coverage


def pages(build: Build) -> Iterator[tuple[str, str]]:
    notices = {"notices": build.portal.notices} | NOTICE_TERMS
    yield urls.HOME, build.render("home.md.j2", urls.HOME, levels=AREA_LEVELS, **notices)
    yield urls.COMPARE, build.render(
        "compare.md.j2", urls.COMPARE, comparison=comparison(build.portal.schemes),
        # Comparison cells cite clauses of many schemes.
        cite_of=lambda scheme, cite: build.cite_href(scheme, urls.COMPARE, cite))
    # The schemes with a 修订对照 page, which a draft's result links to (the nav says which pages a scheme has).
    revisions = [s for s in build.portal.schemes if any(p == "revisions" for p, *_ in scheme_pages(s, build.portal))]
    yield urls.ASSESS, build.render("assess.md.j2", urls.ASSESS, fields=FIELDS, revisions=revisions)
    yield urls.PROFILE, build.render("profile.md.j2", urls.PROFILE, fields=FIELDS, profile_version=PROFILE_VERSION)
    yield urls.COVERAGE, build.render("coverage.md.j2", urls.COVERAGE,
                                      documents=coverage(build.portal.schemes, build.portal.sources))
    yield urls.SEARCH, build.render("search.md.j2", urls.SEARCH)
    yield urls.OFFICE_EDITOR, build.render("office-editor.md.j2", urls.OFFICE_EDITOR)
