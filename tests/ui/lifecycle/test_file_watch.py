"""Tests for the file watch: external changes, deletes and renames, own saves, save protection."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.document import storage
from editor.ui.lifecycle import file_watch

POST = "---\ntitle: Night market\n---\n" + "".join(
    f"Stall {n} sells dumplings and tea.\n\n" for n in range(1, 120))
THEIRS = POST.replace("Stall 3 sells", "Stall 3 now sells")


@pytest.fixture
def post_file(tmp_path) -> Path:
    """A post long enough to scroll."""
    path = tmp_path / "market.md"
    path.write_text(POST, "utf-8")
    return path


def replace_like_an_editor(path: Path, text: str) -> None:
    """Save the way most editors do: a new file renamed over the old (new inode)."""
    temp = path.with_name(path.name + ".swp")
    temp.write_text(text, "utf-8")
    os.replace(temp, path)


def bump(path: Path, text: str) -> None:
    """Rewrite in place, making sure the stamp changes even on coarse clocks."""
    before = path.stat().st_mtime_ns
    path.write_text(text, "utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def test_external_change_without_edits_reloads_keeping_cursor_and_scroll(qtbot, window,
                                                                         post_file):
    """No local edits: the new text appears by itself; cursor and scroll stay where they were."""
    window.files.open_path(post_file)
    editor = window.editor
    editor.resize(500, 200)
    cursor = editor.textCursor()
    cursor.setPosition(900)
    editor.setTextCursor(cursor)
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)
    scroll = editor.verticalScrollBar().value()
    assert scroll > 0
    replace_like_an_editor(post_file, THEIRS)
    qtbot.waitUntil(lambda: "Stall 3 now sells" in editor.body_text(), timeout=3000)
    assert not window.document.is_modified()
    assert not window.file_watch.bar.isVisible()
    assert editor.textCursor().position() == 900
    assert editor.verticalScrollBar().value() == scroll
    # The rename replaced the inode: the watch must have been re-armed for a second change.
    replace_like_an_editor(post_file, THEIRS.replace("Stall 4 sells", "Stall 4 closed, sells"))
    qtbot.waitUntil(lambda: "Stall 4 closed" in editor.body_text(), timeout=3000)


def test_in_place_write_is_noticed(qtbot, window, post_file):
    """A program that rewrites the file in place (same inode) is noticed too."""
    window.files.open_path(post_file)
    bump(post_file, THEIRS)
    qtbot.waitUntil(lambda: "Stall 3 now sells" in window.editor.body_text(), timeout=3000)


def test_external_change_with_edits_shows_bar_not_dialog(qtbot, window, post_file):
    """Local edits and an external change: the bar offers Reload, Keep Mine and Compare."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    replace_like_an_editor(post_file, THEIRS)
    bar = window.file_watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert bar.state == "changed"
    assert "market.md" in bar.label.text()
    assert bar.reload_button.isVisible() and bar.keep_button.isVisible()
    assert bar.compare_button.isVisible()
    assert window.editor.body_text().startswith("Mine: ")  # nothing replaced behind our back
    assert window.document.is_modified()


def test_reload_from_bar_drops_local_edits(qtbot, window, post_file):
    """Reload loads the disk version; ours is gone and the document is clean."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    replace_like_an_editor(post_file, THEIRS)
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=3000)
    window.file_watch.bar.reload_button.click()
    assert window.document.post.text() == THEIRS
    assert not window.document.is_modified()
    assert not window.file_watch.bar.isVisible()


def test_keep_mine_then_save_writes_ours_without_asking(qtbot, window, prompter, post_file):
    """Keep Mine hides the bar; the writer already chose, so Save does not ask again."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    replace_like_an_editor(post_file, THEIRS)
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=3000)
    window.file_watch.bar.keep_button.click()
    assert not window.file_watch.bar.isVisible()
    assert window.editor.body_text().startswith("Mine: ")
    assert window.files.save_document()
    assert prompter.questions("ask_overwrite_changed") == []
    assert post_file.read_text("utf-8").startswith("---\ntitle: Night market\n---\nMine: ")


def test_compare_shows_both_versions(qtbot, window, prompter, post_file):
    """Compare hands a diff of disk version and ours to the diff view."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    replace_like_an_editor(post_file, THEIRS)
    qtbot.waitUntil(window.file_watch.bar.isVisible, timeout=3000)
    window.file_watch.bar.compare_button.click()
    assert len(prompter.diffs) == 1
    title, diff = prompter.diffs[0]
    assert "market.md" in title
    assert "-Stall 3 now sells" in diff  # on disk only
    assert "+Stall 3 sells" in diff  # ours
    assert "+Mine: Stall 1" in diff
    assert window.file_watch.bar.isVisible()  # comparing decides nothing


def test_own_save_does_not_raise_bar(qtbot, window, post_file):
    """Our own (atomic) saves are recognised by their disk stamp: no bar, no reload."""
    window.files.open_path(post_file)
    for word in ("One ", "Two ", "Three "):
        QTest.keyClicks(window.editor, word)
        assert window.files.save_document()
        qtbot.wait(file_watch.CHECK_DELAY_MS + 150)
        assert not window.file_watch.bar.isVisible()
    assert window.editor.body_text().startswith("One Two Three Stall 1")
    assert "Reloaded" not in window.statusBar().currentMessage()
    # The watch survived our renames: someone else's change is still noticed.
    bump(post_file, THEIRS)
    qtbot.waitUntil(lambda: "Stall 3 now sells" in window.editor.body_text(), timeout=3000)


@pytest.mark.parametrize("how", ["delete", "rename"])
def test_deleted_or_renamed_file_keeps_text_as_unsaved(qtbot, window, post_file, how):
    """A vanished file is reported in the bar; the text stays, marked unsaved."""
    window.files.open_path(post_file)
    if how == "delete":
        post_file.unlink()
    else:
        post_file.rename(post_file.with_name("elsewhere.md"))
    bar = window.file_watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert bar.state == "missing"
    assert "deleted or renamed" in bar.label.text()
    assert window.editor.body_text() == POST.split("---\n", 2)[2]
    assert window.document.is_modified()
    assert window.document.path == post_file
    # Saving writes the file again, without an overwrite question.
    assert window.files.save_document()
    assert post_file.read_text("utf-8") == POST
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)


@pytest.mark.parametrize(("answer", "expected_start"), [
    (file_watch.CANCEL, "---\ntitle: Night market\n---\nStall 1"),
    (file_watch.OVERWRITE, "---\ntitle: Night market\n---\nMine: "),
])
def test_save_over_changed_file_asks_first(qtbot, window, prompter, post_file, answer,
                                           expected_start):
    """Save never overwrites a file changed on disk without asking; the answer is obeyed."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    # Changed behind our back and saved before the watch even reacts.
    bump(post_file, THEIRS)
    prompter.queue("ask_overwrite_changed", answer)
    saved = window.files.save_document()
    assert prompter.questions("ask_overwrite_changed") == [("market.md",)]
    assert saved == (answer == file_watch.OVERWRITE)
    assert post_file.read_text("utf-8").startswith(expected_start)
    if answer == file_watch.CANCEL:
        assert post_file.read_text("utf-8") == THEIRS
        assert window.document.is_modified()


def test_save_over_changed_file_can_save_elsewhere(qtbot, window, prompter, post_file, tmp_path):
    """Save As from the overwrite question leaves the changed file alone."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    bump(post_file, THEIRS)
    prompter.queue("ask_overwrite_changed", file_watch.SAVE_AS)
    prompter.answer("ask_file_save", tmp_path / "mine.md")
    assert window.files.save_document()
    assert post_file.read_text("utf-8") == THEIRS
    assert (tmp_path / "mine.md").read_text("utf-8").startswith(
        "---\ntitle: Night market\n---\nMine: ")
    assert window.document.path == tmp_path / "mine.md"


def test_unchanged_file_saves_without_question(qtbot, window, prompter, post_file):
    """When nobody touched the file, Save just saves."""
    window.files.open_path(post_file)
    QTest.keyClicks(window.editor, "Mine: ")
    assert window.files.save_document()
    assert prompter.questions("ask_overwrite_changed") == []


def test_stale_temps_of_killed_saves_are_removed_on_open(window, post_file):
    """Opening a file deletes old temp files an interrupted save of it left behind."""
    stale = post_file.parent / f".{post_file.name}.ab12cd34.tmp"
    stale.write_text("half a save")
    fresh = post_file.parent / f".{post_file.name}.zz99yy88.tmp"
    fresh.write_text("a save running right now")
    other = post_file.parent / ".other.md.ab12cd34.tmp"
    other.write_text("someone else's")
    old = time.time() - storage.STALE_TEMP_AGE_S - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    window.files.open_path(post_file)
    assert not stale.exists()
    assert fresh.exists()  # too young: could belong to a save in progress
    assert other.exists()  # not this file's


def test_reload_keeps_selection_when_text_shrinks(qtbot, window, post_file):
    """A reload to a shorter text clamps the cursor instead of failing."""
    window.files.open_path(post_file)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    bump(post_file, "---\ntitle: Short\n---\nTiny.\n")
    qtbot.waitUntil(lambda: window.editor.body_text() == "Tiny.\n", timeout=3000)
    assert window.editor.textCursor().position() <= len("Tiny.\n")
