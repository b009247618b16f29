"""Bytes a visitor downloads per page type, served by deploy/nginx.conf (gzip on), cold cache.
Also: the calculator's first result against a bare loadPyodide() under the same server.
Prints figures, asserts nothing. Contexts bypass the CSP (tests/test_nginx.py checks the policy),
because Playwright's wait_for_function evaluates a string in the page.

    .venv/bin/python bench/page_weight.py [--site site] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
PAGES = {
    "home": "", "scheme overview": "schemes/suzhou-quality-award/",
    "eligibility": "schemes/suzhou-quality-award/eligibility/",
    "source text": "schemes/haizhou-quality-award/source/", "comparison": "compare/", "notices": "notices/",
    "a notice": "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/", "winners": "winners/",
    "self-assessment": "assess/",
}


def serve_nginx():
    spec = importlib.util.spec_from_file_location("serve_nginx", ROOT / "deploy" / "serve_nginx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def weigh(browser, url: str, wait_engine: bool) -> tuple[int, bool, float]:
    context = browser.new_context(bypass_csp=True)
    sizes: list[int] = []
    pyodide = []

    def finished(request) -> None:
        with contextlib.suppress(Exception):
            sizes.append(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])
        if "/pyodide/" in request.url:
            pyodide.append(request.url)

    context.on("requestfinished", finished)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    if wait_engine:
        page.wait_for_function("window.qpMetrics && window.qpMetrics.navigationToFirstResult !== null",
                               timeout=120000)
    page.wait_for_load_state("networkidle")
    seconds = time.perf_counter() - started
    context.close()
    return sum(sizes), bool(pyodide), seconds


def bare(browser, base: str) -> float:
    pyodide_dir = "assets/pyodide/" + next((Path(args.site) / "assets" / "pyodide").iterdir()).name + "/"
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(base + "404.html")
    seconds = page.evaluate("""async (dir) => {
        const t0 = performance.now();
        const { loadPyodide } = await import(new URL(dir + 'pyodide.mjs', location.origin + '/').href);
        await loadPyodide({ indexURL: new URL(dir, location.origin + '/').href });
        return (performance.now() - t0) / 1000; }""", pyodide_dir)
    context.close()
    return seconds


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with serve_nginx().running(Path(args.site)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, path in PAGES.items():
            size, loads_pyodide, _ = weigh(browser, base + path, wait_engine=(name == "self-assessment"))
            print(f"{name:16} {size / 1024:8.0f} KB transferred{'  (loads Pyodide)' if loads_pyodide else ''}")
        firsts, bares = [], []
        for _ in range(args.runs):
            # The page's own clock: navigation start to the first result shown.
            context = browser.new_context(bypass_csp=True)
            page = context.new_page()
            page.goto(base + "assess/")
            page.wait_for_function("window.qpMetrics && window.qpMetrics.navigationToFirstResult !== null",
                                   timeout=120000)
            firsts.append(page.evaluate("window.qpMetrics.navigationToFirstResult") / 1000)
            context.close()
            bares.append(bare(browser, base))
        first, bare_s = statistics.median(firsts), statistics.median(bares)
        print(f"calculator first result {first:.2f} s; bare loadPyodide() {bare_s:.2f} s; ratio {first / bare_s:.2f} "
              f"(median of {args.runs}, cold cache, gzip)")
        browser.close()
