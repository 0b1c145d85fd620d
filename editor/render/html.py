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

import pygments
from markdown.extensions.codehilite import CodeHilite
from pygments.formatter import Formatter
from pygments.formatters import get_formatter_by_name
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from editor.render.posmap import ATTRIBUTE, inject_attribute

CSS_CLASS = "highlight"

_TOKEN_RE = re.compile(
    r"""
      <!--.*?(?:-->|\Z)                                  # comment
    | <[!?][^>]*>?                                       # doctype, CDATA, processing instruction
    | </(?P<end>[A-Za-z][^\s/>]*)[^>]*>?                 # end tag
    | <(?P<start>[A-Za-z][^\s/>]*)                       # start tag name
      (?P<rest>(?:[^>"']|"[^"]*"|'[^']*')*)>             # attributes, quotes may hold '>'
    """,
    re.DOTALL | re.VERBOSE,
)

# Elements worth an anchor when they sit at the top level of the body.
BLOCK_TAGS = frozenset(
    "address article aside blockquote center details dialog div dl fieldset figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr iframe main nav ol p pre section "
    "table ul video audio canvas object embed".split()
)
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_RAW_TEXT_TAGS = frozenset("script style textarea title xmp".split())
# Start tags that close an open <p> (HTML's "closes a p element" list, abridged).
_CLOSES_P = BLOCK_TAGS | frozenset("li dd dt menu".split())
# Elements whose own start tag closes a still-open sibling of the same kind.
_SELF_SIBLINGS = {
    "li": "li",
    "dt": "dd dt",
    "dd": "dd dt",
    "tr": "tr",
    "td": "td th",
    "th": "td th",
    "option": "option",
}

_CODE_BLOCK_RE = re.compile(
    r"<pre\b[^>]*>\s*<code\b(?P<attrs>[^>]*)>(?P<code>[^<]*)</code>\s*</pre\s*>",
    re.IGNORECASE,
)
_CLASS_RE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_LANGUAGE_RE = re.compile(r"(?:^|\s)language-([\w#+.-]+)")


def top_level_anchors(body: str) -> list[tuple[int, int]]:
    """``(offset, line)`` for each top-level block start tag of ``body``.

    ``offset`` is just after the tag name, where an attribute can be inserted;
    ``line`` is 1-based.
    """
    found: list[tuple[int, int]] = []
    stack: list[str] = []
    line = 1
    counted_to = 0
    pos = 0
    search = _TOKEN_RE.search
    while True:
        match = search(body, pos)
        if match is None:
            break
        pos = match.end()
        end_name = match.group("end")
        if end_name is not None:
            name = end_name.lower()
            if name in stack:
                while stack.pop() != name:
                    pass
            continue
        name = match.group("start")
        if name is None:
            continue  # comment, doctype
        name = name.lower()
        if stack:
            if stack[-1] == "p" and name in _CLOSES_P:
                stack.pop()
            elif name in _SELF_SIBLINGS and stack[-1] in _SELF_SIBLINGS[name].split():
                stack.pop()
        if not stack and name in BLOCK_TAGS:
            start = match.start()
            line += body.count("\n", counted_to, start)
            counted_to = start
            found.append((match.end("start"), line))
        if name in _VOID_TAGS or match.group("rest").rstrip().endswith("/"):
            continue
        if name in _RAW_TEXT_TAGS:
            close = _raw_text_end(name).search(body, pos)
            pos = close.end() if close else len(body)
            continue
        stack.append(name)
    return found


@lru_cache(maxsize=16)
def _raw_text_end(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\s*>", re.IGNORECASE)


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
    class_match = _CLASS_RE.search(attrs)
    if class_match is None:
        return None
    classes = next(group for group in class_match.groups() if group is not None)
    language = _LANGUAGE_RE.search(classes)
    if language is None or not _known_language(language.group(1).lower()):
        return None
    return language.group(1).lower()


def _code_blocks(body: str) -> list[tuple[int, int, str]]:
    """``(start, end, highlighted)`` for each highlightable ``<pre><code>`` block."""
    if "language-" not in body:
        return []
    blocks = []
    for match in _CODE_BLOCK_RE.finditer(body):
        language = _code_block_language(match.group("attrs"))
        if language is not None:
            code = html.unescape(match.group("code"))
            # Pygments ends its markup with a newline the source did not have.
            highlighted = highlight_code(code, language).rstrip("\n")
            blocks.append((match.start(), match.end(), highlighted))
    return blocks


def render_html_body(body: str, anchors: bool = True) -> str:
    """The HTML body as displayed: highlighted code blocks, optional line anchors."""
    blocks = _code_blocks(body)
    marks = top_level_anchors(body) if anchors else []
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
