"""Feeds of notices with stable URLs: all notices and each scheme's, as Atom and RSS; all as JSON."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.plugin.render import page_url
from generator.plugin.structure.pages.build import Build
from generator.views.feeds import atom, json_list, rss


def pages(build: Build) -> Iterator[tuple[str, str | bytes]]:
    portal, base = build.portal, build.site_url

    def url_of(item) -> str:
        return page_url(urls.notice(item))

    groups = [("notices", "质量奖公共服务门户：公示公告", portal.notices)]
    groups += [(s.id, f"{s.name}：公示公告", [n for n in portal.notices if n.notice.scheme == s.id])
               for s in portal.schemes]
    for name, title, items in groups:
        atom_uri = urls.feed(name, "atom")
        yield atom_uri, atom(items, title, base, atom_uri, url_of, build.scheme_names)
        yield urls.feed(name, "rss"), rss(items, title, base, url_of, build.scheme_names)
    yield urls.feed("notices", "json"), json_list(portal.notices, url_of)
    # A page that a person can read, where a feed's address alone would show raw XML.
    yield urls.FEEDS, build.render("feeds.md.j2", urls.FEEDS, feeds=[(name, title, len(items))
                                                                     for name, title, items in groups])
