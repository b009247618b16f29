"""The site navigation, in the order a reader wants it."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape

from generator import urls
from generator.load.portal import Portal
from generator.model.scheme import Scheme

# (page, nav title, template) for every scheme section.
SCHEME_PAGES: tuple[tuple[str, str, str], ...] = (
    ("index", "概况", "scheme/overview.md.j2"),
    ("eligibility", "申报条件", "scheme/eligibility.md.j2"),
    ("process", "评审程序", "scheme/process.md.j2"),
    ("scoring", "评分与权重", "scheme/scoring.md.j2"),
    ("materials", "申报材料", "scheme/materials.md.j2"),
    ("notices", "公示要求", "scheme/notices.md.j2"),
    ("forms", "表格与承诺书", "scheme/forms.md.j2"),
    ("contacts", "联系方式", "scheme/contacts.md.j2"),
    ("obligations", "义务与惩戒", "scheme/obligations.md.j2"),
    ("source", "原文", "scheme/source.md.j2"),
)

# Pages only some schemes have, placed before 原文: (page, nav title, template, whether the scheme has it).
OPTIONAL_SCHEME_PAGES: tuple[tuple[str, str, str, Callable[[Scheme, Portal], bool]], ...] = (
    ("changes", "修订内容", "scheme/changes.md.j2", lambda s, portal: bool(portal.editions.get(s.id))),
    ("revisions", "修订对照", "scheme/revisions.md.j2", lambda s, portal: s.revisions is not None),
)


def scheme_pages(scheme: Scheme, portal: Portal) -> list[tuple[str, str, str]]:
    """The sections of ``scheme``'s part of the site, in nav order."""
    extra = [(page, title, template) for page, title, template, has in OPTIONAL_SCHEME_PAGES if has(scheme, portal)]
    return [*SCHEME_PAGES[:-1], *extra, SCHEME_PAGES[-1]]


# Pages made from the data as a whole, in nav order: (src_uri, nav title).
TOP_PAGES: tuple[tuple[str, str], ...] = (
    (urls.HOME, "首页"),
    (urls.COMPARE, "方案对比"),
    (urls.ASSESS, "申报自评"),
    (urls.PROFILE, "申报档案格式"),
    (urls.COVERAGE, "条款覆盖"),
    (urls.OFFICE_EDITOR, "在线编辑公示"),
)
# Built and linked from 关于本门户, not listed in the menu: a page for maintainers checking the data against the
# sources (its entries name data paths such as materials.items.21), not one readers look for.
UNLISTED: frozenset[str] = frozenset({urls.COVERAGE})


def build_nav(portal: Portal, hand_written: list[str]) -> list:
    """The nav of mkdocs.yml's shape. The theme prints nav titles as HTML, unescaped, so any
    title from YAML is HTML-escaped here."""
    nav: list = [{TOP_PAGES[0][1]: TOP_PAGES[0][0]}]
    nav.append({
        "质量奖与信用认定": [
            {str(escape(s.name)): [{title: urls.scheme(s, page)} for page, title, _ in scheme_pages(s, portal)]}
            for s in portal.schemes
        ]
    })
    nav.append({"公示公告": urls.NOTICES})
    nav.append({"获奖名单": urls.winners()})
    nav += [{title: uri} for uri, title in TOP_PAGES[1:] if uri not in UNLISTED]
    generated = {uri for uri, _ in TOP_PAGES}
    nav += [uri for uri in hand_written if uri not in generated]
    return nav
