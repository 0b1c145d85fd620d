"""Source-line anchors for Markdown: a Python-Markdown extension marking top-level blocks.

Each top-level block of the rendered Markdown gets ``data-source-line="N"``, N being
the 1-based line of the Markdown text where the block starts, so the preview can
scroll in step with the source editor.

How it works (the idea of ReText's ``mdx_posmap``, made exact):

1. A preprocessor, running right after whitespace normalisation (while lines still
   match the source one to one), inserts a marker paragraph before each line that
   starts a top-level block.
2. A block processor consumes each marker paragraph and notes the line and the
   position the next top-level element will take.
3. A treeprocessor gives each noted line to the element at its position. Raw HTML
   blocks and fenced code are only placeholders in the tree at that point, so their
   line goes into the first start tag of the stashed HTML instead.
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
the block above it, and so does an indented code block; nested blocks (list items,
cells) get no anchors; lines inside raw HTML blocks are not anchored below the block's
own start tag; inside raw HTML left unclosed, the markers can leave blank lines behind
(their text is always removed).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator
from functools import lru_cache

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS, HTML_PLACEHOLDER

from editor.markup import TagFinder, start_tag_name

ATTRIBUTE = "data-source-line"

# \x1e (record separator) cannot be typed into a post by accident; STX/ETX are taken
# by Python-Markdown's own placeholders.
_MARK = "\x1esrcline:{line}{extra}\x1e"
_MARK_RE = re.compile(r"\x1esrcline:(\d+)(b?)\x1e")
# What the preprocessor inserted, as it reads once joined: plain markers sit after
# an existing blank line; "b" markers brought their own blank line.
_STASHED_MARK_RE = re.compile(r"\x1esrcline:\d+\x1e\n\n|\n\x1esrcline:\d+b\x1e\n\n")

_PLACEHOLDER_RE = re.compile(
    r"\s*" + re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)") + r"\s*\Z"
)
_BULLET_RE = re.compile(r"[*+-][ \t]")
_NUMBERED_RE = re.compile(r"\d+[.)][ \t]")
_DEFINITION_RE = re.compile(r"[ ]{0,3}:[ \t]")
_ANY_DEFINITION_RE = re.compile(r"\n[ ]{0,3}:[ \t]")
# What a line of another kind than "other" starts with (or a digit), unindented.
_KIND_STARTS = frozenset("*+->:")
_ATX_RE = re.compile(r"#{1,6}")
_QUOTE_LINE_RE = re.compile(r" {0,3}>")
# Block-level elements people start on a line of their own in Markdown posts.
_LINE_BLOCK_NAMES = frozenset(
    "p div h1 h2 h3 h4 h5 h6 table ul ol dl blockquote pre hr figure section article aside "
    "header footer nav details iframe video form center".split()
)
# Python-Markdown's own reading of a raw block's first tag
# (RawHtmlPostprocessor.BLOCK_LEVEL_REGEX): it must agree with Python-Markdown.
_RAW_BLOCK_RE = re.compile(r"^\</?([^ >]+)")


def inject_attribute(html: str, line: int) -> str:
    """Add ``data-source-line`` to the start tag that opens ``html`` (after white space;
    unchanged if none)."""
    start = len(html) - len(html.lstrip())
    name = start_tag_name(html, start)
    if name is None:
        return html
    at = start + 1 + len(name)
    return f'{html[:at]} {ATTRIBUTE}="{line}"{html[at:]}'


def fences_in(text: str) -> Iterator[re.Match[str]]:
    """What ``FENCED_BLOCK_RE.finditer(text)`` finds, found faster.

    The pattern starts with ``^`` and is tried at every character of the text
    (~7 ms per MB); a fence can only start at a line starting with ``` or ~~~.
    """
    pattern = FencedBlockPreprocessor.FENCED_BLOCK_RE
    pos = 0
    # Next place of each opening (-1: none left), found again only once passed.
    next_at = {"```": text.find("```"), "~~~": text.find("~~~")}
    while True:
        for opening, at in next_at.items():
            if 0 <= at < pos:
                next_at[opening] = text.find(opening, pos)
        candidates = [at for at in next_at.values() if at >= 0]
        if not candidates:
            return
        at = min(candidates)
        match = pattern.match(text, at) if at == 0 or text[at - 1] == "\n" else None
        if match is None:
            pos = at + 1
        else:
            yield match
            pos = match.end()


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
    for match in fences_in(text):
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


def marker_positions(
    lines: list[str], fences: tuple[set[int], set[int], set[int]] | None = None
) -> Iterable[tuple[int, bool]]:
    """Yield ``(index, needs_blank)`` for each line that starts a top-level block.

    ``needs_blank`` is true where no blank line precedes the block and the marker
    must bring one. See the module docstring for the rules. ``fences``: what
    ``_fences(lines)`` returns, if the caller has it already.
    """
    fence_starts, fence_ends, inside_fence = fences or _fences(lines)
    previous_blank = True
    previous_kind = "other"
    previous = ""
    # Whether Python-Markdown cuts the current block at a heading line: not a table's
    # (its processor takes every line), nor an indented block's (a list item or
    # definition continues, with the heading inside it).
    cuts_at_headings = True
    in_comment = False
    for index, line in enumerate(lines):
        if index in inside_fence:
            previous_blank = False
            previous = line
            continue
        if in_comment:
            # Python-Markdown sees no block start before the comment's "-->".
            closed = line.find("-->")
            in_comment = closed < 0 or _opens_comment(line[closed + 3 :])
            previous_blank = not line.strip()
            previous = line
            continue
        if not line.strip():
            previous_blank = True
            continue
        indented = line[0] in " \t"
        if previous_blank:
            cuts_at_headings = not indented
            if not indented:
                kind = _block_kind(line)
                continues = kind == "definition" or (
                    kind in ("bullets", "numbers", "quote") and kind == previous_kind
                )
                if not continues and not line.startswith("</"):
                    yield index, False
                previous_kind = kind
        else:
            if _QUOTE_LINE_RE.match(line):
                # A quote line inside a block: the block ends in a blockquote, which
                # the next "> ..." block after a blank line continues.
                previous_kind = "quote"
            # Fences always stand apart: Python-Markdown puts blank lines around them.
            splits = index in fence_starts or index - 1 in fence_ends
            if not splits and cuts_at_headings and "|" not in line:
                splits = bool(
                    _ATX_RE.match(line)
                    or _ATX_RE.match(previous)
                    or (previous.rstrip().endswith(">")
                        and start_tag_name(line) in _LINE_BLOCK_NAMES)
                )
            if splits and not indented and not line.startswith("</"):
                yield index, True
                previous_kind = _block_kind(line)
                cuts_at_headings = True
        if "|" in line:
            cuts_at_headings = False
        in_comment = _opens_comment(line)
        previous_blank = False
        previous = line


def _opens_comment(line: str) -> bool:
    """Whether ``line`` leaves a ``<!--`` open (even mid-line: it runs on to its "-->")."""
    opened = line.rfind("<!--")
    return opened >= 0 and "-->" not in line[opened + 4 :]


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
            line = index + 1 + self.extension.first_line
            out.append(_MARK.format(line=line, extra="b" if needs_blank else ""))
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
    """Consume a marker paragraph, noting its line and where the next element will go.

    No element is added: a block that renders to nothing (a link reference, a
    footnote) must leave the last child as it was, since indented blocks after a
    blank line continue whatever that last child is.
    """

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
        self.extension.markers.append((parent, len(parent), match.group(1)))
        rest = block[match.end() :].lstrip("\n")
        if rest:
            blocks.insert(0, rest)
        return None


class _AnchorTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: SourceLineExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        # index of a top-level element -> line of its block; a later marker for the
        # same index wins (the blocks before it rendered to nothing).
        lines = {index: line for parent, index, line in self.extension.markers if parent is root}
        self.extension.markers.clear()
        count = len(root)
        for index, line in lines.items():
            if index < count:
                self._anchor(root[index], line)

    def _anchor(self, element: etree.Element, line: str) -> None:
        if element.tag == "p" and len(element) == 0 and element.text:
            match = _PLACEHOLDER_RE.match(element.text)
            stash = self.md.htmlStash.rawHtmlBlocks
            index = int(match.group(1)) if match else len(stash)
            if index < len(stash) and isinstance(stash[index], str):
                raw = stash[index]
                if self._replaces_paragraph(raw):
                    # The raw HTML will stand in for this <p>: anchor the HTML instead
                    # (nothing to anchor if it is a comment or a stray closing tag).
                    stash[index] = inject_attribute(raw, int(line))
                    return
        element.set(ATTRIBUTE, line)

    def _replaces_paragraph(self, raw: str) -> bool:
        """Python-Markdown's test for raw HTML that replaces its <p> wrapper."""
        match = _RAW_BLOCK_RE.match(raw)
        if match is None:
            return False
        return match.group(1)[0] in "!?@%" or self.md.is_block_level(match.group(1))


class SourceLineExtension(Extension):
    """Python-Markdown extension adding ``data-source-line`` to top-level blocks.

    Set ``enabled`` to False to render without anchors using the same converter;
    ``first_line`` is added to every line number (for a part of a longer text).
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.enabled = True
        self.first_line = 0
        self.markers: list[tuple[etree.Element, int, str]] = []

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
        # After inline processing (20), so that a paragraph holding nothing but one piece
        # of raw HTML, block-level or inline, is recognised as such.
        md.treeprocessors.register(_AnchorTreeprocessor(md, self), "source_line_anchor", 19)

    def reset(self) -> None:
        """Forget markers of an interrupted conversion."""
        self.markers.clear()


def strip_leftover_markers(html: str) -> str:
    """Remove marker text that escaped into the output (a safety net, normally a no-op)."""
    if "\x1e" not in html:
        return html
    return _MARK_RE.sub("", html)


_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def split_points(lines: list[str]) -> list[int]:
    """Indexes of lines where the text can be cut into independently converted parts.

    These are lines that follow a blank line (outside fences), are not indented, are
    not list items, quotes or definitions, hold no definition (whose terms would join
    a definition list above), and lie outside raw HTML blocks (tracked by counting
    the opening tag's name, as Python-Markdown does) and comments (until ``-->``).
    """
    block_level = BLOCK_LEVEL_ELEMENTS
    html_tag: str | None = None
    depth = 0
    points = []
    inside_fence = _fences(lines)[2]
    # Most long posts hold no definition list; then no block needs looking into.
    definitions = _ANY_DEFINITION_RE.search("\n" + "\n".join(lines)) is not None
    previous_blank = True
    for index, line in enumerate(lines):
        if index in inside_fence:
            previous_blank = False
            continue
        blank = not line.strip()
        after_blank = previous_blank
        previous_blank = blank
        if html_tag is not None:
            if html_tag == "!--":
                if "-->" in line:
                    html_tag = None
            else:
                depth += _tag_balance(line, html_tag)
                if depth <= 0:
                    html_tag = None
            continue
        if blank:
            continue
        # List items, quotes and definitions may continue a block further up (one
        # started mid-block, say); a part never starts with one.
        first = line[0]
        plain_start = first not in _KIND_STARTS and not first.isdecimal()
        if (
            after_blank
            and first not in " \t"
            and not line.startswith("</")
            and (plain_start or _block_kind(line) == "other")
            and not (definitions and _holds_definition(lines, index))
        ):
            points.append(index)
        if "<" not in line:
            continue
        # A comment left open, even mid-line, runs on over blank lines to its "-->".
        if _opens_comment(line):
            html_tag = "!--"
            continue
        # Python-Markdown starts raw HTML at a block-level tag at the start of any
        # line, blank line before it or not.
        stripped = line.lstrip(" ")
        if stripped.startswith("<") and len(line) - len(stripped) <= 3:
            if not stripped.startswith("<!--"):
                name = start_tag_name(stripped) or ""
                if name in block_level and name not in _VOID_TAGS:
                    depth = _tag_balance(line, name)
                    if depth > 0:
                        html_tag = name
    return points


def _holds_definition(lines: list[str], index: int) -> bool:
    """Whether the block starting at ``index`` (up to a blank line) has a ``: `` line."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if not line.strip():
            return False
        if _DEFINITION_RE.match(line):
            return True
    return False


def _tag_balance(line: str, name: str) -> int:
    """Opening minus closing tags named ``name`` on ``line`` (self-closing ones ignored)."""
    if name not in line.lower():
        return 0
    balance = 0
    for tag in _tag_finder(name).find(line):
        if tag.closing:
            balance -= 1
        elif not tag.attrs.rstrip().endswith("/"):
            balance += 1
    return balance


@lru_cache(maxsize=128)
def _tag_finder(name: str) -> TagFinder:
    """A finder of the start and end tags named ``name`` (made once per name)."""
    return TagFinder((name,))
