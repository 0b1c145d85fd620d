"""Tests for editor.authoring.search: matching options, replace plans and UTF-16 offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.authoring.search import (
    SearchOptions,
    SearchPatternError,
    Utf16Index,
    apply_replacements,
    changed_range,
    find_spans,
    match_at,
    pick_span,
    plan_replace_all,
    utf16_length,
)

TEXT = "도서관 열람실. 도서관은 Library, library; LIBRARY-card\nlibraryish"


def test_plain_query_is_case_insensitive_by_default():
    """A plain query finds every spelling regardless of case, in order."""
    spans = find_spans(TEXT, "library", SearchOptions())
    assert [TEXT[s:e] for s, e in spans] == ["Library", "library", "LIBRARY", "library"]


def test_match_case_option():
    """Match case keeps only the exact spelling."""
    spans = find_spans(TEXT, "library", SearchOptions(case_sensitive=True))
    assert [TEXT[s:e] for s, e in spans] == ["library", "library"]
    assert spans[0][0] == TEXT.index("library;")


def test_whole_word_excludes_longer_words_including_korean():
    """Whole word rejects matches glued to other word characters (Hangul counts)."""
    spans = find_spans(TEXT, "library", SearchOptions(whole_word=True))
    assert [TEXT[s:e] for s, e in spans] == ["Library", "library", "LIBRARY"]
    korean = find_spans(TEXT, "도서관", SearchOptions(whole_word=True))
    assert korean == [(0, 3)]  # "도서관은" is a longer word


def test_plain_query_escapes_regex_characters():
    """Without the regex option, '.' and '*' match themselves only."""
    assert find_spans("a.b axb a*b", "a.b", SearchOptions()) == [(0, 3)]
    assert find_spans("a.b axb a*b", "a*b", SearchOptions()) == [(8, 11)]


def test_regex_query_and_line_anchors():
    """Regex mode supports classes and ^ / $ at line boundaries."""
    text = "<b>one</b>\n<b>two</b>"
    spans = find_spans(text, r"^<b>\w+", SearchOptions(regex=True))
    assert [text[s:e] for s, e in spans] == ["<b>one", "<b>two"]


def test_invalid_regex_raises_specific_error():
    """An unbalanced group raises SearchPatternError with a message, not re.error."""
    with pytest.raises(SearchPatternError) as info:
        find_spans("abc", "(ab", SearchOptions(regex=True))
    assert info.value.message
    assert info.value.offset is not None


def test_empty_query_and_empty_matches_find_nothing():
    """An empty query or a pattern that only matches emptily yields no spans."""
    assert find_spans("abc", "", SearchOptions()) == []
    assert find_spans("abc", "x*", SearchOptions(regex=True)) == []


def test_replace_all_plan_with_groups():
    """Regex replacements expand group references; applying the plan gives the new text."""
    text = '<span style="color: #ee2323;">a</span> <span style="color: #1a5490;">b</span>'
    plan = plan_replace_all(text, r"color: (#\w+)", r"color: \1 !x", SearchOptions(regex=True))
    assert len(plan) == 2
    assert apply_replacements(text, plan).count("!x") == 2
    assert "#1a5490 !x" in apply_replacements(text, plan)


def test_replace_all_with_bad_template_fails_before_changing():
    """A template naming a missing group raises before any replacement is planned."""
    with pytest.raises(SearchPatternError):
        plan_replace_all("aaa", "a", r"\2", SearchOptions(regex=True))


def test_literal_replacement_keeps_backslashes():
    """Outside regex mode the replacement is inserted literally."""
    plan = plan_replace_all("a-a", "a", r"\1", SearchOptions())
    assert apply_replacements("a-a", plan) == r"\1-\1"


def test_match_at_checks_exact_span_with_context():
    """match_at accepts only a span that is itself a match, honouring whole word."""
    text = "cat concat cat"
    whole = SearchOptions(whole_word=True)
    assert match_at(text, (0, 3), "cat", whole) is not None
    assert match_at(text, (7, 10), "cat", whole) is None
    assert match_at(text, (7, 10), "cat", SearchOptions()) is not None
    assert match_at(text, (0, 2), "cat", SearchOptions()) is None


def test_pick_span_forward_backward_and_wrap():
    """pick_span finds the next/previous span and reports wrapping."""
    spans = [(2, 4), (10, 12), (20, 22)]
    assert pick_span(spans, 4) == (1, False)
    assert pick_span(spans, 2) == (0, False)
    assert pick_span(spans, 21) == (0, True)
    assert pick_span(spans, 21, wrap=False) == (None, False)
    assert pick_span(spans, 10, backward=True) == (0, False)
    assert pick_span(spans, 1, backward=True) == (2, True)
    assert pick_span([], 0) == (None, False)


def test_utf16_index_round_trip_with_emoji():
    """Offsets after an emoji shift by one UTF-16 unit per astral character."""
    text = "a😀b😀c"
    index = Utf16Index(text)
    assert not index.trivial
    assert [index.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [index.from_utf16(index.to_utf16(i)) for i in range(len(text) + 1)] == list(
        range(len(text) + 1)
    )
    assert utf16_length(text) == 7
    assert Utf16Index("한글").trivial


@given(st.text(max_size=40), st.text(max_size=40))
def test_changed_range_rebuilds_new_text(old, new):
    """Replacing old[start:old_end] with new[start:new_end] always yields the new text."""
    start, old_end, new_end = changed_range(old, new)
    assert old[:start] + new[start:new_end] + old[old_end:] == new
    assert start <= old_end and start <= new_end


def test_changed_range_is_minimal_for_one_edit_in_long_text():
    """An edit in the middle of a long text is reported as just that edit."""
    old = "x" * 10000 + "abc" + "y" * 10000
    new = "x" * 10000 + "aZc" + "y" * 10000
    assert changed_range(old, new) == (10001, 10002, 10002)
