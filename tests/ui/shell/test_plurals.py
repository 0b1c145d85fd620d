"""Counted nouns read right in both languages: "1 word", "2 words", "1단어"."""

from __future__ import annotations

import pytest

from editor.authoring.stats import TextStats
from editor.ui.shell import app as app_module
from editor.ui.shell.plurals import plural


def test_plural_picks_the_form_and_groups_thousands():
    """One for 1, the other form for 0 and many; other placeholders are filled too."""
    assert plural(1, "{count} word", "{count} words") == "1 word"
    assert plural(0, "{count} word", "{count} words") == "0 words"
    assert plural(1234, "{count} word", "{count} words") == "1,234 words"
    assert plural(2, "{count} x: {why}", "{count} xs: {why}", why="no") == "2 xs: no"


def stats(words: int, characters: int) -> TextStats:
    return TextStats(words=words, characters=characters, characters_no_spaces=characters,
                     reading_minutes=1)


def test_status_bar_says_1_word_and_1_character(window):
    """A one-word post reads "1 word · 1 character", not "1 words"."""
    window.status_fields.set_stats(stats(1, 1))
    text = window.status_fields.counts_label.text()
    assert text.startswith("1 word · 1 character (") and "words" not in text
    window.status_fields.set_stats(stats(2, 5))
    assert window.status_fields.counts_label.text().startswith("2 words · 5 characters")


def test_checklist_summary_counts_in_the_singular(window):
    """One error and one warning: "1 error, 1 warning"."""
    from editor.site.checks import Problem

    panel = window.checklist
    panel.show_problems([Problem.of("error", "t", "a", 1), Problem.of("warning", "t", "b", 2)])
    assert panel.summary.text() == "1 error, 1 warning"
    panel.show_problems([Problem.of("error", "t", "a", 1), Problem.of("error", "t", "c", 1)])
    assert panel.summary.text() == "2 errors, 0 warnings"


@pytest.fixture
def korean(qapp):
    app_module.install_translators("ko")
    yield
    app_module.install_translators("en")


def test_korean_counts_have_no_english_plural(window, korean):
    """Under Korean both forms read alike: 1단어, 2단어."""
    from editor.ui.shell.status import StatusFields

    fields = StatusFields(window)
    fields.set_stats(stats(1, 1))
    assert fields.counts_label.text().startswith("1단어 · 1자")
    fields.set_stats(stats(2, 3))
    assert fields.counts_label.text().startswith("2단어 · 3자")


def test_a_status_message_goes_when_another_post_opens(window, tmp_path):
    """"Saved a.md" must not stay in the status bar once b.md is shown."""
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    for path in (first, second):
        path.write_text("---\ntitle: t\n---\nbody\n", encoding="utf-8")
    window.files.open_path(first)
    window.statusBar().showMessage("Saved a.md", 60000)
    window.files.open_path(second)
    assert window.statusBar().currentMessage() == ""
