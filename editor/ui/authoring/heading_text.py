"""Text helpers of Insert > Heading: the label as HTML, and the line its text left empty."""

from __future__ import annotations

import re
from html import escape

# A paragraph or heading left with nothing inside once its text became a heading.
_EMPTY_BLOCK_RE = re.compile(r"<(p|h[1-6])(\s[^>]*)?>\s*</\1>", re.I)


def heading_label_html(label: str) -> str:
    """The heading's label as HTML text: whitespace runs become one space, ``<&>`` escaped."""
    return escape(" ".join(label.split()), quote=False)


def drop_emptied_line(text: str, offset: int) -> tuple[str, int]:
    """Remove the line at ``offset`` if taking a heading's text out of it left it empty.

    An empty paragraph (``<p></p>``) counts as empty: the heading replaces it.
    """
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].strip()
    if line and not _EMPTY_BLOCK_RE.fullmatch(line):
        return text, offset
    cut_end = min(len(text), line_end + 1)
    return text[:line_start] + text[cut_end:], line_start
