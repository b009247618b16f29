"""Render every generated page and download from the validated portal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from jinja2 import Environment

from generator.assess.explain import explain
from generator.assess.profile import FIELDS
from generator.assess.terms import (
    AREA_LEVELS,
    CONDITION_GROUPS,
    CREDIT_FORMS,
    MATERIAL_REQUIRED,
    NOTICE_KINDS,
    NOTICE_STATUSES,
    ROLES,
)
from generator.compare import comparison, period_text
from generator.downloads import table_csv, table_xlsx
from generator.feeds import atom, json_list, rss
from generator.load.portal import Portal
from generator.model.scheme import Cite, Scheme
from generator.plugin.structure.nav import SCHEME_PAGES, TOP_PAGES, scheme_uri
from generator.render import page_url, relative


def anchor(doc_id: str, line: int) -> str:
    return f"{doc_id}-L{line}"


def _cite_href(portal: Portal, scheme: Scheme, from_uri: str, cite: Cite) -> str:
    _, doc_id = portal.source_of(scheme, cite)
    return relative(f"{scheme_uri(scheme, 'source')}#{anchor(doc_id, portal.cite_line(scheme, cite))}", from_uri)


def _context(portal: Portal, uri: str, scheme: Scheme | None = None) -> dict:
    ctx = {
        "portal": portal,
        "schemes": portal.schemes,
        "standard": portal.standard,
        "page_uri": uri,
        "link": partial(relative, from_uri=uri),
        "scheme_uri": scheme_uri,
        "scheme_pages": SCHEME_PAGES,
        "explain": partial(explain, names={s.id: s.name for s in portal.schemes}),
        "groups": CONDITION_GROUPS,
        "roles": ROLES,
        "required": MATERIAL_REQUIRED,
        "credit_forms": CREDIT_FORMS,
        "levels": AREA_LEVELS,
        "notice_kinds": NOTICE_KINDS,
        "period_text": period_text,
        "anchor": anchor,
    }
    if scheme is not None:
        ctx["scheme"] = scheme
        ctx["cite_href"] = partial(_cite_href, portal, scheme, uri)
    return ctx




def notice_uri(item) -> str:
    return f"notices/{item.slug}.md"


def notice_year_uri(scheme: Scheme, year: int) -> str:
    """A scheme's notices of one award year: /notices/<scheme>/<year>/, above its notices' own pages."""
    return f"notices/{scheme.id}/{year}.md"


def _notice_context(portal: Portal, ctx: dict, today) -> dict:
    return ctx | {
        "notices": portal.notices,
        "today": today,
        "notice_uri": notice_uri,
        "notice_year_uri": notice_year_uri,
        "status_labels": NOTICE_STATUSES,
        "scheme_names": {s.id: s.name for s in portal.schemes},
    }


def _winner_rows(portal: Portal) -> list[dict]:
    by_id = {s.id: s for s in portal.schemes}
    rows = []
    for item in portal.notices:
        if item.notice.kind != "winners":
            continue
        scheme = by_id[item.notice.scheme]
        names = scheme.tier_names
        for entry in item.notice.entries:
            rows.append({"scheme": scheme, "year": item.notice.cycle_year, "entry": entry, "item": item,
                         "tier_name": names.get(entry.tier, entry.tier or "—")})
    return sorted(rows, key=lambda r: (-r["year"], r["scheme"].id, r["tier_name"], r["entry"].organisation))


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


def _winner_pages(portal: Portal, env: Environment, today) -> Iterator[tuple[str, str]]:
    """winners.md (the latest award year) and winners/<year>.md for every year."""
    years = by_year(_winner_rows(portal), lambda r: r["year"])
    years_count = [(y, len(rows)) for y, rows in years]
    pages = [("winners.md", *(years[0] if years else (None, [])), True)]
    pages += [(f"winners/{y}.md", y, rows, False) for y, rows in years]
    for uri, year, mine, is_index in pages:
        # Tier ids repeat across schemes ("award"), so a tier is filtered with its scheme.
        tiers = {f"{r['scheme'].id}:{r['entry'].tier}": r["tier_name"] for r in mine if r["entry"].tier}
        present = {r["scheme"].id for r in mine}
        ctx = _notice_context(portal, _context(portal, uri), today) | {
            "rows": mine, "year": year, "is_index": is_index, "years_count": years_count,
            "tiers": sorted(tiers.items()), "winner_schemes": [s for s in portal.schemes if s.id in present]}
        yield uri, env.get_template("notices/winners.md.j2").render(ctx)


def form_file(scheme: Scheme, form_id: str, ext: str) -> str:
    return f"schemes/{scheme.id}/forms/{form_id}.{ext}"


def generate(portal: Portal, env: Environment, today, site_url: str = "/") -> Iterator[tuple[str, str | bytes]]:
    """(src_uri, content) for every generated page and file; ``today`` gives the build's notice status."""
    schemes = portal.schemes
    years = notice_years(portal)
    extra = {"comparison": comparison(schemes), "fields": FIELDS}
    for uri, _, template in TOP_PAGES:
        ctx = _notice_context(portal, _context(portal, uri), today) | extra
        # Comparison cells cite clauses of many schemes.
        ctx["cite_of"] = lambda s, c, _uri=uri: _cite_href(portal, s, _uri, c)
        yield uri, env.get_template(template).render(ctx)
    for scheme in schemes:
        for page, _, template in SCHEME_PAGES:
            uri = scheme_uri(scheme, page)
            ctx = _notice_context(portal, _context(portal, uri, scheme), today) | {
                "form_file": form_file, "notice_years": years.get(scheme.id, [])}
            yield uri, env.get_template(template).render(ctx)
        for form in scheme.forms:
            if form.kind == "table":
                yield form_file(scheme, form.id, "csv"), table_csv(form)
                yield form_file(scheme, form.id, "xlsx"), table_xlsx(scheme, form)
    yield "search.md", env.get_template("search.md.j2").render(_context(portal, "search.md"))
    yield "assets/javascripts/notices.js", env.get_template("notices.js.j2").render(notice_statuses=NOTICE_STATUSES)
    yield from _notice_pages(portal, env, today, site_url, years)


def _notice_pages(portal: Portal, env: Environment, today, site_url: str,
                  years: dict[str, list[tuple[int, list]]]) -> Iterator[tuple[str, str | bytes]]:
    by_id = {s.id: s for s in portal.schemes}
    yield "notices/index.md", env.get_template("notices/index.md.j2").render(
        _notice_context(portal, _context(portal, "notices/index.md"), today) | {"notice_years": years})
    yield from _winner_pages(portal, env, today)
    for scheme in portal.schemes:
        for year, items in years.get(scheme.id, []):
            uri = notice_year_uri(scheme, year)
            ctx = _notice_context(portal, _context(portal, uri, scheme), today) | {
                "scheme": scheme, "year": year, "items": items, "notice_years": years[scheme.id]}
            yield uri, env.get_template("notices/year.md.j2").render(ctx)
    for item in portal.notices:
        scheme = by_id[item.notice.scheme]
        uri = notice_uri(item)
        spec = next((n for n in scheme.notices if n.kind == item.notice.kind), None)
        ctx = _notice_context(portal, _context(portal, uri, scheme), today) | {
            "item": item, "spec": spec, "tier_names": scheme.tier_names,
            "has_tier": any(e.tier for e in item.notice.entries)}
        yield uri, env.get_template("notices/notice.md.j2").render(ctx)
        for attachment in item.notice.attachments:
            source = portal.root / item.path
            yield f"notices/{item.slug}/{attachment.file}", (source.parent / attachment.file).read_bytes()
    names = {s.id: s.name for s in portal.schemes}

    def url_of(item) -> str:
        return page_url(notice_uri(item))

    groups = [("notices", "质量奖公共服务门户：公示公告", portal.notices)]
    groups += [(s.id, f"{s.name}：公示公告", [n for n in portal.notices if n.notice.scheme == s.id])
               for s in portal.schemes]
    for name, title, items in groups:
        yield f"feeds/{name}.atom", atom(items, title, site_url, f"feeds/{name}.atom", url_of, names)
        yield f"feeds/{name}.rss", rss(items, title, site_url, url_of, names)
    yield "feeds/notices.json", json_list(portal.notices, url_of)
