"""The skeleton `new-notice` writes is YAML that reads back what it was given, whatever a scheme's name, a notice
rule's title or its quoted clause holds (quotes, backslashes, ``\\b``, colons, ``#``, line breaks)."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.views.notice_skeleton import skeleton, yaml_string

# Text a YAML file can hold: no surrogates, no C0/C1 control characters but tab and line break (yamlload refuses
# the others before anything reads them).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n"), max_size=40)
HOSTILE = st.one_of(TEXT, st.sampled_from(['说"明"', "a\\b", "\\", "# 注", "键: 值", "行一\n行二", "'", "- x",
                                           "\\u0041", "  ", "", "甲\u2028乙", "丙\u2029丁"]))


@settings(derandomize=True, max_examples=400)
@given(HOSTILE)
def test_a_yaml_string_reads_back_as_itself(text):
    assert yaml.safe_load(f"title: {yaml_string(text)}") == {"title": text}


@settings(derandomize=True, max_examples=150, deadline=None)
@given(name=HOSTILE, title=HOSTILE, quote=HOSTILE)
def test_the_skeleton_parses_and_keeps_its_title(portal, name, title, quote):
    scheme = next(s for s in portal.schemes if s.notices)
    rule = scheme.notices[0]
    scheme = scheme.model_copy(update={"name": name})
    rule = rule.model_copy(update={"title": title, "cite": rule.cite.model_copy(update={"quote": quote})})
    day = dt.date(2026, 11, 20)
    data = yaml.safe_load(skeleton(scheme, rule, day))
    assert data["title"] == f"2026年度{name}{title}"
    assert data["scheme"] == scheme.id and data["kind"] == rule.kind and data["published"] == day
