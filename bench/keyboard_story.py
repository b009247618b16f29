"""The quality manager's story played with the keyboard alone, on the built site: from the skip link to the last
question the guided form shows, answering from a profile (examples/profile-suzhou-manufacturer.json). Prints
the questions shown, the key presses and the time it took; ``play`` is what tests/test_browser_story.py runs.

    .venv/bin/python bench/keyboard_story.py [--site /tmp/site] [PROFILE.json]

Every key goes through ``Keys``, which checks after each Tab that the focused control shows a focus outline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.chromium import ARGS, CHROMIUM  # noqa: E402
from generator.assess.profile import BY_NAME, FIRST_QUESTIONS, FORM_GROUPS  # noqa: E402

RECORDS_QUESTION = "records question"
# The questions the guided form counts: the item-by-item blocks (self-declarations, scores) are asked either way.
FACTS = [name for group, names in FORM_GROUPS.items() if group != "answers" for name in names]

# What the focused element is, and whether a person can see where focus is.
_FOCUS = """() => {
  const a = document.activeElement;
  const s = getComputedStyle(a);
  const bar = document.getElementById('qp-result-bar');
  const barTop = bar && bar.offsetParent !== null ? bar.getBoundingClientRect().top : Infinity;
  const r = a.getBoundingClientRect();
  return {tag: a.tagName, id: a.id, text: (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 30),
          body: a === document.body,
          visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                   || a === document.body,
          // partly or wholly under the fixed result bar of a phone (WCAG 2.4.11)
          covered: a !== bar && !bar?.contains(a) && r.height > 0 && r.bottom > barTop + 1};
}"""
# The questions on screen now: visible field blocks of the guided form, and the records question.
_SHOWN = """() => {
  const form = document.getElementById('qp-form');
  const fields = [...form.querySelectorAll('details.qp-section > .qp-field')].filter((b) => b.offsetParent !== null)
    .map((b) => b.dataset.field);
  const screen = form.querySelector('.qp-screen');
  const listed = screen && screen.offsetParent !== null
    ? [...screen.querySelectorAll('label.qp-check:not([hidden]) input[data-field]')].map((i) => i.dataset.field) : [];
  return {fields, listed, guide: document.querySelector('.qp-guide-text').textContent};
}"""
_SETTLED = ("() => { const d = document.getElementById('qp-assess').dataset;"
            " return d.resultId && d.resultId === d.askedId; }")


def id_prefix(*names: str) -> str:
    """The id prefix app.mjs gives a control (nextId)."""
    return "qp-" + re.sub(r"[^a-z0-9]", "-", "-".join(names), flags=re.I) + "-"


class Keys:
    """Key presses, counted; after every Tab the focused control must show where focus is."""

    def __init__(self, page) -> None:
        self.page = page
        self.presses = 0
        self.unseen: list[dict] = []  # focused controls without a visible focus indicator, or covered
        self.lost: list[str] = []  # actions after which focus fell to <body>

    def press(self, key: str) -> None:
        before = self.focused() if key in ("Enter", "Space") else None
        self.page.keyboard.press(key)
        self.presses += 1
        if before and self.focused()["body"]:  # an action must leave focus where the work is, never on <body>
            self.lost.append(f"{key} on {before['tag']} {before['id']} {before['text']}")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.presses += len(text)

    def focused(self) -> dict:
        return self.page.evaluate(_FOCUS)

    def tab_to(self, test: str, limit: int = 200) -> int:
        """Tab until ``test`` (a JS expression over the focused element ``a``) holds; the number of Tabs (0 when
        focus is there already, as after the Tab that left the previous field)."""
        holds = f"() => {{ const a = document.activeElement; return Boolean({test}); }}"
        if self.page.evaluate(holds):
            return 0
        for n in range(1, limit + 1):
            self.press("Tab")
            focus = self.focused()
            if not focus["visible"] or focus["covered"]:
                self.unseen.append(focus)
            if self.page.evaluate(holds):
                return n
        raise AssertionError(f"{limit} Tabs never reached {test}")

    def settle(self) -> None:
        self.page.wait_for_function(_SETTLED)


def _select(keys: Keys, value: str) -> None:
    """Choose an option with the arrow keys, as a keyboard user does on a closed select."""
    for _ in range(40):
        if keys.page.evaluate("() => document.activeElement.value") == value:
            return
        keys.press("ArrowDown")
    raise AssertionError(f"no option {value!r} in the focused select")


def _scalar(keys: Keys, kind: str, value: object) -> None:
    """Answer the focused control."""
    if kind == "bool":
        _select(keys, "yes" if value else "no")
    elif kind in ("enum", "scheme"):
        _select(keys, str(value))
    elif kind == "date":
        year, month, day = str(value).split("-")
        if "--debug" in sys.argv:
            print("date at", keys.focused(), keys.page.evaluate("() => document.activeElement.value"))
        # Headless Chromium here lays a date field out month/day/year; the value read back must be the date.
        keys.type(month + day + year)
        got = keys.page.evaluate("() => document.activeElement.value")
        assert got == value, f"date typed as {month}{day}{year} reads {got!r}, expected {value}"
    else:
        keys.type(str(value))


def _answer(keys: Keys, name: str, value: object) -> None:
    """Answer one question of the form from the keyboard, starting from wherever focus is."""
    field = BY_NAME[name]
    in_field = f"a.closest('.qp-field')?.dataset.field === {json.dumps(name)}"
    if name == "region_code":
        keys.tab_to(f"a.id.startsWith({json.dumps(id_prefix(name))})")
        keys.type(str(value))
    elif field.kind == "list" and not value:
        keys.tab_to(f"{in_field} && a.dataset.key === 'none'")
        keys.press("Space")
    elif field.kind == "list" and field.item.kind in ("enum", "scheme"):
        for v in value:
            keys.tab_to(f"{in_field} && a.dataset.key === {json.dumps('choice-' + v)}")
            keys.press("Space")
    elif field.kind == "list":
        for item in value:
            keys.tab_to(f"{in_field} && a.classList.contains('qp-add')")
            keys.press("Enter")  # focus moves into the new row
            subs = field.item.fields if field.item.kind == "object" else (field.item,)
            for k, sub in enumerate(subs):
                sub_value = item.get(sub.name) if field.item.kind == "object" else item
                if sub_value is None:
                    continue
                if k or field.item.kind != "object":
                    prefix = id_prefix(name, sub.name) if field.item.kind == "object" else id_prefix(name)
                    if not keys.page.evaluate(f"() => document.activeElement.id.startsWith({json.dumps(prefix)})"):
                        keys.tab_to(f"a.id.startsWith({json.dumps(prefix)})")
                _scalar(keys, sub.kind, sub_value)
    elif field.kind == "object":
        for sub in field.fields:
            if sub.name in value:
                keys.tab_to(f"a.id.startsWith({json.dumps(id_prefix(name, sub.name))})")
                _scalar(keys, sub.kind, value[sub.name])
    else:
        keys.tab_to(f"a.id.startsWith({json.dumps(id_prefix(name))}) && a.tagName !== 'SMALL'")
        _scalar(keys, field.kind, value)
    keys.press("Tab")  # leaving the field commits a typed answer (change event)
    keys.settle()


def play(page, site_url: str, profile: dict) -> dict:
    """Play the story on ``page``; returns what a person saw and did."""
    keys = Keys(page)
    page.goto(site_url + "assess/")
    page.get_by_text("计算引擎已就绪").wait_for(timeout=120000)
    keys.settle()
    started = time.perf_counter()
    keys.press("Tab")
    skip = keys.focused()
    page.keyboard.press("Enter")  # a skip link moves where Tab goes next; focus itself is on <body>, as it should be
    keys.presses += 1
    tabs_to_first = keys.tab_to(f"a.id.startsWith({json.dumps(id_prefix('organisation'))})")
    keys.type("苏州示例精密机械有限公司")
    shown: list[str] = list(FIRST_QUESTIONS)
    answered: set[str] = {"organisation"}
    for name in FIRST_QUESTIONS:
        if name in profile and name not in answered:
            _answer(keys, name, profile[name])
            answered.add(name)
    skips = 0
    ticked: set[str] = set()
    while True:
        keys.settle()
        now = page.evaluate(_SHOWN)
        now["fields"] = [n for n in now["fields"] if n in FACTS]
        shown += [n for n in now["fields"] if n not in shown]
        if now["listed"] and RECORDS_QUESTION not in shown:
            shown.append(RECORDS_QUESTION)
        todo = [n for n in now["fields"] if n in profile and n not in answered]
        screen = [n for n in now["listed"] if n not in answered]
        # Kinds this applicant has records of are ticked "有" (their lists then open and are answered below) …
        tick = [n for n in screen if profile.get(n) and n not in ticked]
        if tick:
            for name in tick:
                keys.tab_to(f"a.closest('.qp-screen') && a.dataset.field === {json.dumps(name)}")
                keys.press("Space")
                ticked.add(name)
                keys.settle()
            continue
        # … and "以上都没有" (its label reads "其余都没有" once a kind is ticked) answers the rest.
        rest = [n for n in screen if n not in ticked]
        if rest and all(profile.get(n) == [] for n in rest):
            keys.tab_to("a.closest('.qp-screen') && a.closest('label').textContent.includes('都没有')")
            keys.press("Space")
            keys.settle()
            answered.update(rest)
            continue
        if todo:
            for name in todo:
                _answer(keys, name, profile[name])
                answered.add(name)
            continue
        if not page.locator(".qp-next-group").count():
            break  # no group left with a question that could change a verdict (guide.mjs: no current group)
        if "--debug" in sys.argv:
            print("round", now, "answered", sorted(answered))
        # The group's open questions are ones this profile cannot answer: "下一组".
        keys.tab_to("a.textContent.includes('下一组')")
        keys.press("Enter")
        skips += 1
        if skips > 10:
            raise AssertionError("the guided form never ran out of questions")
    seconds = time.perf_counter() - started
    # Stranded: an undetermined verdict whose card still asks for a fact while the form says nothing is left.
    ending = page.evaluate("""() => ({guide: document.querySelector('.qp-guide-text').textContent,
      asking: [...document.querySelectorAll('#qp-results .qp-result.qp-verdict-undetermined')]
        .filter((c) => /请(填写|补全)/.test(c.textContent)).map((c) => c.id.replace('qp-result-', ''))})""")
    stranded = ending["asking"] if "没有其他可能改变结论的问题了" in ending["guide"] else []
    verdicts = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#qp-results .qp-result')]
      .map((c) => [c.id.replace('qp-result-', ''),
                   [...c.classList].find((k) => k.startsWith('qp-verdict-')).slice(11)]))""")
    return {"skip_link": skip["text"], "tabs_to_first_field": tabs_to_first, "shown": shown,
            "presses": keys.presses, "unseen_focus": keys.unseen, "focus_lost": keys.lost, "skips": skips,
            "seconds": seconds, "verdicts": verdicts, "stranded": stranded, "guide": ending["guide"]}


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.assess_page import serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("profile", nargs="?", type=Path, default=ROOT / "examples" / "profile-suzhou-manufacturer.json")
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--phone", action="store_true", help="a 390×844 viewport instead of 1366×768")
    args = parser.parse_args()
    profile = json.loads(args.profile.read_text(encoding="utf-8"))
    httpd, url = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        viewport = {"width": 390, "height": 844} if args.phone else {"width": 1366, "height": 768}
        page = browser.new_page(viewport=viewport)
        out = play(page, url, profile)
        browser.close()
    httpd.shutdown()
    print(f"{args.profile.name}: {len(out['shown'])} questions shown, {out['presses']} key presses, "
          f"{out['seconds']:.1f} s from the skip link to the last verdict ({out['skips']} groups skipped); "
          f"{out['tabs_to_first_field']} Tabs from the skip link to the first field; "
          f"controls without a visible focus: {len(out['unseen_focus'])}; "
          f"actions that lost focus: {len(out['focus_lost'])}")
    print(f"  shown: {', '.join(out['shown'])}")
    print(f"  verdicts: {out['verdicts']}")
    for lost in out["focus_lost"]:
        print(f"  focus lost: {lost}")
    for focus in out["unseen_focus"]:
        print(f"  no visible focus: {focus}")


if __name__ == "__main__":
    main()
