"""The editor's settings: one table of typed defaults over an INI file in the config folder.

Unknown keys are rejected, values are checked against the default's type (and allowed
choices), and only values that differ from their default are written, so the file stays
short and a changed default reaches every user who never touched that setting.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


DEFAULTS: dict[str, Setting] = {
    "window/geometry": Setting(b""),
    "window/splitter_sizes": Setting([]),
    "panes/form": Setting(True),
    "panes/editor": Setting(True),
    "panes/preview": Setting(True),
    "files/recent": Setting([]),
    "files/last_folder": Setting(""),
    "preview/offline": Setting(False),
    "preview/theme": Setting("default"),
    "ui/language": Setting("system", LANGUAGES),
    "editor/word_wrap": Setting(True),
    # View > Check Spelling (editor/ui/source/spelling_window.py).
    "editor/spelling": Setting(True),
    # Also save the file itself at each autosave pause (the recovery journal is always on).
    "files/autosave_to_file": Setting(False),
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
    elif isinstance(default, list):
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"setting {key!r} takes a list, not {type(value).__name__}")
        value = list(value)
    return value


class Settings:
    """Typed access to the settings file; ``get``/``set`` accept only keys in DEFAULTS."""

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

    # Recent files -------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return [p for p in self.get("files/recent") if isinstance(p, str)]

    def add_recent_file(self, path: str | Path) -> None:
        """Put ``path`` first in the recent list (at most MAX_RECENT_FILES kept)."""
        name = str(Path(path).resolve())
        files = [p for p in self.recent_files() if p != name]
        self.set("files/recent", [name, *files][:MAX_RECENT_FILES])

    def remove_recent_file(self, path: str | Path) -> None:
        """Drop ``path`` from the recent list (e.g. the file no longer exists)."""
        name = str(path)
        self.set("files/recent", [p for p in self.recent_files() if p != name])


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
