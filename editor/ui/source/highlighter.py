"""Syntax highlighting of HTML and Markdown post bodies in the source editor.

Qt calls ``highlightBlock`` for each changed line only; the lexer state at the end
of a line is kept as the block state, so Qt continues into the following lines only
when that state changes (an opened comment, a tag split over lines, fenced code).
The tokenising itself lives in ``editor.authoring.tokens``; this class maps its runs onto
text formats, adds the tint of house highlight spans and bolds ``<b>`` text.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor.authoring.search import Utf16Index
from editor.authoring.source_colours import (
    EditorColours,
    editor_colours,
    style_name_for_theme,
    token_style,
)
from editor.authoring.source_tints import Rgba, Tint, bold_ranges, house_tints

if TYPE_CHECKING:
    from editor.authoring.tokens import Run

# editor.authoring.tokens' formats; that module (Pygments' lexers) loads with the first
# line coloured, which a window's first paint does without.
BODY_FORMATS = ("html", "markdown")

_FormatKey = tuple[object, Rgba | None, bool]

#: Block state of lines not highlighted yet (beyond the progressive frontier).
DEFERRED_STATE = -2
#: Documents with at least this many lines are highlighted progressively.
PROGRESSIVE_MIN_BLOCKS = 3000
#: Lines highlighted at once when a long document is loaded (the first screens).
FIRST_BLOCKS = 300
#: Time budget of one background highlighting step, in milliseconds.
STEP_BUDGET_MS = 8.0


class BodyHighlighter(QSyntaxHighlighter):
    """Colours a post body from Pygments tokens, one block at a time.

    Qt highlights every line of a newly loaded or re-highlighted document at once,
    which for a 1 MB body blocks the window for about a second. Long documents are
    therefore highlighted progressively: the first screens immediately, the rest
    in short steps from the event loop (lines past the "frontier" are skipped
    until a step reaches them), so typing stays responsive meanwhile.
    """

    def __init__(
        self,
        document: QTextDocument | None = None,
        body_format: str = "html",
        theme: str = "default",
    ) -> None:
        super().__init__(document)
        if body_format not in BODY_FORMATS:
            raise ValueError(f"unknown body format: {body_format!r}")
        self._body_format = body_format
        self._theme = theme
        self._style_name = style_name_for_theme(theme)
        self._formats: dict[_FormatKey, QTextCharFormat] = {}
        self._frontier: int | None = None
        self._held = False
        self._step_blocks = 200
        self._step_timer = QTimer(self)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._highlight_step)

    # ------------------------------------------------------------------ settings

    @property
    def body_format(self) -> str:
        """``"html"`` or ``"markdown"``: which lexer colours the text."""
        return self._body_format

    @property
    def theme(self) -> str:
        """The editor theme name (``"default"`` or ``"dark"``)."""
        return self._theme

    def colours(self) -> EditorColours:
        """Editor chrome colours that match the current theme."""
        return editor_colours(self._style_name)

    def set_body_format(self, body_format: str) -> None:
        """Switch the lexer and re-highlight the whole document if it changed."""
        if body_format not in BODY_FORMATS:
            raise ValueError(f"unknown body format: {body_format!r}")
        if body_format != self._body_format:
            self._body_format = body_format
            self.rehighlight_progressively()

    def set_theme(self, theme: str) -> None:
        """Take colours from another theme and re-highlight."""
        style_name = style_name_for_theme(theme)
        self._theme = theme
        if style_name != self._style_name:
            self._style_name = style_name
            self._formats.clear()
            self.rehighlight_progressively()

    # ------------------------------------------------------------------ progressive

    def prepare_for_load(self, line_count: int) -> None:
        """Call before loading ``line_count`` lines: long texts get highlighted in steps."""
        if self._held:
            self._frontier = 0
        elif line_count >= PROGRESSIVE_MIN_BLOCKS:
            self._frontier = FIRST_BLOCKS
            self._step_timer.start()
        else:
            self._frontier = None
            self._step_timer.stop()

    def hold_all(self, held: bool) -> None:
        """Colour no line while held (True); released, colour them in steps from the top.

        The window holds its first post's colours until the text has been painted.
        """
        self._held = held
        if held:
            self._frontier = 0
            self._step_timer.stop()
        elif self._frontier is not None:
            self._step_timer.start()

    def hold_steps(self, held: bool) -> None:
        """Hold (True) or resume (False) the background steps.

        A long text put into the editor in slices holds them, so the steps never catch
        up with the end of the text and the slices still arriving stay deferred.
        """
        if held:
            self._step_timer.stop()
        elif self._frontier is not None and not self._held:
            self._step_timer.start()

    def rehighlight_progressively(self) -> None:
        """Re-highlight everything; long documents in steps from the top."""
        document = self.document()
        self.prepare_for_load(document.blockCount() if document is not None else 0)
        self.rehighlight()

    def is_complete(self) -> bool:
        """True when no line waits for a background highlighting step."""
        return self._frontier is None

    def finish(self) -> None:
        """Highlight all waiting lines now (tests, export of formats)."""
        while self._frontier is not None:
            self._highlight_step(budget_ms=None)

    def _highlight_step(self, budget_ms: float | None = STEP_BUDGET_MS) -> None:
        document = self.document()
        if self._frontier is None or document is None:
            self._step_timer.stop()
            return
        if self._frontier >= document.blockCount():
            self._frontier = None
            self._step_timer.stop()
            return
        block = document.findBlockByNumber(self._frontier)
        count = self._step_blocks if budget_ms is not None else document.blockCount()
        self._frontier += count
        if self._frontier >= document.blockCount():
            self._frontier = None
            self._step_timer.stop()
        started = time.perf_counter()
        # Qt continues from this block while block states change, i.e. up to the
        # first line still past the frontier.
        self.rehighlightBlock(block)
        if budget_ms is not None:
            elapsed_ms = max(0.1, (time.perf_counter() - started) * 1000)
            scaled = round(self._step_blocks * budget_ms / elapsed_ms)
            self._step_blocks = max(20, min(5000, scaled))

    # ------------------------------------------------------------------ highlighting

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Tokenise this line from the previous line's state and apply formats."""
        if self._frontier is not None and self.currentBlock().blockNumber() >= self._frontier:
            self.setCurrentBlockState(DEFERRED_STATE)
            return
        from editor.authoring.tokens import tokenize_line  # after the first paint

        runs, end_state = tokenize_line(text, self._body_format, self.previousBlockState())
        self.setCurrentBlockState(end_state)
        if not runs:
            return
        tints = house_tints(text)
        bolds = bold_ranges(text)
        index = Utf16Index(text)
        if not tints and not bolds:
            for run in runs:
                self._apply(index, run.start, run.start + run.length, (run.token, None, False))
            return
        self._apply_with_overlays(index, runs, tints, bolds)

    def _apply_with_overlays(
        self,
        index: Utf16Index,
        runs: list[Run],
        tints: list[Tint],
        bolds: list[tuple[int, int]],
    ) -> None:
        # Split token runs wherever a tint or bold range starts or ends, so each
        # piece has one (token, tint, bold) combination.
        cuts = sorted({t.start for t in tints} | {t.end for t in tints}
                      | {s for s, _ in bolds} | {e for _, e in bolds})
        for run in runs:
            start, end = run.start, run.start + run.length
            pieces = [start, *cuts[bisect_right(cuts, start): bisect_right(cuts, end - 1)], end]
            for piece_start, piece_end in zip(pieces, pieces[1:], strict=False):
                tint = None
                for candidate in tints:  # few per line; the innermost (last) wins
                    if candidate.start <= piece_start < candidate.end:
                        tint = candidate.rgba
                bold = any(s <= piece_start < e for s, e in bolds)
                self._apply(index, piece_start, piece_end, (run.token, tint, bold))

    def _apply(self, index: Utf16Index, start: int, end: int, key: _FormatKey) -> None:
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = self._make_format(*key)
        # Qt counts UTF-16 units; emoji take two.
        first = index.to_utf16(start)
        self.setFormat(first, index.to_utf16(end) - first, fmt)

    def _make_format(self, token: object, tint: Rgba | None, bold: bool) -> QTextCharFormat:
        style = token_style(self._style_name, token)
        fmt = QTextCharFormat()
        if style.color:
            fmt.setForeground(QColor(style.color))
        if style.background:
            fmt.setBackground(QColor(style.background))
        if style.bold or bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if style.italic:
            fmt.setFontItalic(True)
        if style.underline:
            fmt.setFontUnderline(True)
        if tint is not None:
            r, g, b, alpha = tint
            fmt.setBackground(QColor(r, g, b, round(alpha * 255)))
        return fmt
