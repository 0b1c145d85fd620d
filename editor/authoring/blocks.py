"""House blocks: headings, spacers, rules, links, images and the signature footer.

HTML bodies get the exact markup the house's blog writes (see HOUSE-MARKUP.md);
Markdown bodies get the Markdown equivalent. Decisions for Markdown:

- Spacer: the same raw HTML line ``<p data-ke-size="size16">&nbsp;</p>``. Markdown
  collapses blank lines, so an empty paragraph can only exist as raw HTML; both
  Python-Markdown (preview) and kramdown (Jekyll) pass block HTML through unchanged.
- Rule: ``***``. ``---`` directly under a line of text turns that text into a setext
  heading, and a ``---`` line is easy to mistake for a front-matter fence.
- Signature: raw HTML as well, because Markdown link syntax cannot carry
  ``rel="dofollow"``, which is also the mark that finds the signature again.

Text content passed to these helpers is plain text and is escaped; attribute values
are always escaped.
"""

from __future__ import annotations

import re
from html import escape

from editor.authoring.highlights import Edit
from editor.markup import BLOCK_TAGS, Tag, markup, pair_elements

HEADING_SIZES = {2: "size26", 3: "size23", 4: "size20"}
SPACER_HTML = '<p data-ke-size="size16">&nbsp;</p>'
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


def _check_fmt(fmt: str) -> None:
    if fmt not in ("html", "markdown"):
        raise ValueError(f"fmt must be 'html' or 'markdown', not {fmt!r}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise ValueError("a URL is required")
    if url.lower().replace(" ", "").startswith(_UNSAFE_SCHEMES):
        raise ValueError(f"refusing a script or data URL: {url[:40]!r}")
    return url


def _md_text(text: str) -> str:
    """Escape what would end a Markdown link text or alt text early."""
    return re.sub(r"([\\\[\]])", r"\\\1", _one_line(text))


def _md_url(url: str) -> str:
    # Spaces and parentheses would end a bare destination; <...> form takes them.
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def heading(level: int, text: str, fmt: str = "html") -> str:
    """Section heading: ``<h2 data-ke-size="size26">…</h2>`` (h3 size23, h4 size20) or ``## …``."""
    _check_fmt(fmt)
    if level not in HEADING_SIZES:
        raise ValueError(f"heading level must be 2, 3 or 4, not {level!r}")
    text = _one_line(text)
    if not text:
        raise ValueError("heading text is required")
    if fmt == "markdown":
        return f"{'#' * level} {text}"
    return f'<h{level} data-ke-size="{HEADING_SIZES[level]}">{escape(text, quote=False)}</h{level}>'


def spacer(fmt: str = "html") -> str:
    """Spacer paragraph; the same raw HTML line in both formats (see module notes)."""
    _check_fmt(fmt)
    return SPACER_HTML


def rule(fmt: str = "html") -> str:
    """Horizontal rule: ``<hr />`` or ``***`` (see module notes for why not ``---``)."""
    _check_fmt(fmt)
    return "***" if fmt == "markdown" else "<hr />"


def link(text: str, url: str, fmt: str = "html") -> str:
    """Inline link; the text defaults to the URL. Script and data URLs raise ValueError."""
    _check_fmt(fmt)
    url = _check_url(url)
    text = _one_line(text) or url
    if fmt == "markdown":
        return f"[{_md_text(text)}]({_md_url(url)})"
    return f'<a href="{escape(url)}">{escape(text, quote=False)}</a>'


def image(src: str, alt: str, fmt: str = "html") -> str:
    """Lead image paragraph ``<p><img src="…" alt="…" /></p>`` or ``![alt](src)``.

    Alt text is required (ValueError if blank): the preview shows it offline and
    readers of screen readers depend on it.
    """
    _check_fmt(fmt)
    src = _check_url(src)
    alt = _one_line(alt)
    if not alt:
        raise ValueError("alt text is required for images")
    if fmt == "markdown":
        return f"![{_md_text(alt)}]({_md_url(src)})"
    return f'<p><img src="{escape(src)}" alt="{escape(alt)}" /></p>'


def signature(text: str, link_text: str, url: str, fmt: str = "html") -> str:
    """Signature footer line: ``동네 소식, <a href="…" rel="dofollow">site</a>``.

    ``text`` is written before the link as given (with its own punctuation); the
    same raw HTML line serves both formats (see module notes).
    """
    _check_fmt(fmt)
    url = _check_url(url)
    label = _one_line(link_text) or url
    anchor = f'<a href="{escape(url)}" rel="dofollow">{escape(label, quote=False)}</a>'
    lead = _one_line(text)
    return f"{escape(lead, quote=False)} {anchor}" if lead else anchor


def _is_signature_line(line: str) -> bool:
    """A line with a rel="dofollow" link that does not start a block element.

    The signature is the last such line; a paragraph that happens to hold such a
    link is content.
    """
    if "dofollow" not in line.lower():
        return False
    tags = [t for t in markup(line) if isinstance(t, Tag)]
    if not any(t.name == "a" and not t.closing
               and "dofollow" in t.attributes().get("rel", "").lower().split() for t in tags):
        return False
    first = tags[0]
    starts_block = (not line[:first.start].strip() and not first.closing
                    and first.name in BLOCK_TAGS)
    return not starts_block


def find_signature(body: str) -> tuple[int, int] | None:
    """Offsets of the signature line (without its newline), or None."""
    pos = len(body)
    while pos > 0:
        line_start = body.rfind("\n", 0, pos - 1) + 1
        line_end = pos - 1 if body[pos - 1] == "\n" else pos
        if _is_signature_line(body[line_start:line_end]):
            return line_start, line_end
        pos = line_start
    return None


def set_signature(body: str, text: str, link_text: str, url: str, fmt: str = "html") -> str:
    """Body with the signature line updated in place, or appended at the end once.

    HTML: the line goes right after the last block, as the house writes it.
    Markdown: after a blank line, or it would join the last paragraph.
    """
    line = signature(text, link_text, url, fmt)
    found = find_signature(body)
    if found:
        start, end = found
        return body[:start] + line + body[end:]
    head = body.rstrip()
    if not head:
        return line + "\n"
    gap = "\n\n" if fmt == "markdown" else "\n"
    return head + gap + line + "\n"


_CONTAINER_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 table ul ol blockquote pre div".split())


def insert_block(body: str, offset: int, block: str) -> Edit:
    """Insert ``block`` on its own lines near ``offset``, one blank line either side.

    An offset in the middle of a line moves to the end of that line; in HTML, an
    offset inside an open block element (a paragraph, a table) moves past its
    closing tag, so blocks are never written inside another block. The selection
    returned covers the inserted block.
    """
    offset = max(0, min(offset, len(body)))
    for element in pair_elements(markup(body)):
        # Outermost first: the offset leaves the whole block, however deeply it sits.
        if element.name in _CONTAINER_BLOCKS and element.open_start < offset < element.close_end:
            offset = element.close_end
    nl = body.find("\n", offset)
    if offset > 0 and body[offset - 1] != "\n":
        offset = len(body) if nl == -1 else nl
    before = body[:offset].rstrip("\n")
    after = body[offset:].lstrip("\n")
    prefix = before + "\n\n" if before else ""
    suffix = "\n\n" + after if after else "\n"
    text = prefix + block + suffix
    return Edit(text, len(prefix), len(prefix) + len(block))
