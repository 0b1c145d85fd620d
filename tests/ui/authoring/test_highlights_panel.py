"""Tests for editor.ui.authoring.highlights_panel: highlights listed, counted, warned, jumped to."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from editor.authoring.highlights import find_highlights, load_presets
from editor.document.post import Post
from editor.ui.authoring.highlights_panel import ALL, PROBLEMS, UNMATCHED, HighlightsPanel
from editor.ui.preview.pane import PreviewPane
from editor.ui.source.editor import SourceEditor

TIMEOUT = 15_000
RED = '<b><span style="color: #ee2323;">{}</span></b>'
BLUE = '<b><span style="color: #1a5490;">{}</span></b>'
MARKER = '<b><span style="background-color: #21538527;">{}</span></b>'

BODY = "\n".join([
    f"<p>첫 문장입니다. {RED.format('빨간 첫째')} 그리고 {BLUE.format('파란 하나')}.</p>",
    f"<p>{MARKER.format('표시한 문장')} 뒤에 {RED.format('빨간 둘째')}.</p>",
    # A typo in a colour, an empty highlight and a nested one.
    '<p><b><span style="color: #ee2332;">오타 색</span></b> '
    f"{RED.format('')} {RED.format('바깥 ' + BLUE.format('안쪽'))}</p>",
    "",
])


@pytest.fixture
def editor(qtbot) -> SourceEditor:
    """A shown source editor holding BODY."""
    widget = SourceEditor()
    qtbot.addWidget(widget)
    widget.set_body_text(BODY)
    widget.resize(600, 300)
    widget.show()
    return widget


@pytest.fixture
def panel(qtbot, editor) -> HighlightsPanel:
    """The panel on ``editor`` with the bundled presets."""
    widget = HighlightsPanel(editor, load_presets().presets)
    qtbot.addWidget(widget)
    widget.resize(320, 500)
    widget.show()
    return widget


def labels(panel: HighlightsPanel) -> list[str]:
    """Texts of the top-level rows of the tree."""
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


def test_lists_every_highlight_in_order_with_counts(panel):
    """Entries follow the text, grouped under presets whose labels carry the counts."""
    expected = find_highlights(BODY, panel.presets)
    assert [h.text for h in panel.highlights()] == [h.text for h in expected]
    assert panel.counts() == {"red": 4, "blue": 2, "marker": 1, None: 1}
    assert labels(panel) == ["Red emphasis (4)", "Blue emphasis (2)", "Marker (1)",
                             "No preset (1)"]
    assert [item.text(0) for item in panel.entry_items()] == \
        [h.text or "(empty)" for h in expected]
    filters = [panel.filter_box.itemText(i) for i in range(panel.filter_box.count())]
    assert filters[0] == "All highlights (8)"
    assert "Red emphasis (4)" in filters and "Bold (0)" in filters


def test_flat_list_and_filters(panel):
    """Ungrouped, the list is in document order; a filter keeps one preset or the problems."""
    panel.set_grouped(False)
    assert len(labels(panel)) == 8
    panel.set_filter("red")
    assert [item.text(0) for item in panel.entry_items()] == \
        ["빨간 첫째", "빨간 둘째", "(empty)", "바깥 안쪽"]
    panel.set_filter(UNMATCHED)
    assert [item.text(0) for item in panel.entry_items()] == ["오타 색"]
    panel.set_filter(PROBLEMS)
    assert [item.text(0) for item in panel.entry_items()] == ["오타 색", "(empty)", "안쪽"]
    panel.set_filter(ALL)
    assert len(panel.entry_items()) == 8


def test_warnings_for_unknown_colour_empty_and_nested(panel):
    """Problems of the core are shown: summary count, warning icon and the reason as tooltip."""
    assert "3 warnings" in panel.summary.text()
    tips = {item.text(0): item.toolTip(0) for item in panel.entry_items()}
    assert "Text colour #ee2332 matches no preset" in tips["오타 색"]
    assert "Empty highlight" in tips["(empty)"]
    assert "Nested inside another highlight" in tips["안쪽"]
    unknown = next(i for i in panel.entry_items() if i.text(0) == "오타 색")
    assert not unknown.icon(0).isNull()


def test_updates_after_a_pause_in_typing_without_taking_focus(qtbot):
    """A new highlight typed in the editor appears after the pause; focus stays in the editor."""
    host = QWidget()
    qtbot.addWidget(host)
    editor = SourceEditor(host)
    editor.set_body_text(BODY)
    panel = HighlightsPanel(editor, load_presets().presets, parent=host)
    row = QHBoxLayout(host)
    row.addWidget(editor)
    row.addWidget(panel)
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(BLUE.format("새로 쓴 말"))
    assert panel.is_pending()
    assert panel.counts()["blue"] == 2  # not rescanned on the keystroke itself
    qtbot.waitUntil(lambda: panel.counts().get("blue") == 3, timeout=2000)
    assert "Blue emphasis (3)" in labels(panel)
    assert editor.hasFocus()
    assert QApplication.focusWidget() is editor


def test_clicking_an_entry_selects_the_phrase(qtbot, editor, panel):
    """A click on an entry selects the phrase (inside the markup) in the source editor."""
    item = next(i for i in panel.entry_items() if i.text(0) == "빨간 둘째")
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = editor.textCursor()
    assert cursor.selectedText() == "빨간 둘째"
    assert cursor.blockNumber() == 1
    # Enter on the entry also moves the keyboard focus into the editor.
    panel.tree.setCurrentItem(item)
    panel.tree.itemActivated.emit(item, 0)
    assert editor.textCursor().selectedText() == "빨간 둘째"


def test_presets_changed_rematch(panel):
    """With a preset for the typo colour, that highlight is matched and its warning goes."""
    from editor.authoring.highlights import Preset

    panel.set_presets([*panel.presets, Preset("rose", "Rose", "", "color", "#ee2332")])
    assert panel.counts().get("rose") == 1
    assert None not in panel.counts()
    assert "Rose (1)" in labels(panel)


def test_typing_outside_highlights_keeps_the_list_and_entries_follow_the_text(
        qtbot, editor, panel):
    """The list is not built again when only offsets moved; entries still find phrases."""
    first_entry = panel.entry_items()[0]
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("앞에 더한 말 ")
    panel.refresh()
    assert panel.entry_items()[0] is first_entry  # the same row, not a new one
    item = next(i for i in panel.entry_items() if i.text(0) == "빨간 둘째")
    panel.tree.itemActivated.emit(item, 0)
    assert editor.textCursor().selectedText() == "빨간 둘째"


def test_renamed_presets_are_listed_by_their_new_names(panel):
    """Same ids, other names: the list is built again even though the scan finds the same."""
    from dataclasses import replace

    renamed = [replace(p, name=f"{p.name} 새 이름") for p in panel.presets]
    panel.set_presets(renamed)
    assert "Red emphasis 새 이름 (4)" in labels(panel)


def test_click_scrolls_the_preview_to_the_line(qtbot):
    """With a preview, choosing an entry scrolls the page so the phrase's block is on top."""
    paragraphs = [f"<p>문단 {n}: 저녁마다 열람실에 모이는 사람들의 이야기.</p>" for n in range(60)]
    paragraphs[45] = f"<p>문단 45: {RED.format('여기까지 내려온다')}.</p>"
    body = "\n\n".join(paragraphs) + "\n"
    editor = SourceEditor()
    qtbot.addWidget(editor)
    editor.set_body_text(body)
    preview = PreviewPane(offline=True)
    qtbot.addWidget(preview)
    preview.resize(800, 600)
    preview.show()
    with qtbot.waitSignal(preview.renderFinished, timeout=TIMEOUT):
        preview.show_post(Post.new({"title": "긴 글"}, body, fmt="html"))
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=TIMEOUT)
    panel = HighlightsPanel(editor, load_presets().presets, preview=preview)
    qtbot.addWidget(panel)

    def js(script):
        box = {}
        preview.run_js(script, lambda value: box.setdefault("value", value))
        qtbot.waitUntil(lambda: "value" in box, timeout=TIMEOUT)
        return box["value"]

    tops = dict(json.loads(js(
        "JSON.stringify(Array.from(document.querySelectorAll('#post-body [data-source-line]'))"
        ".map(e => [+e.dataset.sourceLine, e.getBoundingClientRect().top + scrollY]))")))
    line = panel.highlights()[0].line
    assert line == 91 and line in tops
    panel.select_highlight(0)
    assert editor.textCursor().selectedText() == "여기까지 내려온다"
    qtbot.waitUntil(lambda: abs(js("scrollY") - tops[line]) <= 1, timeout=TIMEOUT)


def test_long_body_is_scanned_in_the_background_and_the_list_is_capped(qtbot):
    """A long body is scanned off the UI thread; the list stops at MAX_ENTRIES with a note."""
    from editor.ui.authoring import highlights_panel

    line = f"<p>긴 글의 한 줄입니다. {RED.format('강조')} 그리고 {BLUE.format('또 강조')}.</p>\n"
    body = line * (highlights_panel.BACKGROUND_SCAN_CHARS // len(line) + 10)
    editor = SourceEditor()
    qtbot.addWidget(editor)
    panel = HighlightsPanel(editor, load_presets().presets)
    qtbot.addWidget(panel)
    panel.show()
    editor.set_body_text(body)
    panel.request_refresh()
    assert panel.is_pending()  # handed to a worker, not scanned in this call
    qtbot.waitUntil(lambda: not panel.is_pending(), timeout=TIMEOUT)
    pairs = body.count("<p>")
    assert panel.counts() == {"red": pairs, "blue": pairs}
    panel.set_grouped(False)
    assert len(panel.entry_items()) == highlights_panel.MAX_ENTRIES
    last = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1).text(0)
    assert f"{2 * pairs - highlights_panel.MAX_ENTRIES} more" in last
    # One icon per preset, painted once, not once per entry.
    icons = {item.icon(0).cacheKey() for item in panel.entry_items()}
    assert len(icons) == 2


def test_hidden_panel_catches_up_when_shown(qtbot, editor):
    """While hidden the panel skips rescans; showing it brings the list up to date."""
    panel = HighlightsPanel(editor, load_presets().presets, delay_ms=10)
    qtbot.addWidget(panel)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(MARKER.format("숨은 동안 쓴 말"))
    qtbot.wait(100)
    assert panel.counts()["marker"] == 1
    panel.show()
    qtbot.waitUntil(lambda: panel.counts()["marker"] == 2, timeout=2000)


def test_a_scan_ending_after_the_panel_is_gone_is_dropped_quietly(qtbot) -> None:
    import shiboken6

    from editor.ui.authoring.highlights_panel import _ScanJob, _ScanRelay

    relay = _ScanRelay()
    job = _ScanJob(1, BODY, load_presets().presets, relay)
    shiboken6.delete(relay)  # the window closed while the scan ran
    job.run()  # emitting on the deleted relay would raise RuntimeError


def test_a_failed_scan_keeps_the_list_and_lets_the_next_one_run(qtbot, editor, monkeypatch):
    from editor.ui.authoring import highlights_panel

    panel = HighlightsPanel(editor, load_presets().presets, delay_ms=0)
    qtbot.addWidget(panel)
    panel.refresh()
    listed = panel.highlights()
    assert listed

    def fail(*_args):
        raise ValueError("scan failed")

    class FailingPool:
        run = staticmethod(fail)

    received = []
    relay = highlights_panel._ScanRelay()
    relay.done.connect(lambda generation, result: received.append(result))
    highlights_panel._ScanJob(1, BODY, load_presets().presets, relay, FailingPool()).run()
    assert received == [(BODY, None)]
    panel._scanning = True
    panel._on_scanned(panel._generation, received[0])
    assert not panel.is_pending() and panel.highlights() == listed


def test_long_scan_waits_while_the_preview_renders(qtbot):
    """A background scan does not compete with a preview render; it runs once that is done."""
    from editor.ui.authoring import highlights_panel

    class Preview:
        busy = True

        def is_busy(self) -> bool:
            return self.busy

        def scroll_to_source_line(self, line: int) -> None:
            pass

    line = f"<p>기다리는 검사 {RED.format('강조')}.</p>\n"
    body = line * (highlights_panel.BACKGROUND_SCAN_CHARS // len(line) + 10)
    editor = SourceEditor()
    qtbot.addWidget(editor)
    preview = Preview()
    panel = HighlightsPanel(editor, load_presets().presets, preview=preview)
    qtbot.addWidget(panel)
    panel.show()
    editor.set_body_text(body)
    panel.request_refresh()
    qtbot.wait(highlights_panel.PREVIEW_FIRST_MS * 3)
    assert panel.is_pending() and not panel._scanning  # waiting, not scanning
    assert panel.counts() == {}
    preview.busy = False
    qtbot.waitUntil(lambda: not panel.is_pending(), timeout=TIMEOUT)
    assert panel.counts() == {"red": body.count("<p>")}
