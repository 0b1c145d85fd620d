"""Syntax highlighting of HTML and Markdown post bodies in the source editor.

Qt calls ``highlightBlock`` for each changed line only; the lexer state at the end
of a line is kept as the block state, so Qt continues into the following lines only
when that state changes (an opened comment, a tag split over lines, fenced code).
The tokenising itself lives in ``editor.tokens``; this class maps its runs onto
text formats, adds the tint of house highlight spans and bolds ``<b>`` text.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor.search import Utf16Index
from editor.tokens import (
    BODY_FORMATS,
    EditorColours,
    Rgba,
    Run,
    Tint,
    bold_ranges,
    editor_colours,
    house_tints,
    style_name_for_theme,
    token_style,
    tokenize_line,
)

_FormatKey = tuple[object, Rgba | None, bool]


class BodyHighlighter(QSyntaxHighlighter):
    """Colours a post body from Pygments tokens, one block at a time."""

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
            self.rehighlight()

    def set_theme(self, theme: str) -> None:
        """Take colours from another theme and re-highlight."""
        style_name = style_name_for_theme(theme)
        self._theme = theme
        if style_name != self._style_name:
            self._style_name = style_name
            self._formats.clear()
            self.rehighlight()

    # ------------------------------------------------------------------ highlighting

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Tokenise this line from the previous line's state and apply formats."""
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
