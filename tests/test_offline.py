"""After one visit the calculator works with the network off: its service worker (generator/ship/offline.py) has
cached the page, its scripts and data, Pyodide and engine.zip, and the engine's worker restores Pyodide from
the memory snapshot it stored. Served by nginx with deploy/nginx.conf (a service worker needs a secure context:
127.0.0.1 is one)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

READY = "#qp-assess[data-result-id]"  # locators, not wait_for_function: the page's policy forbids its eval
# Both copies of the service worker active, and the engine's snapshot stored (async predicates are awaited).
CACHED = """async () => {
    const regs = await navigator.serviceWorker.getRegistrations();
    const name = 'qp-engine-snapshot-1';
    const snapshots = (await caches.keys()).includes(name) ? await (await caches.open(name)).keys() : [];
    return regs.length === 2 && regs.every((r) => r.active && r.active.state === 'activated') && snapshots.length === 1;
}"""


def test_calculator_works_offline_after_one_visit(browser, nginx, site: Path):
    version = re.search(r'const VERSION = "([0-9a-f]+)"', (site / "assess" / "sw.js").read_text()).group(1)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(nginx + "assess/")
        page.locator(READY).wait_for(state="attached", timeout=90000)
        online = page.locator("#qp-results").inner_text()
        for _ in range(240):
            if page.evaluate(CACHED):
                break
            page.wait_for_timeout(250)
        else:
            pytest.fail("the service workers or the engine's snapshot were not ready after 60 s")
        assert f"qp-assess-{version}" in page.evaluate("caches.keys()")
        page.close()

        context.set_offline(True)
        failed: list[str] = []
        errors: list[str] = []
        page = context.new_page()
        # The worker reads engine.zip's validator (its snapshot's name) and cancels the body: that one is aborted.
        page.on("requestfailed", lambda r: None if r.url.endswith("/engine.zip") and "ABORTED" in (r.failure or "")
                else failed.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(nginx + "assess/")
        page.locator(READY).wait_for(state="attached", timeout=90000)
        assert page.locator("#qp-engine-status").inner_text() == "计算引擎已就绪（从浏览器缓存读取，未经网络下载）。"
        assert page.locator("#qp-results").inner_text() == online
        # An answer changes: the engine, restored from its snapshot, answers offline too.
        previous = page.locator("#qp-assess").get_attribute("data-result-id")
        page.get_by_label("行业", exact=True).select_option("manufacturing")
        page.locator(f'#qp-assess:not([data-result-id="{previous}"])').wait_for(state="attached", timeout=30000)
        assert page.locator("#qp-results").inner_text() != online
        assert failed == [] and errors == []
    finally:
        context.close()
