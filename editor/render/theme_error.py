"""The error for a preview theme that does not exist or cannot be read.

A module of its own so that code which only catches it (the exporters' error list, the
window) need not import the renderer.
"""

from __future__ import annotations

from editor.errors import EditorError


class ThemeError(EditorError, KeyError):
    """A theme that does not exist or cannot be read; ``message`` says which and why."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(name)
        self.name = name
        self.message = message

    def __str__(self) -> str:
        return self.message
