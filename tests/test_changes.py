"""A new edition is a source text and a YAML; the 修订内容 page between two editions of a scheme is generated from
the data. The fixture: an imagined 2019 edition of the 海州 办法 (3 years was 2, 2 awards were 3, the QMS
certificate was not yet required), with its own source text."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from generator.build import build_site
from generator.load.portal import load_portal
from generator.views.changes import what_changed
from tests.conftest import copy_project

HAIZHOU = "haizhou-quality-award"
SOURCE = "004_6134d0e5492b779d.txt"
OLD_SOURCE = "900_0000000000002019.txt"


def _old_edition(root: Path) -> None:
    """The fixture edition: the current YAML and source with three changes, in schemes/editions/."""
    text = (root / "schemes" / "sources" / SOURCE).read_text(encoding="utf-8")
    text = text.replace("连续正常生产经营3年以上", "连续正常生产经营2年以上")
    text = text.replace("每次获奖的组织不超过2家", "每次获奖的组织不超过3家")
    (root / "schemes" / "sources" / OLD_SOURCE).write_text(text, encoding="utf-8")
    data = (root / "schemes" / f"{HAIZHOU}.yaml").read_text(encoding="utf-8")
    data = data.replace(f"source: {SOURCE}", f"source: {OLD_SOURCE}")
    data = data.replace("title: 海州质量奖管理办法\n", "title: 海州质量奖管理办法（2019年）\n", 1)
    data = data.replace("连续正常生产经营3年以上", "连续正常生产经营2年以上")
    data = data.replace("rule: {fact: established, years_at_least: 3}", "rule: {fact: established, years_at_least: 2}")
    data = data.replace("cap: 2\n    cap_text: 每次不超过2家", "cap: 3\n    cap_text: 每次不超过3家", 1)
    data = data.replace("quote: 每次获奖的组织不超过2家……", "quote: 每次获奖的组织不超过3家……", 1)
    start = data.index("  - id: qms-certificate")
    end = data.index("  - id: ", start + 10)
    data = data[:start] + data[end:]  # the condition did not exist yet
    folder = root / "schemes" / "editions" / HAIZHOU
    folder.mkdir(parents=True)
    (folder / "2019.yaml").write_text(data, encoding="utf-8")


def test_what_changed_between_two_editions(tmp_path):
    root = copy_project(tmp_path / "p")
    _old_edition(root)
    portal = load_portal(root)
    assert portal.problems == []
    [old] = portal.editions[HAIZHOU]
    new = next(s for s in portal.schemes if s.id == HAIZHOU)
    changes = {(c.section, c.key): c for c in what_changed(old, new, lambda rule: str(rule))}
    years = changes[("申报条件", "years-operating")]
    assert years.kind == "changed"
    quotes = [years.before.cites[0].quote, years.after.cites[0].quote]
    assert quotes == ["连续正常生产经营2年以上", "连续正常生产经营3年以上"]
    assert "years_at_least': 2" in years.before.text and "years_at_least': 3" in years.after.text
    tier = changes[("奖项设置", "award")]
    assert "每次不超过3家" in tier.before.text and "每次不超过2家" in tier.after.text
    assert tier.before.cites[0].quote.startswith("每次获奖的组织不超过3家")  # the cap's clause, then the prize's
    assert changes[("申报条件", "qms-certificate")].kind == "added"
    assert changes[("申报条件", "qms-certificate")].before is None
    assert len(changes) == 3  # nothing else differs


def test_the_changes_page_is_built_from_the_data(tmp_path):
    root = copy_project(tmp_path / "p")
    _old_edition(root)
    site = build_site(root, tmp_path / "site")
    page = unescape((site / "schemes" / HAIZHOU / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "《海州质量奖管理办法（2019年）》→《海州质量奖管理办法》" in page
    assert "共 3 处变化" in page
    assert "连续正常生产经营2年以上" in page and "连续正常生产经营3年以上" in page
    assert "修订内容" in unescape((site / "schemes" / HAIZHOU / "index.html").read_text(encoding="utf-8"))
    # Schemes with no earlier edition have no such page.
    assert not (site / "schemes" / "suzhou-quality-award" / "changes").exists()


def test_an_edition_in_a_folder_that_names_no_scheme_is_refused(tmp_path):
    root = copy_project(tmp_path / "p")
    folder = root / "schemes" / "editions" / "no-such-scheme"
    folder.mkdir(parents=True)
    (folder / "2019.yaml").write_text("id: no-such-scheme\n", encoding="utf-8")
    problems = [str(p) for p in load_portal(root).problems]
    assert any("schemes/editions/no-such-scheme/2019.yaml:1" in p and "names no scheme" in p for p in problems)


def test_as_of_picks_the_edition_in_force(tmp_path):
    """With the current 办法 in force from 2022-03-01 (a fixture date), a profile assessed on 2022-02-28 is judged
    by the 2019 edition (2 years suffice) and names it; from 2022-03-01, by the current one (3 years)."""
    import json

    from generator.assess.engine import assess
    from generator.assess.profile import parse_profile
    from generator.views.export import engine_data

    root = copy_project(tmp_path / "p")
    _old_edition(root)
    current = root / "schemes" / f"{HAIZHOU}.yaml"
    text = current.read_text(encoding="utf-8")
    current.write_text(text.replace(f"    source: {SOURCE}", f"    source: {SOURCE}\n    effective_from: 2022-03-01\n"
                                    "    effective_cite: {clause: 第二十二条, quote: 本办法自印发之日起施行}", 1),
                       encoding="utf-8")
    portal = load_portal(root)
    assert portal.problems == []
    data = json.loads(json.dumps(engine_data(portal), default=str))

    def judged(as_of: str, established: str) -> dict:
        profile = parse_profile({"as_of": as_of, "established": established})
        return assess(profile, data, [HAIZHOU])["results"][0]

    before = judged("2022-02-28", "2019-06-01")  # 2 years 8 months
    assert before["edition"]["document"] == "《海州质量奖管理办法（2019年）》"
    assert next(c for c in before["conditions"] if c["id"] == "years-operating")["status"] == "pass"
    assert "qms-certificate" not in {c["id"] for c in before["conditions"]}
    after = judged("2022-03-01", "2019-06-01")
    assert after["edition"]["document"] == "《海州质量奖管理办法》"
    assert next(c for c in after["conditions"] if c["id"] == "years-operating")["status"] == "fail"
