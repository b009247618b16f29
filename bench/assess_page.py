"""Benchmark the self-assessment page in headless Chromium; prints figures, asserts nothing.

    .venv/bin/python bench/assess_page.py [--site site] [--runs 3]

Reports, per run: time from navigation to the first result, cold cache (new browser
profile) and warm cache (same profile, second visit); bytes transferred (as served by
this local server, which does not compress; cache hits count only their headers);
the time of one re-assessment after an answer changes (worker round trip, and engine time
inside Pyodide); and a bare `loadPyodide()` of the stock distribution (its full python_stdlib.zip,
served beside the site's own Pyodide as bench/page_weight.py does) in the same browser for comparison.
bench/page_weight.py measures the same through nginx, with brotli and gzip, and offline.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.chromium import ARGS, CHROMIUM  # noqa: E402


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def visit(context, url: str) -> dict:
    page = context.new_page()
    sizes: list[int] = []

    def finished(request) -> None:
        # Bytes on the wire: zero body bytes for answers from the browser's cache.
        with contextlib.suppress(Exception):  # a request torn down with its page has no sizes
            sizes.append(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])

    context.on("requestfinished", finished)
    started = time.perf_counter()
    page.goto(url + "assess/")
    page.wait_for_function("window.qpMetrics && window.qpMetrics.navigationToFirstResult !== null", timeout=120000)
    first = time.perf_counter() - started
    metrics = page.evaluate("window.qpMetrics")
    previous = page.locator("#qp-assess").get_attribute("data-result-id")
    t0 = time.perf_counter()
    page.get_by_label("行业", exact=True).select_option("manufacturing")
    page.wait_for_function("p => document.getElementById('qp-assess').dataset.resultId !== p", arg=previous)
    reassess = time.perf_counter() - t0
    engine_ms = page.evaluate("window.qpMetrics.lastAssessMs")
    page.close()
    context.remove_listener("requestfinished", finished)
    return {"first_result_s": first, "page_first_result_ms": metrics["navigationToFirstResult"],
            "boot_ms": metrics["bootMs"], "bytes": sum(sizes), "reassess_ms": reassess * 1000, "engine_ms": engine_ms}


def bare_load(context, url: str, pyodide_dir: str) -> float:
    page = context.new_page()
    page.goto(url)
    seconds = page.evaluate("""async (dir) => {
        const t0 = performance.now();
        const { loadPyodide } = await import(new URL(dir + 'pyodide.mjs', location.href).href);
        await loadPyodide({ indexURL: new URL(dir, location.href).href });
        return (performance.now() - t0) / 1000; }""", pyodide_dir)
    page.close()
    return seconds


def _page_weight():
    import importlib.util

    spec = importlib.util.spec_from_file_location("page_weight", Path(__file__).with_name("page_weight.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="assess-page-")
    site, pyodide_dir = _page_weight().stock_site(Path(args.site), Path(tmp.name) / "site")
    httpd, url = serve(site)
    cold, warm, bare = [], [], []
    with sync_playwright() as p:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as profile_dir:
                ctx = p.chromium.launch_persistent_context(profile_dir, executable_path=CHROMIUM, args=ARGS,
                                                           viewport={"width": 1400, "height": 1000})
                cold.append(visit(ctx, url))
                warm.append(visit(ctx, url))
                ctx.close()
            with tempfile.TemporaryDirectory() as profile_dir:  # bare load, cold like the first visit
                ctx = p.chromium.launch_persistent_context(profile_dir, executable_path=CHROMIUM, args=ARGS)
                bare.append(bare_load(ctx, url, pyodide_dir))
                ctx.close()
    httpd.shutdown()
    tmp.cleanup()

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    print(f"runs: {args.runs} (median shown)")
    print(f"cold: navigation -> first result {med(cold, 'first_result_s'):.2f} s "
          f"(page clock {med(cold, 'page_first_result_ms'):.0f} ms; "
          f"Pyodide+engine boot {med(cold, 'boot_ms'):.0f} ms); "
          f"bytes transferred {med(cold, 'bytes') / 1e6:.2f} MB")
    print(f"warm: navigation -> first result {med(warm, 'first_result_s'):.2f} s "
          f"(boot {med(warm, 'boot_ms'):.0f} ms); bytes transferred {med(warm, 'bytes') / 1e6:.2f} MB")
    print(f"re-assessment after an answer changes: {med(cold + warm, 'reassess_ms'):.0f} ms round trip, "
          f"{med(cold + warm, 'engine_ms'):.0f} ms in the engine")
    print(f"bare loadPyodide() in the same browser, cold: {statistics.median(bare):.2f} s; "
          f"first result / bare load = {med(cold, 'first_result_s') / statistics.median(bare):.2f}")


if __name__ == "__main__":
    main()
