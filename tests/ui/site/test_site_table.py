"""Tests for the site table: listing, filters, sorting, opening, publishing, renames."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.ui.site.rename_dialog import RenameDialog
from editor.ui.site.site_model import COLUMN, ROW_ROLE
from editor.ui.site.site_table import SitePanel
from tests.ui.prompter import ScriptedPrompter
from tests.ui.windows import scripted_window

WAIT_MS = 20_000

POSTS = {
    "_posts/2024-03-02-spring-market.html": """---
title: 봄맞이 벼룩시장
date: 2024-03-02 10:00:00 +0900
categories: [News, 동네]
tags: [market, 주말]
excerpt: 이번 주말 공원에서 벼룩시장이 열립니다.
---

<p>공원 입구에서 오전 열 시에 시작합니다. 손수 만든 물건이 많습니다.</p>
""",
    "_posts/2024-05-10-garden-notes.md": """---
title: Garden notes
categories:
  - Life
  - News   # the weekly column
tags: "garden weekly"
excerpt: What grew in May.
---

Tomatoes, basil and a stubborn rosemary bush that refuses to give up this year.
""",
    "_posts/2023-11-20-old-letter.md": """---
title: 'An old letter'
category: Life
tags:
  - letters
excerpt: Found in a drawer.
---

Short.
""",
    "_drafts/winter-plans.md": """---
title: 겨울 계획
categories: [Life]
tags: [plans]
---

아직 쓰는 중인 글입니다.
""",
    "_posts/2024-01-01-broken.md": """---
title: [unclosed
categories: [News
---

Body.
""",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: 동네 소식\n", encoding="utf-8")
    for relative, text in POSTS.items():
        (root / relative).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def answers() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def panel(qtbot, site: Path, answers: ScriptedPrompter) -> SitePanel:
    widget = SitePanel(answers)
    qtbot.addWidget(widget, before_close_func=lambda w: w.close_site())
    widget.resize(1000, 400)
    with qtbot.waitSignal(widget.checksFinished, timeout=WAIT_MS):
        widget.open_site(site)
    return widget


def shown(panel: SitePanel, column: str = "title") -> list[str]:
    """The texts of ``column`` as the table shows them, top to bottom."""
    return [panel.proxy.index(row, COLUMN[column]).data()
            for row in range(panel.proxy.rowCount())]


def cell(panel: SitePanel, title: str, column: str) -> str:
    for row in range(panel.proxy.rowCount()):
        if panel.proxy.index(row, COLUMN["title"]).data() == title:
            return panel.proxy.index(row, COLUMN[column]).data()
    raise AssertionError(f"{title} is not shown")


def test_lists_posts_and_drafts_with_their_columns(panel):
    assert sorted(shown(panel)) == sorted(["봄맞이 벼룩시장", "Garden notes", "An old letter",
                                           "겨울 계획", "broken"])
    assert cell(panel, "봄맞이 벼룩시장", "categories") == "News, 동네"
    assert cell(panel, "Garden notes", "tags") == "garden, weekly"
    assert cell(panel, "겨울 계획", "state") == "Draft"
    assert cell(panel, "An old letter", "state") == "Published"
    assert cell(panel, "broken", "state") == "Invalid"
    assert cell(panel, "An old letter", "words") == "1"
    # The second pass filled the checklist: the draft without an excerpt has a warning.
    assert "warning" in cell(panel, "겨울 계획", "checks")
    assert cell(panel, "An old letter", "checks") != "…"
    assert "5 of 5 posts" in panel.status_label.text()


def test_filters_by_text_category_tag_and_state(panel):
    panel.filter_edit.setText("GARDEN")
    assert shown(panel) == ["Garden notes"]
    panel.filter_edit.setText("")
    panel.category_box.setCurrentIndex(panel.category_box.findData("Life"))
    assert sorted(shown(panel)) == ["An old letter", "Garden notes", "겨울 계획"]
    panel.tag_box.setCurrentIndex(panel.tag_box.findData("plans"))
    assert shown(panel) == ["겨울 계획"]
    panel.category_box.setCurrentIndex(0)
    panel.tag_box.setCurrentIndex(0)
    panel.state_box.setCurrentIndex(panel.state_box.findData("invalid"))
    assert shown(panel) == ["broken"]
    panel.state_box.setCurrentIndex(panel.state_box.findData("draft"))
    assert shown(panel) == ["겨울 계획"]
    assert "1 of 5 posts" in panel.status_label.text()


def test_sorts_by_any_column(panel):
    panel.table.sortByColumn(COLUMN["words"], Qt.SortOrder.AscendingOrder)
    words = [int(text.replace(",", "")) for text in shown(panel, "words")]
    assert words == sorted(words) and words[0] == 1
    panel.table.sortByColumn(COLUMN["title"], Qt.SortOrder.AscendingOrder)
    assert shown(panel)[:3] == ["An old letter", "broken", "Garden notes"]
    panel.table.sortByColumn(COLUMN["date"], Qt.SortOrder.DescendingOrder)
    assert shown(panel)[0] == "Garden notes"


def test_enter_and_double_click_ask_to_open_the_post(qtbot, panel, site):
    assert panel.select_path("_posts/2024-05-10-garden-notes.md")
    panel.table.setFocus()
    with qtbot.waitSignal(panel.openRequested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [site / "_posts/2024-05-10-garden-notes.md"]


def test_publish_a_draft_after_confirmation(qtbot, panel, site, answers):
    assert panel.select_path("_drafts/winter-plans.md")
    assert panel.publish_button.isEnabled()
    answers.queue("confirm", False)
    assert panel.publish_current() is None
    assert (site / "_drafts/winter-plans.md").exists()
    assert "_posts" in answers.questions("confirm")[0][1]
    answers.queue("confirm", True)
    with qtbot.waitSignal(panel.listed, timeout=WAIT_MS):
        target = panel.publish_current()
    assert target is not None and target.parent == site / "_posts"
    assert target.name.endswith("-winter-plans.md")
    assert not (site / "_drafts/winter-plans.md").exists()
    assert cell(panel, "겨울 계획", "state") == "Published"
    assert "Published" in panel.message_label.text()


def rename_to(qtbot, kind: str, old: str, new: str,
              seen: list[str]) -> Callable[[RenameDialog], bool]:
    """A writer filling the dialog, reading the plan, and confirming."""
    def answer(dialog: RenameDialog) -> bool:
        dialog.set_names(kind, old, new)
        assert not dialog.rename_button.isEnabled()  # no confirmation before the plan
        with qtbot.waitSignal(dialog.planned, timeout=WAIT_MS):
            dialog.show_changes()
        seen.append(dialog.plan_view.toPlainText())
        seen.append(dialog.summary.text())
        assert dialog.rename_button.isEnabled()
        dialog.rename_button.click()
        return dialog.result() == RenameDialog.DialogCode.Accepted
    return answer


def test_rename_shows_the_plan_applies_and_undoes_byte_exact(qtbot, panel, site, answers):
    before = {path: path.read_bytes() for path in site.rglob("*.*")}
    seen: list[str] = []
    answers.answer("run_dialog", rename_to(qtbot, "category", "News", "소식", seen))
    with qtbot.waitSignal(panel.renamed, timeout=WAIT_MS) as renamed:
        assert panel.rename()
    result = renamed.args[0]
    plan_text, summary = seen
    assert "_posts/2024-03-02-spring-market.html" in plan_text
    assert "- categories: [News, 동네]" in plan_text
    assert "+ categories: [소식, 동네]" in plan_text
    assert "+   - 소식   # the weekly column" in plan_text
    assert "_posts/2024-01-01-broken.md" in plan_text  # listed as left untouched
    assert "2 file(s)" in summary
    assert sorted(result.written) == ["_posts/2024-03-02-spring-market.html",
                                      "_posts/2024-05-10-garden-notes.md"]
    market = (site / "_posts/2024-03-02-spring-market.html").read_text(encoding="utf-8")
    assert "categories: [소식, 동네]\n" in market
    qtbot.waitUntil(lambda: cell(panel, "봄맞이 벼룩시장", "categories") == "소식, 동네",
                    timeout=WAIT_MS)
    assert "renamed" in panel.message_label.text()
    assert (site / "_posts/2024-01-01-broken.md").read_bytes() == \
        before[site / "_posts/2024-01-01-broken.md"]
    assert not panel.undo_button.isHidden()
    assert panel.can_undo()

    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.undone, timeout=WAIT_MS):  # Ctrl+Z in the table
        qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {path: path.read_bytes() for path in site.rglob("*.*")} == before
    assert not panel.can_undo()
    qtbot.waitUntil(lambda: cell(panel, "봄맞이 벼룩시장", "categories") == "News, 동네",
                    timeout=WAIT_MS)


def test_merging_tags_and_cancelling(qtbot, panel, site, answers):
    answers.answer("run_dialog", lambda dialog: False)  # cancelled: nothing written
    before = {path: path.read_bytes() for path in site.rglob("*.*")}
    assert panel.rename("tag", "weekly") is False
    assert {path: path.read_bytes() for path in site.rglob("*.*")} == before
    seen: list[str] = []
    # A post has both tags: a merge.
    answers.answer("run_dialog", rename_to(qtbot, "tag", "주말", "market", seen))
    with qtbot.waitSignal(panel.renamed, timeout=WAIT_MS):
        panel.rename()
    assert "merged" in seen[1]
    qtbot.waitUntil(lambda: cell(panel, "봄맞이 벼룩시장", "tags") == "market",
                    timeout=WAIT_MS)


def test_invalid_front_matter_is_listed_and_left_untouched(qtbot, panel, site):
    broken = site / "_posts/2024-01-01-broken.md"
    data = broken.read_bytes()
    dialog = RenameDialog(site, panel.model.values, panel.background, panel)
    dialog.set_names("category", "News", "Notes")
    with qtbot.waitSignal(dialog.planned, timeout=WAIT_MS) as planned:
        dialog.show_changes()
    plan = planned.args[0]
    assert plan is dialog.plan
    assert plan is not None and [path for path, _ in plan.invalid] == [
        "_posts/2024-01-01-broken.md"]
    assert "untouched" in dialog.summary.text()
    dialog.deleteLater()
    row = next(r for r in panel.model.rows() if r.path.endswith("broken.md"))
    assert row.invalid
    assert broken.read_bytes() == data


def test_follows_new_changed_and_removed_files(qtbot, panel, site):
    with qtbot.waitSignal(panel.listed, timeout=WAIT_MS):
        (site / "_posts/2024-06-01-new-one.md").write_text(
            "---\ntitle: 새 글\ntags: [fresh]\n---\n\n하나 둘 셋\n", encoding="utf-8")
    assert "새 글" in shown(panel)
    assert panel.tag_box.findData("fresh") >= 0
    with qtbot.waitSignal(panel.listed, timeout=WAIT_MS):
        (site / "_posts/2023-11-20-old-letter.md").write_text(
            "---\ntitle: A letter, retitled\n---\n\nLonger text now.\n", encoding="utf-8")
    assert "A letter, retitled" in shown(panel) and "An old letter" not in shown(panel)
    with qtbot.waitSignal(panel.listed, timeout=WAIT_MS):
        (site / "_posts/2024-06-01-new-one.md").unlink()
    assert "새 글" not in shown(panel)


def test_file_menu_opens_the_site_and_a_post_in_the_window(qtbot, site):
    window = scripted_window(qtbot, show=False)
    answers = window.prompter
    assert window.site.open_action in window.menus["file"].actions()
    answers.answer("ask_site_folder", site.parent)  # not a site: a message, nothing opened
    assert window.site.open_site() is False
    assert answers.errors and "_config.yml" in answers.errors[0][1]
    answers.answer("ask_site_folder", site)
    window.site.open_action.trigger()
    panel = window.site.panel
    qtbot.addWidget(panel, before_close_func=lambda w: w.close_site())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=WAIT_MS)
    assert panel.select_path("_posts/2024-03-02-spring-market.html")
    panel.open_current()
    assert window.document.path == site / "_posts/2024-03-02-spring-market.html"
    # The open post lies in the site: File offers its site.
    assert window.site.post_site() == site


def test_rows_carry_the_core_rows(panel):
    index = panel.proxy.index(0, 0)
    assert index.data(ROW_ROLE).path in POSTS


def test_rename_needs_both_names_and_a_plan_of_the_names_shown(qtbot, panel, site):
    dialog = RenameDialog(site, panel.model.values, panel.background, panel)
    dialog.set_names("tag", "market", "")
    with qtbot.waitSignal(dialog.planned, timeout=WAIT_MS) as planned:
        dialog.show_changes()
    assert planned.args == [None] and not dialog.rename_button.isEnabled()
    dialog.new_edit.setText("bazaar")
    with qtbot.waitSignal(dialog.planned, timeout=WAIT_MS):
        dialog.show_changes()
    assert dialog.rename_button.isEnabled() and "bazaar" in dialog.plan_view.toPlainText()
    dialog.new_edit.setText("fair")  # other names: that plan is no longer offered
    assert dialog.plan is None and not dialog.rename_button.isEnabled()
    dialog.accept()
    assert dialog.result() != RenameDialog.DialogCode.Accepted
    dialog.deleteLater()


def test_publishing_the_open_draft_saves_it_and_follows_it(qtbot, site):
    window = scripted_window(qtbot, show=False)
    answers = window.prompter
    draft = site / "_drafts/winter-plans.md"
    assert window.files.open_path(draft)
    window.document.set_field("title", "겨울 계획, 고쳐 씀")
    assert window.document.is_modified()
    assert window.site.open_post_site()
    panel = window.site.panel
    qtbot.addWidget(panel, before_close_func=lambda w: w.close_site())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=WAIT_MS)
    assert panel.select_path("_drafts/winter-plans.md")
    answers.queue("confirm", True)
    target = panel.publish_current()
    assert target is not None and not draft.exists()
    assert "겨울 계획, 고쳐 씀" in target.read_text(encoding="utf-8")  # saved, then moved
    assert window.document.path == target and not window.document.is_modified()


def test_edit_menu_undoes_a_site_rename(qtbot, site):
    window = scripted_window(qtbot, show=False)
    answers = window.prompter
    assert window.site.undo_action in window.menus["edit"].actions()
    assert not window.site.undo_action.isEnabled()
    assert window.site.open_site(site)
    panel = window.site.panel
    qtbot.addWidget(panel, before_close_func=lambda w: w.close_site())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=WAIT_MS)
    before = {path: path.read_bytes() for path in site.rglob("*.*")}
    answers.answer("run_dialog", rename_to(qtbot, "tag", "market", "bazaar", []))
    with qtbot.waitSignal(panel.renamed, timeout=WAIT_MS):
        assert panel.rename()
    assert window.site.undo_action.isEnabled()
    assert {path: path.read_bytes() for path in site.rglob("*.*")} != before
    with qtbot.waitSignal(panel.undone, timeout=WAIT_MS):
        window.site.undo_action.trigger()
    assert {path: path.read_bytes() for path in site.rglob("*.*")} == before
    assert not window.site.undo_action.isEnabled()
