"""The built site in headless Chromium: Chinese search finds the right sections, and no
request leaves the site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(browser, server: str, query: str, expect: str) -> tuple[list[str], list[str]]:
    """Type ``query`` into the search box and wait for a result linking to ``expect``.

    Returns the result links shown and any request that went to another origin."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20000)
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    try:
        page.goto(server)
        box = page.locator("input.md-search__input")
        box.click()
        # Material builds its index in a worker after page load; it shows this placeholder once ready.
        page.locator(".md-search-result__meta", has_text="键入以开始搜索").wait_for()
        # Material reads the box on keyup; an IME commit of Chinese text ends with one, and
        # Playwright's fill of CJK text sends none, so finish with a key press.
        box.fill(query)
        box.press("End")
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(state="attached")
        page.locator(f'.md-search-result__item a[href*="{expect}"]').first.wait_for(state="attached")
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        return hrefs, outside
    finally:
        page.close()


def test_search_chief_quality_officer_finds_suzhou(browser, server):
    hrefs, outside = search(browser, server, "首席质量官", "schemes/suzhou-quality-award/")
    assert any("schemes/suzhou-quality-award/" in h for h in hrefs), hrefs
    assert outside == []


def test_search_notice_period_finds_notice_pages(browser, server):
    hrefs, outside = search(browser, server, "公示期", "/notices/")
    assert any("/notices/" in h for h in hrefs[:5]), hrefs
    assert outside == []


def test_search_metrology_confirmation_finds_suzhou(browser, server):
    hrefs, _ = search(browser, server, "计量合格确认", "schemes/suzhou-quality-award/")
    assert any("schemes/suzhou-quality-award/" in h for h in hrefs), hrefs
