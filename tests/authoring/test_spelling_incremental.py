"""Tests for re-checking only what an edit changed: same mask as blanking everything."""

from __future__ import annotations

import pytest

from editor.authoring.spelling_incremental import plan
from editor.authoring.spelling_text import prose_mask

BODY = "\n".join([
    "# 제목",
    "",
    "첫 문단입니다. The first paragraph.",
    "",
    "```python",
    "print('recieve')",
    "```",
    "",
    "둘째 문단에는 `code` 와 <b>굵은 글씨</b>가 있다.",
    "",
    "<!-- a comment -->",
    "",
    "셋째 문단. Third paragraph here.",
    "",
    "넷째 문단. Fourth paragraph here.",
    "",
    "다섯째 문단. Fifth paragraph here.",
    "",
]) * 3


def previous(text: str, fmt: str = "markdown") -> tuple[str, str]:
    return text, prose_mask(text, fmt)


def edit(text: str, anchor: str, insert: str, occurrence: int = 1) -> str:
    at = -1
    for _ in range(occurrence):
        at = text.index(anchor, at + 1)
    return text[:at] + insert + text[at:]


def test_an_edit_in_prose_reblanks_a_few_lines_only():
    new = edit(BODY, "Fourth", "Quick ", 2)
    result = plan(new, "markdown", previous(BODY))
    assert not result.whole
    assert result.mask == prose_mask(new, "markdown")
    (start, end), = result.spans
    assert start <= new.index("Quick ") < end
    assert end - start < 200


def covered(spans: list[tuple[int, int]], index: int) -> bool:
    return any(a <= index < b for a, b in spans)


def assert_changed_prose_is_rechecked(old: str, new: str, at: int, shift: int, result) -> None:
    """Every place whose prose/markup status changed lies in a span to check again."""
    old_mask, new_mask = prose_mask(old, "markdown"), result.mask
    assert new_mask == prose_mask(new, "markdown")
    for index, char in enumerate(new_mask):
        if index < at:
            before = old_mask[index]
        elif index >= at + max(shift, 0):
            before = old_mask[index - shift]
        else:
            continue  # typed text: inside the edited lines, checked anyway
        if (char == " ") != (before == " ") and new[index].strip():
            assert covered(result.spans, index), (index, new[index - 10:index + 10])


@pytest.mark.parametrize(
    "insert", ["```\n", "<!-- ", "<pre>", "    \n\n    indented\n", "{% raw %}"])
def test_markup_that_reaches_beyond_the_edit_rechecks_all_it_reaches(insert):
    at = BODY.index("셋째", BODY.index("셋째") + 1)
    new = BODY[:at] + insert + BODY[at:]
    result = plan(new, "markdown", previous(BODY))
    assert_changed_prose_is_rechecked(BODY, new, at, len(insert), result)
    if not insert.startswith(" "):  # unclosed: the rest of the text is no prose now
        assert any(b > new.index("다섯째", at) for _a, b in result.spans)


def test_closing_a_fence_inside_code_is_seen():
    new = edit(BODY, "print(", "```\n", 1)  # the fence closes early: print(...) is prose
    result = plan(new, "markdown", previous(BODY))
    assert result.mask == prose_mask(new, "markdown")


def test_places_typed_over_and_back_are_checked_again():
    text = BODY
    at = text.index("Fifth")
    result = plan(text, "markdown", previous(text), also=[(at, at + 5)])
    assert not result.whole
    assert any(a <= at < b for a, b in result.spans)


def test_nothing_checked_before_means_everything():
    result = plan(BODY, "html", None)
    assert result.whole and result.spans == [(0, len(BODY))]
    assert result.mask == prose_mask(BODY, "html")


def test_many_random_edits_keep_the_mask_exact_and_recheck_what_changed():
    import random

    rng = random.Random(7)
    pieces = ["a", " ", "\n", "`", "```\n", "<", ">", "<!--", "-->", "{%", "%}", "    ", "가",
              "[x](", ")", "{{", "}}"]
    text = BODY
    state = previous(text)
    for _ in range(150):
        at = rng.randrange(len(text) + 1)
        if rng.random() < 0.3 and at < len(text):
            cut = rng.randrange(1, 4)
            new, shift = text[:at] + text[at + cut:], -len(text[at:at + cut])
        else:
            piece = rng.choice(pieces)
            new, shift = text[:at] + piece + text[at:], len(piece)
        result = plan(new, "markdown", state)
        assert_changed_prose_is_rechecked(text, new, at, shift, result)
        text, state = new, (new, result.mask)
