"""The located YAML loader: lines, safety, and the traps of YAML 1.1."""

import pytest

from generator.load.yamlload import MAX_DEPTH, LocDict, YamlError, line_of, load_text


def test_lines_of_keys_and_items():
    data = load_text("a: 1\nb:\n  - x\n  - c: 2\n    d: 3\n")
    assert isinstance(data, LocDict)
    assert line_of(data, ("a",)) == 1
    assert line_of(data, ("b", 0)) == 3
    assert line_of(data, ("b", 1, "d")) == 5
    # A path that leaves the data stops at the deepest line it reached.
    assert line_of(data, ("b", 1, "missing", 7)) == 4


def test_duplicate_key_is_refused_with_its_line():
    with pytest.raises(YamlError) as err:
        load_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    assert str(err.value).startswith("x.yaml:3: 键 'a' 重复出现（第1行已有）：")


def test_yes_no_on_off_stay_strings():
    data = load_text("no: 8\nanswer: yes\nflag: true\noff: false\n")
    assert data == {"no": 8, "answer": "yes", "flag": True, "off": False}


def test_python_tags_are_refused():
    with pytest.raises(YamlError) as err:
        load_text("a: !!python/object/apply:os.system ['true']\n", "evil.yaml")
    assert err.value.line == 1
    assert "python/object/apply" in err.value.message


def test_deep_nesting_is_refused():
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(YamlError, match="嵌套超过"):
        load_text(text, "deep.yaml")


def test_oversized_file_is_refused():
    with pytest.raises(YamlError, match="文件大于"):
        load_text("a: '" + "x" * (3 * 1024 * 1024) + "'\n", "big.yaml")


def test_syntax_error_names_its_line():
    # The bracket left open is on line 2; the parser only notices on line 3.
    with pytest.raises(YamlError) as err:
        load_text("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml")
    assert err.value.line == 2 and err.value.code == "yaml.unclosed_flow"


@pytest.mark.parametrize(("text", "line", "code", "words"), [
    ("a: 1\ntitle：标题\nc: 3\n", 2, "yaml.fullwidth_colon", "冒号应为半角 `:`，并在其后加一个空格"),
    ("a: 1\ntitle：标题\n", 2, "yaml.fullwidth_colon", "例如 title: 标题"),
    ("a:\n  b：x\n  c: y\n", 2, "yaml.fullwidth_colon", "b 后面的冒号是全角的"),
    ("a:\n\tb: x\n", 2, "yaml.tab", "缩进请用空格，不要用 Tab"),
    ("a:\n  b: x\n\tc: y\n", 3, "yaml.tab", "缩进请用空格，不要用 Tab"),
    ("a: 1\ntitle:标题\nc: 3\n", 2, "yaml.colon_space", "冒号应为半角 `:`，并在其后加一个空格"),
    ("a: 1\nb: \"x\nc: 3\n", 2, "yaml.unclosed_quote", "引号 \" 没有闭合"),
    ("a: 1\nb: 'x\nc: 3\nd: 'y'\n", 2, "yaml.unclosed_quote", "引号 ' 没有闭合"),
    ("a:\n  b: x\n   c: y\n", 3, "yaml.indent", "缩进不对"),
    ("a:\n  b: x\n c: y\n", 3, "yaml.indent", "缩进不对"),
    ("title: 公示: 名单\n", 1, "yaml.colon_in_value", "请给整个值加引号，例如 title: \"公示: 名单\""),
    ("a: 1\n---\nb: 2\n", 2, "yaml.documents", "一个文件只能写一份公示"),
    ("a: @x\n", 1, "yaml.bad_start", "值不能以 @ 开头"),
    ("a:\n  - x\n - y\n", 3, "yaml.list_item", "列表的每一项"),
])
def test_syntax_errors_point_at_the_mistake_with_a_hint(text, line, code, words):
    with pytest.raises(YamlError) as err:
        load_text(text, "bad.yaml")
    assert (err.value.line, err.value.code) == (line, code) and words in err.value.message, str(err.value)
    assert not any(w in err.value.message for w in ("could not", "found", "expected", "while"))


# --- hostile input (issue 9): every bad file ends in path:line: message, never a traceback or a hang ----
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
    f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(9)
)


def test_aliases_are_refused_before_anything_is_expanded():
    import time

    assert len(ALIAS_BOMB) < 600  # 9**10 items once expanded
    started = time.perf_counter()
    with pytest.raises(YamlError) as err:
        load_text(ALIAS_BOMB, "bomb.yaml")
    assert time.perf_counter() - started < 1
    assert err.value.line == 2 and "别名" in err.value.message


def test_an_anchor_without_alias_is_harmless():
    assert load_text("a: 1\nb: &x {c: 2}\n") == {"a": 1, "b": {"c": 2}}


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: 1\nday: 2026-02-30\n", 2, "日期"),
    ("a: 1\nday: 2026-13-01\n", 2, "日期"),
    ("a: 1\nb: \"x\\ey\"\n", 2, "控制字符"),
    ("a: 1\nb: \"x\\u0000y\"\n", 2, "控制字符"),
    ("a: 1\nb: \"x\\ud800y\"\n", 2, "YAML 语法错误"),  # libyaml refuses a lone surrogate itself
    ("a: 1\nb: x\x00y\n", 2, "控制字符"),
    ("a: 1\nb: x\x1by\n", 2, "控制字符"),
])
def test_bad_scalars_are_refused_with_their_line(text, line, words):
    with pytest.raises(YamlError) as err:
        load_text(text, "bad.yaml")
    assert err.value.line == line and words in err.value.message, str(err.value)


def test_far_dates_load_as_dates():
    # 9999-12-31 is a valid date; limits on dates belong to the notice model, which gives its own message.
    import datetime as dt

    assert load_text("d: 9999-12-31\n")["d"] == dt.date(9999, 12, 31)


def test_messages_are_chinese():
    with pytest.raises(YamlError) as err:
        load_text("a: 1\na: 2\n", "x.yaml")
    assert err.value.message.startswith("键 'a' 重复出现（第1行已有）：")
    with pytest.raises(YamlError) as err:
        load_text("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml")
    assert "YAML 语法错误" in err.value.message


def test_load_file_refuses_what_is_not_a_plain_file(tmp_path):
    from generator.load.yamlload import load_file

    (tmp_path / "dir.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    (tmp_path / "latin1.yaml").write_bytes("a: 'caf\xe9'\n".encode("latin-1"))
    for name, words in [("dir.yaml", "不是普通文件"), ("dangling.yaml", "符号链接"), ("link.yaml", "符号链接"),
                        ("latin1.yaml", "UTF-8")]:
        with pytest.raises(YamlError) as err:
            load_file(tmp_path / name)
        assert err.value.line == 1 and words in err.value.message, (name, str(err.value))


def test_very_deep_nesting_is_refused_without_crashing_the_process():
    # 100,000 nested brackets crashed the C composer (segmentation fault) before the depth check ran.
    text = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(YamlError, match="嵌套超过"):
        load_text(text, "deep.yaml")
