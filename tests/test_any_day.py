"""Right on any day: the repository built on other days than the suite's (conftest.TEST_DAY), each pinned by
SOURCE_DATE_EPOCH: the day before a notice's publication, a year end, mid-2027 and a year no library covers.

What must hold on every day: a notice is on the site (its page, the lists, the feeds, the sitemap and the search
index) from its publication day and not before; every status printed is the status of that day; the build never
fails for want of a holiday schedule it does not need, and reminds the office of the one it will need."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from html import unescape
from pathlib import Path

import pytest

from generator import ROOT
from generator.assess.engine import assess
from generator.assess.profile import parse_profile
from generator.build import build_site
from generator.load.portal import Portal, load_portal
from generator.views.export import engine_data
from tests.conftest import TEST_DAY, on_day

D = dt.date.fromisoformat
JIAXING = "jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners"  # published 2026-11-20 (TEST_DAY)
DAYS = [D("2026-11-19"), D("2026-12-31"), D("2027-06-01"), D("2031-02-01")]


_BUILT: dict[dt.date, tuple[dt.date, Portal, Path]] = {}


def build_on(day: dt.date, tmp_path_factory: pytest.TempPathFactory) -> tuple[dt.date, Portal, Path]:
    """The repository checked and built on ``day`` (SOURCE_DATE_EPOCH), once per session."""
    if day not in _BUILT:
        with on_day(day):
            portal = load_portal(ROOT)
            out = build_site(ROOT, tmp_path_factory.mktemp(f"day-{day}") / "site")
        assert portal.today == day and portal.problems == []
        _BUILT[day] = (day, portal, out)
    return _BUILT[day]


@pytest.fixture(params=DAYS, ids=str)
def built(request, tmp_path_factory) -> tuple[dt.date, Portal, Path]:
    return build_on(request.param, tmp_path_factory)


def _search_urls(site: Path) -> set[str]:
    urls = set()
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        urls.add(json.loads(text[text.index("{"):])["url"])
    return urls


def _published_everywhere(site: Path, slug: str) -> dict[str, bool]:
    """Where a notice appears in a built site."""
    url = f"notices/{slug}/"  # the feeds and sitemap write it absolute, the JSON feed relative to the site

    def read(rel: str) -> str:
        path = site / rel
        return path.read_text(encoding="utf-8") if path.exists() else ""

    return {
        "page": (site / "notices" / slug / "index.html").exists(),
        "year list": f'href="{slug.rsplit("/", 1)[1]}/"' in read(f"notices/{slug.rsplit('/', 1)[0]}/index.html"),
        "atom": url in read("feeds/notices.atom"),
        "rss": url in read("feeds/notices.rss"),
        "json": url in read("feeds/notices.json"),
        "sitemap": url in read("sitemap.xml"),
        "search": f"/{url}" in _search_urls(site),
    }


def test_a_notice_appears_on_its_publication_day_and_not_before(tmp_path_factory, site):
    """嘉兴's proposed-winners notice, built the day before (2026-11-19) and on its day (the suite's site)."""
    _, _, out = build_on(D("2026-11-19"), tmp_path_factory)
    assert not any(_published_everywhere(out, JIAXING).values())
    assert "2026-11-20-proposed-winners" not in (out / "index.html").read_text(encoding="utf-8")
    assert not (out / "notices" / JIAXING / "summary.csv").exists()  # nor its attachment
    on_the_day = _published_everywhere(site, JIAXING)
    assert D("2026-11-20") == TEST_DAY and all(on_the_day.values()), on_the_day
    page = unescape((site / "notices" / JIAXING / "index.html").read_text(encoding="utf-8"))
    assert "示例嘉兴" in page  # with its entries


def test_every_day_publishes_exactly_the_notices_of_that_day(built):
    day, portal, out = built
    for n in portal.notices + portal.scheduled:
        found = _published_everywhere(out, n.slug)
        wanted = n.notice.published <= day
        assert all(v == wanted for v in found.values()), (day, n.slug, found)
    assert [n.notice.published > day for n in portal.scheduled] == [True] * len(portal.scheduled)


def test_every_status_printed_is_that_days(built):
    day, portal, out = built
    from generator.assess.terms import NOTICE_STATUSES

    for n in portal.notices:
        html = unescape((out / "notices" / n.slug / "index.html").read_text(encoding="utf-8"))
        status = re.search(r'class="qp-notice-status qp-ns-(\w+)"[^>]*>([^<]+)<', html)
        assert status[1] == n.status(day) and status[2].startswith(NOTICE_STATUSES[n.status(day)]), (day, n.slug)
        if n.status(day) == "open":
            assert status[2].endswith(f"剩余 {(n.period.end - day).days + 1} 天")
    office = json.loads((out / "data" / "office.json").read_text(encoding="utf-8"))
    assert office["today"] == day.isoformat()  # the editor's default publication day


def test_the_documents_status_is_that_days(built):
    """On 2027-06-01 (and every later day): the 2023 苏州 and 2024 江苏 calls closed, 盐城 still a draft."""
    day, _, out = built
    home = unescape((out / "index.html").read_text(encoding="utf-8"))
    statuses = dict(re.findall(r"<p>《([^》]+)》[^<]*<span class=\"qp-badge qp-doc-status[^>]*>([^<]+)<", home))
    assert statuses["关于做好2023年度苏州市质量奖申报工作的通知"] == "已截止"
    assert statuses["关于开展2024年度江苏省质量信用A级及以上企业等级认定工作的通知"] == "已截止"
    assert statuses["盐城市市长质量奖管理办法（2023年修订征求意见稿）"] == "征求意见稿，尚未施行"
    assert statuses["海州质量奖管理办法"] == "现行"


def test_the_calculator_judges_by_the_edition_in_force_on_as_of(built, portal):
    """A profile without 评估日期 is judged on the day (China time) it is assessed: here, the build's day."""
    day, _, _ = built
    with on_day(day):
        profile = parse_profile(json.loads((ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text(
            encoding="utf-8")) | {"as_of": None})
    result = assess(profile, engine_data(portal))
    assert result["as_of"] == day.isoformat()
    editions = {r["scheme"]: r["edition"] for r in result["results"]}
    assert editions["suzhou-quality-award"]["window"]["state"] == "closed"
    assert editions["yancheng-mayor-quality-award"]["status"] == "draft"


def test_the_build_reminds_the_office_of_the_schedule_it_will_need(built):
    day, portal, _ = built
    reminded = sorted(w.path for w in portal.warnings if w.code == "holidays.missing_warning")
    expected = [f"holidays/{y}.yaml" for y in (day.year, day.year + 1)
                if y > 2026 and (y == day.year or (day.month, day.day) >= (11, 1))]
    assert reminded == expected, (day, reminded)
