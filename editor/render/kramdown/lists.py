"""List nesting as kramdown reads it: an item's content lines up with its text.

kramdown takes a line into a list item when it is indented at least to the column
where the item's text starts (two spaces under ``- ``, three under ``1. ``);
Python-Markdown wants four spaces for each level. The preprocessor re-indents list
content from kramdown's columns to Python-Markdown's levels, so a list nested by two
spaces nests in the preview as it does on the site. Lines that are not in a list are
left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.preprocessors import Preprocessor

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_ITEM_RE = re.compile(r"([*+-]|\d+\.)([ \t]+|$)")
_LIST_LINE_RE = re.compile(r"^[ ]{0,3}(?:[*+-]|\d+\.)(?:[ \t]|$)", re.MULTILINE)


def _indent_of(line: str) -> tuple[int, str]:
    """Width of the line's indentation (tabs to the next multiple of four), and the rest."""
    width = 0
    for index, char in enumerate(line):
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            return width, line[index:]
    return width, ""


def reindent_lists(lines: list[str]) -> list[str]:
    """``lines`` with list content indented four spaces per level instead of by column."""
    result: list[str] = []
    columns: list[int] = []  # where the text of each open item starts, outermost first
    previous_blank = True
    for line in lines:
        if not line.strip():
            result.append(line)
            previous_blank = True
            continue
        indent, rest = _indent_of(line)
        item = _ITEM_RE.match(rest)
        if columns and indent < columns[-1] and item is None and not previous_blank:
            # A lazy continuation line: it belongs to the paragraph it follows.
            result.append(line)
            previous_blank = False
            continue
        while columns and indent < columns[-1]:
            columns.pop()
        depth = len(columns)
        relative = indent - (columns[-1] if columns else 0)
        if item is not None and relative <= 3:
            spaces = _indent_of(item.group(2))[0] if item.group(2) else 1
            # Text five or more spaces in is an indented code block: it counts one.
            width = len(item.group(1)) + (spaces if 0 < spaces <= 4 else 1)
            columns.append(indent + width)
        if depth or item is not None:
            result.append(" " * (4 * depth + relative) + rest)
        else:
            result.append(line)
        previous_blank = False
    return result


class ListRulesExtension(Extension):
    """kramdown's list rules: nesting by text column; a new kind of list is a new list."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        SaneListExtension().extendMarkdown(md)
        # After fences (25) and attribute lists (24) are out of the way.
        md.preprocessors.register(_ListIndentPreprocessor(md), "kramdown_lists", 23)


class _ListIndentPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if _LIST_LINE_RE.search("\n".join(lines)) is None:
            return lines
        return reindent_lists(lines)
