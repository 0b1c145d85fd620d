"""Spelling in the main window: underlines in the source editor and the form's text fields,
the View > Check Spelling toggle and the context menu's suggestions.

The post's languages follow the core (:func:`editor.authoring.spelling_post.post_languages`:
front matter ``lang``, the site's ``_config.yml``, else the languages chosen in Preferences,
Korean and English unless changed) and are looked at again when the front matter, the file
or that preference changes. "Add to Dictionary" goes to the
personal word list in the config folder; "Ignore in This Post" to the post's list in the
data folder (in memory until an unsaved post gets a file).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from editor.authoring.spelling import DEFAULT_LANGUAGES, IgnoredWords, PersonalWords
from editor.authoring.spelling_post import post_languages
from editor.ui.source.spelling import SpellingService, SpellingUnderlines
from editor.ui.source.spelling_line import LineUnderlines, position_at, replace_in_line

if TYPE_CHECKING:
    from editor.ui.shell.main_window import MainWindow

#: Suggestions offered in the context menu.
MAX_MENU_SUGGESTIONS = 5
#: Form fields whose text is prose: multi-line ones are underlined like the body, the
#: one-line title by an overlay.
FORM_TEXT_FIELDS = ("title", "excerpt", "feature_text")


class WindowSpelling(QObject):
    """Owns the window's spelling: the service, the underlines and the toggle."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = SpellingService.shared()
        self.personal = PersonalWords()
        self.ignored_store = IgnoredWords()
        self._ignored: set[str] = set()
        self._unsaved_ignored: set[str] = set()  # words ignored before the post has a file
        editor = window.editor
        self.source = SpellingUnderlines(editor, self.service, editor.body_format,
                                         self.personal)
        self.fields: dict[str, SpellingUnderlines | LineUnderlines] = {}

        self.action = QAction(self.tr("Chec&k Spelling"), window)
        self.action.setObjectName("action_check_spelling")
        self.action.setCheckable(True)
        tip = self.tr("Underline misspelt words in Korean and English")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        view = window.menus["view"]
        entries = view.actions()
        wrap = window.actions.get("word_wrap")
        after = entries.index(wrap) + 1 if wrap in entries else len(entries)
        view.insertAction(entries[after] if after < len(entries) else None, self.action)
        window.actions["check_spelling"] = self.action

        window.authoring.context_menu_extras.append(self.add_menu_entries)
        self.service.unavailable.connect(self._say_unavailable)
        document = window.document
        for signal in (document.frontMatterChanged, document.pathChanged, document.reloaded):
            signal.connect(self.follow_post)
        self.action.toggled.connect(self.set_enabled)
        self.follow_post()
        self.action.setChecked(window.settings.prefs.check_spelling)

    # ------------------------------------------------------------------ state

    def set_enabled(self, on: bool) -> None:
        """View > Check Spelling (remembered)."""
        if self.action.isChecked() != on:
            self.action.setChecked(on)  # comes back here through toggled
            return
        self.window.settings.prefs.check_spelling = on
        self._follow_fields()
        for underlines in self._all():
            underlines.set_enabled(on)

    def is_enabled(self) -> bool:
        """Whether spelling is checked."""
        return self.action.isChecked()

    def _all(self) -> list[SpellingUnderlines | LineUnderlines]:
        return [self.source, *self.fields.values()]

    def follow_post(self, *_args: object) -> None:
        """Take the post's languages and ignore list (after a load, a save as, a lang edit)."""
        document = self.window.document
        post = document.post
        languages = post_languages(post, default=self.default_languages())
        self._ignored.clear()
        if document.path is not None:
            self._ignored |= self.ignored_store.words_for(document.path)
        self._ignored |= self._unsaved_ignored
        for underlines in self._all():
            underlines.set_ignored(self._ignored)
            underlines.set_languages(languages)
        # After the window has shown the post: the form builds its fields then.
        QTimer.singleShot(0, self._follow_fields)

    def default_languages(self) -> tuple[str, ...]:
        """Preferences > Spelling languages: for posts whose front matter and site say none."""
        chosen = tuple(t for t in self.window.settings.prefs.spelling_languages.split(",") if t)
        return chosen or DEFAULT_LANGUAGES

    def _follow_fields(self) -> None:
        """Underline the form's prose fields too (the form rebuilds them)."""
        for key in FORM_TEXT_FIELDS:
            field = self.window.form.editor(key)
            text, line = getattr(field, "text", None), getattr(field, "line", None)
            widget = text if isinstance(text, QPlainTextEdit) else line
            current = self.fields.get(key)
            if not isinstance(widget, QPlainTextEdit | QLineEdit) or (
                    current is not None and current.editor is widget):
                continue
            underlines: SpellingUnderlines | LineUnderlines
            if isinstance(widget, QPlainTextEdit):
                underlines = SpellingUnderlines(widget, self.service, personal=self.personal)
                _add_field_menu(widget, self, underlines)
            else:
                underlines = LineUnderlines(widget, self.service, self.personal)
                _add_line_menu(widget, self, underlines)
            self.fields[key] = underlines
            widget.destroyed.connect(functools.partial(self._field_gone, key, underlines))
            underlines.set_ignored(self._ignored)
            underlines.set_languages(self.source.languages())
            underlines.set_enabled(self.is_enabled())

    def _field_gone(self, key: str, underlines: object, *_args: object) -> None:
        if self.fields.get(key) is underlines:
            del self.fields[key]

    # ------------------------------------------------------------------ menu

    def add_menu_entries(self, menu: QMenu, position: QPoint | None,
                         underlines: SpellingUnderlines | None = None) -> None:
        """Put suggestions, Add to Dictionary and Ignore in This Post on top of ``menu``
        when the click (or the text cursor) is on an underlined word."""
        underlines = underlines or self.source
        editor = underlines.editor
        if not underlines.is_enabled():
            return
        if position is None:
            at = editor.textCursor().position()
        else:
            at = editor.cursorForPosition(position).position()
        word_cursor = underlines.misspelling_at(at)
        if word_cursor is None:
            return
        # Offsets, not the cursor: a menu may outlive the document.
        replace = functools.partial(self.replace_word, editor, word_cursor.selectionStart(),
                                    word_cursor.selectionEnd())
        self._insert_entries(menu, underlines.languages(), word_cursor.selectedText(), replace)

    def add_line_menu_entries(self, menu: QMenu, position: QPoint,
                              underlines: LineUnderlines) -> None:
        """The same entries for a one-line field, when ``position`` is on an underlined word."""
        if not underlines.is_enabled():
            return
        found = underlines.misspelling_at(position_at(underlines.editor, position))
        if found is None:
            return
        start, end, word = found
        replace = functools.partial(replace_in_line, underlines.editor, start, end)
        self._insert_entries(menu, underlines.languages(), word, replace)

    def _insert_entries(self, menu: QMenu, languages: tuple[str, ...], word: str,
                        replace: Callable[[str], None]) -> None:
        first = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []
        suggestions = self.service.suggest(languages, word, MAX_MENU_SUGGESTIONS)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = QFont(action.font())
            font.setBold(True)
            action.setFont(font)
            action.setObjectName("spelling_suggestion")
            action.triggered.connect(
                lambda _c=False, chosen=suggestion: replace(chosen))
            entries.append(action)
        if not suggestions:
            none = QAction(self.tr("(No Suggestions)"), menu)
            none.setEnabled(False)
            entries.append(none)
        add = QAction(self.tr("Add to Dictionary"), menu)
        add.setObjectName("spelling_add")
        add.triggered.connect(lambda _c=False: self.add_to_dictionary(word))
        ignore = QAction(self.tr("Ignore in This Post"), menu)
        ignore.setObjectName("spelling_ignore")
        ignore.triggered.connect(lambda _c=False: self.ignore_in_post(word))
        entries += [add, ignore]
        menu.insertActions(first, entries)
        if first is not None:
            menu.insertSeparator(first)

    @staticmethod
    def replace_word(editor: QPlainTextEdit, start: int, end: int, text: str) -> None:
        """Put ``text`` in place of the word at UTF-16 ``start``–``end``: one undo step."""
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        editor.setTextCursor(cursor)

    def add_to_dictionary(self, word: str) -> None:
        """Keep ``word`` in the personal list; its underlines go everywhere."""
        self.personal.add(word)
        for underlines in self._all():
            underlines.forget_word(word)

    def ignore_in_post(self, word: str) -> None:
        """Stop underlining ``word`` in this post (remembered with the post's file)."""
        path = self.window.document.path
        if path is not None:
            self.ignored_store.add(path, word)
        else:
            self._unsaved_ignored.add(word)
        self._ignored.add(word)
        for underlines in self._all():
            underlines.forget_word(word)

    def _say_unavailable(self, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Spelling is not checked: {problem}").format(problem=message), 15000)


def _add_field_menu(text: QPlainTextEdit, spelling: WindowSpelling,
                    underlines: SpellingUnderlines) -> None:
    """The field's own context menu with spelling entries on top."""
    text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(position: QPoint) -> None:
        menu = text.createStandardContextMenu(position)
        spelling.add_menu_entries(menu, position, underlines)
        menu.exec(text.viewport().mapToGlobal(position))
        menu.deleteLater()

    text.customContextMenuRequested.connect(show)


def _add_line_menu(line: QLineEdit, spelling: WindowSpelling, underlines: LineUnderlines) -> None:
    """The line edit's own context menu with spelling entries on top."""
    line.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(position: QPoint) -> None:
        menu = line.createStandardContextMenu()
        spelling.add_line_menu_entries(menu, position, underlines)
        menu.exec(line.mapToGlobal(position))
        menu.deleteLater()

    line.customContextMenuRequested.connect(show)
