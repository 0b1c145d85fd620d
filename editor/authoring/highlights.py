"""Highlights: the house's bold, coloured spans inside a sentence, in one place to import.

The work is split by what it is about:

- :mod:`editor.authoring.presets`: the presets, their markup, loading and saving;
- :mod:`editor.authoring.highlight_scan`: finding highlights and their warnings;
- :mod:`editor.authoring.highlight_edit`: applying a preset to a selection;
- :mod:`editor.markup`: reading tags, styles and colours (shared by all of the core).
"""

from __future__ import annotations

from editor.authoring.highlight_edit import Edit, apply_preset
from editor.authoring.highlight_scan import Highlight, find_highlights, style_highlight
from editor.authoring.presets import (
    KINDS,
    USER_FILE_NAME,
    Preset,
    PresetError,
    PresetLoad,
    default_presets,
    load_presets,
    match_preset,
    parse_presets,
    save_presets,
    user_presets_file,
    validate_preset,
)

__all__ = [
    "KINDS", "USER_FILE_NAME", "Edit", "Highlight", "Preset", "PresetError", "PresetLoad",
    "apply_preset", "default_presets", "find_highlights", "load_presets", "match_preset",
    "parse_presets", "save_presets", "style_highlight", "user_presets_file", "validate_preset",
]
