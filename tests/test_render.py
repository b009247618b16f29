"""The built site: pages exist, links and clause anchors resolve, YAML text arrives escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import BuildError, build_site
from generator.plugin.structure.nav import SCHEME_PAGES
from tests.conftest import copy_project


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(page: Path, href: str) -> Path | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    path = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if path.is_dir():
        path = path / "index.html"
    return path


def test_every_scheme_page_exists(site, portal):
    for s in portal.schemes:
        for page, _, _ in SCHEME_PAGES:
            path = site / "schemes" / s.id / ("index.html" if page == "index" else f"{page}/index.html")
            assert path.is_file(), path
    for top in ("index.html", "compare/index.html", "profile/index.html", "about/index.html"):
        assert (site / top).is_file()


def test_every_internal_link_and_anchor_resolves(site):
    # 404.html is served at any path, so its links are absolute from the site root.
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    ids = {p.resolve(): parse(p).ids for p in pages}
    checked = clause_links = 0
    for page in pages:
        for href in parse(page).hrefs:
            target = target_file(page, href)
            if target is None:
                continue
            assert target.exists(), f"{page.relative_to(site)}: broken link {href}"
            fragment = urlsplit(href).fragment
            if fragment and target.suffix == ".html":
                assert unquote(fragment) in ids[target.resolve()], f"{page.relative_to(site)}: no anchor {href}"
                clause_links += "/source/" in href or href.startswith("../source/")
            checked += 1
    assert checked > 1000
    assert clause_links > 300


CITE = re.compile(r'<a class="qp-clause" href="[^"]*#main-L(\d+)"[^>]*>[^<]*</a><q class="qp-quote">(.*?)</q>', re.S)


def test_clause_links_point_at_the_quoted_line(site, portal):
    """Every cite's link lands on the source line where its quote begins."""
    from generator.load.sources import ELLIPSIS, squeeze

    checked = 0
    for s in portal.schemes:
        lines = portal.sources[s.documents[0].source].lines
        for page in (site / "schemes" / s.id).rglob("index.html"):
            for line, quote in CITE.findall(page.read_text(encoding="utf-8")):
                n = int(line)
                first = squeeze(html.unescape(quote).split(ELLIPSIS)[0])
                at = squeeze("".join(lines[n - 1:])).find(first)
                assert 0 <= at < len(squeeze(lines[n - 1])), (page, n, first[:20])
                checked += 1
    assert checked > 300


def _strings(node, out):
    """Every text of a model (str fields, recursively)."""
    from pydantic import BaseModel

    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _strings(getattr(node, name), out)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _strings(item, out)
    return out


def test_yaml_texts_appear_escaped(site, portal):
    """Titles, notes and quotes reach the pages HTML-escaped, with nothing left raw."""
    for s in portal.schemes:
        body = "".join(p.read_text(encoding="utf-8") for p in (site / "schemes" / s.id).rglob("index.html"))
        texts = [t for c in s.conditions for t in (c.title, c.note, c.cite.quote) if t]
        for text in texts:
            assert html.escape(text, quote=False) in body, (s.id, text[:30])


def test_failed_build_leaves_the_old_site(tmp_path):
    project = copy_project(tmp_path / "p")
    out = build_site(project, tmp_path / "site")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    path = project / "schemes" / "haizhou-quality-award.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("cap: 2\n", "cap: -2\n", 1), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_site(project, tmp_path / "site")
    assert "schemes/haizhou-quality-award.yaml:" in str(err.value)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in (tmp_path).iterdir() if p.name.startswith(".site")] == []


def test_downloads_are_reproducible(site, portal, tmp_path):
    from generator.views.downloads import table_csv, table_xlsx

    s = next(s for s in portal.schemes if s.id == "suzhou-quality-award")
    form = next(f for f in s.forms if f.kind == "table")
    built = site / "schemes" / s.id / "forms" / f"{form.id}.xlsx"
    assert built.read_bytes() == table_xlsx(s, form)
    csv_text = table_csv(form).decode("utf-8-sig")
    assert csv_text.splitlines()[1] == "序号,统一社会信用代码,申报组织名称,类别,主营业务收入,是否复评,备注"

    import io

    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(built.read_bytes())).active
    header = [c.value for c in ws[3]]
    assert header == form.columns


def test_same_commit_and_epoch_give_the_same_bytes(tmp_path, monkeypatch):
    import hashlib

    from generator import ROOT

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")

    def digest(out: Path) -> dict[str, str]:
        return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(out.rglob("*")) if p.is_file()}

    first = digest(build_site(ROOT, tmp_path / "a" / "site"))
    second = digest(build_site(ROOT, tmp_path / "b" / "site"))
    assert len(first) > 100
    assert first == second


def test_phone_numbers_dial_from_anywhere():
    from generator.views.formats import phone

    assert phone("69851106", "0512") == ("0512-69851106", "tel:+8651269851106")
    assert phone("0512-69851106", "0512") == ("0512-69851106", "tel:+8651269851106")  # already long-distance
    assert phone("13800000000", "0512") == ("13800000000", "tel:+8613800000000")  # a mobile number
    assert phone("69851106") == ("69851106", "tel:+8669851106")


def test_suzhou_contacts_carry_the_area_code(site):
    html = (site / "schemes" / "suzhou-quality-award" / "contacts" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+8651269851106">0512-69851106<' in html and 'href="tel:69851106"' not in html


def test_jiangsu_pages_show_its_two_procedures_the_ladder_and_the_vetoes(site):
    """江苏: A级 (三（一）) and AA/AAA级 (三（二）) are separate procedures, drawn apart; 申报条件 gives the level
    ladder (一) and the vetoes (附件1 十一) with their quotes."""
    base = site / "schemes" / "jiangsu-quality-credit"
    process = (base / "process" / "index.html").read_text(encoding="utf-8")
    assert process.count("<figure class=\"qp-diagram\">") == 2 and "本方案有 2 个相互独立的程序" in process
    assert process.index('qp-stage-track">A级认定') < process.index('qp-stage-name">4. A级认定：省局复核') < (
        process.index('qp-stage-track">AA级、AAA级认定'))
    eligibility = (base / "eligibility" / "index.html").read_text(encoding="utf-8")
    assert 'id="levels"' in eligibility and "经认定为质量信用A级等级满2年以上" in eligibility
    assert 'id="vetoes"' in eligibility and "存在产品质量违法情形的" in eligibility
    assert 'id="levels"' not in (site / "schemes" / "suzhou-quality-award" / "eligibility" / "index.html").read_text(
        encoding="utf-8")


def test_no_template_comment_reaches_a_page(site):
    """Jinja comments here are {## … ##} ({# starts a Markdown heading id); a stray {# … #} would be printed."""
    def text(page: Path) -> str:
        return re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)

    leaked = [str(p.relative_to(site)) for p in site.rglob("*.html") if re.search(r"\{#\s|\s#\}|\{##|##\}", text(p))]
    assert leaked == []


def test_every_heading_is_a_heading(site):
    """Markdown's heading ids ({#fields}) are parsed, and no heading swallows the block after it (a trimmed
    template comment once joined 字段 {#fields} and the whole field table into one <h2>)."""
    bad = []
    for page in site.rglob("*.html"):
        for level, inner in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", page.read_text(encoding="utf-8"), flags=re.S):
            if re.search(r"\{[#.:]|<(table|div|p|ul)\b", inner):
                bad.append(f"{page.relative_to(site)}: h{level} {inner[:60]}")
    assert bad == []


def test_clause_coverage_is_for_maintainers_not_the_menu(site):
    """条款覆盖 names data paths (materials.items.21): built and linked from 关于本门户, not in the public menu."""
    home = (site / "index.html").read_text(encoding="utf-8")
    menu = re.findall(r'<a href="([^"]*)" class="md-nav__link', home)
    assert "assess/" in menu and "coverage/" not in menu and "条款覆盖" not in home
    assert (site / "coverage" / "index.html").is_file()
    assert 'href="../coverage/"' in (site / "about" / "index.html").read_text(encoding="utf-8")
