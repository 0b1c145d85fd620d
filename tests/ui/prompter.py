"""A Prompter for tests: answers come from a script, every question is recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from editor.ui.shell.prompter import Prompter

#: Questions that need an answer; asking one without a scripted answer fails the test.
QUESTIONS = (
    "ask_save_discard", "ask_save_all", "confirm_revert", "ask_overwrite_changed", "ask_file_open",
    "ask_file_save", "ask_site_folder", "choose_template", "confirm", "choose_recovery",
    "ask_text", "ask_preferences", "confirm_publish_anyway", "run_dialog", "ask_link",
    "ask_image", "ask_table", "ask_signature", "ask_presets", "ask_alt_text", "ask_font",
)


class UnexpectedQuestion(AssertionError):
    """The code under test asked something the test did not script."""


class ScriptedPrompter(Prompter):
    """Answers questions from ``answer``/``queue``; records messages and questions.

    ``answer(question, value)`` answers every later ``question`` with ``value`` (a
    callable is called with the question's arguments and its result is the answer);
    ``queue(question, *values)`` answers the next calls one by one, before the standing
    answer. Errors, notices and diffs are kept in ``errors``, ``infos`` and ``diffs``.
    """

    def __init__(self) -> None:
        super().__init__(None)
        self.asked: list[tuple[str, tuple[Any, ...]]] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.diffs: list[tuple[str, str]] = []
        self._standing: dict[str, Any] = {}
        self._queued: dict[str, list[Any]] = {}

    def answer(self, question: str, value: Any) -> ScriptedPrompter:
        """Answer every later ``question`` with ``value`` (or ``value(*args)``)."""
        assert question in QUESTIONS, question
        self._standing[question] = value
        return self

    def queue(self, question: str, *values: Any) -> ScriptedPrompter:
        """Answer the next ``len(values)`` calls of ``question`` in order."""
        assert question in QUESTIONS, question
        self._queued.setdefault(question, []).extend(values)
        return self

    def questions(self, question: str) -> list[tuple[Any, ...]]:
        """The arguments of every ``question`` asked so far."""
        return [args for name, args in self.asked if name == question]

    def _reply(self, question: str, args: tuple[Any, ...]) -> Any:
        self.asked.append((question, args))
        queued = self._queued.get(question)
        if queued:
            value = queued.pop(0)
        elif question in self._standing:
            value = self._standing[question]
        else:
            raise UnexpectedQuestion(f"unexpected {question}{args!r}")
        return value(*args) if callable(value) else value

    def for_window(self, window: object) -> ScriptedPrompter:
        """Windows opened from the tested one follow the same script."""
        return self

    # Messages are recorded, never answered.
    def error(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def info(self, title: str, text: str) -> None:
        self.infos.append((title, text))

    def show_diff(self, title: str, diff: str) -> None:
        self.diffs.append((title, diff))


def _scripted(question: str) -> Callable[..., Any]:
    def ask(self: ScriptedPrompter, *args: Any) -> Any:
        return self._reply(question, args)

    ask.__name__ = question
    ask.__doc__ = f"The scripted answer to {question}."
    return ask


for _question in QUESTIONS:
    setattr(ScriptedPrompter, _question, _scripted(_question))
