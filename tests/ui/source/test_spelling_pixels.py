"""Pixel test of spelling underlines: red waves under a Korean and an English misspelling
in the source editor and in a title line, none under correctly spelt words (run under
Xvfb)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QTextCursor

from editor.ui.source.editor import SourceEditor
from editor.ui.source.spelling import SpellingService, SpellingUnderlines

pytestmark = pytest.mark.xvfb

WAIT_MS = 30_000
TEXT = "<p>비가 와서 우산을 삿다.</p>\n<p>I will recieve the parcel today.</p>\n"


def red_pixels(editor: SourceEditor, image: QImage, word: str, start: int | None = None) -> int:
    """Red pixels in the lower half of ``word``'s line box and just below it (the
    ``word`` at ``start``, or its first)."""
    if start is None:
        start = editor.body_text().index(word)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    left = editor.cursorRect(cursor)
    cursor.setPosition(start + len(word))
    right = editor.cursorRect(cursor)
    scale = image.devicePixelRatio()
    count = 0
    top = int((left.top() + left.height() / 2) * scale)
    bottom = min(int((left.bottom() + 4) * scale), image.height() - 1)
    for y in range(top, bottom + 1):
        for x in range(int(left.left() * scale), int(right.left() * scale)):
            colour = image.pixelColor(x, y)
            # Red clearly above green and blue (the wave is thin and anti-aliased).
            if colour.red() - max(colour.green(), colour.blue()) > 60:
                count += 1
    return count


def checked_editor(qtbot) -> tuple[SourceEditor, SpellingUnderlines]:
    """A shown 700×200 source editor checked in Korean and English."""
    editor = SourceEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 200)
    editor.show()
    qtbot.waitExposed(editor)
    underlines = SpellingUnderlines(editor, SpellingService.shared(), editor.body_format)
    underlines.set_languages(["ko", "en_US"])
    underlines.set_enabled(True)
    return editor, underlines


def test_red_waves_under_a_korean_and_an_english_misspelling(qtbot):
    editor, underlines = checked_editor(qtbot)
    with qtbot.waitSignal(underlines.checked, timeout=WAIT_MS):
        editor.set_body_text(TEXT)
    assert [w for *_x, w in underlines.misspellings()] == ["삿다", "recieve"]
    qtbot.wait(100)  # let the viewport paint
    image = editor.viewport().grab().toImage()
    assert red_pixels(editor, image, "삿다") >= 6
    assert red_pixels(editor, image, "recieve") >= 10
    assert red_pixels(editor, image, "우산을") == 0
    assert red_pixels(editor, image, "parcel") == 0


def test_red_waves_under_misspellings_in_a_title_line(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from editor.ui.source.spelling_line import LineUnderlines

    line = QLineEdit()
    qtbot.addWidget(line)
    line.resize(500, line.sizeHint().height())
    line.show()
    qtbot.waitExposed(line)
    underlines = LineUnderlines(line, SpellingService.shared())
    underlines.set_languages(["ko", "en_US"])
    underlines.set_enabled(True)
    with qtbot.waitSignal(underlines.checked, timeout=WAIT_MS):
        line.setText("우산을 삿다 and recieve it")
    assert [w for *_x, w in underlines.misspellings()] == ["삿다", "recieve"]
    qtbot.wait(100)
    image = line.grab().toImage()
    spans = dict(zip(["삿다", "recieve"], underlines.overlay.word_spans(), strict=True))
    scale = image.devicePixelRatio()

    def red_in(left: float, right: float) -> int:
        return sum(1 for y in range(image.height()) for x in range(int(left * scale),
                                                                    int(right * scale))
                   if (c := image.pixelColor(x, y)).red() - max(c.green(), c.blue()) > 60)

    assert red_in(*spans["삿다"][:2]) >= 4
    assert red_in(*spans["recieve"][:2]) >= 8
    # Nothing red under the correctly spelt "and" between them.
    assert red_in(spans["삿다"][1] + 4, spans["recieve"][0] - 4) == 0


def test_the_waves_follow_the_text_when_it_scrolls(qtbot):
    """Scrolling moves the viewport's contents; the waves stay under their words."""
    editor, underlines = checked_editor(qtbot)
    filler = "".join(f"<p>Line {n} is spelt well.</p>\n" for n in range(60))
    with qtbot.waitSignal(underlines.checked, timeout=WAIT_MS):
        editor.set_body_text(TEXT + filler + TEXT)
    seen = 0
    for step in (1, 57):  # a small scroll moves the pixels, a large one repaints
        bar = editor.verticalScrollBar()
        bar.setValue(bar.value() + step)
        qtbot.wait(50)
        image = editor.viewport().grab().toImage()
        for word in ("recieve", "parcel"):
            cursor = QTextCursor(editor.document())
            for start in _all(editor.body_text(), word):
                cursor.setPosition(start)
                rect = editor.cursorRect(cursor)
                if rect.top() < 0 or rect.bottom() > editor.viewport().height() - 4:
                    continue
                red = red_pixels(editor, image, word, start)
                assert (red >= 10) if word == "recieve" else (red == 0), (step, word)
                seen += word == "recieve"
    assert seen == 2  # one "recieve" in view after each scroll


def _all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
