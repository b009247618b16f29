"""Accessibility: axe-core (npm, pinned) on every page type, zero violations at WCAG A and AA;
the calculator works with the keyboard alone."""

from __future__ import annotations

import pytest

from generator import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    "",                                                        # home
    "schemes/suzhou-quality-award/",                           # scheme overview
    "schemes/suzhou-quality-award/eligibility/",
    "schemes/suzhou-quality-award/materials/",
    "schemes/suzhou-quality-award/forms/",
    "schemes/jiangsu-quality-credit/scoring/",
    "schemes/yancheng-mayor-quality-award/process/",           # draft banner, diagram
    "schemes/haizhou-quality-award/source/",                   # source text
    "schemes/yancheng-mayor-quality-award/revisions/",         # 修订对照
    "compare/",
    "notices/",
    "notices/haizhou-quality-award/2024/",                     # a scheme's notices of one year
    "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/",
    "winners/",
    "profile/",
    "office/",
    "assess/",                                                 # with results, all details open
    "search/?q=%E5%85%AC%E7%A4%BA%E6%9C%9F",                   # search results (公示期)
]


def axe(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def test_axe_finds_no_violations(browser, server):
    page = browser.new_page()
    page.set_default_timeout(60000)
    found = {}
    for path in PAGES:
        page.goto(server + path)
        if path == "assess/":
            page.get_by_label("行业", exact=True).select_option("manufacturing")
            page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        if path.startswith("search/"):
            page.locator(".pagefind-ui__result-link").first.wait_for(state="attached")
        violations = axe(page)
        if violations:
            found[path or "/"] = violations
    page.close()
    assert found == {}


def test_calculator_with_the_keyboard_alone(browser, server):
    page = browser.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/")
    page.get_by_text("计算引擎已就绪").wait_for()
    page.get_by_label("注册地行政区划代码", exact=True).focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby') || ''").endswith("-help")
    before = page.locator("#qp-assess").get_attribute("data-result-id")
    page.keyboard.type("320706")
    page.wait_for_function("p => document.getElementById('qp-assess').dataset.resultId !== p", arg=before)
    # Tab to the next question (位于沪苏大丰产业联动集聚区) and answer it with the arrow keys.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id").startswith("qp-in-hu-su-dafeng-zone")
    before = page.locator("#qp-assess").get_attribute("data-result-id")
    page.keyboard.press("ArrowDown")  # 未填写 -> 是
    page.wait_for_function("p => document.getElementById('qp-assess').dataset.resultId !== p", arg=before)
    # Changed verdicts are announced in one polite status line (not the whole results, re-read on every key).
    news = page.locator("#qp-verdict-news")
    assert news.get_attribute("aria-live") == "polite" and news.get_attribute("role") == "status"
    assert "苏州市质量奖：由“尚不能确定”变为“不符合申报条件”" in news.inner_text()
    assert page.locator("#qp-results").get_attribute("aria-live") is None
    haizhou = page.locator(".qp-result", has_text="海州质量奖").first
    assert "尚不能确定" in haizhou.inner_text()
    # Expand the conditions with the keyboard: summary elements are focusable and open on Enter.
    haizhou.locator("summary", has_text="逐项条件").focus()
    page.keyboard.press("Enter")
    assert haizhou.locator("details").first.evaluate("d => d.open")
    page.close()
