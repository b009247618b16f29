"""Notices: bad files each give their `path:line: message`; good ones are published with
their period, pages and feeds; the commands of docs/CLI.md behave."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator import ROOT
from generator.load.portal import load_portal
from tests.conftest import edit

HZ = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
JX = "public_lists/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners.yaml"
YC = "public_lists/yancheng-mayor-quality-award/2026/2026-06-30-winners.yaml"


@pytest.fixture
def project(notices_project: Path) -> Path:
    return notices_project


def problems(root: Path, production: bool = False) -> list[str]:
    return [str(p) for p in load_portal(root, production=production).problems]


def test_samples_are_accepted_with_their_periods(portal):
    by_path = {n.path: n for n in portal.notices + portal.scheduled}
    assert len(by_path) == len(list((ROOT / "public_lists").rglob("*.yaml")))
    assert [n.path for n in portal.scheduled] == ["public_lists/suzhou-quality-award/2026/2026-12-01-call.yaml"]
    # 海州 第九条（二）: 不少于5个工作日, published Wed 2026-11-18 -> Wed 11-25.
    assert by_path[HZ].period.end.isoformat() == "2026-11-25"
    # 嘉兴 三（四）1: 公示期7天, published Fri 2026-11-20 -> Fri 11-27.
    assert by_path[JX].period.end.isoformat() == "2026-11-27"


@pytest.mark.parametrize(("rel", "old", "new", "message"), [
    (JX, "published: 2026-11-20\n", "published: 2026-11-20\nend: 2026-11-26\n",
     "end：公示期短于规则要求：嘉兴市市长质量奖“拟奖初选对象公示”的公示期为7天（三（四）1，发布当日不计入）；"
     "发布日期 2026-11-20，最后一日应不早于 2026-11-27，现为 2026-11-26。请改为 end: 2026-11-27"),
    (JX, "published: 2026-11-20\n", "published: 2026-11-20\nend: 2026-11-30\n",
     "end：公示期长于规则规定：嘉兴市市长质量奖“拟奖初选对象公示”的公示期为7天（三（四）1，发布当日不计入）；"
     "发布日期 2026-11-20，最后一日应为 2026-11-27，现为 2026-11-30"),
    (HZ, "published: 2026-11-18\n", "published: 2026-11-18\nend: 2026-11-24\n",
     "公示期不少于5个工作日（第九条（二）"),
    (HZ, "credit_code: 91320706AY4CL12THY", "credit_code: 91320706AY4CL12THX",
     "entries[0].credit_code：统一社会信用代码 91320706AY4CL12THX 的最后一位（校验码）不符："
     "若前 17 位无误，最后一位应为 Y"),
    (HZ, "credit_code: 913207063BJ1XG6123", "credit_code: 91320706AY4CL12THY",
     "统一社会信用代码 91320706AY4CL12THY 在名单中出现 2 次"),
    (JX, "tier: innovation", "tier: gold", "entries[3].tier：嘉兴市市长质量奖没有奖项或等级 'gold'"),
    (HZ, "kind: acceptance", "kind: credit_results", "kind：海州质量奖的规则中没有“认定结果公示”（credit_results）"),
    (YC, ", outside_area_reason: 位于沪苏大丰产业联动集聚区（第十条（二）：集聚区内企业不受此限）", "",
     "示例大丰港物流有限公司的统一社会信用代码 91320583RHCCCC3FLB 第 3 至 8 位（登记地行政区划码）为 320583，"
     "不在盐城市（代码以 3209 开头）"),
    (YC, "tier: award, sector: manufacturing}\n  - {organisation: 示例盐城绿色能源",
     "tier: award, sector: manufacturing, parent: 示例盐城控股集团}\n  - {organisation: 示例盐城绿色能源",
     "entries[1].parent：2 家组织的母公司都是 '示例盐城控股集团'（第 10、11 行），"
     "而同一母公司的子公司最多推荐一家（第十一条（六））"),
    (HZ, "published: 2026-11-18\n", "published: 2026-12-29\n",
     "published：2027年的国务院节假日安排尚未收录"),
    (HZ, "  phone: \"0518-00000000\"\n  address: 连云港市海州区（示例地址）\n", "",
     "objections：异议受理方式至少填写 phone（电话）、email（电子邮箱）、address（地址）中的一项"),
])
def test_bad_notice_gives_its_message(project, rel, old, new, message):
    edit(project, rel, old, new)
    found = [p for p in problems(project) if p.startswith(f"{rel}:") and message in p]
    assert found, problems(project)


def test_over_the_cap(project):
    # 海州 第四条: 每次获奖的组织不超过2家.
    rel = "public_lists/haizhou-quality-award/2024/2024-12-02-winners.yaml"
    edit(project, rel, "tier: excellence", "tier: award")
    text = (project / rel).read_text(encoding="utf-8")
    (project / rel).write_text(text + "  - {organisation: 示例三, credit_code: 91320706J3Y7LLJY1W, tier: award}\n",
                               encoding="utf-8")
    assert any("entries：海州质量奖（award）共 3 家，超过名额上限 2 家（第四条）" in p for p in problems(project))


def test_errors_carry_the_line(project):
    line = edit(project, HZ, "credit_code: 913207063BJ1XG6123", "credit_code: 913207063BJ1XG612X")
    assert any(p.startswith(f"{HZ}:{line}: entries[1].credit_code：统一社会信用代码") for p in problems(project))


def test_production_build_refuses_samples(project):
    found = problems(project, production=True)
    assert (f"{HZ}:1: sample：示例公示（sample: true）不能正式发布（build --production）："
            "删除此文件，或删去 sample: true 并填写真实内容") in found
    assert problems(project) == []


def _publish_and_commit(project: Path, rel: str, on: dt.date) -> None:
    """Make ``rel`` a real notice, seal what is published by ``on`` and commit: the ledger base is HEAD."""
    from generator.load.ledger import seal
    from tests.test_sealed import _git

    edit(project, rel, "sample: true\n", "")
    seal(project, load_portal(project, today=on).notices, on)
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "published")


def test_sealed_notice_changes_only_with_a_correction(project):
    _publish_and_commit(project, YC, dt.date(2026, 7, 3))
    assert YC in json.loads((project / "public_lists" / "ledger.json").read_text())["sealed"]
    edit(project, YC, "organisation: 示例盐城海洋装备有限公司", "organisation: 示例盐城海洋装备集团有限公司")
    assert any(p.startswith(f"{YC}:1: 此公示已发布并封存，内容被修改却未记录更正") for p in problems(project))
    # A new correction goes after the earlier ones and lists what it changes.
    text = (project / YC).read_text(encoding="utf-8")
    correction = ("  - date: 2026-07-10\n    reason: 名称更正\n    changes: 更正组织名称\n    edits:\n"
                  "      - {field: 第2项 名称, old: 示例盐城海洋装备有限公司, new: 示例盐城海洋装备集团有限公司}\n")
    (project / YC).write_text(text + correction, encoding="utf-8")
    assert problems(project) == []
    (project / YC).unlink()
    assert any(p.startswith(f"{YC}:1: 此公示已发布并封存，文件却被删除") for p in problems(project))


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          capture_output=True, text=True)


def test_notice_period_command():
    out = cli(ROOT, "notice-period", "--scheme", "haizhou-quality-award", "--kind", "acceptance",
              "--published", "2025-09-26", "--json")
    assert out.returncode == 0
    doc = json.loads(out.stdout)
    assert (doc["start"], doc["end"]) == ("2025-09-28", "2025-10-10") and "第九条（二）" in doc["rule"]
    late = cli(ROOT, "notice-period", "--scheme", "jiaxing-mayor-quality-award", "--kind", "proposed_winners",
               "--published", "2026-12-28")
    assert late.returncode == 1 and "2027" in late.stderr
    none = cli(ROOT, "notice-period", "--scheme", "suzhou-quality-award", "--kind", "acceptance",
               "--published", "2026-01-05")
    assert none.returncode == 2 and "规则没有 acceptance 这类公示" in none.stderr


def test_new_notice_writes_a_skeleton_that_check_then_explains(project):
    out = cli(project, "new-notice", "--scheme", "yancheng-mayor-quality-award", "--kind", "proposed_winners")
    assert out.returncode == 0, out.stderr
    path = project / out.stdout.strip()
    text = path.read_text(encoding="utf-8")
    assert "kind: proposed_winners" in text and "end: " in text
    found = [p for p in problems(project) if p.startswith(out.stdout.strip())]
    assert found  # blank organisation and code must be filled in
    again = cli(project, "new-notice", "--scheme", "yancheng-mayor-quality-award", "--kind", "proposed_winners")
    assert again.returncode == 2


def test_pages_and_feeds(site, portal):
    for n in portal.notices:
        page = site / "notices" / n.slug / "index.html"
        html = page.read_text(encoding="utf-8")
        assert n.notice.title in html
        assert ("qp-sample" in html) == n.notice.sample
    atom = ET.parse(site / "feeds" / "notices.atom").getroot()
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(portal.notices)
    ids = [e.find("{http://www.w3.org/2005/Atom}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    rss = ET.parse(site / "feeds" / "haizhou-quality-award.rss").getroot()
    assert len(rss.findall("./channel/item")) == 2
    listing = json.loads((site / "feeds" / "notices.json").read_text(encoding="utf-8"))
    assert {n["url"] for n in listing["notices"]} == {f"notices/{n.slug}/" for n in portal.notices}
    def rows(page: str) -> int:
        return (site / page / "index.html").read_text(encoding="utf-8").count('<tr data-scheme="')

    # A scheme's notices: one page per award year, linked from the scheme's 公示要求 page and /notices/,
    # which show the latest year.
    for scheme in portal.schemes:
        mine = [n for n in portal.notices if n.notice.scheme == scheme.id]
        for year in {n.notice.cycle_year for n in mine}:
            html = (site / "notices" / scheme.id / str(year) / "index.html").read_text(encoding="utf-8")
            assert html.count("<tr data-scheme=") == sum(n.notice.cycle_year == year for n in mine)
            assert all(n.notice.title in html for n in mine if n.notice.cycle_year == year)
    index = (site / "notices" / "index.html").read_text(encoding="utf-8")
    assert 'href="haizhou-quality-award/2024/"' in index and "2024年度海州质量奖获奖组织名单" not in index
    assert 'href="../../../notices/haizhou-quality-award/2024/"' in (
        site / "schemes" / "haizhou-quality-award" / "notices" / "index.html").read_text(encoding="utf-8")

    # One page per award year (海州 2024: 2, 盐城 2026: 4); /winners/ shows the latest.
    assert (rows("winners/2024"), rows("winners/2026"), rows("winners")) == (2, 4, 4)


def test_attachment_must_exist_and_is_published(project, site):
    assert (site / "notices" / "jiaxing-mayor-quality-award" / "2026" / "2026-11-20-proposed-winners"
            / "2026-11-20-proposed-winners-summary.csv").is_file()
    line = edit(project, JX, "file: 2026-11-20-proposed-winners-summary.csv", "file: missing.pdf")
    assert any(p.startswith(f"{JX}:{line}: attachments[0].file：附件 'missing.pdf' 不在此公示文件所在的文件夹中")
               for p in problems(project))


def test_home_lists_only_notices_that_may_still_be_live(site, portal):
    """The home page's 正在公示 list carries every notice a reader's clock may show as open before the
    next daily build (ended at most a day ago, for readers west of China) and no older ones."""
    import datetime as dt
    import re

    from generator.core.clock import build_date

    today = build_date()
    home = (site / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<li data-live-open[^>]*><a href="([^"]+)"', home))
    expected = {f"notices/{n.slug}/" for n in portal.notices
                if n.period and n.period.end >= today - dt.timedelta(days=1)}
    assert {href.removeprefix("./") for href in listed} == expected
    hz = next(n for n in portal.notices if n.period)
    assert hz.period and not hz.may_be_live(hz.period.end + dt.timedelta(days=2))
    assert hz.may_be_live(hz.period.end + dt.timedelta(days=1)) and hz.may_be_live(hz.notice.published)


def test_every_feed_is_well_formed(site):
    """Every Atom and RSS file parses as XML (a control character from a YAML escape once broke them;
    the loader now refuses those) and the JSON list as strict JSON."""
    feeds = sorted((site / "feeds").iterdir())
    xml = [f for f in feeds if f.suffix in (".atom", ".rss")]
    assert len(xml) == 2 * (1 + len(list((ROOT / "schemes").glob("*.yaml"))))  # all notices; one per scheme
    for feed in xml:
        ET.parse(feed)
    def strict(name: str) -> None:
        raise AssertionError(name)

    json.loads((site / "feeds" / "notices.json").read_text(encoding="utf-8"), parse_constant=strict)


def test_production_mode_does_not_leak_into_the_next_build(project, tmp_path, monkeypatch):
    """The build mode is the plugin's option on one build's config: a production build refuses the samples,
    and an ordinary build in the same process afterwards accepts them (an environment flag once leaked)."""
    from generator.build import BuildError, build_site

    monkeypatch.setenv("PORTAL_SITE_URL", "https://portal.example.gov.cn/")  # a production build needs one
    with pytest.raises(BuildError, match="示例公示"):
        build_site(project, tmp_path / "prod" / "site", production=True)
    monkeypatch.delenv("PORTAL_SITE_URL")
    assert build_site(project, tmp_path / "dev" / "site").is_dir()


def test_applicant_internal_notice_is_computed_not_published(project):
    """盐城 第十一条（一）: the applicant posts a notice inside its own organisation for at least 5 working days
    before applying. Its period can be computed; it is shown among the scheme's notices; it is never published
    here."""
    out = cli(ROOT, "notice-period", "--scheme", "yancheng-mayor-quality-award", "--kind", "internal",
              "--published", "2026-11-23", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    # Mon 2026-11-23: five working days are Tue 24 … Mon 30.
    assert (doc["start"], doc["end"]) == ("2026-11-24", "2026-11-30") and "第十一条（一）" in doc["rule"]
    new = cli(project, "new-notice", "--scheme", "yancheng-mayor-quality-award", "--kind", "internal")
    assert new.returncode == 2 and "不在本门户发布" in new.stderr
    path = "public_lists/yancheng-mayor-quality-award/2026/2026-11-23-internal.yaml"
    (project / path).write_text("scheme: yancheng-mayor-quality-award\nkind: internal\ntitle: 内部公示\n"
                                "issuer: 某公司\npublished: 2026-11-23\n", encoding="utf-8")
    assert any(p.startswith(f"{path}:2:") and "不在本门户发布" in p for p in problems(project))


def test_internal_notice_is_on_the_rules_page(site):
    html = (site / "schemes" / "yancheng-mayor-quality-award" / "notices" / "index.html").read_text(encoding="utf-8")
    assert "申报组织内部公示" in html and "不少于5个工作日" in html


def test_a_notice_published_before_its_period_is_scheduled_not_open(portal):
    """The build's own status (the page's text where scripts do not run) agrees with the browser's."""
    import datetime as dt

    notice = next(n for n in portal.notices if n.slug == "haizhou-quality-award/2026/2026-11-18-acceptance")
    days = ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-25", "2026-11-26"]
    assert [notice.status(dt.date.fromisoformat(d)) for d in days] == [
        "upcoming", "scheduled", "open", "open", "closed"]


def test_a_year_says_which_winners_lists_the_portal_has_collected(site):
    """/winners/ (2026): the portal holds 盐城's list; the other awards are named as not collected here (their
    authority may have published one), never as "not published"; the credit rating, which publishes results rather
    than winners, is not among them."""
    page = (site / "winners" / "index.html").read_text(encoding="utf-8")
    assert "尚未公布获奖名单的方案" not in page
    held = page[page.index("本页收录了 1 个方案 2026 年度的获奖名单"):]
    held = held[:held.index("</p>")]
    has, lacks = held.split("尚未收录", 1)
    assert "盐城市市长质量奖" in has and "苏州市质量奖" not in has
    lacks = lacks[:lacks.index("：")]
    assert "苏州市质量奖" in lacks and "海州质量奖" in lacks and "盐城" not in lacks and "江苏省质量信用" not in lacks
    assert "本门户尚未收录" in held and "以主管部门发布的为准" in held


def test_major_corrections_show_a_change_note_and_update_the_feeds_minor_ones_do_not(project, tmp_path):
    from generator.build import build_site
    from generator.load.ledger import seal

    page_of = "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/index.html"
    _publish_and_commit(project, YC, dt.date(2026, 7, 3))
    title = (project / YC).read_text(encoding="utf-8").split("title: ", 1)[1].split("\n", 1)[0]
    edit(project, YC, f"title: {title}\n", f"title: {title}。\n")
    text = (project / YC).read_text(encoding="utf-8")  # holds one major correction, of 2026-07-03
    minor = (f"  - {{date: 2026-07-05, reason: 标点有误, changes: 标题末尾加句号, minor: true, "
             f"edits: [{{field: 标题, old: {title}, new: {title}。}}]}}\n")
    (project / YC).write_text(text + minor, encoding="utf-8")
    assert problems(project) == []  # a minor correction that changes wording only
    site = build_site(project, tmp_path / "minor")
    page = (site / page_of).read_text(encoding="utf-8")
    assert "本公示已更正" in page and "2026-07-03：组织名称录入有误" in page  # the major one's note
    assert "标点有误" in page and "文字更正" in page and "2026-07-05：" not in page  # minor: recorded, no note
    feed = (site / "feeds/notices.atom").read_text(encoding="utf-8")
    assert "<updated>2026-07-03T" in feed and "2026-07-05" not in feed
    # Once sealed, the minor correction cannot be turned into a major one; a new major one is appended.
    seal(project, load_portal(project, today=dt.date(2026, 7, 5)).notices, dt.date(2026, 7, 5))
    from tests.test_sealed import _git

    _git(project, "commit", "-qam", "sealed the minor correction")
    (project / YC).write_text(text + minor.replace(", minor: true", ""), encoding="utf-8")
    assert any("已封存的更正记录被改写或删除" in p for p in problems(project))
    major = ("  - date: 2026-07-09\n    reason: 获奖组织名称有误\n    changes: 将第2项名称更正\n    edits:\n"
             "      - {field: 第2项 名称, old: 示例盐城海洋装备有限公司, new: 示例盐城海洋装备股份有限公司}\n")
    renamed = text.replace("organisation: 示例盐城海洋装备有限公司", "organisation: 示例盐城海洋装备股份有限公司")
    (project / YC).write_text(renamed + minor + major, encoding="utf-8")
    assert problems(project) == []
    site = build_site(project, tmp_path / "major")
    page = (site / page_of).read_text(encoding="utf-8")
    assert "2026-07-09：获奖组织名称有误" in page and "共 2 次更正" in page
    # The change note shows the change, old -> new.
    assert "第2项 名称：“示例盐城海洋装备有限公司” → “示例盐城海洋装备股份有限公司”" in page
    assert "<updated>2026-07-09T" in (site / "feeds/notices.atom").read_text(encoding="utf-8")
