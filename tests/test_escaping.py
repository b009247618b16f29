"""Every text that comes from YAML reaches the reader escaped: payloads are put into every
free-text field of a copy of all scheme and notice data, and none survives as markup in
pages, feeds, the search index, or the assessment page (which renders the exported JSON)."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from generator.build import build_site
from generator.load.yamlload import load_file
from tests.conftest import ROOT, copy_project

MARK = "window.__xss=1"
PAYLOAD = (f'<script>{MARK}</script><img src=x onerror="{MARK}">[链接](javascript:{MARK})'
           "**粗体** `代码` <a href='javascript:alert(1)'>a</a>")
# Names hold at most 100 characters (issue 24): a shorter payload, markup all the same.
SHORT_PAYLOAD = f'<img src=x onerror="{MARK}"><script>{MARK}</script>'
NAME_KEYS = {"organisation", "parent"}
# Free text, not checked against the sources (quotes, form paragraphs and signature lines are, so they stay).
TEXT_KEYS = {"title", "name", "short_name", "note", "text", "when", "who", "cap_text", "prize_text", "requires",
             "category", "limit", "clause", "applies_to", "quorum", "threshold", "issuer", "date_text",
             "status_note", "person", "per", "header", "columns", "body", "organisation",
             "reason", "changes", "outside_area_reason", "issuers", "receiver", "address"}


def poison(node, key=None):
    if isinstance(node, dict):
        return {k: poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(v, key) for v in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return node + (SHORT_PAYLOAD if key in NAME_KEYS else PAYLOAD)
    return node


class Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.script = False

    def handle_starttag(self, tag, attrs):
        self.script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}>")
            if (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} {name}={value}>")
        if tag == "img" and ("src", "x") in attrs:
            self.bad.append("<img src=x>")

    def handle_data(self, data):
        if self.script and MARK in data:
            self.bad.append("<script> with the payload")

    def handle_endtag(self, tag):
        self.script = False


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("poisoned"))
    (root / "public_lists").rmdir()
    shutil.copytree(ROOT / "public_lists", root / "public_lists")
    count = 0
    for path in [*(root / "schemes").glob("*.yaml"), *(root / "public_lists").rglob("*.yaml")]:
        data = load_file(path)
        poisoned = poison(data)
        count += json.dumps(poisoned, ensure_ascii=False, default=str).count(MARK)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert count > 500  # payloads in hundreds of fields
    return build_site(root, root / "site")


def test_no_payload_survives_as_markup_in_pages(poisoned):
    pages = list(poisoned.rglob("*.html"))
    assert len(pages) > 60
    parser = Markup()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parser.feed(text)
        assert "<strong>粗体</strong>" not in text and "<code>代码</code>" not in text, page
    assert parser.bad == []
    home = (poisoned / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in home  # shown as text


def test_feeds_hold_text_only(poisoned):
    for feed in (poisoned / "feeds").glob("*.atom"):
        root = ET.parse(feed).getroot()
        assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("script", "img", "a")]
        assert any(MARK in (el.text or "") for el in root.iter())  # the text is there, as text


@pytest.mark.browser
def test_assessment_page_renders_data_as_text(poisoned, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(poisoned))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        # The search page shows titles and excerpts of the poisoned pages.
        for path in ("assess/", "", "schemes/haizhou-quality-award/eligibility/", "winners/", "search/?q=xss"):
            page.goto(url + path)
            if path.startswith("search/"):
                page.locator(".pagefind-ui__result-link").first.wait_for(state="attached", timeout=20000)
            if path == "assess/":
                page.get_by_text("计算引擎已就绪").wait_for(timeout=60000)
                page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
                page.locator("#qp-results details").first.evaluate("d => d.open = true")
                assert MARK in page.locator("#qp-results").inner_text()  # rendered, as text
            assert page.evaluate("window.__xss") is None, path
        assert dialogs == []
    finally:
        page.close()
        httpd.shutdown()
