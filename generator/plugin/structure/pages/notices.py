"""Notices: the list of all schemes (latest award year), a page per scheme and year, a page per notice,
and its attachments beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator import urls
from generator.load.portal import Portal
from generator.model.notice import LoadedNotice
from generator.model.scheme import Scheme
from generator.plugin.render import relative
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.vocab import NOTICE_TERMS
from generator.views.notice_page import notice_parts


def by_year(items: list, year_of: Callable[[Any], int]) -> list[tuple[int, list]]:
    """(year, its items in their order), newest year first: one page per award year."""
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(year_of(item), []).append(item)
    return sorted(groups.items(), key=lambda group: -group[0])


def notice_years(portal: Portal) -> dict[str, list[tuple[int, list]]]:
    """Each scheme's notices by award year, newest first (schemes without notices are absent)."""
    mine: dict[str, list] = {}
    for item in portal.notices:
        mine.setdefault(item.notice.scheme, []).append(item)
    return {sid: by_year(items, lambda n: n.notice.cycle_year) for sid, items in mine.items()}


def pages(build: Build) -> Iterator[tuple[str, str | bytes]]:
    portal = build.portal
    common = {"notices": portal.notices} | NOTICE_TERMS
    yield urls.NOTICES, build.render("notices/index.md.j2", urls.NOTICES, notice_years=build.years, **common)
    for scheme in portal.schemes:
        for year, items in build.years.get(scheme.id, []):
            uri = urls.notice_year(scheme, year)
            yield uri, build.render("notices/year.md.j2", uri, scheme, year=year, items=items,
                                    notice_years=build.years[scheme.id], **common)
    by_id = {s.id: s for s in portal.schemes}
    for item in portal.notices:
        scheme = by_id[item.notice.scheme]
        yield urls.notice(item), notice_page(build, scheme, item, common)
        folder = (portal.root / item.path).parent
        if item.status(build.today) == "withdrawn":
            continue  # its attachments are taken down with it
        for attachment in item.notice.attachments:
            yield urls.notice_attachment(item, attachment.file), (folder / attachment.file).read_bytes()


def notice_page(build: Build, scheme: Scheme, item: LoadedNotice, common: dict[str, Any]) -> str:
    """The page of one notice: its facts, body, list and objections drawn by generator/views/notice_page.py (as the
    office editor's preview is), around them what only the published page has (status, corrections, …)."""
    uri = urls.notice(item)
    spec = scheme.notice_rule(item.notice.kind)
    parts = notice_parts(item.notice, scheme, item.period, build.place,
                         scheme_href=relative(urls.scheme(scheme), uri),
                         rule_href=relative(urls.scheme(scheme, "notices", f"notice-{item.notice.kind}"), uri)
                         if spec else None)
    return build.render("notices/notice.md.j2", uri, scheme, item=item, spec=spec, parts=parts, **common)
