"""A notice's status and days left, computed in the browser from the dates, for a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser

HZ = "notices/haizhou-quality-award/2026/2026-11-18-acceptance/"  # published 11-18, ends 11-25
CHINA = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize(("now", "expected"), [
    (dt.datetime(2026, 11, 17, 23, 30, tzinfo=CHINA), "即将发布"),
    (dt.datetime(2026, 11, 18, 9, 0, tzinfo=CHINA), "正在公示，剩余 8 天"),   # 18..25 inclusive
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
