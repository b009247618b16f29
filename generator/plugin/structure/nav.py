"""The site navigation, in the order a reader wants it."""

from __future__ import annotations

from markupsafe import escape

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

# Pages made from the data as a whole: (src_uri, nav title, template).
TOP_PAGES: tuple[tuple[str, str, str], ...] = (
    ("index.md", "首页", "home.md.j2"),
    ("compare.md", "方案对比", "compare.md.j2"),
    ("assess.md", "申报自评", "assess.md.j2"),
    ("profile.md", "申报档案格式", "profile.md.j2"),
)


def scheme_uri(scheme: Scheme | str, page: str = "index") -> str:
    scheme_id = scheme if isinstance(scheme, str) else scheme.id
    return f"schemes/{scheme_id}/{page}.md"


def build_nav(portal: Portal, hand_written: list[str]) -> list:
    """The nav of mkdocs.yml's shape. The theme prints nav titles as HTML, unescaped, so any
    title from YAML is HTML-escaped here."""
    nav: list = [{TOP_PAGES[0][1]: TOP_PAGES[0][0]}]
    nav.append({
        "质量奖与信用认定": [
            {str(escape(s.name)): [{title: scheme_uri(s, page)} for page, title, _ in SCHEME_PAGES]}
            for s in portal.schemes
        ]
    })
    nav.append({"公示公告": "notices/index.md"})
    nav.append({"获奖名单": "winners.md"})
    nav += [{title: uri} for uri, title, _ in TOP_PAGES[1:]]
    generated = {uri for uri, _, _ in TOP_PAGES}
    nav += [uri for uri in hand_written if uri not in generated]
    return nav
