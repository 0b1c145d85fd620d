"""Tests for how the window is wired: actions owned by components, one prompter for questions."""

from __future__ import annotations

import inspect

import pytest

from editor.ui.shell import actions as action_table
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.prompter import Prompter
from tests.ui.prompter import QUESTIONS, ScriptedPrompter, UnexpectedQuestion

#: Prompter methods that tell rather than ask: recorded by the scripted prompter.
MESSAGES = {"error", "info", "show_diff", "for_window"}


def test_every_action_runs_a_method_of_its_owner(window):
    """Each row's handler is a method of the component that owns it, and the window holds
    no forwarder for the rows of other components."""
    owners = {"window": window, "files": window.files, "edit": window.edit, "view": window.view,
              "panes": window.panes, "preferences": window.preferences,
              "authoring": window.authoring,
              "highlights": window.highlights, "export": window.export, "tabs": window.tabs}
    assert set(owners) == set(action_table.OWNERS)
    for row in action_table.ACTIONS:
        assert callable(getattr(owners[row.owner], row.handler)), row.id
        if row.owner != "window":
            assert row.handler not in vars(MainWindow), row.id
        assert row.id in window.actions


def test_the_scripted_prompter_answers_every_question():
    """A question added to the Prompter must be scripted too, or tests would open dialogs."""
    asked = {name for name, _ in inspect.getmembers(Prompter, inspect.isfunction)
             if not name.startswith("_")} - MESSAGES
    assert asked == set(QUESTIONS)
    for name in QUESTIONS:
        assert getattr(ScriptedPrompter, name) is not getattr(Prompter, name), name


def test_scripted_answers_queue_before_standing_and_unexpected_questions_fail():
    """Queued answers come first, then the standing one (called with the arguments);
    an unscripted question fails instead of opening a dialog."""
    prompter = ScriptedPrompter()
    with pytest.raises(UnexpectedQuestion):
        prompter.confirm_revert("post.md")
    prompter.queue("confirm_revert", False).answer("confirm_revert", lambda name: name == "a.md")
    assert prompter.confirm_revert("a.md") is False
    assert prompter.confirm_revert("a.md") is True
    assert prompter.confirm_revert("b.md") is False
    assert prompter.questions("confirm_revert") == [("post.md",), ("a.md",), ("a.md",),
                                                    ("b.md",)]
    prompter.error("Title", "text")
    assert prompter.errors == [("Title", "text")]


def test_components_ask_through_the_windows_prompter(window, prompter, tmp_path):
    """File, export and authoring questions all reach the one injected prompter."""
    assert window.prompter is prompter
    assert window.files.prompter is prompter
    assert window.export.prompter is prompter
    assert window.authoring.prompter is prompter
    assert window.file_watch.prompter is prompter
    prompter.answer("ask_file_open", None)
    assert not window.files.open_document()
    assert prompter.questions("ask_file_open")
