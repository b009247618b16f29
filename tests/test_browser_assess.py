"""The self-assessment page in headless Chromium: fill the form for a sample company, see the
verdicts and the score, reload from the share link and see the same, and no request leaves the site."""

from __future__ import annotations

import pytest

from tests.conftest import open_calculator, settle, share_link

pytestmark = pytest.mark.browser


def results_text(page) -> str:
    return page.locator("#qp-results").inner_text()


def wait_for_result(page, previous: str | None) -> None:
    page.wait_for_function(
        "prev => { const r = document.getElementById('qp-assess').dataset.resultId; return r && r !== prev; }",
        arg=previous)


def test_fill_form_see_verdicts_share_and_reload(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/")
    page.get_by_text("计算引擎已就绪").wait_for()
    assert "符合申报条件" not in page.locator(".qp-verdict").all_inner_texts()  # empty profile: undetermined

    def answer(label: str, value: str, kind: str = "select") -> None:
        previous = page.locator("#qp-assess").get_attribute("data-result-id")
        field = page.get_by_label(label, exact=True)
        field.select_option(value) if kind == "select" else field.fill(value)
        wait_for_result(page, previous)

    answer("注册地行政区划代码", "320506", "fill")
    answer("行业", "manufacturing")
    answer("注册登记日期", "2015-03-18", "fill")
    answer("具有独立法人资格", "yes")
    verdicts = dict(zip(
        [t.split("：")[0] for t in page.locator(".qp-result h3").all_inner_texts()],
        page.locator(".qp-verdict").all_inner_texts(), strict=True))
    # Registered in 苏州 (3205xx): 嘉兴 (3304), 海州 (320706) exclude it by area; 苏州 cannot be decided yet.
    assert verdicts["嘉兴市市长质量奖"] == "不符合申报条件"
    assert verdicts["海州质量奖"] == "不符合申报条件"
    assert verdicts["苏州市质量奖"] == "尚不能确定"

    page.get_by_text("江苏省质量信用技术指标（附件1）").click()
    answer("1.1（2.5 分）", "yes")
    answer("3.1（4 分）", "5", "fill")  # 2 + 0.5 × 4 = 4
    assert "技术指标得分：6.5 / 100" in results_text(page)

    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="复制分享链接").click()
    page.wait_for_function("location.hash.startsWith('#p=')")
    link, before = page.url, results_text(page)

    other = context.new_page()
    other.set_default_timeout(60000)
    other.goto(link)
    other.get_by_text("计算引擎已就绪").wait_for()
    other.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    assert results_text(other).replace(" ", "") == before.replace(" ", "")
    assert other.get_by_label("注册地行政区划代码", exact=True).input_value() == "320506"
    context.close()
    assert outside == []


def test_bad_share_link_or_file_shows_a_chinese_message_and_no_stale_result(browser, server, tmp_path):
    """Issue 9: a broken link, a profile the engine refuses, or a file that is not a profile: a message next
    to the form, in Chinese, and no result on screen that belongs to another profile."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60000)
    problem = page.locator("#qp-profile-problem")

    page.goto(server + "assess/#p=%%%not-base64")
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    assert problem.is_visible() and "分享链接中的档案无法读取" in problem.inner_text()

    page.goto(server + "assess/#p=" + share_link({"sector": "mining", "invention_patents": -1}))
    page.reload()
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("!document.getElementById('qp-profile-problem').hidden")
    assert "应为" in problem.inner_text() and "Traceback" not in problem.inner_text()
    assert page.locator(".qp-result").count() == 0

    page.goto(server + "assess/")
    page.reload()
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    assert page.locator(".qp-result").count() > 0 and problem.is_hidden()
    bad = tmp_path / "not-a-profile.json"
    bad.write_text("[1, 2, 3]", encoding="utf-8")
    page.locator("input[data-action=load]").set_input_files(str(bad))
    page.wait_for_function("!document.getElementById('qp-profile-problem').hidden")
    assert "not-a-profile.json 不是有效的档案文件" in problem.inner_text()
    assert page.locator(".qp-result").count() == 0
    context.close()


def test_answer_first_and_no_sideways_scroll_on_a_phone(browser, server):
    """The failing condition and its next step lead the result; opening the full table never widens the page."""
    import json

    profile = json.loads((__import__("generator").ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text())
    profile["established"] = "2024-01-10"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/#p=" + share_link(profile))
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    first = page.locator(".qp-result").first
    assert "自 2027-01-10 起" in first.locator(".qp-next-steps").inner_text()
    first.locator("details summary").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_indicator_scores_in_the_order_of_the_text(browser, server):
    """各项计分 lists 8.1, 8.2 … 8.10, as 附件1 numbers them (the engine's JSON comes with sorted keys)."""
    import json

    profile = json.loads((__import__("generator").ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text())
    page = browser.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/#p=" + share_link(profile))
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    items = page.locator("#qp-result-jiangsu-quality-credit details", has_text="各项计分").locator("li")
    ids = [t.split("：")[0] for t in items.all_text_contents()]
    assert ids.index("8.2") < ids.index("8.10") and ids.index("1.1") == 0
    page.close()


SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({ type: "layout-shift", buffered: true });"""


@pytest.mark.parametrize("width", [412, 1280])
def test_nothing_on_screen_moves_while_the_calculator_loads(browser, nginx, width):
    """Cumulative layout shift from navigation until the engine's first result (Lighthouse counts the same
    shifts): the form, its status line and the footer keep their places while the engine loads."""
    context = browser.new_context(viewport={"width": width, "height": 823})
    page = context.new_page()
    page.add_init_script(SHIFTS)
    page.goto(nginx + "assess/")
    assert not page.get_by_text("Details", exact=True).is_visible()  # no empty <details> with the browser's summary
    page.locator("#qp-engine-status", has_text="计算引擎已就绪").wait_for(timeout=60000)
    page.wait_for_timeout(500)
    total = page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
    context.close()
    assert total < 0.02, f"layout shift {total:.3f} at {width} px"  # was 0.39 (phone) and 0.64 (desktop)


def test_without_javascript_the_page_says_what_it_needs(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "assess/")
    assert page.locator("#qp-needs-js").is_visible() and not page.locator("#qp-assess").is_visible()
    context.close()


def test_an_earlier_link_keeps_its_records_and_a_new_link_names_the_version(browser, server):
    """Issue 25: a share link of the first format (an export record as its date alone) loads into the form as
    that record, its kind open; the engine asks for the kind; the link the page writes names the version."""
    import base64
    import json

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/#p=" + share_link({"as_of": "2024-06-01", "sector": "service",
                                             "export_failures": ["2022-01-10"]}))
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    block = page.locator(".qp-field[data-field='export_failures']")
    assert block.locator("input[type=date]").first.input_value() == "2022-01-10"
    assert "填写类别" in results_text(page)
    page.get_by_role("button", name="复制分享链接").click()
    page.wait_for_function("location.hash.startsWith('#p=')")
    written = page.evaluate("location.hash.slice(3)")
    shared = json.loads(base64.urlsafe_b64decode(written + "=" * (-len(written) % 4)))
    assert shared["profile_version"] >= 2 and shared["export_failures"] == [{"date": "2022-01-10"}]
    context.close()


def test_an_oversize_link_shows_the_engines_message(browser, server):
    """Issue 25: a link carrying more records than the format allows is refused by the engine, in Chinese."""
    page = browser.new_page()
    page.set_default_timeout(120000)
    page.goto(server + "assess/#p=" + share_link({"major_quality_complaints": ["2020-01-01"] * 10_001}))
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("!document.getElementById('qp-profile-problem').hidden")
    assert "最多 10,000 条" in page.locator("#qp-profile-problem").inner_text()
    page.close()


def test_cards_lead_with_what_decides(browser, server):
    """Issue 27: a card leads with what fails, folds what cannot change a decided verdict, says when the source
    sets no pass mark, and lists each material once, numbered on, without its heading twice."""
    import re

    profile = {"as_of": "2026-05-01", "region_code": "320506", "sector": "manufacturing",
               "violations": [{"date": "2025-06-01", "penalized": True}],
               "credit": {"level": "A", "since": "2023-03-01", "target_level": "A"},
               "credit_answers": {"1.1": True}}
    context, page = open_calculator(browser, server, {"width": 1366, "height": 900}, profile)
    suzhou = page.locator("#qp-result-suzhou-quality-award")
    first = suzhou.locator(".qp-next-steps li").first.inner_text()
    assert first.startswith("不符合"), first
    assert "结论已确定" in suzhou.locator(".qp-decided").inner_text()
    haizhou = page.locator("#qp-result-haizhou-quality-award")
    folded = haizhou.locator(".qp-folded summary").inner_text()
    assert re.fullmatch(r"另有 \d+ 项尚未判断，不影响结论", folded), folded
    assert all(t.startswith("不符合") for t in haizhou.locator(":scope > .qp-next-steps li").all_inner_texts())
    assert "原文未设合格线" in page.locator("#qp-result-jiangsu-quality-credit").inner_text()
    for card in page.locator(".qp-result").all():
        card.locator("details.qp-checklist summary").click()
        items = card.locator(".qp-checklist li").all_inner_texts()
        starts = card.locator(".qp-checklist ol").evaluate_all("xs => xs.map(x => x.start)")
        counts = card.locator(".qp-checklist ol").evaluate_all("xs => xs.map(x => x.children.length)")
        assert starts == [1 + sum(counts[:i]) for i in range(len(counts))]  # numbered on, 1, 2, 3 …
        for text in items:
            head, _, rest = text.partition("：")
            assert rest.split("（原文")[0] != head, text  # "苏州市质量奖申请：苏州市质量奖申请"
            assert "原文第" in text
        heads = [t.split("：")[0].split("（原文")[0] for t in items]
        assert len(heads) == len(set(heads)) or card.get_attribute("id").endswith("jiaxing-mayor-quality-award"), heads
    jiangsu = page.locator("#qp-result-jiangsu-quality-credit .qp-checklist").inner_text()
    assert "书面申请材料（AA级、AAA级认定）" not in jiangsu and jiangsu.count("申请表及相关材料") == 1
    context.close()


def test_credit_level_is_asked_and_help_speaks_in_words(browser, server):
    """Issue 27: the 江苏 level sought is a question of the guided form (not only under 显示全部问题); help says which
    schemes use a question and for what, the clauses behind one toggle; every free-text box shows an example."""
    context, page = open_calculator(browser, server, {"width": 1366, "height": 900})

    page.get_by_label("注册地行政区划代码", exact=True).fill("320902")
    settle(page)
    page.get_by_label("行业", exact=True).select_option("manufacturing")
    settle(page)
    skip = page.get_by_role("button", name="这组其余的问题暂不回答，下一组")
    while skip.count():
        skip.first.click()
        settle(page)
    credit = page.locator('.qp-field[data-field="credit"]')
    assert credit.is_visible() and credit.get_by_label("申报等级").is_visible()
    help_text = credit.locator(".qp-help").inner_text()
    assert "江苏质量信用（" in help_text and "申报等级的门槛" in help_text, help_text
    assert "附件" not in help_text  # the clauses wait behind the toggle
    page.get_by_role("button", name="显示各题的条款出处").click()
    assert "条款：" in credit.locator(".qp-help").inner_text()
    assert "盐城原文为“具有法人资格”" in page.locator('.qp-field[data-field="legal_person"] .qp-help').inner_text()
    page.get_by_role("button", name="显示全部问题").click()
    texts = page.locator("#qp-form input[type=text]").evaluate_all("xs => xs.map(x => [x.id, x.placeholder])")
    systems = page.locator('.qp-field[data-field="management_systems"]')
    systems.get_by_role("button", name="＋ 添加一条").click()
    texts += systems.locator("input[type=text]").evaluate_all("xs => xs.map(x => [x.id, x.placeholder])")
    assert texts and all(p.startswith("例如") for _, p in texts), texts
    context.close()


def test_a_drafts_result_links_to_the_revisions_page_the_build_named(browser, server):
    """The 修订对照 link under a draft's result is the URL the build gave the page (data-revisions, from
    generator/plugin/structure/urls.py and the nav's pages), not one the script writes by hand; only schemes with
    the page are named."""
    from generator import ROOT

    for script in (ROOT / "site_src/assets/javascripts/assess").glob("*.mjs"):
        assert "schemes/${" not in script.read_text(encoding="utf-8"), script.name
    page = browser.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/#p=" + share_link({"as_of": "2026-05-01", "region_code": "320902"}))
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    named = page.get_attribute("#qp-assess", "data-revisions")
    assert [pair.split(" ")[0] for pair in named.split(",")] == ["yancheng-mayor-quality-award"]
    link = page.locator("#qp-result-yancheng-mayor-quality-award .qp-earlier a", has_text="修订对照")
    href = link.get_attribute("href")
    assert href == server + "schemes/yancheng-mayor-quality-award/revisions/"
    assert page.request.get(href).ok
    page.close()
