"""Tests for the publish checklist panel and File > Publish…."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor.site.checks import EXCERPT_LIMIT
from editor.ui.shell.main_window import MainWindow
from editor.ui.site.checklist_panel import CHECK_DELAY_MS
from tests.ui.windows import scripted_window

LONG_EXCERPT = "가" * (EXCERPT_LIMIT + 20)
BROKEN = f"""---
title: ''
excerpt: {LONG_EXCERPT}
---

첫 문단입니다.

<img src="https://example.com/a.png">
"""
GOOD = """---
title: 봄맞이 벼룩시장
excerpt: 이번 주말 공원에서 벼룩시장이 열립니다.
---

공원 입구에서 오전 열 시에 시작합니다.
"""


def make_site(root: Path, name: str, text: str) -> Path:
    """A Jekyll site holding one draft ``name`` with ``text``."""
    (root / "_drafts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: 동네\n", encoding="utf-8")
    draft = root / "_drafts" / name
    draft.write_text(text, encoding="utf-8")
    return draft


@pytest.fixture
def window(window) -> MainWindow:
    """The shared window (tests/ui/conftest.py) with the checklist panel visible."""
    window.actions["show_checklist"].setChecked(True)
    return window


def texts(window: MainWindow) -> list[str]:
    """The lines the checklist list shows."""
    panel = window.checklist
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_shows_missing_title_error_and_long_excerpt_warning(window, tmp_path):
    """A post without a title and with an over-long excerpt lists one error and a warning."""
    window.files.open_path(make_site(tmp_path, "broken.md", BROKEN))
    window.checklist.refresh()
    problems = window.checklist.problems()
    levels = {(p.level, p.field) for p in problems}
    assert ("error", "title") in levels
    assert ("warning", "excerpt") in levels
    assert any("no title" in line for line in texts(window))
    assert "1 error" in window.checklist.summary.text()
    assert window.checklist.isVisible()
    assert window.settings.session.pane_visible("checklist") is True


def test_updates_after_an_edit_fixes_the_title(window, qtbot, tmp_path):
    """Giving the post a title clears the error after the typing pause, not at once."""
    window.files.open_path(make_site(tmp_path, "broken.md", BROKEN))
    window.checklist.refresh()
    window.document.set_field("title", "새 제목")
    # Still the old list right after the edit: the check waits for a pause.
    assert any(p.field == "title" for p in window.checklist.problems())
    assert window.checklist.timer.isActive()
    qtbot.waitUntil(lambda: not any(p.field == "title" for p in window.checklist.problems()),
                    timeout=CHECK_DELAY_MS * 4)
    assert "0 error" in window.checklist.summary.text()


def test_long_post_is_checked_in_the_helper_process(window, qtbot, tmp_path, monkeypatch):
    """A long post's check runs away from the window and its result still shows."""
    from editor.ui.site import checklist_panel

    calls = []
    real_run = window.preview.pool.run

    def recording_run(fn, *args):
        calls.append(fn.__name__)
        return real_run(fn, *args)

    monkeypatch.setattr(window.preview.pool, "run", recording_run)
    long_body = "\n\n".join(f"문단 {i} 입니다." for i in range(30_000))
    assert len(long_body) >= checklist_panel.BIG_BODY_CHARS
    draft = make_site(tmp_path, "long.md", GOOD + long_body + "\n")
    window.files.open_path(draft)
    # The list of the empty window before (no title) gives way to the opened post's.
    qtbot.waitUntil(lambda: window.checklist.problems() == []
                    and window.checklist.summary.text() != "Checking…", timeout=120_000)
    assert "check_text" in calls
    window.document.set_field("title", "")
    qtbot.waitUntil(lambda: any(p.field == "title" for p in window.checklist.problems()),
                    timeout=120_000)
    assert calls.count("check_text") >= 2


def test_long_post_check_waits_while_the_preview_renders(window, qtbot, tmp_path,
                                                        monkeypatch):
    """The check of a long post does not compete with a preview render."""
    from editor.ui.site import checklist_panel

    long_body = "\n\n".join(f"문단 {i} 입니다." for i in range(30_000))
    draft = make_site(tmp_path, "long.md", GOOD + long_body + "\n")
    window.files.open_path(draft)
    qtbot.waitUntil(lambda: window.checklist.problems() == []
                    and window.checklist.summary.text() != "Checking…", timeout=120_000)
    calls = []
    real_run = window.preview.pool.run

    def recording_run(fn, *args):  # the preview (the site's page once built) still renders
        if fn.__name__ != "check_text":
            return real_run(fn, *args)
        calls.append(fn.__name__)
        return []

    monkeypatch.setattr(window.preview.pool, "run", recording_run)
    wiring = window.checklist.wiring
    window.checklist.wiring = dataclasses.replace(wiring, preview_busy=lambda: True)
    window.checklist._refresh_after_pause()
    qtbot.wait(checklist_panel.PREVIEW_FIRST_MS * 3)
    assert calls == [] and window.checklist.timer.isActive()
    window.checklist.wiring = dataclasses.replace(wiring, preview_busy=lambda: False)
    qtbot.waitUntil(lambda: "check_text" in calls, timeout=5000)


def test_clicking_a_body_problem_jumps_to_its_line(window, qtbot, tmp_path):
    """The image-without-alt warning puts the editor cursor on the <img> line of the body."""
    window.files.open_path(make_site(tmp_path, "broken.md", BROKEN))
    window.checklist.refresh()
    panel = window.checklist
    row = next(i for i in range(panel.list.count()) if "alt" in panel.list.item(i).text())
    problem = panel.problems()[row]
    assert problem.line is not None and problem.field is None
    item = panel.list.item(row)
    panel.list.itemClicked.emit(item)
    line, _ = window.editor.cursor_line_column()
    body_lines = window.document.post.body.split("\n")
    assert body_lines[line - 1].startswith("<img")
    assert line == problem.line - window.document.post.body_start_line + 1


def test_clicking_a_field_problem_focuses_the_form_field(window, qtbot, tmp_path):
    """The missing-title error focuses the form's title field (showing the form if hidden)."""
    window.files.open_path(make_site(tmp_path, "broken.md", BROKEN))
    window.actions["show_form"].setChecked(False)
    window.checklist.refresh()
    panel = window.checklist
    window.activateWindow()
    assert panel.jump_to(next(p for p in panel.problems() if p.field == "title")) == "field"
    title_editor = window.form.editor("title")
    assert window.form.isVisible()
    qtbot.waitUntil(lambda: title_editor.isAncestorOf(QApplication.focusWidget())
                    or QApplication.focusWidget() is title_editor)


def test_publish_moves_a_clean_draft_into_posts_with_todays_date(window, prompter, tmp_path):
    """Publish: the draft is saved, moved to _posts/YYYY-MM-DD-slug.md and reopened there."""
    draft = make_site(tmp_path, "flea-market.md", GOOD)
    window.files.open_path(draft)
    window.document.set_field("excerpt", "토요일 오전 열 시에 시작합니다.")
    assert window.document.is_modified()
    prompter.queue("confirm", True)
    published = window.export.publish_post()
    expected = tmp_path / "_posts" / f"{date.today():%Y-%m-%d}-flea-market.md"
    assert published == expected and expected.is_file()
    assert not draft.exists()
    assert "토요일 오전 열 시에 시작합니다." in expected.read_text(encoding="utf-8")
    assert window.document.path == expected
    assert not window.document.is_modified()
    (_title, question), = prompter.questions("confirm")
    assert "_drafts/flea-market.md" in question and f"_posts/{expected.name}" in question
    assert prompter.errors == []
    assert str(draft.resolve()) not in window.settings.session.recent_files


def test_publish_refuses_with_errors_unless_overridden(window, prompter, tmp_path):
    """Errors stop Publish when the writer declines; overriding publishes anyway."""
    draft = make_site(tmp_path, "broken.md", BROKEN)
    window.files.open_path(draft)
    prompter.queue("confirm_publish_anyway", False)
    assert window.export.publish_post() is None
    assert draft.is_file() and not (tmp_path / "_posts").exists()
    (problems,) = prompter.questions("confirm_publish_anyway")[0]
    assert [p.field for p in problems] == ["title"]

    prompter.queue("confirm_publish_anyway", True)
    prompter.queue("confirm", True)
    published = window.export.publish_post()
    assert published is not None and published.parent == tmp_path / "_posts"
    assert published.name.startswith(date.today().isoformat())
    assert not draft.exists()


def test_publish_outside_drafts_is_refused_with_a_message(window, prompter, tmp_path):
    """A post that is not in _drafts is not moved; the writer is told why."""
    post = tmp_path / "loose.md"
    post.write_text(GOOD, encoding="utf-8")
    window.files.open_path(post)
    assert window.export.publish_post() is None
    assert post.is_file()
    assert prompter.errors and "_drafts" in prompter.errors[0][1]


def test_hidden_panel_does_not_check_while_typing(qtbot, tmp_path):
    """With the panel hidden no check runs on edits; showing it checks at once."""
    win = scripted_window(qtbot)
    assert not win.checklist.isVisible()
    win.files.open_path(make_site(tmp_path, "broken.md", BROKEN))
    assert not win.checklist.timer.isActive()
    assert win.checklist.problems() == []
    win.actions["show_checklist"].setChecked(True)
    assert any(p.field == "title" for p in win.checklist.problems())


def test_publish_asks_first_and_a_no_moves_nothing(window, prompter, tmp_path):
    """Declining the from → to question leaves the draft where it is, edits unsaved."""
    draft = make_site(tmp_path, "flea-market.md", GOOD)
    window.files.open_path(draft)
    window.document.set_field("excerpt", "바뀐 요약입니다.")
    prompter.queue("confirm", False)
    assert window.export.publish_post() is None
    assert draft.is_file() and not (tmp_path / "_posts").exists()
    assert window.document.path == draft and window.document.is_modified()


def test_undo_publish_moves_the_post_back_into_drafts(window, prompter, tmp_path):
    """After Publish the status bar offers Undo Publish; it moves the file back and reopens it."""
    draft = make_site(tmp_path, "flea-market.md", GOOD)
    window.files.open_path(draft)
    publisher = window.checklist.publisher
    assert not publisher.undo_action.isEnabled()
    prompter.queue("confirm", True)
    published = window.export.publish_post()
    assert publisher.undo_button.isVisibleTo(window) and publisher.undo_action.isEnabled()
    assert window.statusBar().isAncestorOf(publisher.undo_button)
    publisher.undo_action.trigger()
    assert draft.is_file() and not published.exists()
    assert window.document.path == draft
    assert not publisher.undo_action.isEnabled() and not publisher.undo_button.isVisibleTo(window)
    assert window.actions["publish"].isEnabled()


def test_publish_is_disabled_for_a_post_already_in_posts(window, prompter, tmp_path):
    """A post in _posts/ is published already: Publish is greyed out and says why."""
    draft = make_site(tmp_path, "flea-market.md", GOOD)
    window.files.open_path(draft)
    assert window.actions["publish"].isEnabled()
    posts = tmp_path / "_posts"
    posts.mkdir()
    post = posts / "2024-03-02-spring.md"
    post.write_text(GOOD, encoding="utf-8")
    window.files.open_path(post)
    assert not window.actions["publish"].isEnabled()
    assert "_posts" in window.actions["publish"].toolTip()
    assert window.export.publish_post() is None and post.is_file()
