"""List nesting as kramdown reads it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown.extensions import Extension

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions


class ListRulesExtension(Extension):
    """kramdown's list rules."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        pass
