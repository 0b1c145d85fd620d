"""The one reader of HTML for our own scanning: offset-preserving tokens, elements and colours.

Every token keeps ``start``/``end`` offsets into the original text, so
``text[token.start:token.end]`` is exactly what was written and edits can be made
in place without re-serialising anything. The rules follow what browsers do where
it matters for posts:

- a tag name runs to whitespace, ``/`` or ``>`` (so a Markdown autolink
  ``<https://example.com>`` is a "tag" named ``https:``, as html.parser reports it;
  :func:`is_element_name` tells real element names apart);
- ``>`` inside a quoted attribute value does not end the tag (quotes elsewhere in a
  tag are ordinary characters);
- a comment runs to ``-->`` (``<!-->`` and ``<!--->`` are empty ones) or to the end of
  the text; ``<!DOCTYPE …>``, ``<![CDATA[…]>``
  and ``<?…>`` are read as comments too (browsers' "bogus comments");
- the content of ``script``, ``style``, ``textarea``, ``title`` and ``xmp`` is raw
  text up to the matching end tag (or the end of the text): tags inside it are not
  tags. ``pre`` is *not* raw text in HTML: its tags count, only its white space is kept;
- a ``<`` that starts no tag is text, and text left over after a broken tag is text:
  nothing is ever dropped, so the tokens of :func:`tokenize` cover the input exactly.

Sanitising and conversion stay with nh3 and BeautifulSoup; this module is for
reading positions.

The colour helpers read CSS colours the way browsers do (``#RRGGBBAA`` has its
alpha last, unlike Qt's ``#AARRGGBB``).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that never have an end tag (HTML Living Standard, "void elements")."""

BLOCK_TAGS = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table
    tbody td tfoot th thead tr ul""".split()
)
"""Elements that start a new block: inline markup never runs across them."""

RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp"})
"""Elements whose content is text up to their end tag, whatever it looks like."""

# A start or end tag. Quotes count only where a value starts (after "="), as in
# browsers; possessive repetition keeps a '<' with no '>' after it from backtracking.
_ATTRS = r"((?:[^>=]++|=\s*\"[^\"]*\"|=\s*'[^']*'|=)*+)>"
_TAG = r"<(/?)([A-Za-z][^\s/>]*)" + _ATTRS
# One pass finds comments, bogus comments and tags; the group layout is read by markup().
_MARKUP_RE = re.compile(r"<!--(?:->|>|.*?(?:--!?>|\Z))|<[!?][^>]*(?:>|\Z)|" + _TAG, re.S)
_TAG_RE = re.compile(_TAG, re.S)
_TAG_NAME_RE = re.compile(r"<([A-Za-z][^\s/>]*)")
# Where a quick scan could misread: comments, raw text, a '<' inside a quoted value,
# a '<' inside a tag (``<b title=x<i>``, ``<l<i>``: one tag to markup(), whose
# second '<' a search for some names alone would take for a tag of its own).
_SPECIAL_HINT_RE = re.compile(
    r"<!|<(?:script|style|textarea|title|xmp)|=\s*\"[^\"]*<|=\s*'[^']*<|</?[A-Za-z][^<>]*<",
    re.I)
_ATTR_RE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_ELEMENT_NAME_RE = re.compile(r"[a-z][a-z0-9-]*")
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class Tag(NamedTuple):
    """A start or end tag: ``text[start:end]`` is the whole tag as written.

    ``name`` is lower case; ``attrs`` is the raw text between the name and ``>``
    (read it with :meth:`attributes`). A tuple, because a long post makes
    tens of thousands of them.
    """

    start: int
    end: int
    name: str
    closing: bool
    attrs: str

    @property
    def self_closing(self) -> bool:
        """Written ``<br />``-style, or a void element: no end tag follows."""
        return self.name in VOID_TAGS or self.attrs.rstrip().endswith("/")

    def attributes(self) -> dict[str, str]:
        """The tag's attributes (see :func:`parse_attributes`)."""
        return parse_attributes(self.attrs)


class Comment(NamedTuple):
    """``<!-- … -->`` (or a bogus comment such as ``<!DOCTYPE html>``) as written."""

    start: int
    end: int


class Text(NamedTuple):
    """A run of text between markup, entities still encoded."""

    start: int
    end: int


Token = Tag | Comment | Text


class Element(NamedTuple):
    """A start tag paired with its end tag: offsets of both tags."""

    name: str
    open_start: int
    open_end: int
    close_start: int
    close_end: int
    attrs: str

    def attributes(self) -> dict[str, str]:
        """The start tag's attributes (see :func:`parse_attributes`)."""
        return parse_attributes(self.attrs)


def _raw_text_end(text: str, name: str, pos: int, end: int) -> int:
    """Where the raw content from ``pos`` stops: at ``</name`` or at ``end``."""
    closer = re.compile(rf"</{name}(?=[\s/>])", re.I)
    found = closer.search(text, pos, end)
    return found.start() if found else end


def markup(text: str, start: int = 0, end: int | None = None) -> Iterator[Tag | Comment]:
    """Tags and comments of ``text[start:end]`` in order, offsets into ``text``.

    The quick reader for code that only needs the markup; text runs are the gaps.
    """
    stop = len(text) if end is None else end
    pos = start
    make = tuple.__new__  # a long post has tens of thousands of tags: skip __new__'s checks
    while pos < stop:
        for m in _MARKUP_RE.finditer(text, pos, stop):
            closing, name, attrs = m.groups()
            if name is None:
                yield make(Comment, m.span())
                continue
            name = name.lower()
            tag_end = m.end()
            yield make(Tag, (m.start(), tag_end, name, closing == "/", attrs))
            if name in RAW_TEXT_TAGS and not closing:
                pos = _raw_text_end(text, name, tag_end, stop)
                break
        else:
            return


def remove_tags(text: str) -> str:
    """``text`` with every tag removed, in one C-level pass.

    Comments and raw-text content get no special reading here: a caller that wants
    them gone removes them first (see :func:`markup`).
    """
    return _TAG_RE.sub("", text)


class TagFinder:
    """Finds the tags of a few names fast, reading them as :func:`markup` does.

    For the readers that run over every line or a whole long body. Text with a
    comment or raw-text element in it takes the full reading, so markup inside those
    is never taken for tags, nor is a tag written inside a quoted attribute value.
    Build one per set of names and keep it.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(name.lower() for name in names)
        alternatives = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
        self._pattern = re.compile(rf"<(/?)({alternatives})(?=[\s/>])" + _ATTRS, re.I | re.S)

    def find(self, text: str) -> Iterator[Tag]:
        """The start and end tags of these names in ``text``, in order."""
        if _SPECIAL_HINT_RE.search(text):
            for tag in markup(text):
                if isinstance(tag, Tag) and tag.name in self.names:
                    yield tag
            return
        make = tuple.__new__
        for m in self._pattern.finditer(text):
            closing, name, attrs = m.groups()
            yield make(Tag, (m.start(), m.end(), name.lower(), closing == "/", attrs))

    def replace(self, text: str, replacement: str) -> str:
        """``text`` with every tag of these names replaced (comments get no special reading)."""
        return self._pattern.sub(replacement, text)


def start_tag_name(text: str, pos: int = 0) -> str | None:
    """The lower-cased name of the start tag that opens at ``text[pos]``, if one does.

    Only the opening ``<name`` is read (the rest of the tag may follow on a later
    line): for line-by-line readers and for putting an attribute after the name.
    """
    match = _TAG_NAME_RE.match(text, pos)
    return match.group(1).lower() if match else None


def tag_at(text: str, pos: int = 0) -> Tag | None:
    """The whole start or end tag that begins at ``text[pos]``, read as :func:`markup`
    reads tags; None when no complete tag begins there."""
    match = _TAG_RE.match(text, pos)
    if match is None:
        return None
    closing, name, attrs = match.groups()
    # tuple.__new__: a long body asks once per block (see markup()).
    return tuple.__new__(Tag, (match.start(), match.end(), name.lower(), closing == "/", attrs))


class AttributeSpan(NamedTuple):
    """One attribute as written: its lower-cased name and where its value stands.

    ``value_start``/``value_end`` are offsets into the attribute text, inside the
    quotes if quoted (the value as written, entities still encoded); a name without
    a value has an empty span right after the name.
    """

    name: str
    value_start: int
    value_end: int


def attribute_spans(attrs: str) -> Iterator[AttributeSpan]:
    """The attributes of a tag's attribute text (``Tag.attrs``), with offsets, in order.

    For edits in place: ``tag.end - 1 - len(tag.attrs)`` is where the attribute text
    starts in the document.
    """
    for m in _ATTR_RE.finditer(attrs):
        if m.group(2) is None:
            yield AttributeSpan(m.group(1).lower(), m.end(1), m.end(1))
            continue
        start, end = m.span(2)
        if attrs[start] in ("'", '"'):
            start, end = start + 1, end - 1
        yield AttributeSpan(m.group(1).lower(), start, end)


def tokenize(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Every token of ``text[start:end]``: tags, comments and the text runs between them.

    The tokens are contiguous: their pieces joined give the input back unchanged.
    """
    stop = len(text) if end is None else end
    pos = start
    for token in markup(text, start, stop):
        if token.start > pos:
            yield Text(pos, token.start)
        yield token
        pos = token.end
    if pos < stop:
        yield Text(pos, stop)


def pair_elements(tags: Iterable[Tag | Comment]) -> list[Element]:
    """Start tags matched with their end tags, in document order of the start tags.

    A stack pairs them as browsers would for well-formed markup; a stray end tag is
    ignored, an end tag closes whatever was left open inside its element, and a start
    tag never closed is left out (so no offsets are invented).
    """
    stack: list[Tag] = []
    elements: list[Element] = []
    for tag in tags:
        if not isinstance(tag, Tag) or tag.self_closing:
            continue
        if not tag.closing:
            stack.append(tag)
            continue
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].name == tag.name:
                opener = stack[i]
                del stack[i:]
                elements.append(Element(tag.name, opener.start, opener.end, tag.start, tag.end,
                                        opener.attrs))
                break
    elements.sort(key=lambda e: e.open_start)
    return elements


def comment_closed(text: str, comment: Comment) -> bool:
    """Whether a comment ends properly (``-->``), rather than running to the end of the text."""
    piece = text[comment.start:comment.end]
    if piece.startswith("<!--"):
        return piece in ("<!-->", "<!--->") or piece.endswith(("-->", "--!>"))
    return piece.endswith(">")


def is_element_name(name: str) -> bool:
    """Whether a tag name is an element's (not an autolink read as a tag, like ``https:``)."""
    return _ELEMENT_NAME_RE.fullmatch(name) is not None


def parse_attributes(attrs: str) -> dict[str, str]:
    """Attributes of a tag: names lower-cased, values unquoted and unescaped.

    A name written twice keeps its first value, as browsers do; a name without a
    value maps to "".
    """
    result: dict[str, str] = {}
    for m in _ATTR_RE.finditer(attrs):
        value = m.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        result.setdefault(m.group(1).lower(), html.unescape(value))
    return result


def parse_style(style: str) -> dict[str, str]:
    """CSS declarations of a style attribute; tolerant of spacing, case and stray ';'."""
    result: dict[str, str] = {}
    for decl in style.split(";"):
        prop, sep, value = decl.partition(":")
        if sep:
            result[prop.strip().lower()] = value.strip().lower().removesuffix("!important").strip()
    return result


def strip_tags(fragment: str) -> str:
    """The text of a fragment: markup removed, entities decoded, no-break spaces as spaces."""
    pieces, pos = [], 0
    for token in markup(fragment):
        pieces.append(fragment[pos:token.start])
        pos = token.end
    pieces.append(fragment[pos:])
    return html.unescape("".join(pieces)).replace("\xa0", " ")


def entity_spans(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the character references (``&nbsp;``, ``&#8212;``) in ``text``."""
    for m in _ENTITY_RE.finditer(text):
        yield m.span()


# --------------------------------------------------------------------------- colours

RGBA = tuple[int, int, int, float]

_HEX_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_RGB_FUNC_RE = re.compile(r"rgba?\(\s*([^)]*)\)", re.I)
#: What a colour looks like inside a longer declaration value (``background: #fff url(…)``).
COLOUR_WORD_RE = re.compile(r"#[0-9a-f]{3,8}\b|rgba?\([^)]*\)", re.I)

#: CSS named colours writers meet in pasted and house markup (the CSS 2 set and a few more).
NAMED_COLOURS: dict[str, RGBA] = {
    "black": (0, 0, 0, 1.0), "silver": (192, 192, 192, 1.0), "gray": (128, 128, 128, 1.0),
    "grey": (128, 128, 128, 1.0), "white": (255, 255, 255, 1.0), "maroon": (128, 0, 0, 1.0),
    "red": (255, 0, 0, 1.0), "purple": (128, 0, 128, 1.0), "fuchsia": (255, 0, 255, 1.0),
    "green": (0, 128, 0, 1.0), "lime": (0, 255, 0, 1.0), "olive": (128, 128, 0, 1.0),
    "yellow": (255, 255, 0, 1.0), "navy": (0, 0, 128, 1.0), "blue": (0, 0, 255, 1.0),
    "teal": (0, 128, 128, 1.0), "aqua": (0, 255, 255, 1.0), "orange": (255, 165, 0, 1.0),
    "transparent": (0, 0, 0, 0.0),
}


def is_hex_colour(value: str) -> bool:
    """Whether ``value`` is a CSS hex colour: ``#rgb``, ``#rgba``, ``#rrggbb`` or ``#rrggbbaa``."""
    return _HEX_RE.fullmatch(value.strip()) is not None


def hex_to_rgba(value: str) -> RGBA:
    """Browser reading of a hex colour: ``#21538527`` -> ``(33, 83, 133, 0.153)``.

    CSS puts alpha last (#RRGGBBAA), unlike Qt's #AARRGGBB. Alpha is AA/255 rounded
    to three decimals, as Chromium reports it. Raises ValueError for anything else.
    """
    text = value.strip()
    if not _HEX_RE.fullmatch(text):
        raise ValueError(f"not a hex colour: {value!r}")
    digits = text[1:]
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits)
    r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    alpha = int(digits[6:8], 16) if len(digits) == 8 else 255
    return (r, g, b, round(alpha / 255, 3))


def parse_colour(value: str) -> RGBA | None:
    """Any colour a style attribute holds (hex, ``rgb()``, ``rgba()``, a named colour), or None.

    ``rgb()`` takes numbers or percentages, separated by commas, spaces or ``/``;
    channels are clamped to 0..255 and alpha to 0..1, as browsers do.
    """
    text = value.strip().lower()
    if _HEX_RE.fullmatch(text):
        return hex_to_rgba(text)
    if text in NAMED_COLOURS:
        return NAMED_COLOURS[text]
    match = _RGB_FUNC_RE.fullmatch(text)
    if not match:
        return None
    parts = [p for p in re.split(r"[\s,/]+", match.group(1).strip()) if p]
    if len(parts) not in (3, 4):
        return None
    try:
        # Browsers round halves up (50% is 128), where Python's round() goes to even.
        channels = [
            math.floor((float(p[:-1]) * 255 / 100 if p.endswith("%") else float(p)) + 0.5)
            for p in parts[:3]
        ]
        alpha = 1.0
        if len(parts) == 4:
            a = parts[3]
            alpha = float(a[:-1]) / 100 if a.endswith("%") else float(a)
    except ValueError:
        return None
    r, g, b = (max(0, min(255, c)) for c in channels)
    return (r, g, b, round(max(0.0, min(1.0, alpha)), 3))


def first_colour(value: str) -> RGBA | None:
    """The first hex or ``rgb()`` colour in a declaration value (``#fff url(a.png)``), or None."""
    word = COLOUR_WORD_RE.search(value)
    return parse_colour(word.group(0)) if word else None


def rgba_css(color: str | RGBA) -> str:
    """Serialise like a browser's computed style: ``rgba(33, 83, 133, 0.153)``.

    Opaque colours come out as ``rgb(238, 35, 35)``, as browsers report them.
    """
    r, g, b, a = hex_to_rgba(color) if isinstance(color, str) else color
    if a >= 1:
        return f"rgb({r}, {g}, {b})"
    return f"rgba({r}, {g}, {b}, {format(a, '.3f').rstrip('0').rstrip('.') or '0'})"


def same_colour(a: RGBA | None, b: RGBA | None) -> bool:
    """Whether two colours paint the same: equal RGB, alpha within 2/255.

    The alpha slack lets ``rgba(33, 83, 133, 0.15)`` (rounded by a word processor)
    match ``#21538527``.
    """
    if a is None or b is None:
        return False
    return a[:3] == b[:3] and abs(a[3] - b[3]) * 255 <= 2.01


# --------------------------------------------------------------------------- readers


class MarkupReader:
    """Walks HTML in order as start tags, end tags and text, read by :func:`tokenize`.

    The shape of ``html.parser.HTMLParser`` (subclasses override the three
    ``handle_*`` methods), on this module's reading of tags: attributes come as a
    dict, text with its entities decoded, comments are skipped and a ``<b/>``-style
    tag of a non-void element counts as opened and closed.
    """

    def feed(self, text: str) -> None:
        """Read all of ``text``."""
        for token in tokenize(text):
            if isinstance(token, Text):
                self.handle_data(html.unescape(text[token.start:token.end]))
            elif isinstance(token, Tag):
                if token.closing:
                    self.handle_endtag(token.name)
                    continue
                self.handle_starttag(token.name, token.attributes())
                if token.name not in VOID_TAGS and token.attrs.rstrip().endswith("/"):
                    self.handle_endtag(token.name)

    def handle_starttag(self, name: str, attrs: dict[str, str]) -> None:
        """A start tag: ``name`` lower case, ``attrs`` as :func:`parse_attributes` reads them."""

    def handle_endtag(self, name: str) -> None:
        """An end tag."""

    def handle_data(self, data: str) -> None:
        """A run of text, entities decoded (raw-text content, such as a script's, too)."""
