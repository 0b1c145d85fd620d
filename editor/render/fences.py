"""Fence attribute lists that Python-Markdown's fenced code can take without failing.

Python-Markdown hands every ``key=value`` of a fence's attribute list
(```` ``` {#id .python key="value"} ````) to CodeHilite and Pygments as options. Posts
converted from other blogs carry attributes meant for HTML there (``style=``,
``ke-type=``): ``style`` collides with CodeHilite's own argument and the conversion
fails, other keys reach Pygments as options it rejects. A highlighted block has no
place for them anyway, so this extension keeps what a fence can use (its id, its
classes, ``hl_lines`` and ``linenums`` with a valid value) and drops the rest before
the fence is read. The block shows highlighted as its language says.
"""

from __future__ import annotations

import re

import markdown
from markdown import Extension
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.preprocessors import Preprocessor

from editor.render.posmap import fences_in

_LINE_NUMBERS_RE = re.compile(r"[\d\s]+")
_SWITCHES = frozenset("true false yes no on off none".split())
_NAME_RE = re.compile(r"[\w-]+")


class FenceAttributesExtension(Extension):
    """Keep only the fence attributes CodeHilite can take (see the module)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown API
        # Before fenced_code_block (25) and the plain fences of the speed-ups (26).
        md.preprocessors.register(_FenceAttributes(md), "fence_attributes", 27)


def usable_attributes(attrs: str) -> str | None:
    """``attrs`` (inside the braces) with only the usable attributes; None if unchanged."""
    pairs, remainder = get_attrs_and_remainder(attrs)
    if remainder:
        return None  # not an attribute list: fenced code leaves the fence alone
    kept = []
    changed = False
    for key, value in pairs:
        if key == "id" and value and _NAME_RE.fullmatch(value):
            kept.append(f"#{value}")
        elif key == "." and value and _NAME_RE.fullmatch(value.replace(".", "")):
            kept.append(f".{value}")
        elif key == "hl_lines" and value and _LINE_NUMBERS_RE.fullmatch(value):
            kept.append(f'hl_lines="{value.strip()}"')
        elif key == "linenums" and (value or "").lower() in _SWITCHES:
            kept.append(f'linenums="{value}"')
        else:
            changed = True
    return " ".join(kept) if changed else None


class _FenceAttributes(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("{" in line for line in lines):
            return lines
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        pieces = []
        copied = 0
        for match in fences_in(text):
            attrs = match.group("attrs")
            if attrs is None:
                continue
            usable = usable_attributes(attrs)
            if usable is None:
                continue
            pieces += (text[copied : match.start("attrs")], usable)
            copied = match.end("attrs")
        if not pieces:
            return lines
        pieces.append(text[copied:])
        return "".join(pieces).split("\n")
