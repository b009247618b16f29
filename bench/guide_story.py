"""Issue 27's three applicants played from the keyboard on the built site (bench/keyboard_story.play): a 苏州
precision-machinery maker with one penalised violation; a 盐城 company holding 江苏 credit level A since 2023-03-01
that wants AA; the same on a 390 px phone. Prints, for each, the key presses and questions shown until the guided
form has nothing left to ask, every scheme's verdict, and the verdicts left undetermined while the form says
"没有其他可能改变结论的问题了" and the card still asks for a fact (goal: none).

    .venv/bin/python bench/guide_story.py [--site SITE]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.chromium import ARGS, CHROMIUM  # noqa: E402
from bench.keyboard_story import play  # noqa: E402

EXAMPLE = json.loads((ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text(encoding="utf-8"))
FACTS_ONLY = {k: v for k, v in EXAMPLE.items() if k not in ("declarations", "credit_answers", "excellence_percent",
                                                             "review_scores")}


def applicants() -> list[tuple[str, dict, dict]]:
    suzhou = copy.deepcopy(FACTS_ONLY)
    suzhou["violations"] = [{"date": "2025-06-01", "severity": "general", "penalized": True}]
    yancheng = copy.deepcopy(FACTS_ONLY)
    yancheng |= {"region_code": "320902", "legal_person": True,
                 "credit": {"level": "A", "since": "2023-03-01", "target_level": "AA"}}
    desktop, phone = {"width": 1366, "height": 768}, {"width": 390, "height": 844}
    return [("苏州 maker, one penalised violation", suzhou, desktop), ("盐城, credit A → AA", yancheng, desktop),
            ("盐城, credit A → AA, phone", yancheng, phone)]


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.assess_page import serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    httpd, url = serve(args.site)
    stranded_total = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for title, profile, viewport in applicants():
            page = browser.new_page(viewport=viewport)
            page.set_default_timeout(60000)
            try:
                out = play(page, url, profile)
            except AssertionError as exc:  # the form could not be finished from the keyboard
                print(f"{title}: stuck: {exc}")
                page.close()
                continue
            page.close()
            stranded_total += len(out["stranded"])
            print(f"{title}: {out['presses']} key presses, {len(out['shown'])} questions shown, "
                  f"{out['skips']} groups skipped, {out['seconds']:.1f} s")
            print(f"  verdicts: {out['verdicts']}")
            print(f"  guide at the end: {out['guide']}")
            print(f"  undetermined while nothing is left to ask: {out['stranded'] or 'none'}")
        browser.close()
    httpd.shutdown()
    print(f"verdicts undetermined while the form says nothing is left to ask: {stranded_total}")


if __name__ == "__main__":
    main()
