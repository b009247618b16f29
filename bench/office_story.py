"""The office clerk's story on the in-browser notice editor (/office/editor/), timed: open the page, wait for the
check (Pyodide) to be ready, pick 海州质量奖 and 受理名单公示, fill title, issuer, date and objections, paste 20
tab-separated rows from a spreadsheet of which three are wrong (a credit code with a wrong check character, a code
listed twice, a code registered outside 海州), read the messages beside the rows, fix them, see 检查通过 and
download the YAML file. Then a correction: open the editor again, open 海州's published acceptance notice from the
list, retype a wrong name, give a reason, and see 检查通过 with the change listed (``play_correction``). Prints the
times it took and the counts; ``play`` and ``play_correction`` are what tests/test_browser_office.py runs.

    .venv/bin/python bench/office_story.py [--site /tmp/office-site]

Credit codes are made valid with python-stdnum (stdnum.cn.uscc computes the check character), area 320706 (海州).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from stdnum.cn import uscc  # noqa: E402

from bench.chromium import ARGS, CHROMIUM  # noqa: E402

HAIZHOU = "320706"
SUZHOU = "320506"
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
PUBLISHED = "2026-11-25"  # a fixed date, so the period and the file name do not depend on the day the story runs
SECTORS = ["制造业", "服务业", "农业", "建筑业"]
TIERS = ["海州质量奖", "海州质量管理优秀奖"]
# Rows (1-based) the spreadsheet gets wrong, and how.
WRONG_CHECK, DUPLICATE_OF, DUPLICATE, OUTSIDE = 5, 3, 12, 17

_SETTLED = "() => ['pass', 'fail', 'failed'].includes(document.getElementById('qp-office').dataset.state)"


def credit_code(rng: random.Random, area: str = HAIZHOU) -> str:
    """A valid unified social credit code of an enterprise (91) registered in ``area``."""
    base = "91" + area + "".join(rng.choice(ALPHABET) for _ in range(9))
    return base + uscc.calc_check_digit(base)


def spreadsheet(n: int = 20, seed: int = 14) -> tuple[list[list[str]], dict[int, str]]:
    """``n`` rows (名称, 信用代码, 奖项, 行业) as a clerk copies them, with the three mistakes; and the right code of
    each wrong row (row number -> code)."""
    rng = random.Random(seed)
    rows = [[f"示例海州第{i + 1:02d}精工制造有限公司", credit_code(rng), TIERS[i % 5 == 0], SECTORS[i % 4]]
            for i in range(n)]
    fixes: dict[int, str] = {}
    good = rows[WRONG_CHECK - 1][1]
    wrong = next(c for c in ALPHABET if c != good[-1])
    rows[WRONG_CHECK - 1][1] = good[:-1] + wrong
    fixes[WRONG_CHECK] = good
    rows[DUPLICATE - 1][1] = rows[DUPLICATE_OF - 1][1]
    fixes[DUPLICATE] = credit_code(rng)
    rows[OUTSIDE - 1][1] = credit_code(rng, SUZHOU)
    fixes[OUTSIDE] = credit_code(rng)
    return rows, fixes


def settle(page) -> str:
    """Wait for the check of what the form holds now; its state: pass, fail (or failed: no check)."""
    page.wait_for_function(_SETTLED)
    return page.locator("#qp-office").get_attribute("data-state")


def play(page, base: str) -> dict:
    """The clerk's story on ``page`` against the site at ``base``; what the page showed, and the times."""
    rows, fixes = spreadsheet()
    seen: dict = {"entries": len(rows), "wrong_rows": sorted(fixes)}
    started = time.perf_counter()
    page.goto(base + "office/editor/")
    page.wait_for_function("document.getElementById('qp-office').dataset.engine")
    seen["engine"] = page.locator("#qp-office").get_attribute("data-engine")
    seen["ready_s"] = time.perf_counter() - started
    seen["default_published"] = page.get_by_label("发布日期", exact=True).input_value()

    page.get_by_label("方案", exact=True).select_option(label="海州质量奖")
    page.get_by_label("公示类型", exact=True).select_option(label="受理名单公示")
    seen["kind_rule"] = page.locator("#qp-o-kind-rule").inner_text()
    page.get_by_label("标题", exact=True).fill("2026年度海州质量奖申报受理名单公示")
    page.get_by_label("发布机关", exact=True).fill("海州区质量发展委员会办公室")
    page.get_by_label("发布日期", exact=True).fill(PUBLISHED)
    page.get_by_label("正文段落（选填）", exact=True).fill(
        "根据《海州质量奖管理办法》第九条（二），现将2026年度海州质量奖申报受理名单予以公示。")
    page.get_by_label("受理异议的单位", exact=True).fill("海州区质量发展委员会办公室")
    page.get_by_label("电话号码", exact=True).fill("0518-85551234")
    table = "名称\t统一社会信用代码\t奖项\t行业\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    page.get_by_label("从表格粘贴", exact=True).fill(table)
    page.get_by_role("button", name="添加到名单").click()
    seen["paste_status"] = page.locator("#qp-o-paste-status").inner_text()
    seen["state_with_errors"] = settle(page)
    seen["state_text_with_errors"] = page.locator("#qp-office-state").inner_text()
    seen["yaml_with_errors"] = page.locator("#qp-office-yaml").text_content()
    seen["problems"] = int(page.locator("#qp-office").get_attribute("data-problems"))
    seen["summary"] = page.locator("#qp-office-summary li").all_inner_texts()
    seen["summary_role"] = page.locator("#qp-office-summary").get_attribute("role")
    seen["download_disabled"] = page.locator("#qp-office-download").get_attribute("aria-disabled")
    entries = page.locator("#qp-o-entry-list > li.qp-entry")
    seen["rows_on_page"] = entries.count()
    seen["row_messages"] = {n: entries.nth(n - 1).locator(".qp-entry-problems").inner_text()
                            for n in range(1, len(rows) + 1)}
    seen["rows_marked"] = sorted(n for n in range(1, len(rows) + 1)
                                 if entries.nth(n - 1).locator("[aria-invalid=true]").count())
    seen["count_line"] = page.locator("#qp-o-entry-count").inner_text()

    # Fix each wrong row where the message is: retype its credit code.
    for n, code in fixes.items():
        page.get_by_label(f"第 {n} 项 统一社会信用代码", exact=True).fill(code)
    page.keyboard.press("Tab")
    seen["state_fixed"] = settle(page)
    seen["state_text"] = page.locator("#qp-office-state").inner_text()
    seen["summary_hidden"] = page.locator("#qp-office-summary").is_hidden()
    seen["period_hint"] = page.locator("#qp-o-end-period").inner_text()
    seen["preview"] = page.locator("#qp-office-preview").inner_text()
    seen["path"] = page.locator("#qp-office-path").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 YAML 文件").click()
    seen["file_name"] = download.value.suggested_filename
    seen["yaml"] = Path(download.value.path()).read_text(encoding="utf-8")
    seen["story_s"] = time.perf_counter() - started
    seen["fixed"] = len(fixes)
    return seen


# The correction story: 海州's acceptance notice, published on 2026-11-18, has its first entry's name wrong.
CORRECTED = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
WRONG_NAME, RIGHT_NAME = "示例海州精密机械有限公司", "示例海州精密机器有限公司"


def play_correction(page, base: str) -> dict:
    """The clerk corrects a published notice on ``page``: opens the editor, waits for the check, opens 海州's
    acceptance notice from the list, retypes the first entry's name, gives a reason and waits for 检查通过; what the
    page showed (the YAML with its correction, the change list), and the times."""
    seen: dict = {}
    started = time.perf_counter()
    page.goto(base + "office/editor/")
    page.wait_for_function("document.getElementById('qp-office').dataset.engine")
    seen["engine"] = page.locator("#qp-office").get_attribute("data-engine")
    seen["ready_s"] = time.perf_counter() - started
    page.locator("summary", has_text="更正或撤回已发布的公示").click()
    options = page.locator("#qp-o-open option")
    seen["listed"] = options.all_inner_texts()
    seen["listed_paths"] = [options.nth(n).get_attribute("value") for n in range(options.count())]
    page.get_by_label("已发布的公示", exact=True).select_option(value=CORRECTED)
    page.get_by_role("button", name="打开这份公示").click()
    seen["state_opened"] = settle(page)
    seen["state_text_opened"] = page.locator("#qp-office-state").inner_text()
    seen["scheme_disabled"] = page.get_by_label("方案", exact=True).is_disabled()
    seen["name_before"] = page.get_by_label("第 1 项 组织名称", exact=True).input_value()
    page.get_by_label("第 1 项 组织名称", exact=True).fill(RIGHT_NAME)
    page.get_by_label("更正原因", exact=True).fill("名称录入有误")
    page.keyboard.press("Tab")
    page.wait_for_function("document.getElementById('qp-office-yaml').textContent.includes('edits:')")
    seen["state"] = settle(page)
    seen["state_text"] = page.locator("#qp-office-state").inner_text()
    seen["edits_shown"] = page.locator(".qp-edit-list").inner_text()
    seen["path"] = page.locator("#qp-office-path").inner_text()
    seen["yaml"] = page.locator("#qp-office-yaml").text_content()
    seen["correction_s"] = time.perf_counter() - started
    return seen


def main() -> None:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="/tmp/office-site", help="a built site (python -m generator build --out DIR)")
    args = parser.parse_args()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=args.site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60000)
        seen = play(page, base)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60000)
        corrected = play_correction(page, base)
        browser.close()
    httpd.shutdown()
    print(f"check ready after   {seen['ready_s']:.1f} s ({seen['engine']})")
    print(f"entries pasted      {seen['entries']}")
    print(f"problems shown      {seen['problems']} (rows {', '.join(map(str, seen['rows_marked']))})")
    print(f"rows fixed          {seen['fixed']}")
    print(f"after the fixes     {seen['state_text']}")
    print(f"file                {seen['path']}")
    print(f"story               {seen['story_s']:.1f} s")
    print(f"correction: check ready after {corrected['ready_s']:.1f} s; a correct correction "
          f"({corrected['edits_shown'].strip()}) after {corrected['correction_s']:.1f} s: {corrected['state_text']}")


if __name__ == "__main__":
    main()
