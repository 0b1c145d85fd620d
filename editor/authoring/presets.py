"""Highlight presets: the styles a writer picks, the exact markup each writes, and where they live.

Presets come from the bundled ``resources/highlights.yaml``; a ``highlights.yaml``
in the user's config folder replaces that list entirely (so writers can reorder
and delete presets, and their list survives upgrades).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from editor import paths
from editor.document.safe_yaml import YamlError, load_yaml
from editor.errors import EditorError
from editor.markup import RGBA, hex_to_rgba, is_hex_colour, parse_colour, same_colour

KINDS = ("color", "background", "bold")
USER_FILE_NAME = "highlights.yaml"

_ID_RE = re.compile(r"[A-Za-z0-9_-]+")


class PresetError(EditorError, ValueError):
    """A preset definition is invalid (bad colour, unknown kind, duplicate id, ...)."""


@dataclass(frozen=True)
class Preset:
    """One highlight style: what the writer picks, and the exact markup it writes."""

    id: str
    name: str
    shortcut: str = ""
    kind: str = "color"
    color: str | None = None

    def open_tag(self) -> str:
        """The markup written before the highlighted text."""
        if self.kind == "bold":
            return "<b>"
        prop = "color" if self.kind == "color" else "background-color"
        return f'<b><span style="{prop}: {self.color};">'

    def close_tag(self) -> str:
        """The markup written after the highlighted text."""
        return "</b>" if self.kind == "bold" else "</span></b>"

    def wrap(self, text: str) -> str:
        """``text`` wrapped in this preset's markup."""
        return f"{self.open_tag()}{text}{self.close_tag()}"

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping as stored in highlights.yaml."""
        data: dict[str, Any] = {"id": self.id, "name": self.name, "shortcut": self.shortcut,
                                "kind": self.kind}
        if self.color is not None:
            data["color"] = self.color
        return data


class PresetLoad(NamedTuple):
    """Result of :func:`load_presets`: the presets to use and why the user's file was ignored.

    ``error`` is None when everything loaded; otherwise a sentence for the UI, and
    ``presets`` holds the bundled defaults. Unpacks as ``presets, error = load_presets()``.
    """

    presets: list[Preset]
    error: str | None


def validate_preset(data: Any, index: int = 0) -> Preset:
    """Build one :class:`Preset` from a mapping, raising :class:`PresetError` if it is wrong."""
    where = f"preset {index + 1}"
    if not isinstance(data, dict):
        raise PresetError(f"{where}: expected a mapping with id, name, kind and color")
    pid = str(data.get("id") or "").strip()
    name = str(data.get("name") or "").strip()
    if not pid or not _ID_RE.fullmatch(pid):
        raise PresetError(f"{where}: id must be letters, digits, '-' or '_' (got {pid!r})")
    where = f"preset {pid!r}"
    if not name:
        raise PresetError(f"{where}: name is missing")
    kind = str(data.get("kind") or "").strip().lower()
    if kind not in KINDS:
        raise PresetError(f"{where}: kind must be one of {', '.join(KINDS)} (got {kind!r})")
    shortcut = data.get("shortcut") or ""
    if not isinstance(shortcut, str):
        raise PresetError(f"{where}: shortcut must be text like 'Ctrl+Alt+R'")
    color = data.get("color")
    if kind == "bold":
        color = None
    else:
        if not isinstance(color, str) or not is_hex_colour(color):
            raise PresetError(
                f"{where}: color must be #rgb, #rrggbb or #rrggbbaa (got {color!r}; "
                "quote it in YAML, '#' starts a comment)"
            )
        color = color.strip().lower()
    return Preset(id=pid, name=name, shortcut=shortcut.strip(), kind=kind, color=color)


def parse_presets(data: Any) -> list[Preset]:
    """Validate a loaded YAML document (``{presets: [...]}`` or a bare list)."""
    items = data.get("presets") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise PresetError("expected a non-empty list under 'presets:'")
    presets = [validate_preset(item, i) for i, item in enumerate(items)]
    seen: set[str] = set()
    for preset in presets:
        if preset.id in seen:
            raise PresetError(f"preset id {preset.id!r} is used twice")
        seen.add(preset.id)
    return presets


def _read_yaml(path: Path) -> Any:
    return load_yaml(path.read_text(encoding="utf-8"))


def default_presets() -> list[Preset]:
    """The bundled presets (resources/highlights.yaml)."""
    return parse_presets(_read_yaml(paths.resource(USER_FILE_NAME)))


def user_presets_file() -> Path:
    """Where the writer's own preset list lives."""
    return paths.config_dir() / USER_FILE_NAME


def load_presets(user_file: Path | None = None) -> PresetLoad:
    """The presets to use: the user's list if present and valid, else the bundled defaults.

    ``user_file`` defaults to :func:`user_presets_file`. A missing user file is not an
    error; an unreadable or invalid one yields the defaults plus an error message.
    """
    defaults = default_presets()
    path = user_file if user_file is not None else user_presets_file()
    if not path.is_file():
        return PresetLoad(defaults, None)
    try:
        return PresetLoad(parse_presets(_read_yaml(path)), None)
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"cannot be read ({exc})"
    except YamlError as exc:
        problem = f"is not valid YAML ({exc})"
    except PresetError as exc:
        problem = f"has an invalid entry: {exc}"
    return PresetLoad(defaults, f"Highlight presets in {path} {problem}; using the defaults.")


def save_presets(presets: list[Preset], path: Path | None = None) -> Path:
    """Write ``presets`` to the user's file (atomically) and return its path.

    Raises :class:`PresetError` if the list is invalid, ``OSError`` if it cannot be written.
    """
    parse_presets([p.to_dict() for p in presets])  # same rules as loading
    target = path if path is not None else user_presets_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Highlight presets (see the bundled highlights.yaml for the format).", "presets:"]
    for p in presets:
        lines.append(f"  - id: {_yaml_str(p.id)}")
        lines.append(f"    name: {_yaml_str(p.name)}")
        lines.append(f"    shortcut: {_yaml_str(p.shortcut)}")
        lines.append(f"    kind: {p.kind}")
        if p.color is not None:
            lines.append(f"    color: {_yaml_str(p.color)}")
    fd, tmp = tempfile.mkstemp(prefix=".highlights-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _yaml_str(value: str) -> str:
    # Double-quoted YAML is a superset of JSON strings: safe for '#', ':' and Korean.
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def match_preset(kind: str, color: str | RGBA | None, presets: list[Preset]) -> Preset | None:
    """The first preset of ``kind`` painting ``color`` (any case/form), or None."""
    rgba = parse_colour(color) if isinstance(color, str) else color
    for preset in presets:
        if preset.kind != kind:
            continue
        if kind == "bold":
            return preset
        if preset.color and same_colour(rgba, hex_to_rgba(preset.color)):
            return preset
    return None
