"""What every spelling underliner is told, and when its next check may start.

The source editor's underlines (``spelling.SpellingUnderlines``) and a line edit's
(``spelling_line.LineUnderlines``) share these: on or off, the languages, the words
this post ignores, a single-shot timer that starts a check after a pause in typing, and
the rule that one check runs at a time (one asked for meanwhile follows it) once the
service has the languages' dictionaries open. Each says how it clears its underlines
(``_clear``) and runs a check (``_start_check``, which asks ``_begin_check`` first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from editor.ui.source.spelling import SpellingService


class SpellingSwitches(QObject):
    """On/off, languages and ignored words of one underliner; ``recheck_all`` on a change."""

    def __init__(self, parent: QObject, service: SpellingService, delay_ms: int) -> None:
        super().__init__(parent)
        self.service = service
        self._running = False  # a check is running
        self._again = False  # another was asked for meanwhile: it starts when this one ends
        self._languages: tuple[str, ...] = ()
        self._ignored: set[str] = set()  # the owner's set, kept up to date by it
        self._ignored_seen: set[str] = set()  # what it held when last given
        self._enabled = False
        self._generation = 0  # a new one forgets every check running (off, new languages)
        self._delay = delay_ms  # the pause in typing before a check
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._start_check)
        service.opened.connect(self._on_service_opened)

    def is_enabled(self) -> bool:
        """Whether the text's spelling is checked."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Check (and underline) or not; off clears the underlines at once."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        if enabled:
            self.recheck_all()
        else:
            self._timer.stop()
            self._generation += 1
            self._clear()

    def set_languages(self, languages: Sequence[str]) -> None:
        """Check in ``languages`` (a new list checks everything again)."""
        if tuple(languages) != self._languages:
            self._languages = tuple(languages)
            self.recheck_all()

    def languages(self) -> tuple[str, ...]:
        """The languages the text is checked in."""
        return self._languages

    def set_ignored(self, words_: set[str]) -> None:
        """The words this post ignores (shared, kept up to date by the owner); another
        post's list checks everything again."""
        changed = set(words_) != self._ignored_seen
        self._ignored = words_
        self._ignored_seen = set(words_)
        if changed:
            self.recheck_all()

    def recheck_all(self) -> None:
        """Check the whole text again after no pause."""
        self._generation += 1
        self._schedule(0)

    def _schedule(self, delay: int | None = None) -> None:
        if self._enabled:  # start(ms) sets the interval for good: pass the pause each time
            self._timer.start(self._delay if delay is None else delay)

    def _on_service_opened(self, key: object) -> None:
        if self._enabled and key == self._languages:
            self._schedule(0)

    def _begin_check(self) -> bool:
        """True when a check starts now (then it is running); else it waits: for the
        running one to end, or for the service to say the dictionaries are open."""
        if not self._enabled or not self._languages:
            return False
        if self._running:
            self._again = True
            return False
        if not self.service.ready(self._languages):
            return False  # the service says "opened" when it is ready
        self._running, self._again = True, False
        return True

    def _clear(self) -> None:
        raise NotImplementedError

    def _start_check(self) -> None:
        raise NotImplementedError
