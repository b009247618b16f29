"""China's day in JavaScript (site_src/assets/javascripts/china-day.mjs), the one function every page and worker uses,
under Node's test runner (tests/node/china-day.test.mjs): a clock just before and just after 16:00 UTC, and no other
copy of the computation left in the site's scripts."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from generator import ROOT

SCRIPTS = [*(ROOT / "site_src" / "assets" / "javascripts").rglob("*.mjs"),
           *(ROOT / "site_src" / "assets" / "javascripts").rglob("*.js"), *(ROOT / "templates").glob("*.js.j2")]


def test_china_day_in_node():
    if shutil.which("node") is None:
        pytest.fail("node not found: China's day is tested under Node.js")
    out = subprocess.run(["node", "--test", "tests/node/china-day.test.mjs"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "# fail 0" in out.stdout and "# pass 4" in out.stdout


def test_china_day_is_computed_once():
    """No script works the day out by itself (Asia/Shanghai in Intl, or UTC + 8 h): each imports chinaDay."""
    own = ROOT / "site_src" / "assets" / "javascripts" / "china-day.mjs"
    again = [p.relative_to(ROOT).as_posix() for p in SCRIPTS if p != own
             and re.search(r"Asia/Shanghai|8 \* 3600|3600e3 \* 8|28800", p.read_text(encoding="utf-8"))]
    assert again == []
    users = [p.relative_to(ROOT).as_posix() for p in SCRIPTS if "chinaDay" in p.read_text(encoding="utf-8")]
    assert {"site_src/assets/javascripts/assess/app.mjs", "site_src/assets/javascripts/office/editor.mjs",
            "site_src/assets/javascripts/office/worker.mjs", "templates/notices.js.j2"} <= set(users)
