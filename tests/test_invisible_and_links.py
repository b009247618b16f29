"""Issue 24, three holes closed: invisible format characters in any text, hard-linked attachments, and markup in an
RSS description. Each test fails on the code before the fix."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest

from generator.load.portal import load_portal
from generator.load.yamlload import YamlError, load_text
from tests.conftest import edit

HZ = "public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml"
JX = "public_lists/jiaxing-mayor-quality-award/2026/2026-11-20-proposed-winners.yaml"


@pytest.mark.parametrize(("char", "name"), [("\u202e", "从右到左覆盖"), ("\u200b", "零宽空格"),
                                            ("\u2066", "双向文字控制"), ("\ufeff", "零宽不换行空格")])
def test_invisible_format_characters_are_refused_at_their_line(char, name):
    text = f"title: 公示\nissuer: 某单位\nentries:\n  - {{organisation: 示例{char}公司}}\n"
    with pytest.raises(YamlError) as refused:
        load_text(text, "x.yaml")
    assert refused.value.line == 4 and refused.value.code == "yaml.format_char"
    assert f"U+{ord(char):04X}" in refused.value.message and name in refused.value.message


def test_a_byte_order_mark_at_the_start_is_allowed():
    assert load_text("\ufefftitle: 公示\n", "x.yaml") == {"title": "公示"}


def test_a_hard_linked_attachment_is_refused(notices_project, tmp_path):
    folder = (notices_project / JX).parent
    attachment = next(p for p in folder.iterdir() if p.suffix == ".csv")
    outside = tmp_path / "outside.csv"
    outside.write_bytes(attachment.read_bytes())
    attachment.unlink()
    os.link(outside, attachment)  # the attachment is now another name of a file outside the repository
    found = [p for p in load_portal(notices_project).problems if p.code == "notice.attachment_hardlink"]
    assert [p.path for p in found] == [JX] and "硬链接" in found[0].message


def test_rss_descriptions_carry_no_markup(notices_project, tmp_path):
    from generator.build import build_site

    edit(notices_project, "schemes/haizhou-quality-award.yaml", "\nname: 海州质量奖\n",
         "\nname: 海州质量奖<img src=x onerror=alert(1)>\n")
    site = build_site(notices_project, tmp_path / "site")
    channel = ET.parse(site / "feeds" / "haizhou-quality-award.rss").getroot().find("channel")
    descriptions = [item.findtext("description") for item in channel.iter("item")]
    assert descriptions and all("<img" not in d and "&lt;img" in d for d in descriptions)
