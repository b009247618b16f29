"""Every page type on the narrowest phone in use (360 × 740): nothing widens the page sideways, and every control a
finger can reach is at least 24 × 24 px (WCAG 2.2, 2.5.8) unless it is a link inside a sentence."""

from __future__ import annotations

import pytest

from tests.conftest import open_calculator

pytestmark = pytest.mark.browser

SCHEME_PAGES = ("", "eligibility/", "process/", "scoring/", "materials/", "notices/", "forms/", "contacts/",
                "obligations/", "source/")
PAGES = [
    "", "compare/", "notices/", "feeds/", "winners/", "profile/", "office/", "about/", "assess/",
    "search/?q=%E5%8F%91%E6%98%8E%E4%B8%93%E5%88%A9",  # 发明专利
    "notices/haizhou-quality-award/2026/", "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/",
    "schemes/yancheng-mayor-quality-award/revisions/",
    *(f"schemes/{s}/{p}" for s in ("suzhou-quality-award", "jiangsu-quality-credit", "jiaxing-mayor-quality-award")
      for p in SCHEME_PAGES),
]

# Controls smaller than 24 px that a finger could hit now. A control inside a label counts as the label; a link
# in running text is exempt (2.5.8's inline exception); off-screen and covered controls are not targets now.
SMALL_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, summary, label[for], [tabindex="0"]')) {
    const target = el.closest('label') || el;
    const r = target.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0 || r.left >= innerWidth) continue;
    if (target.closest('.md-visually-hidden, .qp-visually-hidden, [hidden]')) continue;
    const s = getComputedStyle(target);
    if (s.visibility === 'hidden') continue;
    const inline = target.tagName === 'A' && s.display === 'inline' && target.closest('p, li, td, dd, q, blockquote');
    if (inline) continue;
    if (r.top >= 0 && r.bottom <= innerHeight) {
      const hit = document.elementFromPoint(r.left + Math.min(r.width, innerWidth - r.left) / 2, r.top + r.height / 2);
      if (!(hit && (target === hit || target.contains(hit)))) continue;
    }
    if (r.width < 24 || r.height < 24) {
      const name = (target.textContent || target.getAttribute('aria-label') || '').trim().slice(0, 20);
      small.push(`${target.tagName} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return small;
}"""


def test_every_page_type_fits_a_360_px_phone(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(60000)
    wide, small = {}, {}
    for path in PAGES:
        page.goto(server + path)
        if path == "assess/":
            page.get_by_text("计算引擎已就绪").wait_for()
            page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
            page.evaluate("document.querySelectorAll('#qp-results details').forEach(d => d.open = true)")
        if path.startswith("search/"):
            page.locator(".pagefind-ui__result-link").first.wait_for(state="attached")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
        found = page.evaluate(SMALL_TARGETS)
        if found:
            small[path] = found[:5]
    context.close()
    assert wide == {}, wide
    assert small == {}, small


def test_calculator_touch_targets_are_44_px_on_a_phone(browser, server):
    """Issue 27: on a 390 px phone every control of the calculator (form, results, the pinned result bar) is at
    least 44 × 44 px high (chips, checkboxes with their labels, buttons, selects, summaries), beyond 2.5.8's 24 px;
    links inside a sentence are exempt as above."""

    profile = {"region_code": "320506", "sector": "manufacturing"}

    context, page = open_calculator(browser, server, {"width": 390, "height": 844}, profile)
    page.get_by_role("button", name="显示全部问题").click()
    page.evaluate("document.querySelectorAll('#qp-assess details').forEach(d => d.open = true)")
    # A text label over its control is not the target: the control is (and is measured itself).
    found = page.evaluate(SMALL_TARGETS.replace("document.querySelectorAll(", "document.getElementById('qp-assess')"
                                                ".querySelectorAll(").replace("r.width < 24 || r.height < 24",
                                                                              "r.height < 44 || r.width < 44")
                          .replace("const target = el.closest('label') || el;",
                                   "if (el.matches('label[for]') && document.getElementById(el.htmlFor)) continue;"
                                   " const target = el.closest('label') || el;"))
    context.close()
    assert found == [], found[:40]
