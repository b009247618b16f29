"""Winners by award year: /winners/ shows the latest, /winners/<year>/ every year."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.load.portal import Portal
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.notices import by_year


def winner_rows(portal: Portal) -> list[dict]:
    """One row per organisation on a winners list, newest year first (a withdrawn list has none)."""
    by_id = {s.id: s for s in portal.schemes}
    rows = []
    for item in portal.notices:
        if item.notice.kind != "winners" or item.notice.withdrawn is not None:
            continue
        scheme = by_id[item.notice.scheme]
        names = scheme.tier_names
        for entry in item.notice.entries:
            rows.append({"scheme": scheme, "year": item.notice.cycle_year, "entry": entry, "item": item,
                         "tier_name": names.get(entry.tier, entry.tier or "—")})
    return sorted(rows, key=lambda r: (-r["year"], r["scheme"].id, r["tier_name"], r["entry"].organisation))


def pages(build: Build) -> Iterator[tuple[str, str]]:
    years = by_year(winner_rows(build.portal), lambda r: r["year"])
    years_count = [(y, len(rows)) for y, rows in years]
    listed = [(urls.winners(), *(years[0] if years else (None, [])), True)]
    listed += [(urls.winners(y), y, rows, False) for y, rows in years]
    for uri, year, mine, is_index in listed:
        # Tier ids repeat across schemes ("award"), so a tier is filtered with its scheme.
        tiers = {f"{r['scheme'].id}:{r['entry'].tier}": r["tier_name"] for r in mine if r["entry"].tier}
        present = {r["scheme"].id for r in mine}
        yield uri, build.render(
            "notices/winners.md.j2", uri, rows=mine, year=year, is_index=is_index, years_count=years_count,
            tiers=sorted(tiers.items()), winner_schemes=[s for s in build.portal.schemes if s.id in present])
