"""Preview/export themes: bundled and user CSS files, and the Pygments CSS matching each.

A theme is one CSS file named ``<name>.css``, bundled in ``resources/themes/`` or
placed by the user in ``<config dir>/themes/``; a user theme overrides a bundled one
of the same name. Comments in the file set two things: ``extends: default`` puts
another theme's CSS before this one (so a colour variant holds only its colours),
and ``pygments-style: monokai`` picks the code colours (any Pygments style;
inherited from the extended theme, ``default`` otherwise).

Reads are cached by path, modification time and size, so ``page()`` costs a
``stat()`` per call and a user editing a theme file sees the change on the next render.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from editor import paths
from editor.render.theme_error import ThemeError  # raised here; catching it needs no renderer

DEFAULT_THEME = "default"
DEFAULT_PYGMENTS_STYLE = "default"
# The "Site" look: a post of a Jekyll site shown in its own built page (editor.site.build),
# other posts (and site posts until the build is ready) in the default theme. Not a valid
# theme file name, so no CSS file can take its place.
SITE_LOOK = "@site"

_NAME_RE = re.compile(r"[\w][\w .-]*")
_PYGMENTS_STYLE_RE = re.compile(r"pygments-style\s*:\s*([\w-]+)")
# "extends: NAME" on a line of the file's first comment.
_EXTENDS_RE = re.compile(
    r"\s*/\*(?:(?!\*/).)*?\bextends\s*:\s*([\w][\w.-]*)", re.DOTALL
)
_MAX_EXTENDS = 8


def _bundled_dir() -> Path:
    return paths.resource("themes")


def _user_dir() -> Path:
    return paths.config_dir() / "themes"


def _stems(folder: Path) -> set[str]:
    try:
        return {p.stem for p in folder.glob("*.css") if p.is_file()}
    except OSError:
        return set()


def theme_names() -> list[str]:
    """Names of all themes, bundled and user ones, ``default`` first, then sorted."""
    names = _stems(_bundled_dir()) | _stems(_user_dir())
    rest = sorted(names - {DEFAULT_THEME}, key=str.casefold)
    return ([DEFAULT_THEME] if DEFAULT_THEME in names else []) + rest


def look_names() -> list[str]:
    """What the preview can show: the "Site" look, then every theme."""
    return [SITE_LOOK, *theme_names()]


def bundled_theme(look: str) -> str:
    """The theme shown for ``look`` where no site page is: the default for the Site look."""
    return DEFAULT_THEME if look == SITE_LOOK else look


def theme_path(name: str) -> Path:
    """The CSS file of theme ``name`` (the user's copy wins); raises ThemeError if none."""
    if not _NAME_RE.fullmatch(name):
        raise ThemeError(name, f"Invalid theme name {name!r}.")
    for folder in (_user_dir(), _bundled_dir()):
        candidate = folder / f"{name}.css"
        if candidate.is_file():
            return candidate
    known = ", ".join(theme_names()) or "none"
    raise ThemeError(name, f"Unknown theme {name!r} (available: {known}).")


def theme_css(name: str) -> str:
    """The CSS of theme ``name`` after that of the themes it extends; ThemeError if none."""
    parts = [_own_css(theme) for theme in _lineage(name)]
    return "\n".join(reversed(parts))


def _own_css(name: str) -> str:
    path = theme_path(name)
    try:
        stat = path.stat()
        return _read_css(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        raise ThemeError(name, f"Cannot read theme {name!r} ({path}): {exc.strerror}.") from exc


def _lineage(name: str) -> list[str]:
    """``name`` and the themes it extends, nearest first."""
    lineage = [name]
    while True:
        match = _EXTENDS_RE.match(_own_css(lineage[-1]))
        if match is None:
            return lineage
        parent = match.group(1)
        if parent in lineage or len(lineage) > _MAX_EXTENDS:
            raise ThemeError(name, f"Theme {name!r} extends itself through {parent!r}.")
        lineage.append(parent)


@lru_cache(maxsize=32)
def _read_css(path: str, mtime_ns: int, size: int) -> str:
    # mtime and size are part of the cache key only: an edited file is read again.
    return Path(path).read_text(encoding="utf-8", errors="replace")


def pygments_style(theme: str) -> str:
    """The Pygments style a theme asks for in its ``pygments-style:`` comment."""
    for name in _lineage(theme):
        match = _PYGMENTS_STYLE_RE.search(_own_css(name))
        if match and match.group(1) in _pygments_styles():
            return match.group(1)
    return DEFAULT_PYGMENTS_STYLE


def pygments_css(theme: str) -> str:
    """CSS for highlighted code blocks (class ``highlight``) in the colours of ``theme``."""
    return _style_css(pygments_style(theme))


@lru_cache(maxsize=1)
def _pygments_styles() -> frozenset[str]:
    from pygments.styles import get_all_styles

    return frozenset(get_all_styles())


@lru_cache(maxsize=16)
def _style_css(style: str) -> str:
    # Imported here: listing the themes (the window does it at start-up) needs neither.
    from pygments.formatters import HtmlFormatter
    from pygments.util import ClassNotFound

    from editor.render.html import CSS_CLASS

    try:
        formatter = HtmlFormatter(style=style, cssclass=CSS_CLASS)
    except ClassNotFound:
        formatter = HtmlFormatter(style=DEFAULT_PYGMENTS_STYLE, cssclass=CSS_CLASS)
    return formatter.get_style_defs(f".{CSS_CLASS}")
