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
_KNOWN_PATTERNS = frozenset(_PATTERN_NEEDS)
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
        self.patterns: _InlinePatterns | None = None

    def reset(self) -> None:
        self.source = ""
        if self.patterns is not None:
            self.patterns.restore()  # a conversion that failed half-way

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown API
        md.registerExtension(self)
        md.block_level_elements = _BlockLevelList(md.block_level_elements)
        self.patterns = _InlinePatterns.of(md)
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
        # Right before "inline" (20), and right after it.
        md.treeprocessors.register(
            _PlainTextLeftAlone(md, self.patterns), "plain_text_atomic", 21
        )
        if self.patterns is not None:
            md.treeprocessors.register(
                _RestorePatterns(md, self.patterns), "restore_inline_patterns", 19.5
            )
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


class _BlockLevelList(list):
    """``Markdown.block_level_elements`` answering ``in`` from a set.

    ``Markdown.is_block_level`` asks it ~100 000 times for 1 MB; a list answers by
    scanning its fifty names. Still a list for the extensions that change it.
    """

    def __init__(self, names: list[str]) -> None:
        super().__init__(names)
        self._names: frozenset[str] | None = None

    def __contains__(self, name: object) -> bool:
        if self._names is None:
            self._names = frozenset(self)
        return name in self._names

    def _changed(method):  # noqa: N805 - wraps the list's own methods below
        def changed(self, *args: Any) -> Any:
            self._names = None
            return method(self, *args)

        return changed

    append = _changed(list.append)
    extend = _changed(list.extend)
    insert = _changed(list.insert)
    remove = _changed(list.remove)
    pop = _changed(list.pop)
    clear = _changed(list.clear)
    sort = _changed(list.sort)
    reverse = _changed(list.reverse)
    __setitem__ = _changed(list.__setitem__)
    __delitem__ = _changed(list.__delitem__)
    __iadd__ = _changed(list.__iadd__)
    __imul__ = _changed(list.__imul__)
    del _changed


class _InlinePatterns:
    """The converter's inline patterns, of which one conversion may set some aside.

    Python-Markdown tries each of its inline patterns on every piece of text; a
    pattern needing a character no text of the document holds is set aside for the
    conversion (``Registry.deregister``) and put back after the inline pass
    (``Registry.register``). The patterns are registered once more at the start with
    priorities in their own order, so putting one back restores the order exactly.
    """

    def __init__(self, md: markdown.Markdown, order: list[tuple[str, Any]]) -> None:
        self.md = md
        self.order = order
        self.aside: list[str] = []

    @classmethod
    def of(cls, md: markdown.Markdown) -> _InlinePatterns | None:
        """None while the converter has a pattern this module does not know."""
        patterns = md.inlinePatterns
        names = [name for name in _KNOWN_PATTERNS if name in patterns]
        if len(names) != len(patterns):
            return None
        names.sort(key=patterns.get_index_for_name)
        order = [(name, patterns[name]) for name in names]
        for rank, (name, item) in enumerate(order):
            patterns.register(item, name, len(order) - rank)
        return cls(md, order)

    def set_aside(self, text: str) -> None:
        """Set aside the patterns needing what ``text`` does not hold."""
        patterns = self.md.inlinePatterns
        for name, _ in self.order:
            if name in patterns and not any(need in text for need in _PATTERN_NEEDS[name]):
                patterns.deregister(name)
                self.aside.append(name)

    def restore(self) -> None:
        if not self.aside:
            return
        aside = set(self.aside)
        self.aside = []
        for rank, (name, item) in enumerate(self.order):
            if name in aside:
                self.md.inlinePatterns.register(item, name, len(self.order) - rank)


class _PlainTextLeftAlone(Treeprocessor):
    """Leave the inline pass only the text and the patterns that can match.

    Text holding none of the characters any pattern needs is marked atomic
    (``AtomicString``, the library's own way to say "leave this text alone"); the
    patterns no remaining text can match are set aside for this conversion.
    """

    def __init__(self, md: markdown.Markdown, patterns: _InlinePatterns | None) -> None:
        super().__init__(md)
        self.patterns = patterns

    def run(self, root) -> None:
        if self.patterns is None:
            return
        trigger = _TRIGGER_RE.search
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
        # The texts the patterns make are pieces of these texts.
        self.patterns.set_aside("\0".join(live))


class _RestorePatterns(Treeprocessor):
    def __init__(self, md: markdown.Markdown, patterns: _InlinePatterns) -> None:
        super().__init__(md)
        self.patterns = patterns

    def run(self, root) -> None:
        self.patterns.restore()


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
