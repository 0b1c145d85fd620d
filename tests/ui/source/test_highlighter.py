"""Tests for the body highlighter: formats on real blocks, state, tints, themes, laziness."""

from __future__ import annotations

import pytest
from pygments.token import Comment, Name
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.authoring.source_colours import style_name_for_theme, token_style
from editor.authoring.source_tints import TEXT_COLOUR_TINT_ALPHA
from editor.ui.source import highlighter as highlighter_module
from editor.ui.source.highlighter import BodyHighlighter


class CountingHighlighter(BodyHighlighter):
    """Records which blocks were highlighted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.calls: list[int] = []

    def highlightBlock(self, text):  # noqa: N802
        self.calls.append(self.currentBlock().blockNumber())
        super().highlightBlock(text)


@pytest.fixture
def edit(qtbot):
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    return widget


def attach(edit, body_format):
    """A highlighter on the editor's document, already run (Qt defers the first run)."""
    highlighter = BodyHighlighter(edit.document(), body_format)
    highlighter.rehighlight()
    return highlighter


def format_at(edit, line, column):
    """The highlighter's character format at (0-based line, column), or None."""
    block = edit.document().findBlockByNumber(line)
    ranges = block.layout().formats()
    for item in ranges:
        if item.start <= column < item.start + item.length:
            # Copy: the range list owns the C++ format.
            return QTextCharFormat(item.format)
    return None


def background_at(edit, line, column):
    """The background colour painted at (line, column), or None when there is none."""
    fmt = format_at(edit, line, column)
    if fmt is None or fmt.background().style() == Qt.BrushStyle.NoBrush:
        return None
    return fmt.background().color()


def column_of(edit, line, needle):
    return edit.document().findBlockByNumber(line).text().index(needle)


def test_html_tags_and_attributes_get_theme_colours(edit):
    """Tag names and attribute names are coloured as the Pygments style says."""
    edit.setPlainText('<h2 data-ke-size="size26">제목</h2>')
    attach(edit, "html")
    style = style_name_for_theme("default")
    tag = format_at(edit, 0, 1)
    attribute = format_at(edit, 0, column_of(edit, 0, "data"))
    assert tag.foreground().color() == QColor(token_style(style, Name.Tag).color)
    assert attribute.foreground().color() == QColor(
        token_style(style, Name.Attribute).color
    )
    assert tag.foreground().color() != attribute.foreground().color()


def test_markdown_heading_and_emphasis_formats(edit):
    """Markdown headings are bold and coloured; *emphasis* is italic."""
    edit.setPlainText("# 제목\n\n본문 *강조* 입니다")
    attach(edit, "markdown")
    heading = format_at(edit, 0, 2)
    assert heading.fontWeight() == QFont.Weight.Bold
    emphasis = format_at(edit, 2, column_of(edit, 2, "*강조*") + 1)
    assert emphasis.fontItalic()
    assert format_at(edit, 2, 0) is None or not format_at(edit, 2, 0).fontItalic()


def test_house_highlight_tint_matches_span_colour(edit):
    """Text inside a colour span gets its colour as a light tint; a marker its own colour."""
    edit.setPlainText(
        '<b><span style="color: #EE2323;">빨강</span></b> '
        '<b><span style = "background-color:#21538527">표시</span></b>'
    )
    attach(edit, "html")
    red = format_at(edit, 0, column_of(edit, 0, "빨강"))
    colour = red.background().color()
    assert (colour.red(), colour.green(), colour.blue()) == (0xEE, 0x23, 0x23)
    assert colour.alpha() == round(TEXT_COLOUR_TINT_ALPHA * 255)
    assert red.fontWeight() == QFont.Weight.Bold  # inside <b>
    marker = format_at(edit, 0, column_of(edit, 0, "표시")).background().color()
    assert (marker.red(), marker.green(), marker.blue(), marker.alpha()) == (33, 83, 133, 0x27)
    assert background_at(edit, 0, 0) is None


def test_emoji_before_a_span_keeps_tint_aligned(edit):
    """Offsets are converted to UTF-16, so an emoji does not shift the tint."""
    edit.setPlainText('😀😀 <span style="color: #1a5490;">파랑</span>')
    attach(edit, "html")
    text = edit.document().firstBlock().text()  # Qt string: UTF-16 indices
    start = text.index("파") + 2  # two emoji = two extra UTF-16 units
    assert background_at(edit, 0, start).blue() == 0x90
    assert background_at(edit, 0, start - 1) is None


def test_multiline_comment_state_across_blocks(edit):
    """Lines between '<!--' and '-->' are comment-coloured, even tag-looking ones."""
    edit.setPlainText("<p>a</p>\n<!-- start\n<b>inside</b>\nend -->\n<b>after</b>")
    highlighter = attach(edit, "html")
    style = style_name_for_theme("default")
    comment_colour = QColor(token_style(style, Comment.Multiline).color)
    assert format_at(edit, 2, 1).foreground().color() == comment_colour
    assert format_at(edit, 4, 1).foreground().color() != comment_colour
    assert highlighter.document() is edit.document()


def test_opening_a_comment_recolours_following_lines(edit):
    """Typing '<!--' re-highlights the lines after it; closing it restores them."""
    edit.setPlainText("<p>one</p>\n<b>two</b>\n<i>three</i>")
    attach(edit, "html")
    style = style_name_for_theme("default")
    comment_colour = QColor(token_style(style, Comment.Multiline).color)
    cursor = QTextCursor(edit.document().firstBlock())
    cursor.insertText("<!-- ")
    assert format_at(edit, 2, 1).foreground().color() == comment_colour
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" -->")
    assert format_at(edit, 2, 1).foreground().color() != comment_colour


def test_typing_rehighlights_only_the_changed_block(edit):
    """A keystroke in one line makes Qt call highlightBlock for that line only."""
    edit.setPlainText("\n".join(f"<p>line {n}</p>" for n in range(50)))
    highlighter = CountingHighlighter(edit.document(), "html")
    highlighter.rehighlight()
    highlighter.calls.clear()
    cursor = QTextCursor(edit.document().findBlockByNumber(20))
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=4)
    cursor.insertText("x")
    assert highlighter.calls == [20]


def test_theme_switch_changes_formats(edit):
    """Switching to the dark theme recolours the tags."""
    edit.setPlainText("<p>text</p>")
    highlighter = attach(edit, "html")
    light = QColor(format_at(edit, 0, 1).foreground().color())
    highlighter.set_theme("dark")
    dark = format_at(edit, 0, 1).foreground().color()
    assert dark != light
    assert highlighter.colours().dark


def test_body_format_switch_changes_lexer(edit):
    """The same '# title' line is a heading in Markdown and plain text in HTML."""
    edit.setPlainText("# title")
    highlighter = attach(edit, "html")
    assert format_at(edit, 0, 2) is None or format_at(edit, 0, 2).fontWeight() != QFont.Weight.Bold
    highlighter.set_body_format("markdown")
    assert format_at(edit, 0, 2).fontWeight() == QFont.Weight.Bold
    with pytest.raises(ValueError):
        highlighter.set_body_format("rst")


def test_long_documents_are_highlighted_progressively(edit, qtbot, monkeypatch):
    """Past the threshold only the first lines are highlighted at once; the rest follow."""
    monkeypatch.setattr(highlighter_module, "PROGRESSIVE_MIN_BLOCKS", 100)
    monkeypatch.setattr(highlighter_module, "FIRST_BLOCKS", 10)
    highlighter = attach(edit, "html")
    highlighter.prepare_for_load(400)
    edit.setPlainText("\n".join(f"<p>line {n}</p>" for n in range(400)))
    assert format_at(edit, 5, 1) is not None
    assert format_at(edit, 300, 1) is None
    assert not highlighter.is_complete()
    qtbot.waitUntil(highlighter.is_complete, timeout=5000)
    assert format_at(edit, 300, 1) is not None
    assert format_at(edit, 399, 1) is not None


def test_held_lines_are_coloured_once_released(edit, qtbot):
    """Held (the window's first paint), a loaded text stays uncoloured, however short;
    released, it is coloured from the event loop."""
    highlighter = attach(edit, "html")
    highlighter.hold_all(True)
    highlighter.prepare_for_load(3)
    edit.setPlainText("<p>one</p>\n<p>two</p>\n<p>three</p>")
    assert format_at(edit, 0, 1) is None and format_at(edit, 2, 1) is None
    assert not highlighter.is_complete()
    highlighter.hold_all(False)
    qtbot.waitUntil(highlighter.is_complete, timeout=5000)
    assert format_at(edit, 0, 1) is not None
    assert format_at(edit, 2, 1) is not None


def test_the_highlighter_knows_the_formats_the_tokens_do():
    """Its own list of body formats (kept so Pygments loads later) is the tokeniser's."""
    from editor.authoring.tokens import BODY_FORMATS

    assert highlighter_module.BODY_FORMATS == BODY_FORMATS
