"""Tests for editor.authoring.highlights: presets, colours, recognition and apply/toggle/replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.authoring import highlights as hl
from editor.authoring.highlights import (
    Preset,
    apply_preset,
    find_highlights,
    load_presets,
    save_presets,
)

RED = '<b><span style="color: #ee2323;">'
BLUE = '<b><span style="color: #1a5490;">'
MARKER = '<b><span style="background-color: #21538527;">'
END = "</span></b>"


@pytest.fixture
def presets() -> list[Preset]:
    presets, error = load_presets()
    assert error is None
    return presets


def by_id(presets: list[Preset], pid: str) -> Preset:
    return next(p for p in presets if p.id == pid)


def body_of(path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def select(body: str, phrase: str) -> tuple[int, int]:
    start = body.index(phrase)
    return start, start + len(phrase)


# ------------------------------------------------------------------ presets and colours


def test_default_presets_write_house_markup(presets):
    """The bundled presets write exactly the four house shapes from HOUSE-MARKUP.md."""
    assert [p.name for p in presets] == ["Red emphasis", "Blue emphasis", "Marker", "Bold"]
    assert by_id(presets, "red").wrap("x") == f"{RED}x{END}"
    assert by_id(presets, "blue").wrap("x") == f"{BLUE}x{END}"
    assert by_id(presets, "marker").wrap("x") == f"{MARKER}x{END}"
    assert by_id(presets, "bold").wrap("x") == "<b>x</b>"


def test_user_file_replaces_defaults_and_survives_round_trip(presets, tmp_path):
    """A saved user list (reordered, one deleted) is what load_presets returns next time."""
    mine = [by_id(presets, "marker"), by_id(presets, "red"),
            Preset("green", "Green: note", "Ctrl+Alt+G", "color", "#1C8F3A")]
    path = save_presets(mine)
    assert path.parent.name == "config"  # the test's private config folder
    loaded, error = load_presets()
    assert error is None
    assert [p.id for p in loaded] == ["marker", "red", "green"]
    assert loaded[2].name == "Green: note" and loaded[2].color == "#1c8f3a"


def test_broken_user_file_falls_back_to_defaults_with_message(presets, tmp_path):
    """An invalid colour in the user's file yields the defaults and a message naming the file."""
    bad = tmp_path / "highlights.yaml"
    bad.write_text('presets:\n  - {id: x, name: X, kind: color, color: "#ee23"}\n'
                   '  - {id: y, name: Y, kind: color, color: "#zzzzzz"}\n', encoding="utf-8")
    loaded, error = load_presets(bad)
    assert loaded == presets
    assert error is not None and str(bad) in error and "#zzzzzz" in error


def test_unquoted_hash_colour_is_reported_not_crashing(tmp_path):
    """`color: #ee2323` without quotes is a YAML comment: the error says to quote it."""
    bad = tmp_path / "highlights.yaml"
    bad.write_text("presets:\n  - id: r\n    name: R\n    kind: color\n    color: #ee2323\n",
                   encoding="utf-8")
    _, error = load_presets(bad)
    assert error is not None and "quote" in error


def test_unparsable_yaml_reported(tmp_path):
    """A file that is not YAML at all gives an error message, not an exception."""
    bad = tmp_path / "highlights.yaml"
    bad.write_text("presets: [unclosed\n", encoding="utf-8")
    loaded, error = load_presets(bad)
    assert loaded and error is not None and "YAML" in error


def test_save_rejects_duplicate_ids(presets, tmp_path):
    """Saving two presets with one id raises PresetError and writes nothing."""
    target = tmp_path / "out.yaml"
    with pytest.raises(hl.PresetError):
        save_presets([presets[0], presets[0]], target)
    assert not target.exists()


# ------------------------------------------------------------------ recognition


def test_find_highlights_on_fixture(presets, fixtures_dir):
    """The fixture's red, marker, blue and bold highlights are all found, in order, clean."""
    body = body_of(fixtures_dir / "house-post.md")
    found = find_highlights(body, presets)
    coloured = [h for h in found if h.kind != "bold"]
    assert [h.preset_id for h in coloured] == ["red", "marker", "blue", "blue"]
    assert all(not h.problems for h in found)
    first = coloured[0]
    assert body[first.start:first.end].startswith(RED)
    assert body[first.inner_start:first.inner_end] == first.text
    assert body.splitlines()[first.line - 1].find(first.text) != -1
    assert "좌석 예약" in [h.text for h in found if h.preset_id == "bold"]


@pytest.mark.parametrize(
    "markup",
    [
        '<strong><span style="color:#EE2323">t</span></strong>',
        "<b><span style='color : #ee2323 ;'>t</span></b>",
        '<B><SPAN STYLE="COLOR: #EE2323;;">t</SPAN></B>',
        "<b><span style=color:#ee2323>t</span></b>",
        '<span style="color: #ee2323;"><b>t</b></span>',
        '<b>\n<span style="font-size: 12px; color: rgb(238, 35, 35);">t</span>\n</b>',
    ],
)
def test_recognition_is_tolerant(presets, markup):
    """Spacing, semicolons, case, quoting, <strong>, inverted nesting and rgb() all match red."""
    found = find_highlights(f"<p>a {markup} z</p>", presets)
    assert len(found) == 1
    assert found[0].preset_id == "red" and found[0].text == "t" and not found[0].problems


def test_unknown_colour_empty_and_nested_are_reported(presets):
    """A colour typo matches no preset; empty and nested highlights carry warnings."""
    body = (
        '<p><b><span style="color: #ee2332;">typo</span></b></p>\n'
        f"<p>{RED}{END}</p>\n"
        f"<p>{RED}outer {MARKER}inner{END}{END}</p>\n"
        '<p><span style="color: #ee2323;">not bold</span></p>'
    )
    found = find_highlights(body, presets)
    typo, empty, outer, inner, thin = found
    assert typo.preset_id is None and [p.code for p in typo.problems] == ["unmatched-colour"]
    assert typo.problems[0].value("color") == "#ee2332"
    assert str(typo.problems[0]) == "Text colour #ee2332 matches no preset"
    assert [p.code for p in empty.problems] == ["empty"]
    assert not outer.problems and [p.code for p in inner.problems] == ["nested"]
    assert thin.preset_id is None and [p.code for p in thin.problems] == ["not-bold"]
    assert all(p.context == "Highlights" for h in found for p in h.problems)
    assert [h.line for h in found] == [1, 2, 3, 3, 4]


def test_markup_in_comments_is_ignored(presets):
    """A highlight inside an HTML comment is not a highlight."""
    assert find_highlights(f"<!-- {RED}old{END} --><p>x</p>", presets) == []


# ------------------------------------------------------------------ applying


def test_wrap_plain_selection(presets):
    """A plain selection is wrapped and the new selection covers the written markup."""
    body = "<p>Hello brave world</p>"
    s, e = select(body, "brave")
    edit = apply_preset(body, s, e, by_id(presets, "red"), presets)
    assert edit.text == f"<p>Hello {RED}brave{END} world</p>"
    assert edit.text[edit.start:edit.end] == f"{RED}brave{END}"


@pytest.mark.parametrize("with_tags", [False, True])
def test_same_preset_toggles_off(presets, with_tags):
    """Applying the preset again (inner text or whole markup selected) restores the body."""
    body = "<p>Hello brave world</p>"
    red = by_id(presets, "red")
    wrapped = apply_preset(body, *select(body, "brave"), red, presets)
    if with_tags:
        s, e = wrapped.start, wrapped.end
    else:
        s, e = select(wrapped.text, ">brave<")
        s, e = s + 1, e - 1
    edit = apply_preset(wrapped.text, s, e, red, presets)
    assert edit.text == body
    assert edit.text[edit.start:edit.end] == "brave"


def test_other_preset_replaces(presets):
    """Applying Marker to a red highlight replaces it instead of nesting."""
    body = f"<p>Hello {RED}brave{END} world</p>"
    edit = apply_preset(body, *select(body, "brave"), by_id(presets, "marker"), presets)
    assert edit.text == f"<p>Hello {MARKER}brave{END} world</p>"
    assert not any(h.problems for h in find_highlights(edit.text, presets))


def test_partial_selection_inside_highlight_acts_on_whole(presets):
    """Selecting part of a red highlight and applying red removes the whole highlight."""
    body = f"<p>{RED}one two three{END}</p>"
    edit = apply_preset(body, *select(body, "two"), by_id(presets, "red"), presets)
    assert edit.text == "<p>one two three</p>"


def test_selection_spanning_highlight_merges(presets):
    """A selection covering plain text and a blue highlight becomes one red highlight."""
    body = f"<p>alpha {BLUE}beta{END} gamma</p>"
    s = body.index("alpha")
    e = body.index("gamma") + len("gamma")
    edit = apply_preset(body, s, e, by_id(presets, "red"), presets)
    assert edit.text == f"<p>{RED}alpha beta gamma{END}</p>"


def test_multi_paragraph_html_wraps_per_paragraph(presets):
    """A selection across </p><p> gets one highlight per paragraph, never across blocks."""
    body = '<p>first para</p>\n\n<h2 data-ke-size="size26">Head</h2>\n\n<p>second para</p>'
    s = body.index("para")
    e = body.index("second") + len("second")
    red = by_id(presets, "red")
    edit = apply_preset(body, s, e, red, presets)
    assert edit.text == (f"<p>first {RED}para{END}</p>\n\n"
                         f'<h2 data-ke-size="size26">{RED}Head{END}</h2>\n\n'
                         f"<p>{RED}second{END} para</p>")
    back = apply_preset(edit.text, edit.start, edit.end, red, presets)
    assert back.text == body


def test_multi_paragraph_markdown_wraps_per_line_skipping_markers(presets):
    """Markdown: blank-line paragraphs, list items and headings each get their own span."""
    body = "## Title\n\n- item one\n- item two\n\nclosing words\n"
    edit = apply_preset(body, 0, len(body), by_id(presets, "blue"), presets, fmt="markdown")
    assert edit.text == (f"## {BLUE}Title{END}\n\n- {BLUE}item one{END}\n"
                         f"- {BLUE}item two{END}\n\n{BLUE}closing words{END}\n")


def test_markdown_rule_lines_are_not_wrapped(presets):
    """A *** rule inside the selection stays a rule."""
    body = "one\n\n***\n\ntwo"
    edit = apply_preset(body, 0, len(body), by_id(presets, "red"), presets, fmt="markdown")
    assert "\n\n***\n\n" in edit.text and edit.text.count(RED) == 2


def test_selection_edges_inside_tags_snap_out(presets):
    """Edges falling inside <p ...> or an &nbsp; entity move out; the tag is never split."""
    body = '<p data-ke-size="size16">some words</p>'
    s = body.index("size16")  # inside the opening tag
    e = body.index("</p>") + 2  # inside the closing tag
    edit = apply_preset(body, s, e, by_id(presets, "red"), presets)
    assert edit.text == f'<p data-ke-size="size16">{RED}some words{END}</p>'


def test_partly_selected_link_is_taken_whole(presets):
    """Cutting an <a> in half would break markup, so the whole link goes in the highlight."""
    body = '<p>see <a href="https://example.org">the site</a> now</p>'
    s = body.index("see")
    e = body.index("site")
    edit = apply_preset(body, s, e, by_id(presets, "red"), presets)
    assert edit.text == f'<p>{RED}see <a href="https://example.org">the site</a>{END} now</p>'


def test_bold_preset_toggles_plain_bold(presets):
    """Bold writes <b>…</b> and removes it again from a plain bold keyword."""
    body = "<p>핵 keyword</p>"
    bold = by_id(presets, "bold")
    on = apply_preset(body, *select(body, "핵"), bold, presets)
    assert on.text == "<p><b>핵</b> keyword</p>"
    off = apply_preset(on.text, *select(on.text, "핵"), bold, presets)
    assert off.text == body


def test_caret_outside_inserts_empty_pair(presets):
    """With no selection, an empty pair is inserted and the caret sits between the tags."""
    body = "<p>ab</p>"
    edit = apply_preset(body, 4, 4, by_id(presets, "red"), presets)
    assert edit.text == f"<p>a{RED}{END}b</p>"
    assert edit.start == edit.end == 4 + len(RED)


def test_caret_inside_highlight_toggles_it(presets):
    """With the caret inside a red highlight, Red removes it."""
    body = f"<p>{RED}word{END}</p>"
    caret = body.index("word") + 2
    edit = apply_preset(body, caret, caret, by_id(presets, "red"), presets)
    assert edit.text == "<p>word</p>"


def test_backwards_selection_is_accepted(presets):
    """A selection given end-first (dragged leftwards) behaves like the forward one."""
    body = "<p>Hello brave world</p>"
    s, e = select(body, "brave")
    red = by_id(presets, "red")
    assert apply_preset(body, e, s, red, presets) == apply_preset(body, s, e, red, presets)


def test_markdown_table_row_wrapped_per_cell(presets):
    """In a pipe-table row each cell gets its own span, so the pipes stay table syntax."""
    body = "| a | b |\n| :---: | :---: |\n| **c** | d |\n"
    s = body.index("**c**")
    edit = apply_preset(body, s, len(body) - 2, by_id(presets, "red"), presets, fmt="markdown")
    assert edit.text.endswith(f"| {RED}**c**{END} | {RED}d{END} |\n")


_HIGHLIGHT_MARKUP = re.compile(r"</?(?:b|strong)>|<span style=\"[^\"]*\">|</span>")
_STRUCTURE = re.compile(
    r"</?(?:p|h\d|table|tr|td|th|thead|tbody|a)\b[^>]*>|<hr />|^#+ |^- |^\*\*\*|(?<!\\)\|", re.M
)
_MARKDOWN_BODY = (
    "## 제목\n\n- 하나 <b>굵게</b>\n- 둘\n\n"
    f"문단 {RED}빨강{END} 끝\n여러 줄 [링크](https://example.org)\n\n***\n\n"
    "| a | b |\n| :---: | :---: |\n| **c** | d |\n"
)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.integers(0, 10_000), b=st.integers(0, 10_000), pick=st.integers(0, 3),
       twice=st.booleans())
def test_any_selection_keeps_structure_and_never_nests(fixtures_dir, a, b, pick, twice):
    """For any selection and preset, text and block structure survive and nothing nests."""
    presets, _ = load_presets()
    preset = presets[pick % len(presets)]
    html_body = body_of(fixtures_dir / "house-post.md")
    for body, fmt in ((html_body, "html"), (_MARKDOWN_BODY, "markdown")):
        s, e = a % (len(body) + 1), b % (len(body) + 1)
        edit = apply_preset(body, s, e, preset, presets, fmt)
        if twice:
            edit = apply_preset(edit.text, edit.start, edit.end, preset, presets, fmt)
        assert _HIGHLIGHT_MARKUP.sub("", edit.text) == _HIGHLIGHT_MARKUP.sub("", body)
        assert _STRUCTURE.findall(edit.text) == _STRUCTURE.findall(body)
        assert 0 <= edit.start <= edit.end <= len(edit.text)
        for h in find_highlights(edit.text, presets):
            assert "nested" not in [p.code for p in h.problems]


            assert "nested inside another highlight" not in h.problems


HOUSE_HEADING = ('<p data-ke-size="size16">&nbsp;</p>\n'
                 '<h2 data-ke-size="size26">골목 시장의 새 얼굴</h2>\n'
                 '<p data-ke-size="size16">&nbsp;</p>\n')


@pytest.mark.parametrize("preset_id", ["red", "blue", "marker"])
@pytest.mark.parametrize("extra", [0, 1])  # the line alone, or with its newline
def test_a_whole_h2_line_is_emphasised_inside_the_heading(presets, preset_id, extra):
    """Selecting a whole ``<h2>`` line wraps the heading's text, inside the h2."""
    preset = next(p for p in presets if p.id == preset_id)
    start = HOUSE_HEADING.index("<h2")
    end = HOUSE_HEADING.index("</h2>") + len("</h2>") + extra
    edit = apply_preset(HOUSE_HEADING, start, end, preset, presets)
    assert (f'<h2 data-ke-size="size26">{preset.wrap("골목 시장의 새 얼굴")}</h2>'
            in edit.text)


@pytest.mark.parametrize(("body", "fmt", "inner"), [
    (HOUSE_HEADING, "html", "골목 시장의 새 얼굴"),
    ("## 골목 소식 ##\n\n본문\n", "markdown", "골목 소식"),
])
def test_a_caret_in_a_heading_emphasises_its_text(presets, body, fmt, inner):
    """With no selection a preset in a heading takes the heading's text; again removes it."""
    blue = next(p for p in presets if p.id == "blue")
    caret = body.index(inner) + 2
    edit = apply_preset(body, caret, caret, blue, presets, fmt)
    assert blue.wrap(inner) in edit.text
    again = apply_preset(edit.text, edit.start + 5, edit.start + 5, blue, presets, fmt)
    assert again.text == body


def test_a_caret_in_a_paragraph_still_inserts_an_empty_pair(presets):
    """Outside headings an empty selection keeps its old meaning: tags to type into."""
    blue = next(p for p in presets if p.id == "blue")
    edit = apply_preset("<p>ab</p>\n", 4, 4, blue, presets)
    assert edit.text == "<p>a" + blue.wrap("") + "b</p>\n"
