"""File > Close leaves a start page (New, Open, recent files), not an empty post with errors."""

from __future__ import annotations

from pathlib import Path

from editor.ui.shell import dialogs


def write_post(path: Path, title: str) -> Path:
    path.write_text(f"---\ntitle: {title}\n---\n\n<p>{title}.</p>\n", encoding="utf-8")
    return path


def test_close_shows_the_start_page_with_recent_files(qtbot, window, tmp_path):
    """After Close: the start page lists the recent file, the checklist is hidden, Save off."""
    post = write_post(tmp_path / "harbour.md", "Harbour")
    assert window.files.open_path(post)
    window.actions["show_checklist"].setChecked(True)
    window.actions["close"].trigger()
    assert window.central.is_showing_start_page()
    assert window.start_page.isVisible()
    assert not window.checklist.isVisible()
    assert not window.actions["save"].isEnabled()
    items = [window.start_page.recent_list.item(i).text()
             for i in range(window.start_page.recent_list.count())]
    assert items and items[0].startswith("harbour.md — ")

    # Choosing the recent file opens it; the panes and the checklist come back.
    window.start_page.recentChosen.emit(str(post.resolve()))
    assert not window.central.is_showing_start_page()
    assert window.document.path == post.resolve()
    assert window.checklist.isVisible()
    assert window.actions["save"].isEnabled()


def test_start_page_new_starts_a_post(qtbot, window, prompter, tmp_path):
    """New Post… on the start page starts a post from a template and shows the panes."""
    assert window.files.open_path(write_post(tmp_path / "one.md", "One"))
    window.actions["close"].trigger()
    assert window.central.is_showing_start_page()
    prompter.answer("choose_template", lambda templates: templates[0])
    window.start_page.new_button.click()
    assert not window.central.is_showing_start_page()
    assert window.source.isVisible()


def test_close_with_unsaved_changes_cancel_keeps_the_post(qtbot, window, prompter, tmp_path):
    """Cancel at the Save/Discard question keeps the post and no start page appears."""
    assert window.files.open_path(write_post(tmp_path / "two.md", "Two"))
    window.editor.insertPlainText("x")
    prompter.queue("ask_save_discard", dialogs.CANCEL)
    window.actions["close"].trigger()
    assert not window.central.is_showing_start_page()
    assert window.document.path is not None
