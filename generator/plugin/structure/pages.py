"""Render every generated page and download from the validated portal."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from jinja2 import Environment

from generator.assess.explain import explain
from generator.assess.profile import FIELDS
from generator.compare import LEVELS, NOTICE_KINDS, comparison, period_text
from generator.downloads import table_csv, table_xlsx
from generator.model.scheme import Cite, Scheme
from generator.model.validate import Portal
from generator.plugin.structure.nav import SCHEME_PAGES, TOP_PAGES, ordered, scheme_uri
from generator.render import relative

GROUPS = {
    "basic": "基本条件",
    "record": "近年记录要求",
    "safety": "安全生产",
    "manufacturing": "制造业",
    "agriculture": "农业",
    "service": "服务业",
    "construction": "建筑业",
    "group": "以集团名义申报",
    "related": "关联企业",
    "exclusion": "不予受理的情形",
    "procedure": "申报前的程序要求",
}
ROLES = {
    "organises": "组织实施",
    "recommends": "审核推荐",
    "reviews": "评审",
    "decides": "审议决定",
    "approves": "批准",
    "interprets": "解释",
}
REQUIRED = {"all": "所有申报组织提供", "when": "符合条件的申报组织提供", "if_applicable": "涉及时提供",
            "optional": "如有可提供"}
FORMS = {
    "fixed": "符合即得该项分值",
    "base_increment": "基础分加递增分，设上限",
    "highest": "取单项最高分",
    "cumulative": "得分可累计，设上限",
}


def anchor(doc_id: str, line: int) -> str:
    return f"{doc_id}-L{line}"


def _cite_href(portal: Portal, scheme: Scheme, from_uri: str, cite: Cite) -> str:
    _, doc_id = portal.source_of(scheme, cite)
    return relative(f"{scheme_uri(scheme, 'source')}#{anchor(doc_id, portal.cite_line(scheme, cite))}", from_uri)


def _context(portal: Portal, uri: str, scheme: Scheme | None = None) -> dict:
    ctx = {
        "portal": portal,
        "schemes": ordered(portal),
        "standard": portal.standard,
        "page_uri": uri,
        "link": partial(relative, from_uri=uri),
        "scheme_uri": scheme_uri,
        "scheme_pages": SCHEME_PAGES,
        "explain": explain,
        "groups": GROUPS,
        "roles": ROLES,
        "required": REQUIRED,
        "credit_forms": FORMS,
        "levels": LEVELS,
        "notice_kinds": NOTICE_KINDS,
        "period_text": period_text,
        "anchor": anchor,
    }
    if scheme is not None:
        ctx["scheme"] = scheme
        ctx["cite_href"] = partial(_cite_href, portal, scheme, uri)
    return ctx


def form_file(scheme: Scheme, form_id: str, ext: str) -> str:
    return f"schemes/{scheme.id}/forms/{form_id}.{ext}"


def generate(portal: Portal, env: Environment) -> Iterator[tuple[str, str | bytes]]:
    """(src_uri, content) for every generated page and file."""
    schemes = ordered(portal)
    extra = {"comparison": comparison(schemes), "fields": FIELDS}
    for uri, _, template in TOP_PAGES:
        ctx = _context(portal, uri) | extra
        # Comparison cells cite clauses of many schemes.
        ctx["cite_of"] = lambda s, c, _uri=uri: _cite_href(portal, s, _uri, c)
        yield uri, env.get_template(template).render(ctx)
    for scheme in schemes:
        for page, _, template in SCHEME_PAGES:
            uri = scheme_uri(scheme, page)
            ctx = _context(portal, uri, scheme) | {"form_file": form_file}
            yield uri, env.get_template(template).render(ctx)
        for form in scheme.forms:
            if form.kind == "table":
                yield form_file(scheme, form.id, "csv"), table_csv(form)
                yield form_file(scheme, form.id, "xlsx"), table_xlsx(scheme, form)
