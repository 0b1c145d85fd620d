"""The editor's settings: one table of typed defaults over an INI file in the config folder.

Unknown keys are rejected, values are checked against the default's type (and allowed
choices), and only values that differ from their default are written, so the file stays
short and a changed default reaches every user who never touched that setting.

Code reads and writes them through two typed views of the same file:
``settings.prefs`` (what the writer chose: theme, language, word wrap, signature, ...)
and ``settings.session`` (what the editor remembers between runs: window geometry,
panes, recent files, last folders and export choices), e.g. ``settings.prefs.theme``.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QSettings

from editor import paths

MAX_RECENT_FILES = 10
LANGUAGES = ("system", "en", "ko")
# The names of editor.export.exporter.TARGETS (kept here so settings need not import the exporters).
EXPORT_TARGETS = ("html", "fragment", "pdf", "markdown", "html-body", "post")


@dataclass(frozen=True)
class Setting:
    """One setting: its default value and, for strings, the allowed choices (if any)."""

    default: Any
    choices: tuple[str, ...] = ()


# The one table: every key, its type (the default's) and default. Preferences and Session
# below give each key a typed attribute; tests check that each key has exactly one.
DEFAULTS: dict[str, Setting] = {
    "window/geometry": Setting(b""),
    "window/splitter_sizes": Setting([]),
    # Where the docks (highlights, checklist) sit and how big they are (QMainWindow.saveState).
    "window/dock_state": Setting(b""),
    "panes/form": Setting(True),
    "panes/editor": Setting(True),
    "panes/preview": Setting(True),
    "files/recent": Setting([]),
    "files/last_folder": Setting(""),
    "preview/offline": Setting(False),
    # "@site" (render.themes.SITE_LOOK): a site's post in the site's own look, else "default".
    "preview/theme": Setting("@site"),
    "ui/language": Setting("system", LANGUAGES),
    "editor/word_wrap": Setting(True),
    # View > Source Font… (QFont.toString(); "" is the bundled monospace font) and zoom.
    "editor/font": Setting(""),
    "view/source_zoom": Setting(0.0),
    "view/preview_zoom": Setting(1.0),
    # The window's colours: follow the desktop, or always light or dark.
    "ui/window_theme": Setting("system", ("system", "light", "dark")),
    # View > Check Spelling (editor/ui/source/spelling_window.py).
    "editor/spelling": Setting(True),
    # Dictionaries for posts whose front matter and site name no ``lang`` (comma-separated).
    "editor/spelling_languages": Setting("ko,en_US"),
    # Also save the file itself at each autosave pause (the recovery journal is always on).
    "files/autosave_to_file": Setting(False),
    # The posts open when the window closed, reopened at the next start unless turned off.
    "files/open_posts": Setting([]),
    # Where the writer was in each of them ({"path", "anchor", "position", "line"}) and
    # which one was shown.
    "files/post_places": Setting([]),
    "files/current_post": Setting(""),
    "files/reopen_posts": Setting(True),
    # File > Export… and Export Folder… remember the last choices ("" theme: the preview's).
    "export/target": Setting("html", EXPORT_TARGETS),
    "export/theme": Setting(""),
    "export/embed_images": Setting(False),
    "export/include_header": Setting(False),
    "export/page_size": Setting("a4", ("a4", "letter")),
    "export/allow_remote": Setting(False),
    "export/folder": Setting(""),
    "export/batch_target": Setting("html", EXPORT_TARGETS),
    "export/batch_source": Setting(""),
    "export/batch_output": Setting(""),
    "panes/checklist": Setting(False),
    # House authoring tools (editor/ui/authoring.py): the highlights panel and the
    # signature footer that Insert Signature writes.
    "panes/highlights": Setting(True),
    "panes/outline": Setting(False),  # the outline of headings (ui/authoring/outline_panel.py)
    "signature/text": Setting(""),
    "signature/link_text": Setting(""),
    "signature/url": Setting(""),
}


def settings_path() -> Path:
    """Where the settings file lives (follows ``ARTICLE_EDITOR_CONFIG_DIR`` in tests)."""
    return paths.config_dir() / "settings.ini"


def _encode(value: Any) -> str:
    # Everything is stored as text: QSettings' INI backend turns one-element lists into
    # plain strings and booleans into "true", so typed round trips are done here instead.
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return json.dumps(value, ensure_ascii=False)


def _decode(raw: str, default: Any) -> Any:
    if isinstance(default, bytes):
        return base64.b64decode(raw.encode("ascii"), validate=True)
    return json.loads(raw)


def _check(key: str, value: Any) -> Any:
    """Return ``value`` if it fits ``key``'s default type, else raise TypeError/ValueError."""
    spec = DEFAULTS[key]
    default = spec.default
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(f"setting {key!r} takes a bool, not {type(value).__name__}")
    elif isinstance(default, bytes):
        if isinstance(value, (bytearray, memoryview)):
            value = bytes(value)
        elif hasattr(value, "data") and not isinstance(value, (str, bytes)):
            value = bytes(value.data())  # QByteArray
        if not isinstance(value, bytes):
            raise TypeError(f"setting {key!r} takes bytes, not {type(value).__name__}")
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise TypeError(f"setting {key!r} takes a str, not {type(value).__name__}")
        if spec.choices and value not in spec.choices:
            raise ValueError(f"setting {key!r} must be one of {spec.choices}, not {value!r}")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"setting {key!r} takes a number, not {type(value).__name__}")
        value = float(value)
    elif isinstance(default, list):
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"setting {key!r} takes a list, not {type(value).__name__}")
        value = list(value)
    return value


class Settings:
    """The settings file: ``prefs`` and ``session`` views; ``get``/``set`` by key underneath."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    @staticmethod
    def _known(key: str) -> Setting:
        try:
            return DEFAULTS[key]
        except KeyError:
            raise KeyError(f"unknown setting {key!r}") from None

    def get(self, key: str) -> Any:
        """The stored value of ``key``, or its default when unset or unreadable."""
        spec = self._known(key)
        raw = self._qsettings.value(key)
        if raw is None:
            return _copy(spec.default)
        try:
            return _check(key, _decode(str(raw), spec.default))
        except (ValueError, TypeError):
            # A hand-edited or older file must never stop the editor from starting.
            return _copy(spec.default)

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` for ``key``; storing the default removes the key from the file."""
        spec = self._known(key)
        value = _check(key, value)
        if value == spec.default:
            self._qsettings.remove(key)
        else:
            self._qsettings.setValue(key, _encode(value))

    def reset(self, key: str) -> None:
        """Forget ``key``'s stored value (it reads as its default again)."""
        self._known(key)
        self._qsettings.remove(key)

    def stored_keys(self) -> list[str]:
        """Keys present in the file (the ones that differ from their defaults)."""
        return list(self._qsettings.allKeys())

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qsettings.sync()

    @property
    def prefs(self) -> Preferences:
        """The writer's preferences, as typed attributes."""
        return Preferences(self)

    @property
    def session(self) -> Session:
        """What the editor remembers between runs, as typed attributes."""
        return Session(self)


T = TypeVar("T")


class Value(Generic[T]):
    """A typed attribute of a settings view, stored under ``key`` of DEFAULTS."""

    def __init__(self, key: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        self.key = key

    @overload
    def __get__(self, view: None, owner: type | None = None) -> Value[T]: ...
    @overload
    def __get__(self, view: _View, owner: type | None = None) -> T: ...

    def __get__(self, view: _View | None, owner: type | None = None) -> Any:
        if view is None:
            return self
        return view.store.get(self.key)

    def __set__(self, view: _View, value: T) -> None:
        view.store.set(self.key, value)


class _View:
    def __init__(self, store: Settings) -> None:
        self.store = store

    @classmethod
    def keys(cls) -> dict[str, str]:
        """Attribute name -> settings key, for every typed attribute of this view."""
        return {name: value.key for name, value in vars(cls).items() if isinstance(value, Value)}


class Preferences(_View):
    """What the writer chose (Preferences dialog, View and Edit menus)."""

    theme = Value[str]("preview/theme")
    offline_preview = Value[bool]("preview/offline")
    language = Value[str]("ui/language")
    word_wrap = Value[bool]("editor/word_wrap")
    # Also save the file itself at each autosave pause (the recovery journal is always on).
    autosave_to_file = Value[bool]("files/autosave_to_file")
    signature_text = Value[str]("signature/text")
    signature_link_text = Value[str]("signature/link_text")
    signature_url = Value[str]("signature/url")
    window_theme = Value[str]("ui/window_theme")  # system, light or dark
    source_font = Value[str]("editor/font")  # QFont.toString(); "": the default
    check_spelling = Value[bool]("editor/spelling")
    spelling_languages = Value[str]("editor/spelling_languages")  # "ko,en_US", "en_US", …
    reopen_posts = Value[bool]("files/reopen_posts")  # the open posts come back at start


PANES = ("form", "editor", "preview", "checklist", "highlights", "outline")


class Session(_View):
    """What the editor remembers between runs: window, panes, files, last export choices."""

    window_geometry = Value[bytes]("window/geometry")
    splitter_sizes = Value[list]("window/splitter_sizes")
    dock_state = Value[bytes]("window/dock_state")
    source_zoom = Value[float]("view/source_zoom")  # points added to the source font
    preview_zoom = Value[float]("view/preview_zoom")  # the preview's zoom factor
    last_folder = Value[str]("files/last_folder")
    open_posts = Value[list]("files/open_posts")  # paths of the tabs at the last close
    post_places = Value[list]("files/post_places")  # cursor and top line of each of them
    current_post = Value[str]("files/current_post")  # the one shown at the last close
    export_target = Value[str]("export/target")
    export_theme = Value[str]("export/theme")  # "": the preview's theme
    export_embed_images = Value[bool]("export/embed_images")
    export_include_header = Value[bool]("export/include_header")
    export_page_size = Value[str]("export/page_size")
    export_allow_remote = Value[bool]("export/allow_remote")
    export_folder = Value[str]("export/folder")
    batch_target = Value[str]("export/batch_target")
    batch_source = Value[str]("export/batch_source")
    batch_output = Value[str]("export/batch_output")
    _recent = Value[list]("files/recent")
    _form_pane = Value[bool]("panes/form")
    _editor_pane = Value[bool]("panes/editor")
    _preview_pane = Value[bool]("panes/preview")
    _checklist_pane = Value[bool]("panes/checklist")
    _highlights_pane = Value[bool]("panes/highlights")
    _outline_pane = Value[bool]("panes/outline")

    def pane_visible(self, pane: str) -> bool:
        """Whether ``pane`` (one of PANES) was shown when last closed."""
        return bool(self.store.get(self._pane_key(pane)))

    def set_pane_visible(self, pane: str, visible: bool) -> None:
        self.store.set(self._pane_key(pane), visible)

    @staticmethod
    def _pane_key(pane: str) -> str:
        if pane not in PANES:
            raise KeyError(f"unknown pane {pane!r}")
        return f"panes/{pane}"

    @property
    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return [p for p in self._recent if isinstance(p, str)]

    def add_recent_file(self, path: str | Path) -> None:
        """Put ``path`` first in the recent list (at most MAX_RECENT_FILES kept)."""
        name = str(Path(path).resolve())
        files = [p for p in self.recent_files if p != name]
        self._recent = [name, *files][:MAX_RECENT_FILES]

    def clear_recent_files(self) -> None:
        """Forget every recent file (File > Open Recent > Clear Recent Files)."""
        self._recent = []

    def remove_recent_file(self, path: str | Path) -> None:
        """Drop ``path`` from the recent list (e.g. the file no longer exists)."""
        name = str(path)
        self._recent = [p for p in self.recent_files if p != name]


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
