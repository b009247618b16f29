"""Every generated page and file, family by family. Each family module returns the pages it makes,
as ``(src_uri, content)``, from a :class:`Build` and the context it needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from jinja2 import Environment

from generator.load.portal import Portal
from generator.plugin.structure.pages import feeds, notices, schemes, scripts, top, winners
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.notices import notice_years

FAMILIES = (top, schemes, scripts, notices, winners, feeds)


def generate(portal: Portal, env: Environment, today: dt.date,
             site_url: str = "/") -> Iterator[tuple[str, str | bytes]]:
    """(src_uri, content) for every generated page and file; ``today`` gives the build's notice status."""
    build = Build(portal, env, today, site_url, notice_years(portal))
    for family in FAMILIES:
        yield from family.pages(build)
