"""A notice's page is drawn once (generator/views/notice_page.py): the build's page (templates/notices/notice.md.j2)
and the office editor's preview (the check's answer, generator/office/check.py) show the same columns and the same
cells, for notices of any text, hostile text among it, every text escaped; and the preview of a half-filled notice
shows placeholders."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from html.parser import HTMLParser

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ROOT
from generator.assess.terms import SECTORS
from generator.load.notices import check_notice_text
from generator.load.portal import Portal, load_portal
from generator.load.regions import regions_json
from generator.model.notice import LoadedNotice
from generator.office import check
from generator.office.package import schemes_json
from generator.plugin.render import make_env
from generator.plugin.structure.pages.build import Build
from generator.plugin.structure.pages.notices import notice_page, notice_years
from generator.plugin.structure.pages.vocab import NOTICE_TERMS
from generator.views.notice_page import PREVIEW_ROWS
from generator.views.page_tree import h, text_of, to_html
from tests.conftest import TEST_DAY, node_tests

# The tags a notice's parts may hold: any other in a page means a text went in as HTML.
TAGS = {"article", "p", "h3", "h4", "div", "dl", "dt", "dd", "br", "span", "code", "a", "table", "caption", "thead",
        "tbody", "tr", "th", "td", "h1", "button", "ul", "li"}
HOSTILE = ["<script>alert(1)</script>", "A & B <b>粗</b>", '"引号" \'单\'', "</td></tr><tr><td>", "&amp; &lt;",
           "<img src=x onerror=alert(1)>", "示例（有限）公司", "Ünïcødé ✓ 𠀀"]
# Region codes: named ones, in and outside the schemes' areas, and one the table does not know.
REGIONS = ["320706", "320506", "330402", "320583", "110101", "990000"]


@cache
def _portal() -> Portal:
    return load_portal(ROOT)


@cache
def _build() -> Build:
    portal = _portal()
    check.load_schemes(schemes_json(portal.schemes))
    check.load_regions(regions_json(ROOT))
    return Build(portal, make_env(ROOT / "templates"), TEST_DAY, "/", notice_years(portal))


class Parts(HTMLParser):
    """The list's column headers and rows, and the objections' terms and values, as texts; every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.dls: list[list[tuple[str, str]]] = []  # each <dl>'s (<dt>, <dd>) pairs
        self._in_entries = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        if tag == "table":
            self._in_entries = "qp-entries" in (dict(attrs).get("class") or "")
        elif tag == "tr" and self._in_entries:
            self.rows.append([])
        elif tag in ("th", "td", "dt", "dd"):
            self._cell = []
        elif tag == "dl":
            self.dls.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_entries = False
        elif tag in ("th", "td", "dt", "dd") and self._cell is not None:
            text, self._cell = "".join(self._cell), None
            if tag == "th" and self._in_entries:
                self.headers.append(text)
            elif tag == "td" and self._in_entries:
                self.rows[-1].append(text)
            elif tag == "dt":
                self.dls[-1].append((text, ""))
            elif tag == "dd":
                self.dls[-1][-1] = (self.dls[-1][-1][0], text)

    @property
    def facts(self) -> list[tuple[str, str]]:
        return next((dl for dl in self.dls if any(term == "发布机关" for term, _ in dl)), [])

    @property
    def objections(self) -> list[tuple[str, str]]:
        return [pair for dl in self.dls for pair in dl if pair[0] in ("受理单位", "方式", "电话", "电子邮箱", "地址")]

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parsed(html: str) -> Parts:
    out = Parts()
    out.feed(html)
    out.close()
    return out


def texts(alphabet_min: int = 1, size: int = 30) -> st.SearchStrategy[str]:
    """Texts a clerk may type: any letters, digits, punctuation, symbols and spaces (no control characters),
    hostile ones often."""
    typed = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), min_size=alphabet_min,
                    max_size=size).map(str.strip).filter(bool)
    return st.one_of(st.sampled_from(HOSTILE), typed)


KINDS = {"haizhou-quality-award": ["acceptance", "proposed_winners"],
         "jiangsu-quality-credit": ["credit_results"], "jiaxing-mayor-quality-award": ["proposed_winners"]}


@st.composite
def notices(draw: st.DrawFn) -> tuple[str, str]:
    """(path, YAML text) of a notice that the model accepts (the content checks may find problems)."""
    scheme_id = draw(st.sampled_from(sorted(KINDS)))
    kind = draw(st.sampled_from(KINDS[scheme_id]))
    scheme = next(s for s in _portal().schemes if s.id == scheme_id)
    published = dt.date(2026, 11, 2) + dt.timedelta(days=draw(st.integers(0, 20)))
    optional = {"outside_area_reason": texts(), "note": texts(),
                "tier": st.sampled_from(sorted(scheme.tier_names)), "sector": st.sampled_from(list(SECTORS.ids))}
    entries = []
    for _ in range(draw(st.integers(0, PREVIEW_ROWS + 3))):
        code = "91" + draw(st.sampled_from(REGIONS)) + draw(st.text("0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=10,
                                                                    max_size=10))
        entry = {"organisation": draw(texts(size=40)), "credit_code": code}
        for key in draw(st.sets(st.sampled_from(sorted(optional)))):
            entry[key] = draw(optional[key])
        entries.append(entry)
    data = {"scheme": scheme_id, "kind": kind, "title": draw(texts()), "issuer": draw(texts()),
            "published": published, "body": draw(st.lists(texts(), max_size=3)), "entries": entries}
    objections = {key: draw(texts()) for key in draw(st.sets(st.sampled_from(["receiver", "text", "address"])))}
    if draw(st.booleans()):
        objections["phone"] = "0518-" + str(draw(st.integers(10_000_000, 99_999_999)))
    if draw(st.booleans()) or objections and not {"phone", "address"} & set(objections):
        objections["email"] = "clerk@example.org"  # the model asks for one way to reach the receiver
    if objections or draw(st.booleans()):
        data["objections"] = objections or None
    path = f"public_lists/{scheme_id}/{published.year}/{published.isoformat()}-{kind}.yaml"
    return path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def build_page(path: str, text: str) -> tuple[str, LoadedNotice]:
    """The build's page of the notice (as the plugin writes it), loaded as the build loads it."""
    build = _build()
    result = check_notice_text(text, path, {s.id: s for s in _portal().schemes}, TEST_DAY)
    assert result.notice is not None, [p.message for p in result.problems]
    item = LoadedNotice(path, result.notice, result.period, result.data)
    scheme = next(s for s in _portal().schemes if s.id == item.notice.scheme)
    return notice_page(build, scheme, item, {"notices": [item]} | NOTICE_TERMS), item


@settings(derandomize=True, max_examples=60, deadline=None)
@given(notices())
def test_the_page_and_the_preview_show_the_same_list_and_objections(notice: tuple[str, str]):
    path, text = notice
    page, item = build_page(path, text)
    answer = json.loads(check.check(text, path, TEST_DAY.isoformat()))
    assert answer["preview"] is not None
    # The preview as the check answers it, and as it draws the parsed YAML when the notice does not validate.
    as_checked = parsed(to_html(answer["preview"]))
    as_typed = parsed(to_html(check.preview(yaml.safe_load(text), None, answer["period"])))
    built = parsed(page)
    entries = item.notice.entries
    for preview in (as_checked, as_typed):
        assert preview.headers == built.headers
        assert preview.rows[1:] == built.rows[1: PREVIEW_ROWS + 1]  # the first <tr> is the header's
        assert preview.tags <= TAGS and built.tags <= TAGS  # no text went in as a tag
        assert preview.objections == built.objections
        assert preview.facts[:3] == built.facts[1:4]  # the build's first is its status
    if entries:
        assert built.headers[:4] == ["序号", "组织名称", "统一社会信用代码", "注册地"] and built.headers[-1] == "行业"
        assert len(built.rows) == len(entries) + 1
        # Every text of the notice reads back as it was written: escaped, never markup.
        assert [row[1] for row in built.rows[1:]] == [
            e.organisation + (e.outside_area_reason or "") + (e.note or "") for e in entries]
    if item.notice.objections is not None:
        o = item.notice.objections
        assert [v for _, v in built.objections] == [v for v in (o.receiver, o.text, o.phone, o.email, o.address) if v]
    more = f"预览只显示前 {PREVIEW_ROWS} 项，名单共 {len(entries)} 项。"
    assert (more in to_html(answer["preview"])) == (len(entries) > PREVIEW_ROWS)


def test_hostile_text_is_escaped_in_the_page():
    html = to_html([h("td", {"data-label": '"><script>'}, "<script>alert(1)</script> & \"x\"")])
    assert html == ('<td data-label="&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"</td>')


def test_a_half_filled_notice_shows_placeholders():
    _build()
    text = ("scheme: haizhou-quality-award\nkind: acceptance\ntitle: ''\nentries:\n  - organisation: 示例公司\n"
            "    credit_code: 91320706ay4cl12 thy\n  - credit_code: '123'\nobjections:\n")
    answer = json.loads(check.check(text, "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml",
                                    TEST_DAY.isoformat()))
    assert answer["notice"] is None and answer["problems"]
    preview = parsed(to_html(answer["preview"]))
    html = to_html(answer["preview"])
    assert "（标题）" in html and "预览：尚未发布" in html
    assert preview.objections == [] and "（尚未填写）" in html  # none written yet
    # The code as the model normalises it, its place named; a row without a name or a usable code shows "—".
    assert preview.rows[1] == ["1", "示例公司", "91320706AY4CL12THY", "江苏省连云港市海州区", "—"]
    assert preview.rows[2] == ["2", "—", "123", "—", "—"]
    facts = preview.facts
    assert facts[:3] == [("方案", "海州质量奖 · 受理名单公示"), ("发布机关", "（发布机关）"),
                         ("发布日期", "（发布日期）")]
    assert facts[3] == ("公示期", "（填写无误后按规则计算）")


def test_text_that_is_no_notice_has_no_preview():
    _build()
    answer = json.loads(check.check("scheme: [", "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml",
                                    TEST_DAY.isoformat()))
    assert answer["preview"] is None


def test_the_editor_builds_the_tree_with_textcontent_and_refuses_a_hostile_one(tmp_path):
    """tests/node/page-tree.test.mjs: the JavaScript builder of the trees, with a hostile tree; and the preview of a
    hostile notice, built there, shows the text Python says it shows."""
    _build()
    text = ("scheme: haizhou-quality-award\nkind: acceptance\ntitle: '<script>alert(1)</script>'\nentries:\n"
            "  - organisation: '</td><img src=x onerror=alert(1)> & \"x\"'\n    credit_code: 91320706AY4CL12THY\n")
    answer = json.loads(check.check(text, "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml",
                                    TEST_DAY.isoformat()))
    tree = answer["preview"]
    assert "<script>alert(1)</script>" in text_of(tree)
    (tmp_path / "tree.json").write_text(json.dumps({"tree": tree, "text": text_of(tree)}), encoding="utf-8")
    node_tests("page-tree.test.mjs", 4, env={"QP_TREE": str(tmp_path / "tree.json")})


_JUNK = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.dates() | texts(),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                         st.sampled_from(["organisation", "credit_code", "tier", "sector", "note", "receiver",
                                          "phone", "start", "x"]), inner, max_size=4), max_leaves=12)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["scheme", "kind", "title", "issuer", "published", "body", "entries",
                                        "objections", "end"]),
                       st.sampled_from(["haizhou-quality-award", "acceptance", "winners"]) | _JUNK, max_size=9))
def test_any_half_filled_notice_has_a_preview(data: dict):
    """Whatever the clerk's YAML holds where a notice's values belong (a list for a title, a number for an entry),
    the preview is drawn, with placeholders: the editor's check never fails on it."""
    _build()
    tree = check.preview(data, None, None)
    html = to_html(tree)
    assert parsed(html).tags <= TAGS
    assert "（标题）" in html or isinstance(data.get("title"), (str, int, float, dt.date))
