"""Build at scale: synthesise N notices (about 20 entries each) in a temporary copy of the
project, build it, and print figures. Prints, asserts nothing.

    .venv/bin/python bench/build_scale.py [--sizes 100 1000 10000] [--profile] [--keep DIR]
    .venv/bin/python bench/build_scale.py --search DIR/10000/site     # search figures only, on a kept build

Per size: build seconds (wall, one process), seconds in our own code (loading and checking
the data, generating pages and files, bundling, search indexing; timers around the plugin's
hooks), output size, the Pagefind index size, the compressed size of the pages that list
notices, and per real Chinese query, in a cold browser
through deploy/nginx.conf: bytes downloaded and time until the first result shows, then the
query time (search plus the five results shown first, median of 5) and the number of hits.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stdnum.cn import uscc

ROOT = Path(__file__).resolve().parent.parent
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# (scheme, kind, tier ids, area prefix) of notices the schemes' rules allow.
KINDS = [
    ("haizhou-quality-award", "acceptance", [], "320706"),
    ("haizhou-quality-award", "winners", ["award", "excellence"], "320706"),
    ("jiaxing-mayor-quality-award", "proposed_winners", ["award", "nomination", "innovation"], "330402"),
    ("jiaxing-mayor-quality-award", "winners", ["award", "nomination", "innovation"], "330402"),
    ("yancheng-mayor-quality-award", "proposed_winners", ["award", "nomination"], "320902"),
    ("yancheng-mayor-quality-award", "winners", ["award", "nomination"], "320902"),
    ("jiangsu-quality-credit", "credit_results", ["AA", "AAA"], "320506"),
    ("suzhou-quality-award", "call", [], "320506"),
]
WORDS = ["精密", "机械", "电子", "食品", "纺织", "化工", "物流", "医疗", "光电", "新材料", "智能", "装备",
         "农业", "服务"]


def code(rng: random.Random, area: str) -> str:
    body = "91" + area + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def notice_yaml(n: int, rng: random.Random) -> tuple[str, str]:
    scheme, kind, tiers, area = KINDS[n % len(KINDS)]
    year = 2005 + n % 21
    published = f"{year}-{1 + n % 12:02d}-{1 + n % 27:02d}"
    count = 0 if kind == "call" else (4 if kind in ("winners", "proposed_winners") else 20)
    caps = {"award": 2, "excellence": 2, "nomination": 3, "innovation": 9, "AA": 20, "AAA": 20}
    lines = [f"scheme: {scheme}", f"kind: {kind}", f"title: 第{n}号测试公示", "issuer: 测试机关",
             f"published: {published}", "sample: true", "entries:"]
    used: dict[str, int] = {}
    for i in range(count):
        tier = ""
        if tiers:
            choices = [t for t in tiers if used.get(t, 0) < caps[t]]
            tier = choices[i % len(choices)]
            used[tier] = used.get(tier, 0) + 1
        name = "测试" + "".join(rng.choice(WORDS) for _ in range(2)) + f"有限公司{n}-{i}"
        lines.append(f"  - {{organisation: {name}, credit_code: {code(rng, area)}"
                     + (f", tier: {tier}" if tier else "") + "}")
    if count == 0:
        lines[-1] = "entries: []"
    lines.append("objections: {receiver: 测试机关, phone: \"0000-0000000\"}")
    # The path agrees with the fields: <scheme>/<year>/<published>-<kind>[-…].yaml
    return f"{scheme}/{year}/{published}-{kind.replace('_', '-')}-{n:05d}.yaml", "\n".join(lines) + "\n"


def make_project(dest: Path, size: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from bench.project import copy_project

    copy_project(dest)
    rng = random.Random(size)
    for n in range(size):
        rel, text = notice_yaml(n, rng)
        path = dest / "public_lists" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest


# The real queries: every scheme's name, rule terms, an organisation name (full, and a part
# shared by thousands of synthetic names).
QUERIES = ["苏州市质量奖", "江苏省质量信用", "嘉兴市市长质量奖", "盐城市市长质量奖", "海州质量奖",
           "首席质量官", "公示期", "计量合格确认", "精密机械"]


def organisation(site: Path) -> str:
    """A full organisation name from the middle of the synthetic notices."""
    import re

    pages = sorted((site / "notices").glob("*/*/*winners/index.html"))
    found = re.search(r"<td>(测试[^<]*有限公司[^<]*)</td>", pages[len(pages) // 2].read_text(encoding="utf-8"))
    return found.group(1) if found else "测试精密机械有限公司"


def measure_search(site: Path) -> str:
    """Per query, in a cold browser through nginx: bytes downloaded and milliseconds from navigation until
    the first result shows; then the query time once Pagefind is loaded: search() plus data() of the
    five results shown first, median of 5."""
    import contextlib
    import importlib.util

    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location("serve_nginx", ROOT / "deploy" / "serve_nginx.py")
    serve_nginx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_nginx)
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    rows = []
    with serve_nginx.running(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for query in [*QUERIES, organisation(site)]:
            context = browser.new_context(bypass_csp=True)  # the policy is tested elsewhere
            sizes: list[int] = []

            def finished(request, sizes=sizes) -> None:
                with contextlib.suppress(Exception):
                    sizes.append(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])

            context.on("requestfinished", finished)
            page = context.new_page()
            page.goto(base + "search/?q=" + query)
            hits = page.locator(".pagefind-ui__result-link")
            with contextlib.suppress(Exception):
                hits.first.wait_for(state="attached", timeout=60000)
            shown = page.evaluate("performance.now()")  # since navigation start
            page.wait_for_timeout(300)
            ms = page.evaluate("""async (q) => { const pf = await import('/pagefind/pagefind.js');
                const times = []; let r;
                for (let i = 0; i < 5; i++) { const t0 = performance.now(); r = await pf.search(q);
                  await Promise.all(r.results.slice(0, 5).map(x => x.data())); times.push(performance.now() - t0); }
                times.sort((a, b) => a - b); return [times[2], r.results.length]; }""", query)
            rows.append(f"{query}:{sum(sizes) / 1024:.0f}KB/{shown:.0f}ms/{ms[0]:.0f}ms/{ms[1]}hits")
            context.close()
        browser.close()
    return " ".join(rows)


def build_once(project: Path, profile: bool) -> None:
    """One build, in this process (so the timers see it)."""
    sys.path.insert(0, str(ROOT))
    from generator.build import build_site
    from generator.plugin import timing

    timing.reset()
    started = time.perf_counter()
    if profile:
        prof = cProfile.Profile()
        prof.enable()
    out = build_site(project, project / "site")
    if profile:
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    total = time.perf_counter() - started
    ours = timing.total()
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    pages = sum(1 for _ in out.rglob("index.html"))
    index = sum(p.stat().st_size for p in (out / "pagefind").rglob("*") if p.is_file())
    print(f"RESULT build_s={total:.1f} ours_s={ours:.1f} ours_share={ours / total:.2f} pages={pages} "
          f"site_MB={size / 1e6:.1f} pagefind_total_MB={index / 1e6:.1f} parts={timing.summary()}", flush=True)
    lists = {"home": "index.html", "notices": "notices/index.html", "winners": "winners/index.html",
             "a scheme's notices": "schemes/jiaxing-mayor-quality-award/notices/index.html",
             "a scheme's year": "notices/jiaxing-mayor-quality-award/2015/index.html"}
    weights = " ".join(f"{name}={len(gzip.compress((out / rel).read_bytes(), 6)) / 1024:.0f}KB"
                       for name, rel in lists.items())
    print(f"PAGES gzip -6: {weights}", flush=True)
    print(f"SEARCH {measure_search(out)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", type=Path, help="build in DIR/<size> and keep it (to measure search again)")
    parser.add_argument("--search", type=Path, metavar="SITE", help="only measure search on a built site")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: build this project in a child
    args = parser.parse_args()
    if args.search:
        print(f"search (cold page: bytes and ms until the first result shows / query time / hits): "
              f"{measure_search(args.search)}")
        return
    if args.one:
        build_once(Path(args.one), args.profile)
        return
    results = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"qp-scale-{size}-") as tmp:
            if args.keep:
                tmp = args.keep / str(size)
                shutil.rmtree(tmp, ignore_errors=True)
                tmp.mkdir(parents=True)
            project = make_project(Path(tmp), size)
            # A fresh process per size, as a real build runs.
            child = subprocess.run([sys.executable, __file__, "--one", str(project), *(["--profile"] if args.profile
                                                                                      else [])],
                                   capture_output=True, text=True, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
            line = next((x for x in child.stdout.splitlines() if x.startswith("RESULT")), None)
            search = next((x for x in child.stdout.splitlines() if x.startswith("SEARCH")), "SEARCH -")
            weights = next((x for x in child.stdout.splitlines() if x.startswith("PAGES")), "PAGES -")
            if line is None:
                print(f"{size}: build failed\n{child.stdout[-3000:]}\n{child.stderr[-3000:]}")
                continue
            if args.profile:
                print(child.stdout)
            results[size] = dict(kv.split("=", 1) for kv in line.split()[1:6])
            print(f"{size:>6} notices: {line.removeprefix('RESULT ')}", flush=True)
            print(f"{size:>6} notices, list pages: {weights.removeprefix('PAGES ')}", flush=True)
            print(f"{size:>6} notices, search (cold page: bytes and ms until the first result shows / query time / "
                  f"hits): {search.removeprefix('SEARCH ')}", flush=True)
    if 1000 in results and 10000 in results:
        ratio = float(results[10000]["build_s"]) / float(results[1000]["build_s"])
        print(f"10k/1k build time ratio: {ratio:.1f}x")


if __name__ == "__main__":
    main()
