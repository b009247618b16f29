"""The portal's public address (mkdocs.yml ``site_url``, from PORTAL_SITE_URL): feeds with absolute links, feed
autodiscovery on every page, a sitemap that lists the pages, a page that explains how to subscribe, a 404 page in
Chinese; and a production build refuses a local address."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from xml.etree import ElementTree as ET

from generator import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feeds_link_absolutely_from_the_site_url(site):
    rss = ET.parse(site / "feeds" / "notices.rss").getroot()
    links = [rss.find("./channel/link").text] + [i.find("link").text for i in rss.findall("./channel/item")]
    assert links and all(re.match(r"^https?://[^/]+/", link) for link in links), links
    atom = ET.parse(site / "feeds" / "notices.atom").getroot()
    hrefs = [link.get("href") for link in atom.iter(f"{ATOM}link")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs


def test_pages_announce_their_feeds_and_the_sitemap_lists_pages(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="alternate feed" type="application/atom\+xml"[^>]+'
                     r'href="https?://[^"]+/feeds/notices\.atom"', home)
    scheme = (site / "schemes" / "suzhou-quality-award" / "index.html").read_text(encoding="utf-8")
    assert "feeds/suzhou-quality-award.atom" in scheme
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") > 50 and "/schemes/suzhou-quality-award/eligibility/</loc>" in sitemap


def test_a_page_explains_how_to_subscribe(site):
    page = (site / "feeds" / "index.html").read_text(encoding="utf-8")
    assert "订阅公示公告" in page and "RSS 阅读器" in page
    for name in ("notices", "suzhou-quality-award", "haizhou-quality-award"):
        assert f'id="{name}"' in page and f"/feeds/{name}.atom</code>" in page
    notices = (site / "notices" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feeds/"' in notices


def test_the_404_page_speaks_chinese(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in page and "Not found" not in page


def test_a_production_build_refuses_a_local_site_url(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_SITE_URL"}
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--production", "--out", str(tmp_path / "s")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "PORTAL_SITE_URL" in done.stdout + done.stderr and "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "s").exists()


def test_the_publisher_and_contact_are_set_in_one_place(tmp_path, site):
    """mkdocs.yml says who publishes the portal (copyright) and how to reach them (extra.contact); every page's
    footer prints them. Unset, the footer sends readers to each scheme's 联系方式 page."""
    from generator.build import build_site
    from tests.conftest import copy_project, edit

    footer = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "由市场监管部门发布" in footer and "见各方案的“联系方式”页" in footer and "Material for MkDocs" not in footer
    root = copy_project(tmp_path / "p")
    edit(root, "mkdocs.yml", "  contact: {}", "  contact: {name: 示例市市场监督管理局, phone: 0512-12345678}")
    built = build_site(root, tmp_path / "site")
    page = (built / "compare" / "index.html").read_text(encoding="utf-8")
    assert "联系：示例市市场监督管理局 · 电话 0512-12345678" in page
