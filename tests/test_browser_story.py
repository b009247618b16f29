"""Issue 12: the quality manager's first minutes, played in headless Chromium on a desktop and a 390 px phone:
from the home page to the calculator, the region picked by name, a half-typed code and a wrong number that
never wipe the results, focus that is visible and stays where the work is, and no loss without a question."""

from __future__ import annotations

import pytest

from tests.conftest import open_calculator, settle, share_link

pytestmark = pytest.mark.browser

# Whether leaving the page now would ask first (the page cancels "beforeunload").
LEAVING = ("(() => { const e = new Event('beforeunload', {cancelable: true}); dispatchEvent(e);"
           " return e.defaultPrevented; })()")
VIEWPORTS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


def _result_id(page) -> str | None:
    return page.locator("#qp-assess").get_attribute("data-result-id")


def _wait_new_result(page, previous: str | None) -> None:
    page.wait_for_function(
        "prev => { const r = document.getElementById('qp-assess').dataset.resultId; return r && r !== prev; }",
        arg=previous)


@pytest.mark.parametrize("device", VIEWPORTS)
def test_quality_manager_story(browser, server, device):
    context = browser.new_context(viewport=VIEWPORTS[device])
    page = context.new_page()
    page.set_default_timeout(60000)

    # The home page leads to the calculator.
    page.goto(server)
    page.get_by_role("link", name="开始自评").click()
    page.get_by_text("计算引擎已就绪").wait_for()
    # The progress bar counted the engine's real bytes, as Pyodide read them (the sizes the build wrote).
    sizes = page.locator("#qp-assess").get_attribute("data-download")
    assert page.evaluate("window.qpMetrics.downloadBytes") == sum(int(p.split(":")[1]) for p in sizes.split(","))
    assert page.locator("#qp-engine-progress").is_hidden()
    # The ready line says the bytes the network carried (Resource Timing), not the files' unpacked sizes.
    sent = page.evaluate("window.qpMetrics.sentBytes")
    assert sent > 0 and f"本次经网络传输 {sent / 1048576:.1f} MB" in page.locator("#qp-engine-status").inner_text()
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    assert page.evaluate(LEAVING) is False  # a page merely opened lets the reader go

    # The region by name: 江苏省 → 苏州市 → 吴中区 fills the code and the area condition passes.
    before = _result_id(page)
    page.get_by_label("注册地省份").select_option(label="江苏省")
    page.get_by_label("注册地城市").select_option(label="苏州市")
    page.get_by_label("注册地区县").select_option(label="吴中区")
    _wait_new_result(page, before)
    code = page.get_by_label("注册地行政区划代码", exact=True)
    assert code.input_value() == "320506"
    assert "江苏省苏州市吴中区" in page.locator(".qp-region .qp-field-note").inner_text()
    # Verdicts that the answer changed are announced (a polite status line) and marked on their cards.
    news = page.locator("#qp-verdict-news")
    assert news.get_attribute("role") == "status"
    assert "嘉兴市市长质量奖：由“尚不能确定”变为“不符合申报条件”" in news.inner_text()
    assert "原为尚不能确定" in page.locator(".qp-result.qp-changed", has_text="嘉兴市市长质量奖").inner_text()
    suzhou = page.locator(".qp-result").first
    suzhou.locator("details summary", has_text="逐项条件").click()
    area_row = suzhou.locator("tr", has_text="注册登记住所在苏州市行政区域内")
    assert "符合" in area_row.locator("td").first.inner_text()
    results_before = page.locator(".qp-result").count()
    assert results_before == 5

    # Only questions that could still change a verdict are shown, group by group: once the sector is known, the
    # agriculture and service questions go; "显示全部问题" brings every question back.
    hidden = "n => document.querySelector(`.qp-field[data-field='${n}']`).hidden"
    before = _result_id(page)
    page.get_by_label("行业", exact=True).select_option("manufacturing")
    _wait_new_result(page, before)
    assert "可能改变结论" in page.locator(".qp-guide-text").inner_text()
    assert page.evaluate(hidden, "own_production_base") and page.evaluate(hidden, "service_standards")
    assert not page.evaluate(hidden, "established")  # basic facts still open
    page.get_by_role("button", name="显示全部问题").click()
    assert not page.evaluate(hidden, "own_production_base")

    # A half-typed code is "not filled in yet", said at the field; the results stay on screen.
    before = _result_id(page)
    code.fill("3205")
    _wait_new_result(page, before)
    assert "已输入 4 位" in page.locator(".qp-region .qp-field-note").inner_text()
    assert page.locator(".qp-result").count() == results_before
    assert page.locator("#qp-profile-problem").is_hidden()
    code.fill("320506")

    # A wrong number: the message is at its field and in the summary, in Chinese; the last results stay, marked.
    systems = page.locator("details.qp-section", has_text="管理体系与创新")
    systems.locator("summary").first.click()
    before = _result_id(page)
    patents = page.get_by_label("发明专利数", exact=True)
    patents.fill("-1")
    page.wait_for_function("!document.getElementById('qp-profile-problem').hidden")
    field_problem = page.locator('.qp-field[data-field="invention_patents"] .qp-field-problem')
    assert "应为 0 至" in field_problem.inner_text()
    assert patents.get_attribute("aria-invalid") == "true"
    assert page.locator(".qp-result").count() == results_before
    assert "改动之前的结果" in page.locator(".qp-stale-note").inner_text()
    page.locator("#qp-profile-problem").get_by_role("link", name="转到该项").click()
    assert page.evaluate("document.activeElement.getAttribute('aria-invalid')") == "true"
    before = _result_id(page)  # the refused answer's round trip
    patents.fill("2")
    _wait_new_result(page, before)
    assert page.locator("#qp-profile-problem").is_hidden() and page.locator(".qp-field-problem").count() == 0
    assert page.locator(".qp-stale-note").count() == 0

    # Focus is visible on every control (a real outline, not the browser's nothing).
    patents.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), outline

    # Adding a record puts focus in the new row; deleting it leaves focus in the list.
    records = page.locator("details.qp-section", has_text="近年记录")
    records.locator("summary").first.click()
    incidents = page.locator('.qp-field[data-field="incidents"]')
    incidents.get_by_role("button", name="＋ 添加一条").click()
    assert page.evaluate("document.activeElement.closest('.qp-row') !== null")
    incidents.get_by_role("button", name="删除事故第1条").click()
    assert page.evaluate("document.activeElement.classList.contains('qp-add')")

    # Nothing is lost without a question: leaving with unsaved answers asks (the browser's own dialog) …
    assert page.evaluate(LEAVING) is True
    # … and 清空 asks, and "cancel" keeps every answer.
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.get_by_role("button", name="清空").click()
    assert asked and "清空" in asked[0]
    assert code.input_value() == "320506"
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="清空").click()
    page.wait_for_function("document.querySelector('.qp-region input').value === ''")
    assert page.evaluate(LEAVING) is False  # nothing left to lose

    # On a phone a bar keeps every verdict one tap away; on a desktop the results stand beside the form.
    bar = page.locator("#qp-result-bar")
    if device == "phone":
        assert bar.is_visible() and bar.locator("a").count() == 5
        bar.get_by_role("link", name="嘉兴市市长质量奖：尚不能确定").click()  # the profile was just cleared
        page.wait_for_function("location.hash === '#qp-result-jiaxing-mayor-quality-award'")
        assert page.locator("#qp-result-jiaxing-mayor-quality-award").is_visible()
    else:
        assert bar.is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[device]["width"]
    if device == "phone":  # and on the narrowest phone in use, with a full condition table open
        page.set_viewport_size({"width": 360, "height": 740})
        page.locator(".qp-result").first.locator("summary", has_text="逐项条件").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # The table reflows into one card per condition: nothing scrolls sideways inside its box either.
        box = page.locator(".qp-result").first.locator(".qp-table-scroll")
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
        assert box.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content") == '"结果"'
    context.close()


@pytest.mark.parametrize("device", VIEWPORTS)
def test_keyboard_only_story(browser, server, device):
    """The same manager with the keyboard alone (bench/keyboard_story.py plays it): every Tab stop shows where
    focus is and is not under the phone's result bar, no action drops focus to the page, and the guided form asks
    the questions bench/questions_shown.py counts, ending with the verdicts of the whole profile."""
    import json

    from bench.keyboard_story import play
    from bench.questions_shown import FACTS, guided
    from generator import ROOT
    from generator.assess.engine import assess
    from generator.assess.profile import parse_profile
    from generator.load.portal import load_portal
    from generator.views.export import engine_data

    profile = json.loads((ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text(encoding="utf-8"))
    context = browser.new_context(viewport=VIEWPORTS[device])
    page = context.new_page()
    page.set_default_timeout(60000)
    seen = play(page, server, profile)
    context.close()

    assert seen["skip_link"] == "跳转至"
    assert seen["tabs_to_first_field"] <= 12
    assert seen["unseen_focus"] == [] and seen["focus_lost"] == []
    data = json.loads(json.dumps(engine_data(load_portal(ROOT)), default=str))
    counted, _, _ = guided(profile, data)
    assert len(seen["shown"]) == len(counted) <= 0.6 * len(FACTS)  # at least 40 % fewer than the whole form
    assert seen["verdicts"] == {r["scheme"]: r["verdict"] for r in assess(parse_profile(profile), data)["results"]}


def test_records_question(browser, server):
    """Records nobody wants to have are one question: ticking a kind opens its list with focus on "添加一条";
    unticking a kind that holds records asks first; "以上都没有" (once a kind is ticked, "其余都没有") answers every
    kind still unticked with an empty list and keeps the ticked kind's records."""
    context, page = open_calculator(browser, server, VIEWPORTS["desktop"])
    page.get_by_text("计算引擎已就绪").wait_for()
    page.get_by_role("button", name="这组其余的问题暂不回答，下一组").click()  # 基本信息
    page.get_by_role("button", name="这组其余的问题暂不回答，下一组").click()  # 行业与生产条件
    page.get_by_role("button", name="这组其余的问题暂不回答，下一组").click()  # 管理体系与创新
    screen = page.locator(".qp-screen")
    assert screen.is_visible() and page.evaluate("document.activeElement.closest('.qp-screen') !== null")
    sampling = page.locator('.qp-field[data-field="sampling_failures"]')
    assert sampling.is_hidden()
    screen.get_by_label("监督抽查不合格").check()
    assert sampling.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('qp-add')")
    assert sampling.get_by_text("没有（已确认）").count() == 0  # "没有" is said in the question, by unticking
    sampling.get_by_role("button", name="＋ 添加一条").click()
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    screen.get_by_label("监督抽查不合格").click()  # "cancel": the tick and the record stay
    assert asked and "监督抽查不合格" in asked[0] and sampling.is_visible()
    assert screen.get_by_label("监督抽查不合格").is_checked()
    listed = screen.locator("label.qp-check:not([hidden]) input[data-field]").evaluate_all(
        "xs => xs.map(x => x.dataset.field)")
    assert len(listed) >= 3 and "sampling_failures" in listed
    screen.get_by_label("其余都没有（已确认）").check()  # no dialog: the ticked kind keeps its record
    assert sampling.is_visible() and screen.get_by_label("监督抽查不合格").is_checked()
    assert screen.get_by_label("其余都没有（已确认）").is_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="保存档案（JSON）").click()
    import json
    from pathlib import Path

    stored = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert all(stored[n] == [] for n in listed if n != "sampling_failures"), stored
    assert len(stored["sampling_failures"]) == 1
    screen.locator(".qp-screen-none input").focus()  # off the save button (its pressed look is not the page's)
    from tests.test_a11y import axe

    assert axe(page) == []
    context.close()


def test_nothing_a_result_asks_for_is_hidden(browser, server):
    """Issue 27's story: a 苏州 maker with one penalised violation ticks 违法违规记录 in the records question; "以上都
    没有" then answers every other kind (质量失信行为 included); after "下一组" nothing any card asks for is hidden,
    the guide does not say nothing is left while a card asks for a fact, and each asked fact is a link that opens
    and focuses its question."""
    context, page = open_calculator(browser, server, VIEWPORTS["desktop"])
    page.get_by_text("计算引擎已就绪").wait_for()

    page.get_by_label("注册地行政区划代码", exact=True).fill("320506")
    settle(page)
    page.get_by_label("行业", exact=True).select_option("manufacturing")
    settle(page)
    next_group = page.get_by_role("button", name="这组其余的问题暂不回答，下一组")
    while not page.locator(".qp-screen").is_visible():
        next_group.click()
        settle(page)
    screen = page.locator(".qp-screen")
    kinds = screen.locator("label.qp-check:not([hidden]) input[data-field]").evaluate_all(
        "xs => xs.map(x => x.dataset.field)")
    assert "quality_dishonesty" in kinds and "violations" in kinds
    screen.get_by_label("违法违规记录").check()
    violations = page.locator('.qp-field[data-field="violations"]')
    violations.get_by_role("button", name="＋ 添加一条").click()
    violations.locator("input[type=date]").fill("2025-06-01")
    violations.get_by_label("受到行政处罚").select_option("yes")
    settle(page)
    # The list never shrinks under the hand, and "以上都没有" answers every kind still unticked.
    assert screen.locator("label.qp-check:not([hidden]) input[data-field]").evaluate_all(
        "xs => xs.map(x => x.dataset.field)") == kinds
    screen.locator(".qp-screen-none input").check()
    settle(page)
    assert screen.locator(".qp-screen-none input").is_checked()
    assert page.evaluate("document.querySelector('.qp-field[data-field=\"quality_dishonesty\"] .qp-none-box input')"
                         "?.checked ?? null") in (True, None)
    # Skip every group left: each fact a card still asks for stays a question on screen.
    while next_group.count():
        next_group.first.click()
        settle(page)
    guide = page.locator(".qp-guide-text").inner_text()
    cards = page.locator(".qp-result")
    asked = cards.locator("a.qp-ask").evaluate_all("xs => [...new Set(xs.map(x => x.dataset.ask))]")
    if asked:
        assert "没有其他可能改变结论的问题了" not in guide, guide
    jiangsu = page.locator("#qp-result-jiangsu-quality-credit")
    for name in jiangsu.locator("a.qp-ask").evaluate_all("xs => xs.map(x => x.dataset.ask)"):
        shown = page.evaluate(
            "n => { const b = document.querySelector(`.qp-field[data-field='${n}']`);"
            " const t = document.querySelector(`.qp-screen input[data-field='${n}']`);"
            " const up = (x) => x && !x.closest('[hidden]'); return up(b) || up(t); }", name)
        assert shown, name
    # A card's link opens and focuses its question, wherever it is.
    link = cards.locator("a.qp-ask:visible").first
    name = link.get_attribute("data-ask")
    link.click()
    assert page.evaluate(
        "n => { const a = document.activeElement; return (a.closest('.qp-field')?.dataset.field === n"
        " || a.dataset.field === n) && a.offsetParent !== null; }", name), name
    context.close()


def test_printed_report_is_short_and_names_the_company(browser, server):
    """The printed report of the example profile: at most 4 A4 pages, with the company, its answers, each
    verdict with its reasons and the materials, and none of the page's controls."""
    import json
    import re

    from generator import ROOT

    profile = json.loads((ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text(encoding="utf-8"))
    profile["organisation"] = "苏州示例精密机械有限公司"
    link = share_link(profile)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/#p=" + link)
    page.get_by_text("计算引擎已就绪").wait_for()
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    # Check your answers, on screen: every answer, and "修改" takes the person back to its question.
    answers = page.locator("#qp-answers")
    answers.locator("summary").click()
    assert "注册登记日期：2015-03-18" in answers.inner_text()
    answers.get_by_role("link", name="修改注册登记日期").click()
    assert page.evaluate("document.activeElement.id").startswith("qp-established-")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    printed = page.locator("article.md-content__inner").inner_text()
    assert "申报组织：苏州示例精密机械有限公司" in printed
    assert "填写的情况" in printed and "注册登记日期：2015-03-18" in printed
    assert "苏州市质量奖：尚不能确定" in printed and "2023-05-30 截止" in printed
    assert "须提供" in printed  # the materials checklist
    for control in ("保存档案（JSON）", "复制分享链接", "企业情况"):
        assert not page.get_by_text(control, exact=True).first.is_visible()
    pdf = page.pdf(format="A4")
    pages = max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))
    assert 1 <= pages <= 4, pages
    context.close()
