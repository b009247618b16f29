"""A notice's status and days left, computed in the browser from the dates, for a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser

HZ = "notices/haizhou-quality-award/2026/2026-11-18-acceptance/"  # published 11-18, period 11-19 .. 11-25
CHINA = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize(("now", "expected"), [
    (dt.datetime(2026, 11, 17, 23, 30, tzinfo=CHINA), "即将发布"),
    # Published the day before its period: not yet "正在公示" (issue 15: it said 剩余 8 天 on that day).
    (dt.datetime(2026, 11, 18, 9, 0, tzinfo=CHINA), "已发布，公示期未开始，2026-11-19 起"),
    (dt.datetime(2026, 11, 19, 9, 0, tzinfo=CHINA), "正在公示，剩余 7 天"),   # 19..25 inclusive
    (dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA), "正在公示，剩余 2 天"),
    (dt.datetime(2026, 11, 25, 23, 59, tzinfo=CHINA), "正在公示，剩余 1 天"),  # the last day counts
    (dt.datetime(2026, 11, 26, 0, 1, tzinfo=CHINA), "已结束"),
    # 23:30 on 11-25 in UTC is 07:30 on 11-26 in China: closed, whatever the reader's time zone.
    (dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.UTC), "已结束"),
])
def test_status_and_days_left(browser, server, now, expected):
    context = browser.new_context(timezone_id="Europe/Berlin")
    page = context.new_page()
    page.clock.set_fixed_time(now)
    page.goto(server + HZ)
    status = page.locator(".qp-facts .qp-notice-status")
    assert status.inner_text() == expected
    # The home page lists the notice only while it is open or upcoming.
    page.goto(server)
    item = page.locator("[data-live-open]", has_text="2026年度海州质量奖申报受理名单公示")
    assert item.is_visible() == (expected != "已结束")
    context.close()


def test_winners_pages_filter_by_scheme_tier_area_and_name(browser, server):
    """/winners/ shows the latest award year; other years are pages of their own. Filters narrow the
    rows and announce the count; a tier is filtered within its scheme (tier ids repeat across schemes)."""
    page = browser.new_page()
    try:
        page.goto(server + "winners/")
        rows = page.locator("#qp-winners tbody tr")
        count = page.locator("#qp-winners-count")

        def visible() -> list[str]:
            return [rows.nth(i).get_attribute("data-name") for i in range(rows.count()) if rows.nth(i).is_visible()]

        assert len(visible()) == 4 and count.inner_text() == "显示 4 条"  # 盐城 2026
        page.get_by_label("奖项/等级").select_option(label="盐城市市长质量奖提名奖")
        assert sorted(visible()) == ["示例大丰港物流有限公司", "示例盐城绿色能源有限公司"]
        assert count.inner_text() == "显示 2 条"
        page.get_by_label("奖项/等级").select_option(label="全部")
        page.get_by_label("注册地代码").fill("3205")  # the 沪苏大丰 firm, registered outside 盐城's area
        assert visible() == ["示例大丰港物流有限公司"]
        page.get_by_label("注册地代码").fill("")
        page.get_by_label("组织名称").fill("海洋")
        assert visible() == ["示例盐城海洋装备有限公司"]
        page.get_by_role("link", name="2024（2）").click()
        page.wait_for_url("**/winners/2024/")
        assert page.locator("h1").inner_text().startswith("2024 年度获奖名单")
        assert len(visible()) == 2 and [o.inner_text() for o in page.get_by_label("方案").locator("option").all()] \
            == ["全部", "海州质量奖"]
    finally:
        page.close()
