"""Tests for editor.document.safe_yaml: plain data only, bounded size, depth and aliases."""

from __future__ import annotations

import pytest

from editor.document.safe_yaml import YamlError, load_yaml
from editor.errors import EditorError


def test_plain_data_loads():
    """Mappings, lists, quoted colours and Korean text come back as plain Python values."""
    data = load_yaml('presets:\n  - id: red\n    name: 빨강\n    color: "#ee2323"\n')
    assert data == {"presets": [{"id": "red", "name": "빨강", "color": "#ee2323"}]}
    assert load_yaml("") is None


def test_billion_laughs_is_refused_quickly():
    """Aliases that expand to millions of values are refused before anything walks them."""
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, "
                     f"*{prev}, *{prev}, *{prev}, *{prev}]")
    with pytest.raises(YamlError, match="expand to more than"):
        load_yaml("\n".join(lines))


def test_a_few_aliases_are_fine():
    """Ordinary anchors and aliases (shared defaults) still load."""
    data = load_yaml("base: &b {kind: color}\nred: *b\nblue: *b\n")
    assert data["red"] == data["blue"] == {"kind": "color"}


def test_deep_nesting_and_long_text_are_refused():
    """Nesting past the limit and texts past the size limit give a YamlError, not a crash."""
    with pytest.raises(YamlError, match="nests deeper"):
        load_yaml("[" * 100 + "]" * 100)
    with pytest.raises(YamlError, match="nests deeper"):
        load_yaml("[" * 5000 + "]" * 5000)
    with pytest.raises(YamlError, match="longer than"):
        load_yaml("a: b\n", max_chars=3)


def test_python_tags_are_refused_with_a_position():
    """Object tags cannot build Python objects; the error names line and column."""
    with pytest.raises(YamlError) as caught:
        load_yaml("ok: 1\nbad: !!python/object/apply:os.system ['true']\n")
    assert caught.value.line == 2
    assert str(caught.value).startswith("line 2, column")


def test_syntax_errors_carry_line_and_column():
    """Broken YAML is one YamlError (an EditorError) with a 1-based position."""
    with pytest.raises(YamlError) as caught:
        load_yaml("a: [1, 2\nb: c\n")
    assert isinstance(caught.value, EditorError)
    assert caught.value.line is not None and caught.value.column is not None


def test_duplicate_keys_are_refused():
    """A key written twice is a mistake in a configuration file, not a silent override."""
    with pytest.raises(YamlError):
        load_yaml("a: 1\na: 2\n")
