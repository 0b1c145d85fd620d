"""Colours of the body source editor: token looks and chrome colours from a Pygments style.

The Qt highlighter maps these plain facts onto text formats; nothing here needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pygments.styles import get_style_by_name
from pygments.token import Token, _TokenType

#: Editor theme name -> Pygments style it takes its colours from.
THEME_STYLES = {"default": "default", "dark": "github-dark"}


@dataclass(frozen=True)
class TokenStyle:
    """How one token type looks: colours as ``#rrggbb`` or None, and font flags."""

    color: str | None = None
    background: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class EditorColours:
    """Colours of the editor chrome that go with a theme."""

    background: str
    foreground: str
    current_line: str
    gutter_background: str
    gutter_foreground: str
    gutter_current: str
    selection: str
    dark: bool


def style_name_for_theme(theme: str) -> str:
    """The Pygments style behind an editor theme; unknown themes use the default one."""
    return THEME_STYLES.get(theme, THEME_STYLES["default"])


def _hash(colour: str | None) -> str | None:
    if not colour:
        return None
    return colour if colour.startswith("#") else f"#{colour}"


@lru_cache(maxsize=4096)
def token_style(style_name: str, token: _TokenType) -> TokenStyle:
    """The look of ``token`` in a Pygments style (inherited from parent token types)."""
    info = get_style_by_name(style_name).style_for_token(token)
    return TokenStyle(
        color=_hash(info.get("color")),
        background=_hash(info.get("bgcolor")),
        bold=bool(info.get("bold")),
        italic=bool(info.get("italic")),
        underline=bool(info.get("underline")),
    )


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(ca, cb, strict=True))


def _normalise(colour: str) -> str:
    colour = _hash(colour) or "#ffffff"
    if len(colour) == 4:
        colour = "#" + "".join(ch * 2 for ch in colour[1:])
    return colour.lower()


@lru_cache(maxsize=16)
def editor_colours(style_name: str) -> EditorColours:
    """Background, text, current line, gutter and selection colours for a style."""
    style = get_style_by_name(style_name)
    background = _normalise(style.background_color or "#ffffff")
    dark = _luminance(background) < 0.5
    text = token_style(style_name, Token.Text).color
    foreground = _normalise(text) if text else ("#e6edf3" if dark else "#1f2328")
    toward = "#ffffff" if dark else "#000000"
    highlight = getattr(style, "highlight_color", None)
    # Pygments' light styles name a line highlight colour; dark ones often reuse
    # a colour too close to the background, so derive one there.
    if highlight and not dark:
        current_line = _normalise(highlight)
    else:
        current_line = _mix(background, toward, 0.06)
    return EditorColours(
        background=background,
        foreground=foreground,
        current_line=current_line,
        gutter_background=_mix(background, toward, 0.03),
        gutter_foreground=_mix(foreground, background, 0.55),
        gutter_current=foreground,
        selection="#264f78" if dark else "#b3d7ff",
        dark=dark,
    )
