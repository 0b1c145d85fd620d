"""Tests for opening big posts in the background: the window keeps running, the text is whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest

from editor.ui.lifecycle import big_file

PARAGRAPH = ("The lighthouse keeper wrote down every ship, its flag and the hour it passed, "
             "and in winter the list grew short.\n\n")


@pytest.fixture(scope="module")
def big_post(tmp_path_factory) -> Path:
    """A 10 MB Markdown post."""
    path = tmp_path_factory.mktemp("big") / "logbook.md"
    body = PARAGRAPH * (10_000_000 // len(PARAGRAPH) + 1)
    path.write_text(f"---\ntitle: Logbook\n---\n{body}", "utf-8")
    return path


def test_big_post_opens_in_background_with_progress(qtbot, window, big_post):
    """open_path returns at once; timers keep firing while it loads; then the text is whole."""
    ticks = []
    clock = QElapsedTimer()
    clock.start()
    ticker = QTimer(interval=10)
    ticker.timeout.connect(lambda: ticks.append(clock.elapsed()))
    ticker.start()
    assert window.files.open_path(big_post)
    assert window.loader.is_loading()
    assert window.loader.progress.isVisible()
    assert window.editor.isReadOnly()  # nothing typed into a half-loaded text
    assert window.document.path is None  # the switch happens once the editor is filled
    with qtbot.waitSignal(window.loader.finished, timeout=60000) as finished:
        pass
    ticker.stop()
    assert finished.args == [True]
    body = big_post.read_text("utf-8").split("---\n", 2)[2]
    assert window.document.path == big_post
    assert window.document.post.body == body
    assert window.editor.body_text() == body
    assert not window.document.is_modified()
    assert not window.editor.isReadOnly()
    assert not window.loader.progress.isVisible()
    # The event loop ran all along: many ticks, spread over the whole load.
    assert len(ticks) >= 20
    assert window.settings.session.recent_files[0] == str(big_post.resolve())


def test_editing_big_post_counts_in_background(qtbot, window, big_post):
    """Typing into a big post updates the model; the new word count arrives from a worker."""
    # Generous ceilings: the waits end on the events, not on the clock.
    window.files.open_path(big_post)
    with qtbot.waitSignal(window.loader.finished, timeout=180_000):
        pass
    label = window.status_fields.counts_label
    qtbot.waitUntil(lambda: "words" in label.text(), timeout=180_000)
    before = int(label.text().split(" words")[0].replace(",", ""))
    with qtbot.waitSignal(
        window.loader.countShown,
        timeout=180_000,
        check_params_cb=lambda body, stats: body.startswith("Storm The lighthouse"),
    ) as shown:
        QTest.keyClicks(window.editor, "Storm ")
        assert window.document.post.body.startswith("Storm The lighthouse")
        assert window.document.is_modified()
        assert window.loader.stats_in_background(window.document.post)  # not counted inline
    assert shown.args[1].words == before + 1
    assert label.text().startswith(f"{before + 1:,} words")


def test_small_file_opens_synchronously(window, tmp_path):
    """Below the threshold nothing changes: the file is open when open_path returns."""
    path = tmp_path / "small.md"
    path.write_text("---\ntitle: Small\n---\nShort.\n", "utf-8")
    assert not big_file.BigFileLoader.wants(path)
    assert window.files.open_path(path)
    assert window.document.path == path


def test_unreadable_big_file_reports_error(qtbot, window, tmp_path):
    """A big file that is not text fails at once with a message; the window stays as it was."""
    path = tmp_path / "binary.md"
    path.write_bytes(b"\x00\xff" * big_file.BIG_FILE_BYTES)
    assert not window.files.open_path(path)
    assert not window.loader.is_loading()
    errors = window.prompter.errors
    assert len(errors) == 1 and "binary.md" in errors[0][1]
    assert window.document.path is None
    assert not window.editor.isReadOnly()


def test_while_a_big_post_opens_the_window_says_so(qtbot, window, prompter, big_post, tmp_path):
    """Opening a big post over an edited one: no "*old" title, no stale checklist, typed keys
    answered in the status bar, and no "Opening…" left once it is open."""
    from PySide6.QtCore import Qt

    from editor.ui.shell import dialogs

    old = tmp_path / "old.md"
    old.write_text("---\ntitle: ''\n---\nOld text.\n", "utf-8")
    assert window.files.open_path(old)
    window.actions["show_checklist"].setChecked(True)
    window.checklist.refresh()
    assert window.checklist.problems()  # the old post has no title
    window.editor.insertPlainText("edited ")
    assert window.isWindowModified()
    prompter.queue("ask_save_discard", dialogs.DISCARD)
    assert window.files.open_path(big_post)
    assert window.loader.is_loading()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("Opening logbook.md")
    assert window.checklist.problems() == []
    assert not window.form.isEnabled()
    qtbot.keyClick(window.editor, Qt.Key.Key_A)
    assert "Still opening" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.loader.finished, timeout=60000):
        pass
    assert "Opening" not in window.statusBar().currentMessage()
    assert "logbook.md" in window.windowTitle() and not window.isWindowModified()
    assert window.form.isEnabled()
    assert window.document.post.body.startswith("The lighthouse")
