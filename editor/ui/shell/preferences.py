"""Edit > Preferences for one window: ask with the window's prompter, apply, remember."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from editor.render.themes import look_names
from editor.ui.shell.settings import Settings
from editor.ui.shell.window_theme import apply_window_theme

if TYPE_CHECKING:
    from editor.ui.preview.pane import PreviewPane
    from editor.ui.shell import dialogs
    from editor.ui.source.editor import SourceEditor

AskPreferences = Callable[["dialogs.Preferences", list[str]], "dialogs.Preferences | None"]


def preferred_theme(settings: Settings) -> str:
    """The remembered preview theme, or the default one when it no longer exists."""
    theme = settings.prefs.theme
    return theme if theme in look_names() else "default"


class PreferencesCommands(QObject):
    """Owns Edit > Preferences and the preview theme of one window.

    Offline preview and word wrap are the View menu's switches (owned by the pane
    layout): preferences set those switches, so the menu and the panes stay in step.
    """

    #: The spelling languages for posts that name none changed (the window checks again).
    spellingLanguagesChanged = Signal()  # noqa: N815 (Qt-style signal name)

    def __init__(self, settings: Settings, *, preview: PreviewPane, editor: SourceEditor,
                 ask: AskPreferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.preview, self.editor = preview, editor
        self._ask = ask
        self.switches: Mapping[str, QAction] = {}

    def bind(self, switches: Mapping[str, QAction]) -> None:
        """The window's actions; "offline" and "word_wrap" are read and set from now on."""
        self.switches = switches

    def show_preferences(self) -> None:
        """Edit > Preferences: theme, language, offline, word wrap, saving by itself."""
        from editor.ui.shell import dialogs  # with its dialog, not at start-up

        prefs = self.settings.prefs
        current = dialogs.Preferences(
            theme=prefs.theme,
            language=prefs.language,
            offline=self.switches["offline"].isChecked(),
            word_wrap=self.switches["word_wrap"].isChecked(),
            autosave_to_file=prefs.autosave_to_file,
            window_theme=prefs.window_theme,
            spelling_languages=prefs.spelling_languages,
            reopen_posts=prefs.reopen_posts,
        )
        chosen = self._ask(current, look_names())
        if chosen is not None:
            self.apply(chosen)

    def apply(self, chosen: dialogs.Preferences) -> None:
        """Apply and remember preferences (the language applies at the next start)."""
        prefs = self.settings.prefs
        prefs.language = chosen.language
        prefs.autosave_to_file = chosen.autosave_to_file
        if chosen.spelling_languages != prefs.spelling_languages:
            prefs.spelling_languages = chosen.spelling_languages
            self.spellingLanguagesChanged.emit()
        prefs.reopen_posts = chosen.reopen_posts
        if chosen.window_theme != prefs.window_theme:
            prefs.window_theme = chosen.window_theme
            apply_window_theme(QApplication.instance(), chosen.window_theme)
        self.set_theme(chosen.theme)
        self.switches["offline"].setChecked(chosen.offline)
        self.switches["word_wrap"].setChecked(chosen.word_wrap)

    def set_theme(self, name: str) -> None:
        """Switch the preview (and source colours) to theme ``name``."""
        self.settings.prefs.theme = name
        self.preview.set_theme(name)
        self.editor.set_theme(name)
