"""Shortcuts through Python-Markdown that give the same HTML with less work.

Converting a long post is mostly Python-Markdown trying things that the text rules
out in advance: inline patterns on sentences without a character they need, the
``attr_list`` pass on a text without ``{``, the ``[TOC]`` search on a text without
the marker, block-level lookups in a list. ``FastMarkdown`` skips that work; a
property test compares its output with a stock ``markdown.Markdown`` built with the
same extensions.

Each shortcut only applies while the converter's processors are the ones it knows;
with others (an extension we do not load) it stands aside.
"""

from __future__ import annotations

import re
from typing import Any

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString, Registry

from editor.render.html import highlight_code
from editor.render.posmap import fences_in

# What a match of each of Python-Markdown's inline patterns (3.x, with extra's
# footnotes) must contain: one of these strings.
_PATTERN_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    **dict.fromkeys(
        "reference link image_link image_reference short_reference short_image_ref "
        "footnote".split(),
        ("[",),
    ),
    **dict.fromkeys(("autolink", "automail", "html"), ("<",)),
    "entity": ("&",),
    "linebreak": ("  \n",),
    # Emphasis went through several pattern names over the 3.x releases.
    **dict.fromkeys(
        "em_strong em_strong2 not_strong strong_em strong emphasis emphasis2".split(),
        ("*", "_"),
    ),
}
_EMPHASIS_TOKENS = frozenset("*_")

# Where a heading can come from (toc gives headings their ids): a "#" anywhere (a
# heading may sit in a list item or a quote), a setext underline, an HTML heading
# parsed by md_in_html.
_MAYBE_HEADING_RE = re.compile(r"#|^[ \t>]*(?:=+|-+)[ ]*$|<h[1-6]", re.MULTILINE | re.IGNORECASE)
_MAYBE_ATTRIBUTES_RE = re.compile(r"\{")
# Escaped characters are kept as STX number ETX; only a backslash makes them.
_MAYBE_ESCAPES_RE = re.compile(r"[\\\x02]")


class FastMarkdown(markdown.Markdown):
    """``markdown.Markdown`` with the shortcuts of this module (see ``install``)."""

    source = ""
    toc_processor: Treeprocessor | None = None  # set by ``install``

    def reset(self) -> FastMarkdown:
        # is_block_level is asked ~100 000 times for 1 MB; a set answers as the list does.
        self._block_level = frozenset(self.block_level_elements)
        super().reset()
        return self

    def is_block_level(self, tag: Any) -> bool:
        if isinstance(tag, str):
            return tag.lower().rstrip("/") in self._block_level
        return False

    def convert(self, source: str) -> str:
        self.source = source
        toc = self.toc_processor
        marker = getattr(toc, "marker", "")
        if marker and marker not in source:
            # No marker in the text, no marker in the tree to replace.
            toc.marker = ""
        try:
            return super().convert(source)
        finally:
            self.source = ""
            if marker:
                toc.marker = marker


class _ListedRegistry(Registry):
    """A Registry that lists its items in order once, not on every iteration.

    The block parser iterates its processors for every block (a new sorted list
    each time in the stock Registry).
    """

    _listed: list | None = None

    def __iter__(self):
        if self._listed is None:
            self._listed = list(super().__iter__())
        return iter(self._listed)

    def register(self, *args, **kwargs) -> None:
        self._listed = None
        super().register(*args, **kwargs)

    def deregister(self, *args, **kwargs) -> None:
        self._listed = None
        super().deregister(*args, **kwargs)


def install(md: FastMarkdown) -> None:
    """Add the shortcut processors to ``md`` (after its extensions are loaded)."""
    if type(md.parser.blockprocessors) is Registry:
        md.parser.blockprocessors.__class__ = _ListedRegistry
    md.toc_processor = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
    md.preprocessors.register(_PlainFencePreprocessor(md), "plain_fenced_code", 26)
    if "html_block" in md.preprocessors:
        html_block = _RawHtmlLeft(md, md.preprocessors["html_block"])
        md.preprocessors.register(html_block, "html_block", 20)
    if "fenced_code_block" in md.preprocessors:
        # Left with the fences that have attributes, if any (a search of the whole
        # text per part otherwise).
        fenced = _FencesLeft(md, md.preprocessors["fenced_code_block"])
        md.preprocessors.register(fenced, "fenced_code_block", 25)
    # Right before "inline" (20).
    md.treeprocessors.register(_InlineNarrowing(md), "inline_narrowing", 21)
    # toc puts a table of contents in place of its marker, even with no heading.
    marker = getattr(md.toc_processor, "marker", "")
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
            gated = _NeedsText(md, md.treeprocessors[name], needs)
            md.treeprocessors.register(gated, name, priority)


class _PlainFencePreprocessor(Preprocessor):
    """Highlight fences without ``{attributes}`` or ``hl_lines``, with a cache, in one pass.

    Python-Markdown's own fence preprocessor (which runs next and still handles the
    other fences) rebuilds the whole text once per fence, which is quadratic on long
    posts, and highlights every fence anew on every render. The markup is the same:
    both go through ``CodeHilite(...).hilite(shebang=False)`` with our settings.
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


class _InlineNarrowing(Treeprocessor):
    """Give the inline pass only the patterns that can match this document's text.

    Python-Markdown tries each of its inline patterns on every piece of text, which
    is most of the time spent on a long post. Text holding none of the characters
    any pattern starts with is marked atomic, so the pass leaves it as it is; for the
    rest, patterns needing a character no remaining text holds are left out of this
    conversion's list (the texts the patterns make are pieces of these texts).
    """

    # Every character a pattern needs; placeholders and source-line markers count too.
    _TRIGGER_RE = re.compile(r"[`\\\[\]!<>&*_{}\x02\x03\x1e]|  \n")

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self._names: dict[tuple[object, ...], list[str] | None] = {}
        self._narrowed: dict[tuple[str, ...], Registry] = {}

    def run(self, root) -> None:
        inline = self.md.treeprocessors["inline"] if "inline" in self.md.treeprocessors else None
        if inline is None:
            return
        patterns = inline.inlinePatterns = self.md.inlinePatterns
        names = self._known_names(patterns)
        if names is None:
            return
        trigger = self._TRIGGER_RE.search
        live = []
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString):
                if trigger(text):
                    live.append(text)
                else:
                    element.text = AtomicString(text)
            tail = element.tail
            if tail and not isinstance(tail, AtomicString):
                if trigger(tail):
                    live.append(tail)
                else:
                    element.tail = AtomicString(tail)
        text = "\0".join(live)
        keep = tuple(name for name in names if any(n in text for n in _PATTERN_NEEDS[name]))
        inline.inlinePatterns = self._narrow(patterns, keep)

    def _known_names(self, patterns: Registry) -> list[str] | None:
        """Names of ``patterns`` in the order they run, or None if one is not known."""
        key = tuple(patterns)
        if key not in self._names:
            names = sorted(
                (name for name in _PATTERN_NEEDS if name in patterns),
                key=patterns.get_index_for_name,
            )
            self._names[key] = names if len(names) == len(patterns) else None
            self._narrowed.clear()
        delimiters = getattr(getattr(self.md, "delimiters", None), "delimiters", {})
        return self._names[key] if set(delimiters) <= _EMPHASIS_TOKENS else None

    def _narrow(self, patterns: Registry, keep: tuple[str, ...]) -> Registry:
        narrowed = self._narrowed.get(keep)
        if narrowed is None:
            narrowed = Registry()
            for rank, name in enumerate(keep):
                narrowed.register(patterns[name], name, len(keep) - rank)
            self._narrowed[keep] = narrowed
        return narrowed


class _NeedsText(Treeprocessor):
    """Run ``inner`` only for a source text where ``needs`` matches (it acts on nothing else)."""

    def __init__(self, md: FastMarkdown, inner: Treeprocessor, needs: re.Pattern[str]) -> None:
        super().__init__(md)
        self.inner = inner
        self.needs = needs

    def __getattr__(self, name: str) -> Any:
        # Others use the wrapped processor's helpers (inline HTML: unescape's RE).
        return getattr(self.inner, name)

    def run(self, root) -> Any:
        if self.needs.search(self.md.source):
            return self.inner.run(root)
        return None
