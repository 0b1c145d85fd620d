"""Narrowed Pygments lexing gives the tokens stock Pygments lexing gives."""

from __future__ import annotations

import re
from pathlib import Path

import pygments
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pygments.lexer import RegexLexer
from pygments.lexers import get_lexer_by_name
from pygments.token import Keyword, Name, Text

from editor.render import html as render_html
from editor.render.html import highlight_code
from editor.render.speedups import lexer as render_lexer
from editor.render.speedups.lexer import narrowed

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES = [
    "python", "javascript", "css", "html", "bash", "json", "yaml", "toml", "sql",
    "rust", "go", "java", "diff", "ini", "markdown", "xml", "php", "ruby",
]  # fmt: skip
# Code-like characters, with letters that match others without case (Kelvin sign,
# long s, dotted capital I), Korean, and characters no rule expects.
CODE_TEXT = st.lists(
    st.sampled_from(
        list("abcdefrsuxyzABFKRSU_019 \t\n\r#@$%&*()[]{}<>=+-/\\|:;,.?!'\"`~^")
        + ["\u212a", "\u017f", "\u0130", "한", "글", "\x00", "\u00e9", "\u2028"]
        + ["def ", "class ", "return ", "'''", '"""', "//", "/*", "*/", "<!--", "-->"]
    ),
    max_size=120,
).map("".join)


def tokens(lexer, text: str) -> list:
    return list(lexer.get_tokens(text))


@pytest.fixture
def eager(monkeypatch):
    """Narrow every state and combine every finder from their first use."""
    monkeypatch.setattr(render_lexer, "_NARROW_USES", 0)
    monkeypatch.setattr(render_lexer, "_ALTERNATION_USES", 1)
    monkeypatch.setattr(render_lexer, "_ALTERNATION_RULES", 2)


@pytest.mark.usefixtures("eager")
@settings(max_examples=400, deadline=None)
@given(language=st.sampled_from(LANGUAGES), text=CODE_TEXT)
def test_property_narrowed_tokens_are_stock_tokens(language: str, text: str) -> None:
    stock = get_lexer_by_name(language)
    assert tokens(narrowed(get_lexer_by_name(language)), text) == tokens(stock, text)


@pytest.mark.parametrize("eagerly", [False, True])
def test_real_files_lex_as_stock(eagerly: bool, monkeypatch) -> None:
    if eagerly:
        monkeypatch.setattr(render_lexer, "_NARROW_USES", 0)
        monkeypatch.setattr(render_lexer, "_ALTERNATION_USES", 1)
    samples = {
        "python": sorted((ROOT / "editor").rglob("*.py")),
        "css": sorted((ROOT / "resources" / "themes").glob("*.css")),
        "javascript": sorted((ROOT / "resources" / "preview").glob("*.js")),
        "yaml": sorted((ROOT / "resources").rglob("*.yaml")),
        "markdown": [ROOT / "README.md"],
        "toml": [ROOT / "pyproject.toml"],
        "bash": sorted((ROOT / ".ci").iterdir()),
    }
    for language, paths in samples.items():
        assert paths, language
        fast = narrowed(get_lexer_by_name(language))
        stock = get_lexer_by_name(language)
        for path in paths:
            text = path.read_text(encoding="utf-8")
            assert tokens(fast, text) == tokens(stock, text), path


def test_highlighting_a_long_block_is_stock_highlighting(eager) -> None:
    code = "\n".join(
        f"def step_{i}(value: int = {i}) -> str:\n    return f'{{value}} 단계 #{i}'  # note"
        for i in range(300)
    )
    highlight_code.cache_clear()
    lexer, formatter = render_html._highlighter("python")
    stock = type(lexer)(**lexer.options)
    assert "get_tokens_unprocessed" in vars(lexer)  # the narrowed one is in use
    assert highlight_code(code, "python") == pygments.highlight(code, stock, formatter)


WHITESPACE = {c for c in map(chr, range(128)) if c.isspace()}
OTHER = "\x80"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"#.*$", {"#"}),
        (r"(?i)(rb|br|r)(\"\"\")", set("rRbB") | {OTHER}),
        (r"[^\S\n]+", WHITESPACE - {"\n"} | {OTHER}),
        (r"\s*x", WHITESPACE | {"x", OTHER}),
        (r"(?<!\.)(print|exec)\b", {"p", "e"}),
        (r"^(\s*)(\d+)", WHITESPACE | set("0123456789") | {OTHER}),
        (r"한|b", {OTHER, "b"}),
        # Without case, some letters outside ASCII match ASCII ones (the Kelvin sign).
        (r"(?i)k", {"k", "K", OTHER}),
        (r"[^ab]", {chr(i) for i in range(128)} - {"a", "b"} | {OTHER}),
    ],
)
def test_first_characters_of_patterns(pattern: str, expected: set[str]) -> None:
    assert render_lexer._pattern_first_chars(re.compile(pattern, re.MULTILINE)) == expected


@pytest.mark.parametrize("pattern", [r"a?", r"", r"(?=x)", r"(a?)\1b", r".", r"(?i)[\u017f]"])
def test_patterns_that_can_match_anywhere(pattern: str) -> None:
    first = render_lexer._pattern_first_chars(re.compile(pattern))
    assert set("az \n") | {OTHER} <= first


def test_alternation_picks_the_first_rule_that_matches() -> None:
    rules = [
        (re.compile(r"b").match, Text, None),
        (re.compile(r"(a)(b)").match, Keyword, "#push"),
        (re.compile(r"ab(c)").match, Name, None),
    ]
    find = render_lexer._alternation(rules)
    assert find is not None
    match, action, new_state = find("xabc", 1)
    assert (match.group(), action, new_state) == ("ab", Keyword, "#push")
    assert find("xabc", 0) is None


def test_rules_with_back_references_are_not_combined() -> None:
    rules = [
        (re.compile(r"(a)\1").match, Text, None),
        (re.compile(r"b").match, Text, None),
    ]
    assert render_lexer._alternation(rules) is None


def test_lexers_with_their_own_lexing_are_left_alone() -> None:
    lexer = get_lexer_by_name("c")  # pygments' C lexer post-processes its tokens
    assert type(lexer).get_tokens_unprocessed is not RegexLexer.get_tokens_unprocessed
    assert "get_tokens_unprocessed" not in vars(narrowed(lexer))
