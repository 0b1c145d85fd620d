"""The source editor's font: monospace, with Hangul at double width so columns line up."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

#: Monospace families tried in order; both carry Hangul at double width, so Korean
#: and Latin text line up in columns.
PREFERRED_FONTS = ("D2Coding", "Noto Sans Mono CJK KR", "NanumGothicCoding")
#: Fallbacks for Hangul when the chosen family lacks it.
HANGUL_FALLBACKS = ("Noto Sans Mono CJK KR", "Noto Sans CJK KR", "NanumGothic", "Malgun Gothic")

def editor_font(point_size: float | None = None) -> QFont:
    """A monospace font with Hangul: D2Coding / Noto Sans Mono CJK KR, else the system one."""
    available = set(QFontDatabase.families())
    families = [name for name in PREFERRED_FONTS if name in available]
    if families:
        font = QFont(families[0])
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    fallbacks = [f for f in HANGUL_FALLBACKS if f in available and f != font.family()]
    font.setFamilies([font.family(), *fallbacks])
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    if point_size:
        font.setPointSizeF(point_size)
    return font
