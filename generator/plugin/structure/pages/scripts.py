"""Scripts generated from the vocabulary, so their labels are the site's own."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.assess.edition import DOCUMENT_STATUSES
from generator.assess.terms import NOTICE_STATUSES
from generator.plugin.structure.pages.build import Build


def pages(build: Build) -> Iterator[tuple[str, str]]:
    yield urls.NOTICES_JS, build.env.get_template("notices.js.j2").render(notice_statuses=NOTICE_STATUSES,
                                                                        document_statuses=DOCUMENT_STATUSES)
