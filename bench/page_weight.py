"""Bytes a visitor downloads per page type, served by deploy/nginx.conf (brotli/gzip), cold cache; and the
calculator against a bare `loadPyodide()` of the stock Pyodide, through the same server and browser.
Prints figures, asserts nothing. Contexts bypass the CSP (tests/test_nginx.py checks the policy),
because Playwright's wait_for_function evaluates a string in the page.

    .venv/bin/python bench/page_weight.py [--site site] [--runs 3] [--phone]

Bytes are counted by nginx itself (its access log's $bytes_sent: headers and body as sent, compressed), so
requests of the page, its workers and its service worker all count, once. For each run, in one browser
profile: a cold visit of the calculator (navigation to the first result on the page's clock, and every byte
until its service worker has cached the calculator), a warm visit (the same profile, a new page), and a visit
with the network off; then, in a new profile, a bare cold `loadPyodide()` of the stock distribution (its full
python_stdlib.zip and lockfile; the core files are the same bytes the site serves, with the same brotli and
gzip copies), timed inside a page of the same server. --phone throttles every visit like a mid-range phone on a
slow network: 4x CPU (Chromium's CPU throttling) and 10 Mbit/s down, 5 Mbit/s up, 40 ms latency. DevTools
throttles the page's main thread and the page's requests, not a worker's CPU: the calculator's Pyodide runs in
a worker, the bare load on the main thread, so with --phone compare calculator builds, not the ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.chromium import ARGS, CHROMIUM  # noqa: E402

PAGES = {
    "home": "", "scheme overview": "schemes/suzhou-quality-award/",
    "eligibility": "schemes/suzhou-quality-award/eligibility/",
    "source text": "schemes/haizhou-quality-award/source/", "comparison": "compare/", "notices": "notices/",
    "a notice": "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/", "winners": "winners/",
    "self-assessment": "assess/",
}
FIRST_RESULT = "window.qpMetrics && window.qpMetrics.navigationToFirstResult !== null"
STOCK = "stock"  # assets/pyodide/<version>/stock/: the stock distribution, for the bare load


def serve_nginx():
    spec = importlib.util.spec_from_file_location("serve_nginx", ROOT / "deploy" / "serve_nginx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Wire:
    """nginx's own count of the bytes it sent, read from an access log this bench adds to deploy/nginx.conf."""

    def __init__(self, folder: Path) -> None:
        self.log = folder / "access.log"
        self.conf = folder / "nginx.conf"
        text = (ROOT / "deploy" / "nginx.conf").read_text()
        self.conf.write_text(text.replace("access_log off;", "log_format wire '$bytes_sent $status $uri';\n"
                                          f"    access_log {self.log} wire;"))
        self.mark = 0

    def since_mark(self) -> tuple[int, list[str]]:
        lines = self.log.read_text().splitlines()[self.mark:] if self.log.exists() else []
        self.mark += len(lines)
        return sum(int(line.split()[0]) for line in lines), lines


def stock_site(site: Path, into: Path) -> tuple[Path, str]:
    """A copy of the site (hard links) with the stock Pyodide distribution beside the site's own folder."""
    shutil.copytree(site, into, copy_function=os.link)
    ours = next((into / "assets" / "pyodide").iterdir())
    stock = ours / STOCK
    stock.mkdir()
    source = ROOT / "node_modules" / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(source / name, stock / name)
    for packed in ours.glob("pyodide*.[bg][rz]"):  # the same files, so the same precompressed copies
        shutil.copyfile(packed, stock / packed.name)
    return into, f"assets/pyodide/{ours.name}/{STOCK}/"


def throttle(page, phone: bool) -> None:
    if not phone:
        return
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 40,
                                                  "downloadThroughput": 10e6 / 8, "uploadThroughput": 5e6 / 8})


def weigh(browser, wire: Wire, url: str, wait_engine: bool) -> int:
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    wire.since_mark()
    page.goto(url)
    if wait_engine:
        page.wait_for_function(FIRST_RESULT, timeout=180000)
    page.wait_for_load_state("networkidle")
    context.close()
    time.sleep(0.2)
    return wire.since_mark()[0]


def calculator_visits(p, base: str, wire: Wire, phone: bool) -> dict:
    """Cold, warm and offline visits of the calculator in one new browser profile."""
    out = {}
    with tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                       bypass_csp=True, viewport={"width": 1400, "height": 1000})
        for visit in ("cold", "warm", "offline"):
            if visit == "offline":
                context.set_offline(True)
            page = context.new_page()
            throttle(page, phone)
            wire.since_mark()
            try:
                page.goto(base + "assess/")
                page.wait_for_function(FIRST_RESULT, timeout=180000 if visit != "offline" else 30000)
                out[visit] = page.evaluate("window.qpMetrics.navigationToFirstResult") / 1000
            except Exception:  # offline without a service worker: no result
                out[visit] = None
            if visit == "cold":  # every byte of the first visit: until the service worker has cached the calculator
                page.evaluate("""() => document.getElementById('qp-assess').dataset.sw === undefined ? null
                    : Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 10000))])
                      .then(() => new Promise((r) => setTimeout(r, 500)))""")
                page.wait_for_load_state("networkidle")
            time.sleep(0.3)
            out[f"{visit}_bytes"], out[f"{visit}_lines"] = wire.since_mark()
            page.close()
        context.close()
    return out


def bare(p, base: str, stock_dir: str, phone: bool) -> float:
    with tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                       bypass_csp=True)
        page = context.new_page()
        throttle(page, phone)
        page.goto(base + "404.html")
        seconds = page.evaluate("""async (dir) => {
            const t0 = performance.now();
            const { loadPyodide } = await import(new URL(dir + 'pyodide.mjs', location.origin + '/').href);
            await loadPyodide({ indexURL: new URL(dir, location.origin + '/').href });
            return (performance.now() - t0) / 1000; }""", stock_dir)
        context.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--phone", action="store_true", help="4x CPU, 10 Mbit/s (see the docstring)")
    parser.add_argument("--skip-pages", action="store_true", help="only the calculator")
    args = parser.parse_args()
    nginx = serve_nginx()
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        site, stock_dir = stock_site(Path(args.site), Path(tmp) / "site")
        wire = Wire(Path(tmp))
        nginx.CONF = wire.conf
        with nginx.running(site) as base, sync_playwright() as p:
            if not args.skip_pages:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for name, path in PAGES.items():
                    size = weigh(browser, wire, base + path, wait_engine=(name == "self-assessment"))
                    print(f"{name:16} {size / 1024:8.0f} KB transferred")
                browser.close()
            runs, bares = [], []
            for _ in range(args.runs):  # interleaved, so that both see the same machine
                runs.append(calculator_visits(p, base, wire, args.phone))
                bares.append(bare(p, base, stock_dir, args.phone))
    cold = statistics.median(r["cold"] for r in runs)
    warm = statistics.median(r["warm"] for r in runs)
    bare_s = statistics.median(bares)
    cold_bytes = statistics.median(r["cold_bytes"] for r in runs)
    offline = [r["offline"] is not None for r in runs]
    how = "phone: 4x CPU, 10 Mbit/s" if args.phone else "no throttling"
    print(f"calculator, median of {args.runs} ({how}), brotli/gzip through nginx:")
    pairs = ", ".join(f"{r['cold']:.2f}/{b:.2f}" for r, b in zip(runs, bares, strict=True))
    print(f"  cold first result {cold:.2f} s; bare cold loadPyodide() of the stock distribution {bare_s:.2f} s; "
          f"ratio {cold / bare_s:.2f} (each run, calculator/bare: {pairs})")
    print(f"  first visit {cold_bytes / 1e6:.2f} MB ({cold_bytes / 2**20:.2f} MiB) sent by nginx, "
          "service worker's caching included")
    print(f"  warm first result {warm:.2f} s; warm / cold {warm / cold:.2f}; "
          f"warm visit {statistics.median(r['warm_bytes'] for r in runs) / 1e3:.0f} KB")
    offline_s = [r["offline"] for r in runs if r["offline"] is not None]
    print(f"  network off after one visit: {'works' if all(offline) else 'FAILS'} in {sum(offline)} of {len(offline)}"
          + (f" (first result {statistics.median(offline_s):.2f} s)" if offline_s else ""))


if __name__ == "__main__":
    main()
