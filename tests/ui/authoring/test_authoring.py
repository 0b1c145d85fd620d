"""Tests for editor.ui.authoring.commands: presets and house blocks applied to the source editor."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence, QTextCursor

from editor.authoring import blocks, highlights, tables
from editor.authoring.highlights import Preset
from editor.ui.authoring.block_dialogs import LinkDialog, TableDialog
from editor.ui.authoring.commands import Authoring
from editor.ui.shell.settings import Settings
from editor.ui.source.editor import SourceEditor
from tests.ui.prompter import ScriptedPrompter
from tests.ui.windows import scripted_window

HTML_BODY = (
    "<p>시장 골목에 새 가게가 열렸습니다. 주인은 매일 아침 빵을 굽습니다.</p>\n"
    "<p>손님들은 갓 구운 빵 냄새에 발길을 멈춥니다.</p>\n"
)
MARKDOWN_BODY = (
    "## 골목 소식\n"
    "\n"
    "- 새 가게가 열렸습니다\n"
    "- 아침마다 빵을 굽습니다\n"
    "\n"
    "손님들은 **빵 냄새**에 발길을 멈춥니다.\n"
)


@pytest.fixture
def editor(qtbot) -> SourceEditor:
    """A shown source editor."""
    widget = SourceEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    return widget


@pytest.fixture
def authoring(editor) -> Authoring:
    """The controller on ``editor`` with the bundled presets and fresh settings."""
    return Authoring(editor, ScriptedPrompter(), settings=Settings())


def load(editor: SourceEditor, body: str, fmt: str) -> None:
    """Put ``body`` in the editor as a freshly opened post of format ``fmt``."""
    editor.set_body_format(fmt)
    editor.set_body_text(body)


def select(editor: SourceEditor, start: int, end: int) -> None:
    """Select body offsets [start, end) (the test texts hold no astral characters)."""
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def select_phrase(editor: SourceEditor, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Select the ``occurrence``-th ``phrase`` in the editor; returns its offsets."""
    text = editor.body_text()
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    select(editor, start, start + len(phrase))
    return start, start + len(phrase)


def selection(editor: SourceEditor) -> tuple[int, int]:
    """The editor's selection as (start, end)."""
    cursor = editor.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


# ------------------------------------------------------------------ presets


@pytest.mark.parametrize("preset_id", ["red", "blue", "marker"])
def test_preset_action_wraps_html_selection_as_one_undo_step(editor, authoring, preset_id):
    """Each preset action writes the core's markup around an HTML selection; one undo restores."""
    load(editor, HTML_BODY, "html")
    start, end = select_phrase(editor, "매일 아침 빵을 굽습니다")
    preset = authoring.preset(preset_id)
    expected = highlights.apply_preset(HTML_BODY, start, end, preset, authoring.presets, "html")

    authoring.preset_action(preset_id).trigger()

    assert editor.body_text() == expected.text
    assert preset.wrap("매일 아침 빵을 굽습니다") in editor.body_text()
    assert selection(editor) == (expected.start, expected.end)
    editor.undo()
    assert editor.body_text() == HTML_BODY


@pytest.mark.parametrize("preset_id", ["red", "blue", "marker"])
def test_preset_action_in_markdown_body(editor, authoring, preset_id):
    """In Markdown each selected line is wrapped after its list marker; one undo restores."""
    load(editor, MARKDOWN_BODY, "markdown")
    start = MARKDOWN_BODY.index("- 새 가게")
    end = MARKDOWN_BODY.index("굽습니다") + len("굽습니다")
    select(editor, start, end)
    preset = authoring.preset(preset_id)
    expected = highlights.apply_preset(MARKDOWN_BODY, start, end, preset, authoring.presets,
                                       "markdown")

    authoring.preset_action(preset_id).trigger()

    body = editor.body_text()
    assert body == expected.text
    assert f"- {preset.wrap('새 가게가 열렸습니다')}\n" in body
    assert f"- {preset.wrap('아침마다 빵을 굽습니다')}\n" in body
    editor.undo()
    assert editor.body_text() == MARKDOWN_BODY


def test_applying_the_same_preset_again_removes_it(editor, authoring):
    """A second application of the same preset toggles the highlight off, as its own undo step."""
    load(editor, HTML_BODY, "html")
    select_phrase(editor, "갓 구운 빵")
    action = authoring.preset_action("red")
    action.trigger()
    wrapped = editor.body_text()
    assert authoring.preset("red").wrap("갓 구운 빵") in wrapped
    action.trigger()  # the selection now covers the written markup
    assert editor.body_text() == HTML_BODY
    editor.undo()
    assert editor.body_text() == wrapped


def test_another_preset_replaces_the_highlight(editor, authoring):
    """Applying blue over a red highlight leaves only the blue markup."""
    load(editor, HTML_BODY, "html")
    select_phrase(editor, "갓 구운 빵")
    authoring.apply_preset("red")
    authoring.apply_preset("blue")
    body = editor.body_text()
    assert authoring.preset("blue").wrap("갓 구운 빵") in body
    assert "#ee2323" not in body


def test_multi_paragraph_selection_is_wrapped_per_paragraph(editor, authoring):
    """A selection across </p><p> gets one highlight per paragraph, never a span across them."""
    load(editor, HTML_BODY, "html")
    start = HTML_BODY.index("주인은")
    end = HTML_BODY.index("멈춥니다") + len("멈춥니다")
    select(editor, start, end)
    authoring.apply_preset("marker")
    body = editor.body_text()
    marker = authoring.preset("marker")
    assert body.count(marker.open_tag()) == 2
    for line in body.splitlines():
        assert line.count("<span") == line.count("</span>")
    found = highlights.find_highlights(body, authoring.presets)
    assert [h.preset_id for h in found] == ["marker", "marker"]
    assert not any(h.problems for h in found)
    editor.undo()
    assert editor.body_text() == HTML_BODY


def test_preset_actions_carry_preset_shortcuts_and_follow_new_presets(editor, authoring):
    """Actions are built from the presets with their shortcuts and rebuilt for a new list."""
    for preset in authoring.presets:
        if preset.kind == "bold":
            continue  # the window's Bold action
        keys = authoring.preset_action(preset.id).shortcut().toString()
        assert keys == QKeySequence(preset.shortcut).toString()
    green = Preset("green", "Green", "Ctrl+Alt+G", "color", "#2e7d32")
    authoring.set_presets([green, *authoring.presets[1:]])
    assert authoring.preset_action("green").shortcut().toString() == \
        QKeySequence("Ctrl+Alt+G").toString()
    with pytest.raises(KeyError):
        authoring.preset_action("red")
    load(editor, HTML_BODY, "html")
    select_phrase(editor, "빵 냄새")
    authoring.preset_action("green").trigger()
    assert green.wrap("빵 냄새") in editor.body_text()


def test_context_menu_offers_presets_and_insert_menu(editor, authoring, qtbot):
    """The editor's context menu adds the preset actions and the Insert submenu."""
    from PySide6.QtWidgets import QMainWindow, QMenu

    window = QMainWindow()
    qtbot.addWidget(window)
    fmt_menu = QMenu("Format", window)
    insert_menu = QMenu("Insert", window)
    authoring.install(window, fmt_menu, insert_menu=insert_menu)
    assert [a.text() for a in fmt_menu.actions()] == \
        [p.name for p in authoring.presets if p.kind != "bold"]
    menu = authoring.context_menu()
    actions = menu.actions()
    for action in authoring.preset_actions():
        assert action in actions
    assert insert_menu.menuAction() in actions


# ------------------------------------------------------------------ blocks


def test_heading_placeholder_is_inserted_after_the_paragraph(editor, authoring):
    """Section Heading in HTML writes the house h2 after the current paragraph, text selected."""
    load(editor, HTML_BODY, "html")
    select(editor, 5, 5)
    authoring.insert_heading(2)
    body = editor.body_text()
    first_end = HTML_BODY.index("</p>") + len("</p>")
    assert body.startswith(HTML_BODY[:first_end] + '\n\n<h2 data-ke-size="size26">')
    assert editor.textCursor().selectedText() == "Section heading"
    editor.undo()
    assert editor.body_text() == HTML_BODY


def test_selected_line_becomes_markdown_heading(editor, authoring):
    """A selected line in Markdown becomes a ### heading with the same text (one undo step)."""
    body = "첫 문단입니다.\n\n소제목이 될 줄\n\n마지막 문단입니다.\n"
    load(editor, body, "markdown")
    select_phrase(editor, "소제목이 될 줄")
    authoring.insert_heading(3)
    assert editor.body_text() == "첫 문단입니다.\n\n### 소제목이 될 줄\n\n마지막 문단입니다.\n"
    assert editor.textCursor().selectedText() == "소제목이 될 줄"
    editor.undo()
    assert editor.body_text() == body


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_spacer_and_rule(editor, authoring, fmt):
    """Spacer and rule blocks are the core's markup for the body's format, each one undo step."""
    body = "<p>문단</p>\n" if fmt == "html" else "문단\n"
    load(editor, body, fmt)
    select(editor, len(body) - 1, len(body) - 1)
    authoring.insert_spacer()
    assert blocks.spacer(fmt) in editor.body_text()
    authoring.insert_rule()
    assert editor.body_text().rstrip().endswith(blocks.rule(fmt))
    editor.undo()
    assert blocks.rule(fmt) not in editor.body_text().replace(blocks.spacer(fmt), "")
    editor.undo()
    assert editor.body_text() == body


def fill_link(text: str, url: str, *, address: str) -> tuple[str, str] | None:
    """Answer the link dialog as a writer would: type the address and press OK."""
    dialog = LinkDialog(text, url)
    dialog.url_edit.setText(address)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    if not ok.isEnabled():
        return None
    return dialog.values()


def test_link_wraps_the_selection(editor, authoring):
    """Link… turns the selected words into a link with the address typed in the dialog."""
    load(editor, HTML_BODY, "html")
    start, _end = select_phrase(editor, "새 가게")
    asked = []

    def answer(text, url):
        asked.append(text)
        return fill_link(text, url, address="https://example.org/가게")

    authoring.prompter.answer("ask_link", answer)
    assert authoring.insert_link()
    assert asked == ["새 가게"]
    markup = '<a href="https://example.org/가게">새 가게</a>'
    assert editor.body_text() == HTML_BODY.replace("새 가게", markup, 1)
    assert selection(editor) == (start, start + len(markup))


def test_link_dialog_refuses_script_addresses(editor, authoring):
    """A javascript: address keeps the dialog's OK button disabled; nothing is written."""
    load(editor, HTML_BODY, "html")
    select_phrase(editor, "새 가게")
    authoring.prompter.answer(
        "ask_link", lambda text, url: fill_link(text, url, address="javascript:alert(1)"))
    assert not authoring.insert_link()
    assert editor.body_text() == HTML_BODY


def answer_table(headers, rows, editing, *, cells, seen):
    """Fill the real table dialog: ``cells`` maps (row, column) to text."""
    seen.append((headers, list(rows), editing))
    dialog = TableDialog(headers, rows, editing)
    for (row, column), text in cells.items():
        dialog.set_cell(row, column, text)
    return dialog.headers(), dialog.rows()


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_table_dialog_creates_then_edits_the_table(editor, authoring, fmt):
    """Summary Table inserts the house table; with the cursor inside it, edits that table."""
    body = "<p>표 앞 문단</p>\n" if fmt == "html" else "표 앞 문단\n"
    load(editor, body, fmt)
    select(editor, 2, 2)
    seen = []
    authoring.prompter.answer("ask_table", lambda h, r, e: answer_table(
        h, r, e, seen=seen, cells={(0, 0): "일시", (0, 1): "토요일 오전", (1, 0): "장소",
                                   (1, 1): "시장 입구"}))
    assert authoring.insert_table()
    rows = [("일시", "토요일 오전"), ("장소", "시장 입구")]
    first = editor.body_text()
    assert tables.build_summary_table(rows, tables.DEFAULT_HEADERS, fmt) in first
    assert seen[0][2] is False

    inside = first.index("토요일")
    select(editor, inside, inside)
    authoring.prompter.answer("ask_table", lambda h, r, e: answer_table(
        h, r, e, seen=seen, cells={(1, 1): "시장 북문", (2, 0): "비용", (2, 1): "무료"}))
    assert authoring.insert_table()
    assert seen[1] == (tables.DEFAULT_HEADERS, rows, True)
    second = editor.body_text()
    new_rows = [("일시", "토요일 오전"), ("장소", "시장 북문"), ("비용", "무료")]
    assert tables.build_summary_table(new_rows, tables.DEFAULT_HEADERS, fmt) in second
    assert second.count("일시") == 1  # edited in place, not a second table
    editor.undo()
    assert editor.body_text() == first


def test_signature_inserted_once_then_updated(editor, authoring):
    """Insert Signature appends the footer once; later calls update the same line."""
    load(editor, HTML_BODY, "html")
    authoring.settings.prefs.signature_text = "골목 소식,"
    authoring.settings.prefs.signature_link_text = "example.org"
    authoring.settings.prefs.signature_url = "https://example.org"
    assert authoring.insert_signature()
    assert not authoring.insert_signature()  # already there: nothing to change
    body = editor.body_text()
    line = blocks.signature("골목 소식,", "example.org", "https://example.org")
    assert body == HTML_BODY + line + "\n"
    authoring.settings.prefs.signature_url = "https://example.net"
    authoring.insert_signature()
    body = editor.body_text()
    assert body.count('rel="dofollow"') == 1
    assert 'href="https://example.net"' in body
    assert editor.textCursor().selectedText() == blocks.signature(
        "골목 소식,", "example.org", "https://example.net")


def test_signature_asks_for_settings_when_none_kept(editor, authoring):
    """Without a kept signature, Insert Signature asks for one first and remembers it."""
    from editor.ui.authoring.block_dialogs import SignatureDialog

    load(editor, "본문\n", "markdown")

    def answer(current):
        dialog = SignatureDialog(current)
        dialog.text_edit.setText("동네 소식,")
        dialog.link_text_edit.setText("site")
        dialog.url_edit.setText("https://example.com")
        return dialog.signature()

    authoring.prompter.answer("ask_signature", answer)
    assert authoring.insert_signature()
    assert authoring.settings.prefs.signature_url == "https://example.com"
    assert editor.body_text() == (
        '본문\n\n동네 소식, <a href="https://example.com" rel="dofollow">site</a>\n')


# ------------------------------------------------------------------ in the main window


def test_window_offers_presets_blocks_and_templates(qtbot, tmp_path):
    """The window's menus carry the presets after Bold and the Insert tools; a preset
    shortcut typed in the editor applies it as one undo step; New Post names both templates."""
    from PySide6.QtCore import Qt

    from editor.ui.shell import dialogs

    window = scripted_window(qtbot)
    post = tmp_path / "post.html"
    post.write_text("---\ntitle: 시험\n---\n" + HTML_BODY, encoding="utf-8")
    assert window.files.open_path(post)

    format_texts = [a.text() for a in window.menus["format"].actions()]
    bold_at = format_texts.index("&Bold")
    assert format_texts[bold_at + 1:bold_at + 4] == ["Red emphasis", "Blue emphasis", "Marker"]
    insert_ids = [a.objectName() for a in window.menus["insert"].actions() if a.objectName()]
    assert insert_ids[:3] == ["action_insert_heading2", "action_insert_heading3",
                              "action_insert_heading4"]
    assert window.highlights.dock.isVisible()
    assert window.highlights.panel.counts() == {}

    window.activateWindow()
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    select_phrase(window.editor, "갓 구운 빵")
    qtbot.keyClick(window.editor, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    red = window.authoring.preset("red")
    assert red.wrap("갓 구운 빵") in window.document.post.body
    qtbot.waitUntil(lambda: window.highlights.panel.counts() == {"red": 1}, timeout=2000)
    window.actions["undo"].trigger()
    assert window.document.post.body == HTML_BODY

    labels = [dialogs._template_label(path) for path in window.files.templates()]
    assert "News article" in labels and "Plain Markdown post" in labels

    # Ctrl+Shift+V pastes plain text where the writer is typing: the title field here.
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QLineEdit

    mime = QMimeData()
    mime.setHtml("<p><b>붙여 넣은</b> 제목</p>")
    mime.setText("붙여 넣은\n제목")
    QGuiApplication.clipboard().setMimeData(mime)
    title = next(w for w in window.form.findChildren(QLineEdit) if w.text() == "시험")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.end(False)
    before = window.editor.body_text()
    window.actions["paste_plain"].trigger()
    assert title.text() == "시험붙여 넣은 제목"
    assert window.editor.body_text() == before
    QGuiApplication.clipboard().clear()

    # The dock's own close button unticks View > Highlights in This Post and is remembered.
    window.highlights.dock.close()
    assert not window.actions["show_highlights"].isChecked()
    assert window.settings.session.pane_visible("highlights") is False
    window.actions["show_highlights"].trigger()
    assert window.highlights.dock.isVisible()


def test_link_keeps_spaces_at_the_selection_edges_outside(editor, authoring):
    """A selection " 주인은 " links the words and keeps both spaces around the link."""
    load(editor, HTML_BODY, "html")
    start = HTML_BODY.index(" 주인은 ")
    select(editor, start, start + len(" 주인은 "))
    asked = []

    def answer(text, url):
        asked.append(text)
        return (text, "https://example.org/")

    authoring.prompter.answer("ask_link", answer)
    assert authoring.insert_link()
    assert asked == ["주인은"]
    assert '열렸습니다. <a href="https://example.org/">주인은</a> 매일' in editor.body_text()


def test_undoing_a_highlight_in_the_window_keeps_the_cursor_there(qtbot):
    """Edit > Undo after a highlight far down the post leaves the cursor on that line."""
    window = scripted_window(qtbot)
    body = "".join(f"<p>Line {n} of a long post about the market.</p>\n" for n in range(150))
    window.editor.set_body_text(body)
    start = body.index("Line 120 ") + len("Line ")
    select(window.editor, start, start + 3)
    preset = next(p for p in window.authoring.presets if p.kind != "bold")
    assert window.authoring.apply_preset(preset.id)
    scrolled = window.editor.verticalScrollBar().value()
    assert scrolled > 0
    window.actions["undo"].trigger()
    assert window.editor.body_text() == body
    assert window.editor.cursor_line_column()[0] == 121
    assert window.editor.verticalScrollBar().value() > 0


def test_a_preset_on_markup_only_says_why_in_the_status_bar(window, tmp_path):
    """A preset on a selection with no text (a spacer) changes nothing and says why."""
    post = tmp_path / "post.html"
    post.write_text('---\ntitle: 시험\n---\n<p data-ke-size="size16">&nbsp;</p>\n<hr />\n',
                    encoding="utf-8")
    assert window.files.open_path(post)
    before = window.editor.body_text()
    select(window.editor, 0, len(before))
    assert not window.authoring.apply_preset("blue")
    assert window.editor.body_text() == before
    message = window.statusBar().currentMessage()
    assert "Blue emphasis" in message and "markup" in message


def test_blue_on_a_whole_h2_line_in_the_window(window, tmp_path):
    """The issue's case: a whole house heading line selected, Blue emphasis applied inside it."""
    post = tmp_path / "post.html"
    post.write_text('---\ntitle: 시험\n---\n<h2 data-ke-size="size26">골목 소식</h2>\n'
                    '<p>본문</p>\n', encoding="utf-8")
    assert window.files.open_path(post)
    text = window.editor.body_text()
    select(window.editor, 0, text.index("\n") + 1)
    window.authoring.preset_action("blue").trigger()
    blue = window.authoring.preset("blue")
    assert f'<h2 data-ke-size="size26">{blue.wrap("골목 소식")}</h2>' in window.document.post.body
