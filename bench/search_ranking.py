"""How well site search ranks what readers want: 32 fixed reader queries (scheme names, conditions, materials,
notices, organisation names), each with the pages that answer it; prints, per query, the first three results and
whether a right page is first and in the top 3, then the totals. Runs Pagefind's own search API in headless
Chromium over a built site.

    .venv/bin/python bench/search_ranking.py [--site site]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

S = "schemes/"
# query -> the pages (URL patterns, from the site root) that answer it
QUERIES: list[tuple[str, str]] = [
    ("苏州市质量奖", rf"^{S}suzhou-quality-award/$"),
    ("江苏省质量信用", rf"^{S}jiangsu-quality-credit/$"),
    ("嘉兴市市长质量奖", rf"^{S}jiaxing-mayor-quality-award/$"),
    ("盐城市市长质量奖", rf"^{S}yancheng-mayor-quality-award/$"),
    ("海州质量奖", rf"^{S}haizhou-quality-award/$"),
    ("质量信用AAA级", rf"^{S}jiangsu-quality-credit/"),
    ("发明专利", rf"^{S}[a-z-]+/(eligibility|scoring)/$"),
    ("首席质量官", rf"^{S}[a-z-]+/(eligibility|materials)/$"),
    ("卓越绩效", rf"^{S}[a-z-]+/(eligibility|scoring)/$"),
    ("注册商标", rf"^{S}[a-z-]+/eligibility/$"),
    ("计量合格确认", rf"^{S}[a-z-]+/eligibility/$"),
    ("安全生产标准化", rf"^{S}[a-z-]+/eligibility/$"),
    ("质量管理体系认证", rf"^{S}[a-z-]+/(eligibility|materials)/$"),
    ("重大质量投诉", rf"^{S}[a-z-]+/eligibility/$"),
    ("监督抽查不合格", rf"^{S}[a-z-]+/eligibility/$"),
    ("信用修复", rf"^{S}yancheng-mayor-quality-award/eligibility/$"),
    ("申报材料", rf"^{S}[a-z-]+/materials/$"),
    ("营业执照", rf"^{S}[a-z-]+/materials/$"),
    ("公开承诺书", rf"^{S}[a-z-]+/(materials|forms)/$"),
    ("自我评价报告", rf"^{S}[a-z-]+/materials/$"),
    ("评分标准", rf"^{S}[a-z-]+/scoring/$"),
    ("现场评审", rf"^{S}[a-z-]+/(process|scoring)/$"),
    ("公示期", rf"^({S}[a-z-]+/notices/|notices/)"),
    ("获奖名单", r"^(winners/|notices/.*winners)"),
    ("拟奖名单", r"^notices/.*proposed-winners/$"),
    ("申报受理名单", r"^notices/.*acceptance/$"),
    ("联系电话", rf"^{S}[a-z-]+/contacts/$"),
    ("奖金", rf"^{S}[a-z-]+/$"),
    ("示例盐城汽车零部件有限公司", r"^notices/yancheng-mayor-quality-award/.*winners/$"),
    ("撤销奖励", rf"^{S}[a-z-]+/(obligations|eligibility)/$"),
]
# Terms that earn points in 江苏's 附件1: its scoring page must be among the first three (issue 27).
JIANGSU_SCORING: list[tuple[str, str]] = [
    ("发明专利", rf"^{S}jiangsu-quality-credit/scoring/$"),
    ("首席质量官", rf"^{S}jiangsu-quality-credit/scoring/$"),
]
QUERIES += JIANGSU_SCORING

EXCERPTS: dict[str, list[str]] = {}  # the excerpt of each result shown, by query (filled by rank_in)

SEARCH = """async (queries) => {
  const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
  await pagefind.init();
  const out = [];
  for (const q of queries) {
    const found = await pagefind.search(q);
    const top = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
    out.push(top.map((d) => d.url + "\t" + d.excerpt.replace(/<[^>]+>/g, "")));
  }
  return out;
}"""


def rank_in(browser, url: str) -> list[tuple[str, list[str], bool, bool]]:
    """(query, the first three result paths, right page first, right page in the top 3) per query, searching the
    site served at ``url`` in ``browser`` (a Playwright browser)."""
    page = browser.new_page()
    try:
        page.goto(url)
        found = page.evaluate(SEARCH, [q for q, _ in QUERIES])
    finally:
        page.close()
    out = []
    for (query, right), urls in zip(QUERIES, found, strict=True):
        EXCERPTS[query] = [u.split("\t", 1)[1] for u in urls]
        paths = [re.sub(r"^/", "", u.split("\t")[0].split("#")[0]) for u in urls]
        hits = [bool(re.search(right, p)) for p in paths]
        out.append((query, paths, bool(hits and hits[0]), any(hits)))
    return out


def rank(site: Path) -> list[tuple[str, list[str], bool, bool]]:
    """The same, for a built site folder, in a browser of its own."""
    from playwright.sync_api import sync_playwright

    from bench.assess_page import serve
    from bench.chromium import ARGS, CHROMIUM

    httpd, url = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                return rank_in(browser, url)
            finally:
                browser.close()
    finally:
        httpd.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--excerpts", action="store_true", help="also print the first result's excerpt")
    args = parser.parse_args()
    results = rank(args.site)
    for query, paths, first, top3 in results:
        mark = "1" if first else ("3" if top3 else "-")
        print(f"{mark} {query}: {' | '.join(paths) or '(nothing)'}")
        if args.excerpts and EXCERPTS.get(query):
            print(f"    {EXCERPTS[query][0]}")
    firsts = sum(r[2] for r in results)
    tops = sum(r[3] for r in results)
    print(f"right page first: {firsts}/{len(results)}; in the top 3: {tops}/{len(results)}")


if __name__ == "__main__":
    main()
