"""Tests for pasting into the source editor: rich text cleaned, plain paste, plain copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QTextCursor

from editor.authoring.highlights import load_presets
from editor.authoring.paste import clean_pasted_html
from editor.ui.authoring.commands import Authoring
from editor.ui.source.editor import SourceEditor
from tests.site.test_assets import data_url, png
from tests.ui.prompter import ScriptedPrompter

HOSTILE = (
    '<p onclick="steal()" class="x">소식<script>alert(1)</script>'
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">누르기</a> '
    '<a href="https://example.org/?utm_source=mail&id=3" onmouseover="x()">원문</a> '
    '<span style="color:#EE2323;font-weight:700">빨간 말</span></p>'
)


@pytest.fixture
def editor(qtbot) -> SourceEditor:
    """A shown source editor with the authoring controller (and its paste hook)."""
    widget = SourceEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.statuses = []
    widget.authoring = Authoring(widget, ScriptedPrompter(), status=widget.statuses.append)
    yield widget
    # The clipboard owns the data set on it; empty it while the application still runs.
    QGuiApplication.clipboard().clear()


def put_on_clipboard(html: str | None = None, text: str | None = None) -> None:
    """Place rich and/or plain text on the application clipboard."""
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def caret_at_end(editor: SourceEditor) -> None:
    """Put the caret at the end of the text."""
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)


def test_rich_paste_of_hostile_html_yields_clean_markup(editor):
    """Scripts, event handlers, javascript: links and tracking go; the preset colour stays."""
    editor.set_body_format("html")
    editor.set_body_text("<p>앞 문단</p>\n")
    caret_at_end(editor)
    put_on_clipboard(HOSTILE, "소식 누르기 원문 빨간 말")
    editor.paste()
    body = editor.body_text()
    pasted = body.removeprefix("<p>앞 문단</p>\n")
    presets = load_presets().presets
    assert pasted == clean_pasted_html(HOSTILE, presets, "html")
    for bad in ("<script", "alert", "onerror", "onclick", "onmouseover", "javascript:",
                "utm_source", "class="):
        assert bad not in body
    assert '<b><span style="color: #ee2323;">빨간 말</span></b>' in body
    assert '<a href="https://example.org/?id=3">원문</a>' in body
    editor.undo()
    assert editor.body_text() == "<p>앞 문단</p>\n"


def test_rich_paste_into_markdown_body(editor):
    """Into Markdown, bold becomes ** and a preset colour stays as the preset's inline HTML."""
    editor.set_body_format("markdown")
    editor.set_body_text("")
    put_on_clipboard('<p>오늘 <strong>장날</strong>입니다. <span style="color: rgb(26, 84, 144);'
                     ' font-weight: bold">파란 말</span></p><script>x()</script>',
                     "오늘 장날입니다. 파란 말")
    editor.paste()
    assert editor.body_text() == (
        '오늘 **장날**입니다. <b><span style="color: #1a5490;">파란 말</span></b>')


def test_plain_paste_inserts_text_only(editor):
    """Paste as Plain Text ignores the HTML and inserts the clipboard's text."""
    editor.set_body_format("html")
    editor.set_body_text("<p></p>")
    cursor = editor.textCursor()
    cursor.setPosition(3)
    editor.setTextCursor(cursor)
    put_on_clipboard("<p><b>굵은</b> 글씨</p>", "굵은 글씨")
    assert editor.authoring.paste_plain()
    assert editor.body_text() == "<p>굵은 글씨</p>"
    editor.undo()
    assert editor.body_text() == "<p></p>"


def test_copy_from_the_editor_is_plain_and_pastes_back_unchanged(editor):
    """Copying source puts only plain text on the clipboard, so pasting it back is exact."""
    source = '<p>가 <b><span style="color: #ee2323;">나</span></b>&nbsp;다\u00a0라</p>\n'
    editor.set_body_format("html")
    editor.set_body_text(source)
    editor.selectAll()
    editor.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert not mime.hasHtml()
    assert mime.text() == source
    caret_at_end(editor)
    editor.paste()
    assert editor.body_text() == source + source


def test_markup_copied_from_a_code_editor_pastes_as_its_text(editor):
    """HTML whose plain text is markup (a coloured code view) pastes as the source text."""
    editor.set_body_format("html")
    editor.set_body_text("")
    code = '<p>문단 <b>굵게</b></p>'
    put_on_clipboard('<div style="white-space: pre;"><span style="color:#569cd6;">&lt;p&gt;'
                     '</span>문단 &lt;b&gt;굵게&lt;/b&gt;&lt;/p&gt;</div>', code)
    editor.paste()
    assert editor.body_text() == code


# -- pictures -------------------------------------------------------------------------


@pytest.fixture
def site_editor(qtbot, empty_site) -> SourceEditor:
    """A source editor whose post lies in a Jekyll site (for pasted pictures)."""
    root = empty_site
    widget = SourceEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.statuses = []
    widget.authoring = Authoring(widget, ScriptedPrompter(), site_root=lambda: root,
                                 status=widget.statuses.append)
    widget.site_root = root
    yield widget
    QGuiApplication.clipboard().clear()


def put_picture_on_clipboard(width: int = 3) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, 2, QImage.Format.Format_RGB32)
    image.fill(QColor("#1a5490"))
    mime = QMimeData()
    mime.setImageData(image)
    QGuiApplication.clipboard().setMimeData(mime)


def test_pasting_a_picture_saves_it_into_the_site_and_inserts_an_image_block(site_editor):
    site_editor.set_body_format("html")
    site_editor.set_body_text("<p>앞 문단</p>\n")
    caret_at_end(site_editor)
    site_editor.authoring.prompter.answer("ask_alt_text", "파란 상자")
    put_picture_on_clipboard()
    assert site_editor.canPaste()
    site_editor.paste()
    saved = list((site_editor.site_root / "assets" / "images").iterdir())
    assert len(saved) == 1 and saved[0].suffix == ".png"
    assert saved[0].read_bytes().startswith(b"\x89PNG")
    body = site_editor.body_text()
    assert f'<p><img src="/assets/images/{saved[0].name}" alt="파란 상자" /></p>' in body
    assert body.startswith("<p>앞 문단</p>\n")
    assert saved[0].name in site_editor.statuses[-1]
    site_editor.undo()
    assert site_editor.body_text() == "<p>앞 문단</p>\n"


def test_a_picture_paste_without_alt_text_or_cancelled_changes_nothing(site_editor):
    errors = site_editor.authoring.prompter.errors
    site_editor.set_body_text("<p>본문</p>\n")
    put_picture_on_clipboard()
    site_editor.authoring.prompter.answer("ask_alt_text", None)  # cancelled
    site_editor.paste()
    site_editor.authoring.prompter.answer("ask_alt_text", "  ")
    site_editor.paste()
    assert site_editor.body_text() == "<p>본문</p>\n"
    assert not (site_editor.site_root / "assets").exists()
    assert len(errors) == 1 and "alt text" in errors[0][1]


def test_a_picture_paste_outside_a_site_says_where_pictures_go(editor):
    errors = editor.authoring.prompter.errors
    editor.authoring.prompter.answer("ask_alt_text", "never asked")
    editor.set_body_text("<p>본문</p>\n")
    put_picture_on_clipboard()
    editor.paste()
    assert editor.body_text() == "<p>본문</p>\n"
    assert len(errors) == 1 and "_config.yml" in errors[0][1]


def test_pasted_html_keeps_its_data_pictures_in_the_site(site_editor):
    site_editor.set_body_format("markdown")
    site_editor.set_body_text("")
    put_on_clipboard(f'<p>표 아래</p><img src="{data_url(png())}" alt="막대 그래프">',
                     "표 아래")
    site_editor.paste()
    saved = list((site_editor.site_root / "assets" / "images").iterdir())
    assert len(saved) == 1
    assert site_editor.body_text() == f"표 아래\n\n![막대 그래프](/assets/images/{saved[0].name})"


def test_pasted_data_pictures_outside_a_site_are_left_out_with_a_message(editor):
    statuses = editor.statuses
    editor.set_body_format("html")
    editor.set_body_text("")
    put_on_clipboard(f'<p>글</p><img src="{data_url(png())}" alt="그림">', "글")
    editor.paste()
    assert editor.body_text() == "<p>글</p>"
    assert len(statuses) == 1 and "1 pasted picture" in statuses[0]
