"""Search in headless Chromium: the header form leads to the Pagefind search page, which finds
the right pages for real Chinese queries, and no request leaves the site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(browser, server: str, query: str, expect: str) -> list[str]:
    """Type ``query`` into the header search form, submit it, and wait for a result linking to ``expect``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    page = context.new_page()
    page.set_default_timeout(20000)
    try:
        page.goto(server + "schemes/haizhou-quality-award/")
        page.get_by_label("搜索本站").fill(query)
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=*")
        results = page.locator(".pagefind-ui__result-link")
        results.first.wait_for(state="attached")
        page.locator(f'.pagefind-ui__result-link[href*="{expect}"]').first.wait_for(state="attached")
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    finally:
        context.close()
    assert outside == []
    return hrefs


# (query, a page that must be among the results, a page that must come first or None)
CASES = [
    ("首席质量官", "schemes/suzhou-quality-award/", "schemes/suzhou-quality-award/"),
    ("公示期", "/notices/", None),
    ("计量合格确认", "schemes/suzhou-quality-award/", "schemes/suzhou-quality-award/"),
    ("专精特新", "schemes/jiangsu-quality-credit/scoring/", None),
    ("海州质量奖", "schemes/haizhou-quality-award/", "schemes/haizhou-quality-award/"),
    ("盐城市市长质量奖", "schemes/yancheng-mayor-quality-award/", None),
    ("示例嘉兴新材料股份有限公司", "notices/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners/",
     "notices/jiaxing-mayor-quality-award/"),
]


@pytest.mark.parametrize(("query", "expect", "first"), CASES)
def test_chinese_queries_find_the_right_pages(browser, server, query, expect, first):
    hrefs = search(browser, server, query, expect)
    assert any(expect in h for h in hrefs), hrefs
    if first:
        assert first in hrefs[0], hrefs
