"""China's day in JavaScript (site_src/assets/javascripts/china-day.mjs), the one function every page and worker uses,
under Node's test runner (tests/node/china-day.test.mjs): a clock just before and just after 16:00 UTC, and no other
copy of the computation left in the site's scripts."""

from __future__ import annotations

import re

from generator import ROOT
from tests.conftest import node_tests

SCRIPTS = [*(ROOT / "site_src" / "assets" / "javascripts").rglob("*.mjs"),
           *(ROOT / "site_src" / "assets" / "javascripts").rglob("*.js"), *(ROOT / "templates").glob("*.js.j2")]


def test_china_day_in_node():
    node_tests("china-day.test.mjs", 4)


def test_china_day_is_computed_once():
    """No script works the day out by itself (Asia/Shanghai in Intl, or UTC + 8 h): each imports chinaDay."""
    own = ROOT / "site_src" / "assets" / "javascripts" / "china-day.mjs"
    again = [p.relative_to(ROOT).as_posix() for p in SCRIPTS if p != own
             and re.search(r"Asia/Shanghai|8 \* 3600|3600e3 \* 8|28800", p.read_text(encoding="utf-8"))]
    assert again == []
    users = [p.relative_to(ROOT).as_posix() for p in SCRIPTS if "chinaDay" in p.read_text(encoding="utf-8")]
    assert {"site_src/assets/javascripts/assess/engine.mjs", "site_src/assets/javascripts/office/check.mjs",
            "site_src/assets/javascripts/office/worker.mjs", "templates/notices.js.j2"} <= set(users)
