"""Where the editor finds its bundled resources and keeps the user's files."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_SOURCE_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_dir() -> Path:
    """The folder of bundled resources (themes, schema, templates, ...).

    Installed, it is the ``editor.resources`` package; run from a source tree,
    the top-level ``resources/`` folder beside ``editor/``.
    """
    if _SOURCE_RESOURCES.is_dir():
        return _SOURCE_RESOURCES
    return Path(str(resources.files("editor.resources")))


def resource(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource("themes", "default.css")``."""
    return resource_dir().joinpath(*parts)


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / fallback


def config_dir() -> Path:
    """The user's settings folder (custom themes, highlight presets, settings)."""
    override = os.environ.get("ARTICLE_EDITOR_CONFIG_DIR")
    if override:
        return Path(override)
    return _xdg("XDG_CONFIG_HOME", ".config") / "article-editor"


def data_dir() -> Path:
    """The user's data folder (recovery journal and other state)."""
    override = os.environ.get("ARTICLE_EDITOR_DATA_DIR")
    if override:
        return Path(override)
    return _xdg("XDG_DATA_HOME", ".local/share") / "article-editor"


def cache_dir() -> Path:
    """The user's cache folder (site builds for the preview): safe to delete at any time."""
    override = os.environ.get("ARTICLE_EDITOR_CACHE_DIR")
    if override:
        return Path(override)
    return _xdg("XDG_CACHE_HOME", ".cache") / "article-editor"
