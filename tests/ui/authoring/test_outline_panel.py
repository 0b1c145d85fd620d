"""Tests for editor.ui.authoring.outline_panel: headings listed, followed, jumped to, moved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.authoring.search import Utf16Index
from editor.ui.authoring.outline_panel import OutlinePanel
from editor.ui.source.editor import SourceEditor
from tests.ui.windows import scripted_window

TIMEOUT = 15_000

BODY = "\n".join([
    '<p data-ke-size="size16">&nbsp;</p>',
    '<h2 data-ke-size="size26">첫째 마당</h2>',
    "<p>봄마다 씨앗을 나눈다.</p>",
    '<h3 data-ke-size="size23">씨앗 고르기</h3>',
    "<p>작은 봉투에 이름을 적는다.</p>",
    '<h2 data-ke-size="size26">둘째 마당 😀</h2>',
    "<p>여름에는 물을 자주 준다.</p>",
    '<h2 data-ke-size="size26">셋째 마당</h2>',
    "<p>가을에 거둔다.</p>",
    "",
])


class FakePreview:
    """Records the lines the panel asks the preview to scroll to."""

    def __init__(self) -> None:
        self.lines: list[int] = []

    def scroll_to_source_line(self, line: int) -> None:
        self.lines.append(line)


@pytest.fixture
def editor(qtbot) -> SourceEditor:
    widget = SourceEditor()
    qtbot.addWidget(widget)
    widget.set_body_text(BODY)
    widget.resize(600, 300)
    widget.show()
    return widget


@pytest.fixture
def preview() -> FakePreview:
    return FakePreview()


@pytest.fixture
def panel(qtbot, editor, preview) -> OutlinePanel:
    widget = OutlinePanel(editor, preview=preview, delay_ms=20)
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    return widget


def put_cursor(editor: SourceEditor, needle: str) -> None:
    """Put the cursor before ``needle`` (Qt counts 😀 as two units)."""
    text = editor.body_text()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(Utf16Index(text).to_utf16(text.index(needle)))
    editor.setTextCursor(cursor)


def after_cursor(editor: SourceEditor) -> str:
    """The text from the cursor on."""
    text = editor.body_text()
    return text[Utf16Index(text).from_utf16(editor.textCursor().position()):]


def tree_shape(panel: OutlinePanel) -> list[tuple[str, list[str]]]:
    tree = panel.tree
    return [(tree.topLevelItem(i).text(0),
             [tree.topLevelItem(i).child(c).text(0)
              for c in range(tree.topLevelItem(i).childCount())])
            for i in range(tree.topLevelItemCount())]


def test_lists_headings_nested_by_level_with_lines(panel):
    assert tree_shape(panel) == [("첫째 마당", ["씨앗 고르기"]), ("둘째 마당 😀", []),
                                 ("셋째 마당", [])]
    assert [item.text(1) for item in panel.items()] == ["2", "4", "6", "8"]
    assert panel.summary.text() == "4 headings"


def test_folded_headings_stay_folded_when_the_list_is_rebuilt(qtbot, panel, editor):
    panel.items()[0].setExpanded(False)  # as a click on its arrow does
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("<h2>넷째 마당</h2>\n")
    qtbot.waitUntil(lambda: len(panel.items()) == 5, timeout=TIMEOUT)
    assert not panel.items()[0].isExpanded()
    panel.items()[0].setExpanded(True)
    cursor.insertText("<h3>덧붙임</h3>\n")
    qtbot.waitUntil(lambda: len(panel.items()) == 6, timeout=TIMEOUT)
    assert panel.items()[0].isExpanded() and panel.items()[4].isExpanded()


def test_follows_typing_after_a_pause(qtbot, panel, editor):
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("<h2>넷째 마당</h2>\n")
    qtbot.waitUntil(lambda: len(panel.items()) == 5, timeout=TIMEOUT)
    assert panel.items()[-1].text(0) == "넷째 마당"


def test_current_section_is_marked_as_the_cursor_moves(panel, editor):
    put_cursor(editor, "작은 봉투")
    assert panel.current_index() == 1
    assert panel.tree.currentItem() is panel.items()[1]
    assert panel.items()[1].font(0).bold() and not panel.items()[0].font(0).bold()
    put_cursor(editor, "가을에")
    assert panel.current_index() == 3
    assert panel.tree.currentItem() is panel.items()[3]
    assert not panel.items()[1].font(0).bold()
    put_cursor(editor, "&nbsp;")  # before the first heading: nothing marked
    assert panel.current_index() == -1 and panel.tree.currentItem() is None


def test_click_jumps_in_source_and_preview(qtbot, panel, editor, preview):
    item = panel.items()[2]
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    block = editor.textCursor().block()
    assert block.blockNumber() + 1 == 6
    assert block.text().startswith('<h2 data-ke-size="size26">둘째')
    assert preview.lines == [6]
    assert panel.current_index() == 2


def test_move_up_keeps_the_cursor_and_one_undo_restores(panel, editor, preview):
    put_cursor(editor, "여름에는")  # inside 둘째 마당, after an astral character
    assert panel.move_up()
    text = editor.body_text()
    assert text.index("둘째 마당") < text.index("첫째 마당") < text.index("씨앗 고르기")
    assert sorted(text) == sorted(BODY)
    assert after_cursor(editor).startswith("여름에는")
    assert panel.current_index() == 0 and panel.items()[0].text(0) == "둘째 마당 😀"
    assert preview.lines[-1] == 2
    editor.undo()
    assert editor.body_text() == BODY
    assert not editor.document().isUndoAvailable()


def test_move_down_takes_the_subsection_along(panel, editor):
    put_cursor(editor, "봄마다")
    assert panel.move_down()
    text = editor.body_text()
    assert text.index("둘째 마당") < text.index("첫째 마당") < text.index("씨앗 고르기") \
        < text.index("셋째 마당")
    assert after_cursor(editor).startswith("봄마다")
    editor.undo()
    assert editor.body_text() == BODY


def test_moves_are_refused_at_the_edges_and_buttons_follow(panel, editor):
    put_cursor(editor, "봄마다")
    assert not panel.up_button.isEnabled() and panel.down_button.isEnabled()
    assert not panel.move_up()
    put_cursor(editor, "작은 봉투")  # the only subsection
    assert not panel.up_button.isEnabled() and not panel.down_button.isEnabled()
    assert not panel.move_down()
    put_cursor(editor, "가을에")
    assert panel.up_button.isEnabled() and not panel.down_button.isEnabled()
    assert editor.body_text() == BODY
    assert not editor.document().isUndoAvailable()


def test_context_menu_moves_the_section_it_was_opened_on(panel, editor):
    menu = panel.context_menu(panel.items()[1])  # the only subsection: cannot move
    assert [a.isEnabled() for a in menu.actions()] == [False, False]
    menu = panel.context_menu(panel.items()[3])
    assert panel.current_index() == 3
    up, down = menu.actions()
    assert up.isEnabled() and not down.isEnabled()
    up.trigger()
    text = editor.body_text()
    assert text.index("셋째 마당") < text.index("둘째 마당")


def test_buttons_move_the_section(qtbot, panel, editor):
    put_cursor(editor, "가을에")
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    text = editor.body_text()
    assert text.index("셋째 마당") < text.index("둘째 마당")


def test_markdown_body_and_a_move_right_after_typing(qtbot, editor):
    editor.set_body_format("markdown")
    editor.set_body_text("# 하나\n\n```\n# 코드\n```\n\n# 둘\n본문\n")
    panel = OutlinePanel(editor, delay_ms=10_000)  # the pause has not come yet
    qtbot.addWidget(panel)
    panel.show()
    assert [item.text(0) for item in panel.items()] == ["하나", "둘"]
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("# 셋\n끝\n")
    editor.setTextCursor(cursor)  # in the new, not yet listed section
    assert panel.move_up()
    assert editor.body_text() == "# 하나\n\n```\n# 코드\n```\n\n# 셋\n끝\n# 둘\n본문\n"


def test_window_has_the_outline_dock_and_actions(qtbot):
    window = scripted_window(qtbot)
    outline = window.outline
    toggle = outline.actions["show_outline"]
    assert not outline.dock.isVisible() and not toggle.isChecked()  # off until asked for
    assert toggle in window.menus["view"].actions()
    assert outline.actions["move_section_up"] in window.menus["edit"].actions()
    shortcuts = [key.toString() for menu in window.menus.values()
                 for action in menu.actions() for key in action.shortcuts()]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert toggle.shortcut().toString() == "Ctrl+6"
    toggle.trigger()
    assert outline.dock.isVisible() and window.settings.get("panes/outline")
    outline.dock.close()  # the dock's own close button unticks the menu entry
    assert not toggle.isChecked() and not window.settings.get("panes/outline")
    toggle.trigger()
    assert outline.dock.isVisible()

    window.editor.set_body_text(BODY)
    outline.panel.refresh()
    put_cursor(window.editor, "가을에")
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus, timeout=TIMEOUT)
    qtbot.keyClick(window.editor, Qt.Key.Key_Up,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = window.editor.body_text()
    assert text.index("셋째 마당") < text.index("둘째 마당")
    toggle.trigger()  # the moves work with the panel hidden too
    assert not outline.dock.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_Down,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.body_text() == BODY
    window.editor.undo()
    assert window.editor.body_text() == text
    window.editor.undo()
    assert window.editor.body_text() == BODY
