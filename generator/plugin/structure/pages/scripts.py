"""Scripts generated from the vocabulary, so what they know is the site's own."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.assess.terms import LIVE_NOTICE_STATUSES
from generator.plugin.structure.pages.build import Build


def pages(build: Build) -> Iterator[tuple[str, str]]:
    yield urls.NOTICES_JS, build.env.get_template("notices.js.j2").render(live_statuses=list(LIVE_NOTICE_STATUSES))
