"""The located YAML loader: lines, safety, and the traps of YAML 1.1."""

import pytest

from generator.yamlload import MAX_DEPTH, LocDict, YamlError, line_of, load_text


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
    assert str(err.value) == "x.yaml:3: duplicate key 'a'"


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
    with pytest.raises(YamlError, match="nested deeper"):
        load_text(text, "deep.yaml")


def test_oversized_file_is_refused():
    with pytest.raises(YamlError, match="larger than"):
        load_text("a: '" + "x" * (3 * 1024 * 1024) + "'\n", "big.yaml")


def test_syntax_error_names_its_line():
    with pytest.raises(YamlError) as err:
        load_text("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml")
    assert err.value.line == 3
