"""Coverage of the legal text (generator/views/coverage.py): the units each numbering style gives, what covers a unit
and what does not, the real figures, the report `check` prints and the 条款覆盖 page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator import ROOT, urls
from generator.cli import main
from generator.load.portal import Portal
from generator.load.sources import SourceText
from generator.model.scheme import Scheme
from generator.plugin.render import make_env
from generator.plugin.structure.pages.build import Build
from generator.views.coverage import coverage, report_lines, split_units
from tests.test_render import parse, target_file

SOURCE = "900_0123456789abcdef.txt"


def units(text: str) -> list[tuple[str, int, str]]:
    return [(u.label, u.line, u.text) for u in split_units(SourceText(SOURCE, text))]


ARTICLES = """某某质量奖管理办法
第一章 总则
第一条 为了推动质量发展，制定本办法。
第二条 申报组织应当符合下列条件，并如实申报：
（一）注册三年以上；
(二）具有独立法人资格。
第二章 附则
第三条 本办法自印发之日起施行。
"""


def test_articles_items_and_chapters():
    assert units(ARTICLES) == [
        ("文首", 1, "某某质量奖管理办法"),
        ("第一条", 3, "为了推动质量发展，制定本办法。"),
        ("第二条", 4, "申报组织应当符合下列条件，并如实申报："),  # the words before its items: a unit of its own
        ("第二条（一）", 5, "注册三年以上；"),
        ("第二条（二）", 6, "具有独立法人资格。"),  # "(二）" as the source mixes its brackets
        ("第三条", 8, "本办法自印发之日起施行。"),  # 第二章 附则 is a heading, in no unit
    ]


NOTICE = """关于开展某奖申报的通知
各有关单位：

一、申报时间
自通知之日起至5月30日。
二、申报要求
（一）申报组织应如实填写。
（二）材料要求：
1．书面材料
（1）申报表一份；
(2) 自评报告一份。
2. 电子材料，上传系统。
（三）评审安排：
①材料评审。
说明：材料评审由专家进行。
②现场评审。
联系人：张三，电话：12345678。
"""


def test_numbered_items_titles_and_paragraphs():
    assert units(NOTICE) == [
        ("文首", 1, "关于开展某奖申报的通知 各有关单位："),
        ("一、", 4, "申报时间 自通知之日起至5月30日。"),
        # 二、申报要求, （二）材料要求：, 1．书面材料 and （三）评审安排： are bare titles over their items: no units.
        ("二、（一）", 7, "申报组织应如实填写。"),
        ("二、（二）1.（1）", 10, "申报表一份；"),
        ("二、（二）1.（2）", 11, "自评报告一份。"),
        ("二、（二）2.", 12, "电子材料，上传系统。"),
        ("二、（三）①", 14, "材料评审。 说明：材料评审由专家进行。"),  # the list goes on (②): its item's paragraph
        ("二、（三）②", 16, "现场评审。"),
        ("二、 末段", 17, "联系人：张三，电话：12345678。"),  # after the last item: the paragraph closes the list
    ]


ATTACHMENTS = """正文。
附件：1.材料清单
2.评分表
3.汇总表
某某委员会
附件1
材料清单
\t序号
\t材料
\t1
\t营业执照
\t所有申报组织提供

\t2
\t自评报告
\t所有申报组织提供

注：材料均须盖章。
附件2
评分表
序号\t内容\t要点
一\t领导 (满分 10 分)\t<p>① 确立使命。(5 分)</p> <p>② 沟通。(5 分)</p>
序号\t内容\t要点
二\t战略 (满分 10 分)\t① 制定战略。(5分)
二\t战略 (满分10分)\t② 部署战略。(5分)
汇总表
填报单位：
"""


def test_attachments_rows_and_inline_items():
    assert units(ATTACHMENTS) == [
        ("文首", 1, "正文。"),
        ("附件列表", 2, "附件：1.材料清单 2.评分表 3.汇总表 某某委员会"),
        ("附件1", 6, "材料清单"),  # the table's header (序号 …) is in no unit
        ("附件1 序号1", 10, "营业执照 所有申报组织提供"),
        ("附件1 序号2", 14, "自评报告 所有申报组织提供"),
        ("附件1 末段", 18, "注：材料均须盖章。"),
        ("附件2", 19, "评分表"),
        ("附件2 序号一", 22, "领导 (满分 10 分) <p>"),
        ("附件2 序号一①", 22, "确立使命。(5 分)</p> <p>"),
        ("附件2 序号一②", 22, "沟通。(5 分)</p>"),
        ("附件2 序号二", 24, "战略 (满分 10 分)"),
        ("附件2 序号二①", 24, "制定战略。(5分)"),
        ("附件2 序号二②", 25, "部署战略。(5分)"),  # the row again after a page break: its heading repeated, no unit
        ("附件3", 26, "汇总表 填报单位："),  # no heading 附件3: its title, as the list names it, begins it
    ]


def scheme_of(text_cites: dict, not_for_applicants: list | None = None, **names: str) -> Scheme:
    """A small valid scheme over SOURCE; every cite it must have quotes 第一条 of ARTICLES."""
    cite = {"clause": "第一条", "quote": "为了推动质量发展"}
    return Scheme.model_validate({
        "id": "test-award", "order": 1, "name": names.get("name", "测试奖"),
        "short_name": names.get("short_name", "测试"), "kind": "award", "level": "district",
        "area": {"name": "某区", "code_prefixes": ["3205"], "cite": cite}, "issuers": ["某区"],
        "documents": [{"id": "main", "title": names.get("title", "某某质量奖管理办法"), "issuer": "某区",
                       "source": SOURCE}],
        "purpose": cite,
        "tiers": [{"id": "award", "name": "测试奖", "cap_text": "若干", "cite": cite}],
        "conditions": [{"id": f"c{n}", "group": "basic", "title": "条件", "judged_by": "reviewers",
                        "cite": {"clause": "第二条", "quote": quote}} for n, quote in enumerate(text_cites)],
        "stages": [{"id": "review", "name": "评审", "cite": cite}],
        "not_for_applicants": not_for_applicants or [],
    })


def covered(scheme: Scheme, text: str = ARTICLES) -> dict[str, tuple[tuple[str, ...], str | None]]:
    (doc,) = coverage([scheme], {SOURCE: SourceText(SOURCE, text)})
    return {u.unit.label: (u.cited_by, u.not_for_applicants) for u in doc.units}


def test_a_unit_is_covered_by_a_quote_inside_it_and_by_no_other():
    found = covered(scheme_of(["注册三年以上"]))
    assert found["第二条（一）"] == (("conditions.c0",), None)
    assert found["第一条"][0] == ("area", "purpose", "tiers.award", "stages.review")
    assert found["第二条（二）"] == ((), None) and found["第二条"] == ((), None) and found["文首"] == ((), None)
    # An omission (……) covers nothing it skips; a quote that ends on the next item's number covers only its own.
    found = covered(scheme_of(["应当符合下列条件……注册三年以上；(二）"]))
    assert found["第二条"][0] == found["第二条（一）"][0] == ("conditions.c0",)
    assert found["第二条（二）"] == ((), None)
    # A quote of the same words at another place (here: none) covers nothing.
    assert covered(scheme_of(["具有独立法人资格"]), ARTICLES.replace("具有独立法人资格", "具有法人资格"))[
        "第二条（二）"] == ((), None)


def test_units_marked_not_for_applicants_count_as_covered():
    scheme = scheme_of(["注册三年以上"], [{"clause": "第三条", "quote": "本办法自印发之日起施行。", "why": "施行日期"}])
    assert covered(scheme)["第三条"] == ((), "施行日期")
    (doc,) = coverage([scheme], {SOURCE: SourceText(SOURCE, ARTICLES)})
    assert (doc.covered, doc.total, doc.percent) == (3, 6, "50.0")
    assert report_lines([doc]) == [
        "条款覆盖：测试 某某质量奖管理办法：3 / 6 条（50.0 %）",
        f"  schemes/sources/{SOURCE}:1 文首 某某质量奖管理办法",
        f"  schemes/sources/{SOURCE}:4 第二条 申报组织应当符合下列条件，并如实申报：",
        f"  schemes/sources/{SOURCE}:6 第二条（二） 具有独立法人资格。",
    ]
    # Marked and quoted at once: one of the two is wrong, and the report says so.
    scheme = scheme_of(["注册三年以上"], [{"clause": "第二条", "quote": "注册三年以上", "why": "误标"}])
    assert any("标为不适用于申报者，却被引用：conditions.c0" in line
               for line in report_lines(coverage([scheme], {SOURCE: SourceText(SOURCE, ARTICLES)})))


def test_percent_is_rounded_down():
    def percent(scheme: Scheme, text: str) -> tuple[int, int, str]:
        (doc,) = coverage([scheme], {SOURCE: SourceText(SOURCE, text)})
        return doc.covered, doc.total, doc.percent

    without_chapter_two = ARTICLES.replace("第二章 附则\n第三条 本办法自印发之日起施行。\n", "")
    assert percent(scheme_of(["注册三年以上", "具有独立法人资格"]), without_chapter_two) == (3, 5, "60.0")
    three = "第一条 为了推动质量发展。\n第二条 注册三年以上。\n第三条 其他。\n"
    assert percent(scheme_of(["注册三年以上"]), three) == (2, 3, "66.6")  # 66.67 % is not yet 66.7 %


# Every clause of the five documents is covered (the goal of issue 13): (covered units, all units).
REACHED = {
    "000_22d9754cde9c24b9.txt": (61, 61),
    "001_000c66603036b55b.txt": (87, 87),
    "002_d8972c8dcece51d3.txt": (91, 91),
    "003_fd78d5cc6344b0e9.txt": (38, 38),
    "004_6134d0e5492b779d.txt": (34, 34),
}


def test_the_five_documents(portal):
    found = {d.source: d for d in coverage(portal.schemes, portal.sources)}
    assert set(found) == set(REACHED)
    for source, (reached, total) in REACHED.items():
        assert found[source].total == total, source
        assert found[source].covered >= reached, (source, [f"{u.line} {u.label}" for u in found[source].uncovered])
    # The structure as the sources number it.
    labels = {source: [u.unit.label for u in d.units] for source, d in found.items()}
    assert [x for x in labels["000_22d9754cde9c24b9.txt"] if x.startswith("附件2 序号")] == [
        f"附件2 序号{n}" for n in range(1, 22)]
    assert "附件1 一、3.（2）" in labels["000_22d9754cde9c24b9.txt"]
    assert "附件1 序号十一②" in labels["001_000c66603036b55b.txt"] and "附件2" in labels["001_000c66603036b55b.txt"]
    assert "三、（二）2.（5）⑥" in labels["002_d8972c8dcece51d3.txt"]
    assert [x for x in labels["003_fd78d5cc6344b0e9.txt"] if "（" not in x][-1] == "第二十二条"
    assert "第九条（六）" in labels["004_6134d0e5492b779d.txt"]
    # Every mark of the data lands on a unit that nothing quotes.
    for d in found.values():
        assert not [u.unit.label for u in d.units if u.cited_by and u.not_for_applicants]
        marked = sum(u.not_for_applicants is not None for u in d.units)
        assert marked >= len(d.scheme.not_for_applicants), d.source


def test_check_prints_the_report_and_still_passes(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    figures = [line for line in out if line.startswith("条款覆盖：")]
    assert len(figures) == 5 and figures[1].startswith("条款覆盖：江苏质量信用 ")
    assert all(re.fullmatch(r"条款覆盖：\S+ .+：\d+ / \d+ 条（[\d.]+ %）", line) for line in figures)
    listed = [line for line in out if line.startswith("  ")]
    assert all(re.match(r"  schemes/sources/\d{3}_[0-9a-f]{16}\.txt:\d+ \S", line) for line in listed)
    assert out[-1].startswith("ok: 5 schemes")


def test_the_page_escapes_what_comes_from_yaml(portal):
    hostile = "<script>alert(1)</script>*粗体*"
    scheme = scheme_of(["注册三年以上"], [{"clause": "第三条", "quote": "本办法自印发之日起施行。", "why": hostile}],
                       short_name=hostile, title=hostile)
    fake = Portal(root=ROOT, schemes=[scheme], sources={SOURCE: SourceText(SOURCE, ARTICLES)})
    build = Build(fake, make_env(ROOT / "templates"), dt.date(2025, 1, 1), "/", {})
    page = build.render("coverage.md.j2", urls.COVERAGE, documents=coverage(fake.schemes, fake.sources))
    assert "<script>" not in page and page.count("&lt;script&gt;") >= 4
    assert "## &lt;script&gt;alert\\(1\\)&lt;/script&gt;\\*粗体\\*：《" in page  # heading: Markdown escaped too
    assert "3 / 6 条（50.0 %）" in page and page.count("<strong>未覆盖</strong>") == 3
    assert f'href="../schemes/test-award/source/#{urls.source_anchor("main", 8)}"' in page


def test_the_page_is_built_and_its_links_resolve(site, portal):
    page = site / "coverage" / "index.html"
    links = parse(page)
    checked = 0
    ids: dict[Path, set[str]] = {}
    for d in coverage(portal.schemes, portal.sources):
        assert f"{d.scheme.id}-{d.document.id}" in links.ids
    for href in links.hrefs:
        target = target_file(page, href)
        if target is not None and "/source/#" in href:  # a clause's line on its scheme's 原文 page
            if target not in ids:
                ids[target] = parse(target).ids
            assert href.partition("#")[2] in ids[target], href
            checked += 1
    assert checked > 300
    # For maintainers: linked from 关于本门户, not from the menu (tests/test_render.py)
    assert 'href="../coverage/"' in (site / "about" / "index.html").read_text(encoding="utf-8")
