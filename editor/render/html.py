"""HTML bodies for display: byte-for-byte pass-through plus code highlighting and anchors.

An HTML body is what the blog publishes, so it is never parsed and re-serialised.
Only two edits are made, both in place:

- ``<pre><code class="language-X">…</code></pre>`` blocks are highlighted by Pygments
  (the same markup as Markdown's fenced code) when X is a known language and the code
  is plain escaped text (code that already carries markup is left alone);
- with anchors on, each top-level block element gets ``data-source-line="N"`` in its
  start tag, N being the 1-based line of the body where the tag starts.

Top-level elements are found by a light scanner over tags, not a full parser: it knows
comments, void elements, self-closing tags, raw-text elements (script, style, …) and the
common implied end tags (a ``<p>`` closed by the next block, ``<li>`` by the next
``<li>``). Text sitting directly at the top level (a signature line) has no element and
so no anchor; an element left unclosed swallows the rest of the body, as in a browser.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import NamedTuple

import pygments
from markdown.extensions.codehilite import CodeHilite
from pygments.formatter import Formatter
from pygments.formatters import get_formatter_by_name
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from editor.markup import (
    RAW_TEXT_TAGS,
    VOID_TAGS,
    Comment,
    Tag,
    TagFinder,
    comment_closed,
    markup,
    parse_attributes,
)
from editor.render.posmap import ATTRIBUTE, inject_attribute

CSS_CLASS = "highlight"

# Elements worth an anchor when they sit at the top level of the body.
BLOCK_TAGS = frozenset(
    "address article aside blockquote center details dialog div dl fieldset figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr iframe main nav ol p pre section "
    "table ul video audio canvas object embed".split()
)
# Start tags that close an open <p> (HTML's "closes a p element" list, abridged).
_CLOSES_P = BLOCK_TAGS | frozenset("li dd dt menu".split())
# Formatting elements (HTML's "active formatting elements"): left open, a browser carries
# them on into the blocks that follow.
_FORMATTING_TAGS = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# Elements whose own start tag closes a still-open sibling of the same kind.
_SELF_SIBLINGS = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dd", "dt"}),
    "dd": frozenset({"dd", "dt"}),
    "tr": frozenset({"tr"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
}

_CODE_TAGS = TagFinder(("pre", "code"))
_LANGUAGE_RE = re.compile(r"(?:^|\s)language-([\w#+.-]+)")


class TopLevelBlock(NamedTuple):
    """A top-level block's start tag: where it starts, where an attribute can go, its line."""

    start: int
    name_end: int
    line: int


class TopLevelScan(NamedTuple):
    """The top-level blocks of a text, and whether the text can be cut right after its end.

    ``clean`` (worked out only when asked for, else False): nothing is left open that
    would read on into text appended after it (a comment, raw text, a tag or quoted
    value missing its end, an element other than a ``<p>`` that the next block
    closes), and no "<" was passed over as text that more text could make a tag of.
    Text cut off a longer body at a top-level block then reads the same alone as
    inside that body.
    """

    blocks: list[TopLevelBlock]
    clean: bool
    #: A formatting element (``<b>``, ``<a>``, …) was closed by the end tag of an element
    #: around it: a browser reopens it in the blocks after, which then depend on it.
    misnested: bool = False


# Where a text's end could fall inside markup: a quoted value left open, or a "<" that
# starts a tag, comment or declaration still missing its end.
_OPEN_QUOTE_RE = re.compile(r"""=\s*(?:"[^"]*|'[^']*)\Z""")
_OPEN_MARKUP_RE = re.compile(r"<[A-Za-z/!?]")


def scan_top_level(body: str, first_line: int = 1, *, check_cut: bool = False) -> TopLevelScan:
    """The top-level block start tags of ``body`` (see the module docstring), read with
    ``editor.markup``; lines count from ``first_line``. ``check_cut``: work out
    ``clean`` too (a second reading: meant for parts, not whole bodies)."""
    found: list[TopLevelBlock] = []
    stack: list[str] = []
    line = first_line
    counted_to = 0
    last: Tag | Comment | None = None
    misnested = False
    for token in markup(body):
        last = token
        if type(token) is not Tag:
            continue  # comment, doctype
        name = token.name
        if token.closing:
            if name in stack:
                while (popped := stack.pop()) != name:
                    # A browser reopens a formatting element closed this way in the
                    # blocks after it: they then depend on this one.
                    misnested = misnested or popped in _FORMATTING_TAGS
            continue
        if stack:
            if stack[-1] == "p" and name in _CLOSES_P:
                stack.pop()
            elif name in _SELF_SIBLINGS and stack[-1] in _SELF_SIBLINGS[name]:
                stack.pop()
        start = token.start
        if not stack and name in BLOCK_TAGS:
            line += body.count("\n", counted_to, start)
            counted_to = start
            found.append(TopLevelBlock(start, start + 1 + len(name), line))
        if name in VOID_TAGS or name in RAW_TEXT_TAGS or token.attrs.rstrip().endswith("/"):
            continue  # raw text: markup() skips its content; its end tag closes nothing
        stack.append(name)
    clean = check_cut and not misnested and _cut_is_clean(body, stack, last)
    return TopLevelScan(found, clean, misnested)


def _cut_is_clean(body: str, stack: list[str], last: Tag | Comment | None) -> bool:
    if stack and stack != ["p"]:
        return False
    # A "<" read as text (a tag missing its ">", say) could open a tag running on
    # past the cut in the longer body, taking the tokens after it into that tag.
    end = 0
    raw = False
    for token in markup(body):
        if not raw and _OPEN_MARKUP_RE.search(body, end, token.start):
            return False
        raw = type(token) is Tag and token.name in RAW_TEXT_TAGS and not token.closing
        end = token.end
    tail_from = 0
    if last is not None:
        if type(last) is Comment:
            if not comment_closed(body, last):
                return False
        elif last.name in RAW_TEXT_TAGS and not last.closing:
            return False  # its content ran to the end of the text
        tail_from = last.end
    # A quoted value left open anywhere would, in the longer body, run on to a quote
    # after the cut and take the markup between into its tag.
    return (_OPEN_MARKUP_RE.search(body, tail_from) is None
            and _OPEN_QUOTE_RE.search(body) is None)


def top_level_anchors(body: str) -> list[tuple[int, int]]:
    """``(offset, line)`` for each top-level block start tag of ``body``.

    ``offset`` is just after the tag name, where an attribute can be inserted;
    ``line`` is 1-based.
    """
    return [(block.name_end, block.line) for block in scan_top_level(body).blocks]


@lru_cache(maxsize=128)
def _known_language(name: str) -> bool:
    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return True


@lru_cache(maxsize=64)
def _highlighter(language: str | None) -> tuple[Lexer, Formatter]:
    """The lexer and formatter ``CodeHilite.hilite`` would make for ``language``.

    Made once per language: making a formatter costs a third of highlighting a
    short block with it.
    """
    options = CodeHilite("", lang=language, css_class=CSS_CLASS, guess_lang=False).options
    try:
        lexer = get_lexer_by_name(language or "", **options)
    except ClassNotFound:
        lexer = get_lexer_by_name("text", **options)
    return lexer, get_formatter_by_name("html", **options)


@lru_cache(maxsize=1024)
def highlight_code(code: str, language: str | None) -> str:
    """Pygments HTML for ``code``, the same markup Markdown's fenced code gets.

    Cached: while a post is edited, its code blocks are highlighted again and again.
    """
    lexer, formatter = _highlighter(language)
    return pygments.highlight(code.strip("\n"), lexer, formatter)


def _code_block_language(attrs: str) -> str | None:
    classes = parse_attributes(attrs).get("class")
    if classes is None:
        return None
    language = _LANGUAGE_RE.search(classes)
    if language is None or not _known_language(language.group(1).lower()):
        return None
    return language.group(1).lower()


def _code_blocks(body: str) -> list[tuple[int, int, str]]:
    """``(start, end, highlighted)`` for each highlightable ``<pre><code>`` block: a
    ``<pre>`` holding only a ``<code>`` of plain text (white space around it aside)."""
    if "language-" not in body:
        return []
    blocks = []
    tags = list(_CODE_TAGS.find(body))
    for i in range(len(tags) - 3):
        pre, code, code_end, pre_end = tags[i:i + 4]
        if not (pre.name == "pre" and not pre.closing and code.name == "code"
                and not code.closing and code_end.name == "code" and code_end.closing
                and pre_end.name == "pre" and pre_end.closing):
            continue
        if body[pre.end:code.start].strip() or body[code_end.end:pre_end.start].strip():
            continue
        text = body[code.end:code_end.start]
        if "<" in text:
            continue  # code that already carries markup is left alone
        language = _code_block_language(code.attrs)
        if language is not None:
            # Pygments ends its markup with a newline the source did not have.
            highlighted = highlight_code(html.unescape(text), language).rstrip("\n")
            blocks.append((pre.start, pre_end.end, highlighted))
    return blocks


def render_html_body(body: str, anchors: bool = True, scan: TopLevelScan | None = None) -> str:
    """The HTML body as displayed: highlighted code blocks, optional line anchors
    (``scan``: the body's ``scan_top_level``, if the caller has it)."""
    if not anchors:
        return _displayed(body, [])
    blocks = (scan or scan_top_level(body)).blocks
    return _displayed(body, [(block.name_end, block.line) for block in blocks])


def render_html_part(part: str, first_line: int) -> tuple[str, TopLevelScan]:
    """A part of an HTML body as ``render_html_body`` shows it inside the whole body,
    its anchors' lines counted from ``first_line`` (the body line the part starts on);
    and the part's scan, which says whether reading it alone was exact (see
    ``TopLevelScan``)."""
    scan = scan_top_level(part, first_line, check_cut=True)
    return _displayed(part, [(block.name_end, block.line) for block in scan.blocks]), scan


def _displayed(body: str, marks: list[tuple[int, int]]) -> str:
    blocks = _code_blocks(body)
    if not blocks and not marks:
        return body
    pieces: list[str] = []
    copied = 0
    block_index = 0
    for offset, line in marks:
        # Emit code blocks that end before this anchor.
        while block_index < len(blocks) and blocks[block_index][1] <= offset:
            start, end, highlighted = blocks[block_index]
            pieces += (body[copied:start], highlighted)
            copied = end
            block_index += 1
        if block_index < len(blocks) and blocks[block_index][0] < offset:
            # The anchor falls on a top-level <pre> being replaced: anchor its replacement.
            start, end, highlighted = blocks[block_index]
            pieces += (body[copied:start], inject_attribute(highlighted, line))
            copied = end
            block_index += 1
            continue
        pieces += (body[copied:offset], f' {ATTRIBUTE}="{line}"')
        copied = offset
    for start, end, highlighted in blocks[block_index:]:
        pieces += (body[copied:start], highlighted)
        copied = end
    pieces.append(body[copied:])
    return "".join(pieces)
