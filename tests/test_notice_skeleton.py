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


def test_the_editor_and_the_command_line_quote_alike(tmp_path):
    """Two writers of notice YAML (`new-notice`'s skeleton in Python, the office editor in JavaScript) quote a
    string by one rule: the same bytes for any text, control characters, line separators and BOM included."""
    import json
    import subprocess

    from tests.conftest import ROOT

    texts: list[str] = []
    any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)

    @settings(derandomize=True, max_examples=400)
    @given(st.one_of(any_text, HOSTILE, st.sampled_from(["\x7f", "\x85", "\x9f", "\ufeff", "\x00", "\x1b"])))
    def collect(text):
        texts.append(text)

    collect()
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    out = subprocess.run(["node", str(ROOT / "tests" / "node" / "yaml_q.mjs"), str(tmp_path / "texts.json")],
                         capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    assert len(texts) >= 400 and any("\x85" in t for t in texts)
    assert [(t, yaml_string(t)) for t in texts if yaml_string(t) != theirs[texts.index(t)]] == []
    for text in texts:
        if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            assert yaml.safe_load(f"title: {yaml_string(text)}") == {"title": text}
