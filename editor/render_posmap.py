"""Source-line anchors for Markdown: a Python-Markdown extension marking top-level blocks.

Each top-level block of the rendered Markdown gets ``data-source-line="N"``, N being
the 1-based line of the Markdown text where the block starts, so the preview can
scroll in step with the source editor.

How it works (the idea of ReText's ``mdx_posmap``, made exact):

1. A preprocessor, running right after whitespace normalisation (while lines still
   match the source one to one), inserts a marker paragraph before each line that
   starts a top-level block.
2. A block processor turns each marker paragraph into a throw-away marker element.
3. A treeprocessor gives the line of each top-level marker to the element that
   follows it and drops every marker. Raw HTML blocks and fenced code are only
   placeholders in the tree at that point, so their line goes into the first start
   tag of the stashed HTML instead.
4. Markers that fell inside raw HTML blocks (a blank line inside a ``<div>``) are
   cut out of the stash again, restoring the exact original text.

Where a marker goes, and why only there (a marker must never change the output):

- after a blank line, before a line that is not indented (indented lines continue
  lists, code blocks and footnotes), is not a closing tag, and does not continue the
  block before it (a list item after a list, ``>`` after a quote, ``:`` definitions);
- without a blank line, before and after an ATX heading or a fence, and before a
  block-level start tag following a line that ends with ``>`` (HTML pasted line by
  line). There a blank line is added as well, which Python-Markdown treats the same.

Limits: a block that starts without a blank line before it in other ways (a list
right under a paragraph, a setext heading's paragraph neighbours) shares the anchor of
the block above it; nested blocks (list items, cells) get no anchors; lines inside
raw HTML blocks are not anchored below the block's own start tag.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS, HTML_PLACEHOLDER

ATTRIBUTE = "data-source-line"

# \x1e (record separator) cannot be typed into a post by accident; STX/ETX are taken
# by Python-Markdown's own placeholders.
_MARK = "\x1esrcline:{line}{extra}\x1e"
_MARK_RE = re.compile(r"\x1esrcline:(\d+)(b?)\x1e")
# What the preprocessor inserted, as it reads once joined: plain markers sit after
# an existing blank line; "b" markers brought their own blank line.
_STASHED_MARK_RE = re.compile(r"\x1esrcline:\d+\x1e\n\n|\n\x1esrcline:\d+b\x1e\n\n")
_MARK_TAG = "x-source-line-marker"

_PLACEHOLDER_RE = re.compile(
    r"\s*" + re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)") + r"\s*\Z"
)
_BULLET_RE = re.compile(r"[*+-][ \t]")
_NUMBERED_RE = re.compile(r"\d+[.)][ \t]")
_DEFINITION_RE = re.compile(r"[ ]{0,3}:[ \t]")
_ATX_RE = re.compile(r"#{1,6}")
# Block-level elements people start on a line of their own in Markdown posts.
_BLOCK_TAG_RE = re.compile(
    r"<(?:p|div|h[1-6]|table|ul|ol|dl|blockquote|pre|hr|figure|section|article|aside|"
    r"header|footer|nav|details|iframe|video|form|center)[\s/>]",
    re.IGNORECASE,
)
_START_TAG_RE = re.compile(r"\s*<([A-Za-z][\w:-]*)")


def inject_attribute(html: str, line: int) -> str:
    """Add ``data-source-line`` to the first start tag of ``html`` (unchanged if none)."""
    match = _START_TAG_RE.match(html)
    if match is None:
        return html
    at = match.end()
    return f'{html[:at]} {ATTRIBUTE}="{line}"{html[at:]}'


def _fences(lines: list[str]) -> tuple[set[int], set[int], set[int]]:
    """Indexes of opening fence lines, closing fence lines, and lines inside fences.

    The inside set includes the closing line.

    Uses Python-Markdown's own fence pattern so both agree on where fences are.
    """
    text = "\n".join(lines)
    starts: set[int] = set()
    ends: set[int] = set()
    inside: set[int] = set()
    line_no = 0
    pos = 0
    for match in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(text):
        line_no += text.count("\n", pos, match.start())
        pos = match.start()
        first = line_no
        starts.add(first)
        last = first + text.count("\n", match.start(), match.end())
        ends.add(last)
        inside.update(range(first + 1, last + 1))
    return starts, ends, inside


def _block_kind(line: str) -> str:
    # sane_lists: a bulleted list never continues a numbered one, nor the reverse.
    if _BULLET_RE.match(line):
        return "bullets"
    if _NUMBERED_RE.match(line):
        return "numbers"
    if line.startswith(">"):
        return "quote"
    if _DEFINITION_RE.match(line):
        return "definition"
    return "other"


def marker_positions(lines: list[str]) -> Iterable[tuple[int, bool]]:
    """Yield ``(index, needs_blank)`` for each line that starts a top-level block.

    ``needs_blank`` is true where no blank line precedes the block and the marker
    must bring one. See the module docstring for the rules.
    """
    fence_starts, fence_ends, inside_fence = _fences(lines)
    previous_blank = True
    previous_kind = "other"
    previous = ""
    for index, line in enumerate(lines):
        if index in inside_fence:
            previous_blank = False
            previous = line
            continue
        if not line.strip():
            previous_blank = True
            continue
        indented = line[0] in " \t"
        if previous_blank:
            if not indented:
                kind = _block_kind(line)
                continues = kind == "definition" or (
                    kind in ("bullets", "numbers", "quote") and kind == previous_kind
                )
                if not continues and not line.startswith("</"):
                    yield index, False
                previous_kind = kind
        elif not indented and (
            _ATX_RE.match(line)
            or _ATX_RE.match(previous)
            or index in fence_starts
            or index - 1 in fence_ends
            or (_BLOCK_TAG_RE.match(line) and previous.rstrip().endswith(">"))
        ):
            yield index, True
            previous_kind = _block_kind(line)
        previous_blank = False
        previous = line


class _MarkPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: SourceLineExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not self.extension.enabled:
            return lines
        out: list[str] = []
        start = 0
        for index, needs_blank in marker_positions(lines):
            out.extend(lines[start:index])
            if needs_blank:
                out.append("")
            out.append(_MARK.format(line=index + 1, extra="b" if needs_blank else ""))
            out.append("")
            start = index
        out.extend(lines[start:])
        return out


class _StashCleanPreprocessor(Preprocessor):
    """Cut markers out of raw HTML that Python-Markdown stashed away whole."""

    def __init__(self, md: Markdown, extension: SourceLineExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if self.extension.enabled:
            blocks = self.md.htmlStash.rawHtmlBlocks
            for i, block in enumerate(blocks):
                if isinstance(block, str) and "\x1e" in block:
                    blocks[i] = _STASHED_MARK_RE.sub("", block)
        return lines


class _MarkBlockProcessor(BlockProcessor):
    def __init__(self, parser, extension: SourceLineExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("\x1esrcline:")

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        block = blocks.pop(0)
        match = _MARK_RE.match(block)
        if match is None:  # pragma: no cover - the preprocessor writes whole markers
            blocks.insert(0, block)
            return False
        marker = etree.SubElement(parent, _MARK_TAG, line=match.group(1))
        self.extension.markers.append((parent, marker))
        rest = block[match.end() :].lstrip("\n")
        if rest:
            blocks.insert(0, rest)
        return None


class _AnchorTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: SourceLineExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        markers = self.extension.markers
        if not markers:
            return
        for parent, marker in markers:
            if parent is not root:
                parent.remove(marker)
        kept: list[etree.Element] = []
        pending: str | None = None
        for child in root:
            if child.tag == _MARK_TAG:
                pending = child.get("line")
                continue
            if pending is not None:
                self._anchor(child, pending)
                pending = None
            kept.append(child)
        # One slice assignment; removing markers one by one is quadratic on long posts.
        root[:] = kept
        markers.clear()

    def _anchor(self, element: etree.Element, line: str) -> None:
        if element.tag == "p" and len(element) == 0 and element.text:
            match = _PLACEHOLDER_RE.match(element.text)
            if match is not None:
                stash = self.md.htmlStash.rawHtmlBlocks
                index = int(match.group(1))
                if index < len(stash) and isinstance(stash[index], str):
                    stash[index] = inject_attribute(stash[index], int(line))
                return
        element.set(ATTRIBUTE, line)


class SourceLineExtension(Extension):
    """Python-Markdown extension adding ``data-source-line`` to top-level blocks.

    Set ``enabled`` to False to render without anchors using the same converter.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.enabled = True
        self.markers: list[tuple[etree.Element, etree.Element]] = []

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown API
        md.registerExtension(self)
        # Between normalize_whitespace (30) and fenced_code_block (25): lines still
        # match the source one to one and nothing is stashed yet.
        md.preprocessors.register(_MarkPreprocessor(md, self), "source_line_mark", 28)
        # After html_block (20) has stashed raw HTML.
        md.preprocessors.register(_StashCleanPreprocessor(md, self), "source_line_clean", 5)
        # Ahead of every other block processor (md_in_html's is 105).
        md.parser.blockprocessors.register(
            _MarkBlockProcessor(md.parser, self), "source_line_marker", 200
        )
        # Before inline processing (20): raw HTML placeholders are still whole paragraphs.
        md.treeprocessors.register(_AnchorTreeprocessor(md, self), "source_line_anchor", 35)

    def reset(self) -> None:
        """Forget markers of an interrupted conversion."""
        self.markers.clear()


def strip_leftover_markers(html: str) -> str:
    """Remove marker text that escaped into the output (a safety net, normally a no-op)."""
    if "\x1e" not in html:
        return html
    return _MARK_RE.sub("", html)


_HTML_BLOCK_OPEN_RE = re.compile(r"<([A-Za-z][\w-]*)")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def split_points(lines: list[str]) -> list[int]:
    """Indexes of lines where the text can be cut into independently converted parts.

    These are the block starts of ``marker_positions`` that follow a blank line and
    lie outside raw HTML blocks (tracked by counting the opening tag's name, as
    Python-Markdown does; comments until ``-->``).
    """
    block_level = BLOCK_LEVEL_ELEMENTS
    html_tag: str | None = None
    depth = 0
    points = []
    starts = dict(marker_positions(lines))
    _, _, inside_fence = _fences(lines)
    previous_blank = True
    for index, line in enumerate(lines):
        if index in inside_fence:
            previous_blank = False
            continue
        if html_tag is not None:
            if html_tag == "!--":
                if "-->" in line:
                    html_tag = None
            else:
                depth += _tag_balance(line, html_tag)
                if depth <= 0:
                    html_tag = None
            previous_blank = not line.strip()
            continue
        if starts.get(index) is False:
            points.append(index)
        if previous_blank and line.startswith("<"):
            if line.startswith("<!--"):
                if "-->" not in line:
                    html_tag = "!--"
            else:
                match = _HTML_BLOCK_OPEN_RE.match(line)
                name = match.group(1).lower() if match else ""
                if name in block_level and name not in _VOID_TAGS:
                    depth = _tag_balance(line, name)
                    if depth > 0:
                        html_tag = name
        previous_blank = not line.strip()
    return points


def _tag_balance(line: str, name: str) -> int:
    """Opening minus closing tags named ``name`` on ``line`` (self-closing ones ignored)."""
    lowered = line.lower()
    opened = len(re.findall(rf"<{name}(?=[\s>])(?:[^>/]|/(?!>))*>", lowered))
    closed = len(re.findall(rf"</{name}\s*>", lowered))
    return opened - closed
