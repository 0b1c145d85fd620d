"""Red wavy underlines under misspelt words in a one-line field (the form's title).

A ``QLineEdit`` has no document to highlight, so a transparent child widget lies on top
of it and draws the waves; it takes no mouse or keyboard events, and the line edit stays
the line edit it was (Enter, undo, Tab, its signals). The text is checked by the spelling
helper after a short typing pause, like the source editor's (a check of the body may keep
the helper busy for a moment: a worker thread waits for it, never the window). Between a
keystroke and the next check the found words move with the text, and a word being typed
over loses its underline at once.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import QLineEdit, QWidget

from editor.authoring.search import Utf16Index, changed_range
from editor.authoring.spelling import PersonalWords
from editor.authoring.spelling_helper import CheckRequest
from editor.authoring.spelling_incremental import CheckResult
from editor.ui.source.spelling import SESSION_IDS, CheckRunnable, SpellingRelay, SpellingService
from editor.ui.source.spelling_switches import SpellingSwitches
from editor.ui.source.spelling_waves import UNDERLINE_COLOUR, wave_path

#: Pause after the last keystroke before the field is checked (a title is short).
LINE_CHECK_DELAY_MS = 250
#: The line edit's frame, inside which the text is drawn.
FRAME = 2


def _line_ascent(text: str, font: QFont) -> float:
    """The ascent of ``text`` laid out in one line, fallback fonts included."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.ascent() if line.isValid() else QFontMetricsF(font).ascent()


class _WaveOverlay(QWidget):
    """Paints the waves over its line edit; transparent to the mouse and the keyboard."""

    def __init__(self, line: QLineEdit, spelling: LineUnderlines) -> None:
        super().__init__(line)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._line, self._spelling = line, spelling
        self.setGeometry(line.rect())
        self.show()

    def word_spans(self) -> list[tuple[float, float, float]]:
        """Each underlined word's left and right x and the wave's y, in this widget."""
        line = self._line
        text = line.text()
        found = self._spelling.misspellings()
        if not found or line.echoMode() != QLineEdit.EchoMode.Normal:
            return []
        metrics = QFontMetricsF(line.font())
        # The text cursor's rectangle gives where the text is now (scrolled or not):
        # every other x follows from the advance of the text before it.
        cursor_rect = QRectF(line.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle))
        cursor = line.cursorPosition()
        index = Utf16Index(text)
        # The rectangle is wider than the caret, which stands in its middle.
        origin = cursor_rect.left() + (cursor_rect.width() - 1) / 2 - metrics.horizontalAdvance(
            text[:index.from_utf16(cursor)])
        # The line's own ascent: Hangul drawn in a fallback font makes the line taller
        # than the line edit's font says, and the baseline lower.
        y = cursor_rect.top() + _line_ascent(text, line.font()) + 2
        y = min(y, cursor_rect.bottom())
        spans = []
        for start, end, _word in found:
            left = origin + metrics.horizontalAdvance(text[:start])
            spans.append((left, left + metrics.horizontalAdvance(text[start:end]), y))
        return spans

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        spans = self.word_spans()
        if not spans:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margins = self._line.textMargins()
        painter.setClipRect(self.rect().adjusted(FRAME + margins.left(), FRAME,
                                                 -FRAME - margins.right(), -FRAME))
        painter.setPen(QPen(QColor(UNDERLINE_COLOUR), 1))
        for left, right, y in spans:
            painter.drawPath(wave_path(left, right, y))
        painter.end()


class LineUnderlines(SpellingSwitches):
    """Keeps the misspellings of one line edit underlined, checking after typing pauses.

    The same switches as :class:`~editor.ui.source.spelling.SpellingUnderlines`, so the
    window drives both alike; offsets are code points of ``line.text()``.
    """

    #: A check finished and the underlines are current (number of misspellings).
    checked = Signal(int)

    def __init__(self, line: QLineEdit, service: SpellingService,
                 personal: PersonalWords | None = None,
                 delay_ms: int = LINE_CHECK_DELAY_MS) -> None:
        super().__init__(line, service, delay_ms)
        self.editor = line
        self.personal = personal if personal is not None else PersonalWords()
        self._found: list[tuple[int, int, str]] = []
        self._text = line.text()  # the text the found words are placed in
        self._checking = ""  # the text the running check was given
        self._session = next(SESSION_IDS)
        self.destroyed.connect(functools.partial(service.helper.forget, self._session))
        self._relay = SpellingRelay()
        self._relay.checked.connect(self._on_checked)
        self.overlay = _WaveOverlay(line, self)
        line.installEventFilter(self)
        line.textChanged.connect(self._on_text_changed)
        line.cursorPositionChanged.connect(self._repaint)  # the text may have scrolled

    # ------------------------------------------------------------------ settings

    def forget_word(self, word: str) -> None:
        """Take the underlines off every ``word`` (added to the dictionary or ignored)."""
        kept = [found for found in self._found if found[2] != word]
        if len(kept) != len(self._found):
            self._found = kept
            self._repaint()

    # ------------------------------------------------------------------ queries

    def misspellings(self) -> list[tuple[int, int, str]]:
        """The underlined words now: start, end (code points) and the word."""
        return list(self._found) if self._enabled else []

    def misspelling_at(self, position: int) -> tuple[int, int, str] | None:
        """The underlined word around code point ``position``, if any."""
        for start, end, word in self.misspellings():
            if start <= position <= end:
                return start, end, word
        return None

    def is_busy(self) -> bool:
        """True while a check runs or waits for the typing pause or the dictionaries."""
        waiting = bool(self._languages) and not self.service.ready(self._languages)
        return self._enabled and (self._running or self._timer.isActive() or waiting)

    # ------------------------------------------------------------------ checking

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.editor and event.type() in (QEvent.Type.Resize,
                                                       QEvent.Type.FontChange):
            self.overlay.setGeometry(self.editor.rect())
        return False

    def _repaint(self, *_args: object) -> None:
        self.overlay.update()

    def _clear(self) -> None:
        self._found = []
        self._repaint()

    def _on_text_changed(self, text: str) -> None:
        # The found words move with the text; one the edit touched loses its underline.
        start, old_end, new_end = changed_range(self._text, text)
        shift = new_end - old_end
        moved = []
        for a, b, word in self._found:
            if b < start:
                moved.append((a, b, word))
            elif a > old_end:
                moved.append((a + shift, b + shift, word))
        self._found, self._text = moved, text
        self._repaint()
        self._schedule()

    def _start_check(self) -> None:
        if not self._begin_check():
            return
        text = self._checking = self.editor.text()
        length = len(text.encode("utf-16-le")) // 2
        request = CheckRequest(self._session, text, "html", True, [], (0, length),
                               self._languages, frozenset(self._ignored),
                               frozenset(self.personal.words))
        QThreadPool.globalInstance().start(CheckRunnable(
            self._generation, self._relay, self.service.helper.check, request))

    def _on_checked(self, generation: int, result: CheckResult) -> None:
        if not result.final:
            return  # a field is checked in one piece
        self._running = False
        if generation != self._generation or not self._enabled:
            if self._enabled:
                self._schedule(0)
            return
        if self._checking != self.editor.text():
            self._schedule()  # typed meanwhile: the pause after it checks again
            return
        index = Utf16Index(self._checking)
        self._found = [(index.from_utf16(a), index.from_utf16(b), word)
                       for a, b, word in result.found]
        self._text = self._checking
        self._repaint()
        self.checked.emit(len(self._found))
        if self._again:
            self._schedule()


def replace_in_line(line: QLineEdit, start: int, end: int, text: str) -> None:
    """Put ``text`` in place of code points ``start``–``end`` of ``line``: one undo step,
    reported to the form as typing is."""
    index = Utf16Index(line.text())
    start16, end16 = index.to_utf16(start), index.to_utf16(end)
    line.setSelection(start16, end16 - start16)
    line.insert(text)  # emits textEdited, as typing does: the form takes it


def position_at(line: QLineEdit, point: QPoint) -> int:
    """The code point under ``point`` (widget coordinates) of ``line``."""
    at16 = line.cursorPositionAt(point)
    text = line.text()
    return len(text.encode("utf-16-le")[:2 * at16].decode("utf-16-le", errors="ignore"))
