"""Shortcuts through Python-Markdown that give the same HTML with less work.

Converting a long post is mostly Python-Markdown trying things the text rules out
in advance: inline patterns on sentences without a character any of them needs,
the ``attr_list`` pass on a text without ``{``, the ``toc`` pass on a text without a
heading, fences re-found and re-highlighted on every render. ``SpeedupsExtension``
skips that work through Python-Markdown's public extension API only: it registers
processors of its own, and wraps a stock processor by registering a gate under the
stock one's name and priority. Property tests compare its output with a stock
converter built with the same extensions; the engine falls back to the stock
converter if a shortcut ever fails (``editor.render.markdown``).

Each shortcut applies only while the converter's processors are the ones it knows;
with others (an extension we do not load) it stands aside.
"""

from __future__ import annotations

import re
from typing import Any

import markdown
from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from editor.render.html import highlight_code
from editor.render.posmap import fences_in

# Python-Markdown's inline patterns (3.x, with extra's footnotes), by name: a text
# holding none of _TRIGGER_RE's characters can match none of them.
_KNOWN_PATTERNS = frozenset(
    "backtick escape reference link image_link image_reference short_reference "
    "short_image_ref footnote autolink automail html entity linebreak "
    "em_strong em_strong2 not_strong strong_em strong emphasis emphasis2".split()
)
# Every character a pattern needs; placeholders and source-line markers count too.
_TRIGGER_RE = re.compile(r"[`\\\[\]!<>&*_{}\x02\x03\x1e]|  \n")

# Where a heading can come from (toc gives headings their ids): a "#" anywhere (a
# heading may sit in a list item or a quote), a setext underline, an HTML heading
# parsed by md_in_html.
_MAYBE_HEADING_RE = re.compile(r"#|^[ \t>]*(?:=+|-+)[ ]*$|<h[1-6]", re.MULTILINE | re.IGNORECASE)
_MAYBE_ATTRIBUTES_RE = re.compile(r"\{")
# Escaped characters are kept as STX number ETX; only a backslash makes them.
_MAYBE_ESCAPES_RE = re.compile(r"[\\\x02]")


class SpeedupsExtension(Extension):
    """The shortcuts; load it last (it wraps processors the other extensions register)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = ""  # the text being converted

    def reset(self) -> None:
        self.source = ""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown API
        md.registerExtension(self)
        # Before normalize_whitespace (30): the text as written.
        md.preprocessors.register(_NoteSource(md, self), "speedups_note_source", 31)
        md.preprocessors.register(_PlainFencePreprocessor(md), "plain_fenced_code", 26)
        if "html_block" in md.preprocessors:
            md.preprocessors.register(
                _RawHtmlLeft(md, md.preprocessors["html_block"]), "html_block", 20
            )
        if "fenced_code_block" in md.preprocessors:
            # Left with the fences that have attributes, if any.
            md.preprocessors.register(
                _FencesLeft(md, md.preprocessors["fenced_code_block"]), "fenced_code_block", 25
            )
        # Right before "inline" (20).
        md.treeprocessors.register(_PlainTextLeftAlone(md), "plain_text_atomic", 21)
        toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
        # toc puts a table of contents in place of its marker, even with no heading.
        marker = getattr(toc, "marker", "")
        toc_needs = re.compile(
            _MAYBE_HEADING_RE.pattern + (f"|{re.escape(marker)}" if marker else ""),
            _MAYBE_HEADING_RE.flags,
        )
        # Same names and priorities as the extensions give them.
        for name, priority, needs in (
            ("attr_list", 8, _MAYBE_ATTRIBUTES_RE),
            ("toc", 5, toc_needs),
            ("unescape", 0, _MAYBE_ESCAPES_RE),
        ):
            if name in md.treeprocessors:
                gated = _NeedsText(md, md.treeprocessors[name], needs, self)
                md.treeprocessors.register(gated, name, priority)


class _NoteSource(Preprocessor):
    def __init__(self, md: markdown.Markdown, extension: SpeedupsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.source = "\n".join(lines)
        return lines


class _PlainFencePreprocessor(Preprocessor):
    """Highlight fences without ``{attributes}`` or ``hl_lines``, with a cache, in one pass.

    Python-Markdown's own fence preprocessor (which runs next and still handles the
    other fences) rebuilds the whole text once per fence, which is quadratic on long
    posts, and highlights every fence anew on every render. The markup is the same:
    both go through Pygments with CodeHilite's options for our settings.
    """

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        pieces = []
        copied = 0
        for match in fences_in(text):
            if match.group("attrs") is not None or match.group("hl_lines") is not None:
                continue
            html = highlight_code(match.group("code"), match.group("lang") or None)
            placeholder = self.md.htmlStash.store(html)
            pieces += (text[copied : match.start()], f"\n{placeholder}\n")
            copied = match.end()
        if not pieces:
            return lines
        pieces.append(text[copied:])
        return "".join(pieces).split("\n")


class _FencesLeft(Preprocessor):
    """Run Python-Markdown's fence preprocessor only while the text holds a fence."""

    def __init__(self, md: markdown.Markdown, inner: Preprocessor) -> None:
        super().__init__(md)
        self.inner = inner

    def run(self, lines: list[str]) -> list[str]:
        if any("```" in line or "~~~" in line for line in lines):
            return self.inner.run(lines)
        return lines


class _RawHtmlLeft(Preprocessor):
    """Run the raw HTML preprocessor only on a text it can change.

    It stashes raw HTML that starts at the start of a line (after at most three
    whitespace characters) and writes entities back with their ``;`` ("&copy"
    becomes "&copy;"); everything else it gives back as it got it. Without "&" and
    without "<" at a line start, it has nothing to do.
    """

    def __init__(self, md: markdown.Markdown, inner: Preprocessor) -> None:
        super().__init__(md)
        self.inner = inner

    def run(self, lines: list[str]) -> list[str]:
        for line in lines:
            at = line.find("<")
            if 0 <= at <= 3 and not line[:at].strip() or "&" in line:
                return self.inner.run(lines)
        return lines


class _PlainTextLeftAlone(Treeprocessor):
    """Mark text no inline pattern can match as atomic, so the inline pass skips it.

    Python-Markdown tries each of its inline patterns on every piece of text; a
    sentence holding none of the characters any pattern needs comes out as it went
    in. ``AtomicString`` is the library's own way to say "leave this text alone".
    """

    def run(self, root) -> None:
        if not _only_known_patterns(self.md):
            return
        trigger = _TRIGGER_RE.search
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not trigger(text):
                element.text = AtomicString(text)
            tail = element.tail
            if tail and not isinstance(tail, AtomicString) and not trigger(tail):
                element.tail = AtomicString(tail)


def _only_known_patterns(md: markdown.Markdown) -> bool:
    """True while every inline pattern of ``md`` is one of ``_KNOWN_PATTERNS``."""
    patterns = md.inlinePatterns
    return len(patterns) == sum(name in patterns for name in _KNOWN_PATTERNS)


class _NeedsText(Treeprocessor):
    """Run ``inner`` only for a source text where ``needs`` matches (it acts on nothing else)."""

    def __init__(
        self,
        md: markdown.Markdown,
        inner: Treeprocessor,
        needs: re.Pattern[str],
        extension: SpeedupsExtension,
    ) -> None:
        super().__init__(md)
        self.inner = inner
        self.needs = needs
        self.extension = extension

    def __getattr__(self, name: str) -> Any:
        # Others use the wrapped processor's helpers (inline HTML: unescape's RE).
        return getattr(self.inner, name)

    def run(self, root) -> Any:
        if self.needs.search(self.extension.source):
            return self.inner.run(root)
        return None
