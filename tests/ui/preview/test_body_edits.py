"""Edits of an HTML body shown piece by piece: the page ends up as a fresh load shows it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from editor.document.post import Post
from editor.ui.preview.pane import PreviewPane

TIMEOUT = 15_000
BODY_HTML = "document.getElementById('post-body').innerHTML"
SOURCE = ("html", None)  # the (format, path) of the posts typed into here


def paragraphs(count: int) -> str:
    return "\n\n".join(
        f"<p>문단 {n}: 밤늦게 열람실에 남은 사람들이 <b>조용히</b> 책장을 넘긴다.</p>"
        for n in range(count)
    )


@pytest.fixture
def pane(qtbot) -> PreviewPane:
    made = PreviewPane(offline=True)
    qtbot.addWidget(made)
    made.resize(900, 700)
    made.show()
    return made


def js(qtbot, pane: PreviewPane, script: str):
    box: dict[str, object] = {}
    pane.run_js(script, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=TIMEOUT)
    return box["value"]


def squeezed(markup: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", markup)).strip()


def text_of(document: QTextDocument) -> str:
    return document.toRawText().replace("\u2029", "\n")


def post_of(document: QTextDocument) -> Post:
    return Post.new({"title": "조각 시험"}, text_of(document), fmt="html")


def shown(qtbot, pane: PreviewPane, document: QTextDocument, *, body_edit=SOURCE) -> None:
    """Ask the pane to show the document's text (as the window does) and wait."""
    with qtbot.waitSignal(pane.renderFinished, timeout=TIMEOUT):
        pane.show_later(lambda: post_of(document), document.characterCount() - 1,
                        body_edit=body_edit)
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=TIMEOUT)


def fresh_body(qtbot, text: str) -> str:
    """The body's DOM, squeezed, as a page loaded afresh with ``text`` has it."""
    other = PreviewPane(offline=True)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.renderFinished, timeout=TIMEOUT):
        other.show_post(Post.new({"title": "조각 시험"}, text, fmt="html"))
    qtbot.waitUntil(lambda: not other.is_busy(), timeout=TIMEOUT)
    return squeezed(js(qtbot, other, BODY_HTML))


def edit(document: QTextDocument, find: str, replace: str, *, after: str = "") -> None:
    """Replace the first ``find`` (after ``after``) by ``replace``, as typing would."""
    text = text_of(document)
    start = text.index(find, text.index(after) if after else 0)
    # The document counts UTF-16 units: astral characters take two.
    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2
    cursor = QTextCursor(document)
    cursor.setPosition(units(start))
    cursor.setPosition(units(start + len(find)), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(replace)


@pytest.fixture
def typed(qtbot, pane):
    """A document followed by the pane, its first text shown whole."""
    document = QTextDocument()
    document.documentLayout()  # Qt reports changes (contentsChange) once laid out
    document.setPlainText(paragraphs(40))
    pane.body_edits.attach(document)
    shown(qtbot, pane, document)
    assert pane.piece_updates == 0
    return document


@pytest.mark.parametrize(("find", "replace", "after"), [
    ("밤늦게", "밤늦게까지", "문단 3:"),              # inside one block
    ("사람들이", "사람들이\n", "문단 5:"),             # a new line: the anchors below move
    ("</b> 책장을", "</b></p>\n\n<p>책장을", "문단 10:"),  # one block becomes two
    ("책장을 넘긴다.</p>\n\n<p>문단 13:", "", "문단 12:"),  # two blocks become one
    ("<p>문단 0:", "머리글 <p>문단 0:", ""),           # text before the first block
    ("넘긴다.</p>", "넘긴다.</p>\n\n<h2>끝</h2>", "문단 39:"),  # a block after the last
])
def test_an_edit_is_shown_piece_by_piece_as_a_fresh_page_shows_it(
        qtbot, pane, typed, find, replace, after):
    edit(typed, find, replace, after=after)
    shown(qtbot, pane, typed)
    assert pane.piece_updates == 1
    assert squeezed(js(qtbot, pane, BODY_HTML)) == fresh_body(qtbot, text_of(typed))


def test_edits_after_characters_outside_the_basic_plane_land_in_their_block(
        qtbot, pane, typed):
    edit(typed, "조용히", "조용히 😀", after="문단 2:")
    shown(qtbot, pane, typed)
    for n in (30, 31, 2):
        edit(typed, "넘긴다", "넘겼다", after=f"문단 {n}:")
        shown(qtbot, pane, typed)
    assert pane.piece_updates == 4
    assert squeezed(js(qtbot, pane, BODY_HTML)) == fresh_body(qtbot, text_of(typed))


def test_markup_left_open_is_rendered_whole_then_edits_go_by_pieces_again(
        qtbot, pane, typed):
    edit(typed, "조용히", "<!-- 열린 주석 조용히", after="문단 7:")
    shown(qtbot, pane, typed)
    assert pane.piece_updates == 0  # the comment runs on over the blocks below it
    assert "문단 8:" not in js(qtbot, pane, "document.getElementById('post-body').textContent")
    edit(typed, "<!-- 열린 주석 ", "")
    shown(qtbot, pane, typed)
    edit(typed, "넘긴다", "넘겼다", after="문단 20:")
    shown(qtbot, pane, typed)
    assert pane.piece_updates >= 1
    assert squeezed(js(qtbot, pane, BODY_HTML)) == fresh_body(qtbot, text_of(typed))


def test_several_edits_before_one_update_are_shown_together(qtbot, pane, typed):
    edit(typed, "넘긴다", "넘겼다", after="문단 4:")
    edit(typed, "조용히", "아주 조용히", after="문단 9:")
    edit(typed, "문단 6:", "여섯째 문단:")
    shown(qtbot, pane, typed)
    assert pane.piece_updates == 1
    assert squeezed(js(qtbot, pane, BODY_HTML)) == fresh_body(qtbot, text_of(typed))


def test_another_format_or_post_is_rendered_whole(qtbot, pane, typed):
    edit(typed, "넘긴다", "넘겼다", after="문단 4:")
    shown(qtbot, pane, typed, body_edit=("markdown", None))
    assert pane.piece_updates == 0
    edit(typed, "넘긴다", "넘겼다", after="문단 5:")
    shown(qtbot, pane, typed, body_edit=None)
    assert pane.piece_updates == 0


def test_line_anchors_follow_new_lines(qtbot, pane, typed):
    edit(typed, "사람들이", "사람들이\n\n\n", after="문단 1:")
    shown(qtbot, pane, typed)
    lines = js(qtbot, pane, "Array.from(document.querySelectorAll("
                            "'#post-body > [data-source-line]')).map("
                            "(e) => e.getAttribute('data-source-line'))")
    text = text_of(typed)
    expected = [str(text.count("\n", 0, m.start()) + 1) for m in re.finditer("<p>", text)]
    assert lines == expected


def test_typing_in_the_window_updates_the_preview_piece_by_piece(qtbot, window, tmp_path):
    path = tmp_path / "2026-12-07-night.md"
    path.write_text("---\ntitle: 열람실\n---\n" + paragraphs(30) + "\n", encoding="utf-8")
    window.files.open_path(path)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.render_count > 0 and not preview.is_busy(),
                    timeout=TIMEOUT)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(text_of(editor.document()).index("조용히", 400))
    editor.setTextCursor(cursor)
    for text in ("a", "b "):
        with qtbot.waitSignal(preview.renderFinished, timeout=TIMEOUT):
            qtbot.keyClicks(editor, text)
        qtbot.waitUntil(lambda: not preview.is_busy(), timeout=TIMEOUT)
    assert preview.piece_updates >= 1
    shown_text = js(qtbot, preview, "document.getElementById('post-body').textContent")
    assert "ab 조용히" in shown_text
    assert squeezed(js(qtbot, preview, BODY_HTML)) == fresh_body(
        qtbot, text_of(editor.document()))
