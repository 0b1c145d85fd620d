"""The kramdown engine: one Python-Markdown converter set up as Jekyll's kramdown."""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from editor.render.kramdown import (
    attributes,
    code,
    directives,
    footnotes,
    gfm,
    headings,
    lists,
    math,
    parts,
    typography,
)
from editor.render.markdown import NotedReferences
from editor.render.parts import References
from editor.render.posmap import SourceLineExtension, strip_leftover_markers


@dataclass(frozen=True)
class KramdownOptions:
    """The ``kramdown:`` options of a site that change what a post looks like.

    Defaults are Jekyll's (which differ from kramdown's own: GFM input, rouge).
    """

    input: str = "GFM"
    auto_ids: bool = True
    auto_id_prefix: str = ""
    hard_wrap: bool = False
    footnote_nr: int = 1
    footnote_backlink: str = "\u21a9"
    smart_quotes: tuple[str, str, str, str] = ("\u2018", "\u2019", "\u201c", "\u201d")
    toc_levels: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
    syntax_highlighter: str | None = "rouge"
    typographic_symbols: dict[str, str] = field(default_factory=dict)

    @property
    def gfm(self) -> bool:
        """Whether the input is GitHub-flavoured (Jekyll's default) rather than kramdown's."""
        return self.input.lower() in ("gfm", "gfm_quirks")

    @classmethod
    def from_config(cls, config: dict | None) -> KramdownOptions:
        """Options from a ``kramdown:`` mapping; unknown or ill-typed values keep defaults."""
        config = config or {}
        values: dict = {}
        if isinstance(config.get("input"), str):
            values["input"] = config["input"]
        for name in ("auto_ids", "hard_wrap"):
            if isinstance(config.get(name), bool):
                values[name] = config[name]
        if isinstance(config.get("auto_id_prefix"), str):
            values["auto_id_prefix"] = config["auto_id_prefix"]
        if isinstance(config.get("footnote_nr"), int):
            values["footnote_nr"] = config["footnote_nr"]
        if isinstance(config.get("footnote_backlink"), str):
            values["footnote_backlink"] = _characters(config["footnote_backlink"])
        quotes = _quotes(config.get("smart_quotes"))
        if quotes:
            values["smart_quotes"] = quotes
        levels = _levels(config.get("toc_levels"))
        if levels:
            values["toc_levels"] = levels
        if "syntax_highlighter" in config:
            highlighter = config["syntax_highlighter"]
            values["syntax_highlighter"] = highlighter if isinstance(highlighter, str) else None
        symbols = config.get("typographic_symbols")
        if isinstance(symbols, dict):
            values["typographic_symbols"] = {
                str(k): _characters(str(v)) for k, v in symbols.items()
            }
        return cls(**values)


def _characters(text: str) -> str:
    """``&#8617;`` or ``&hellip;`` style entities in an option turned into characters."""
    return html.unescape(text)


def _quotes(value) -> tuple[str, str, str, str] | None:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or len(value) != 4:
        return None
    chars = []
    for item in value:
        item = str(item).strip()
        if item.isdigit():
            chars.append(chr(int(item)))
        elif len(html.unescape(f"&{item};")) == 1:
            chars.append(html.unescape(f"&{item};"))
        else:
            return None
    return tuple(chars)  # type: ignore[return-value]


def _levels(value) -> tuple[int, ...] | None:
    if isinstance(value, int):
        return (value,) if 1 <= value <= 6 else None
    if isinstance(value, str):
        text = value.strip()
        if ".." in text:
            low, _, high = text.partition("..")
            if low.strip().isdigit() and high.strip().isdigit():
                return tuple(range(int(low), int(high) + 1))
            return None
        parts = [p.strip() for p in text.split(",")]
        if all(p.isdigit() for p in parts):
            return tuple(int(p) for p in parts)
        return None
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return tuple(value)
    return None


class _BlankFirstLine(Preprocessor):
    """A first line of spaces made empty, as whitespace normalising does for the others.

    Otherwise the source-line marker under it joins it in one block, where the
    paragraph's stripping eats the marker's first character (``\x1e`` is whitespace).
    """

    def run(self, lines: list[str]) -> list[str]:
        if lines and lines[0] and not lines[0].strip():
            lines[0] = ""
        return lines


class _EngineExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # Between normalize_whitespace (30) and the source-line markers (28).
        md.preprocessors.register(_BlankFirstLine(md), "kramdown_blank_first_line", 29)


class KramdownEngine:
    """Markdown to HTML as Jekyll's kramdown makes it (GFM input, rouge code blocks).

    One converter per engine, reset before each use; a lock guards it because the
    preview renders off the UI thread. Long posts are converted by parts, each kept in
    the engine's part cache (``editor.render.kramdown.parts``). An engine pickles as its
    options (a recipe), so a render pool's helper process builds its own converter.
    """

    name = "kramdown"

    def __init__(self, options: dict | None = None) -> None:
        self._config = dict(options) if isinstance(options, dict) else {}
        self.options = KramdownOptions.from_config(self._config)
        self.part_threshold = parts.PART_THRESHOLD
        # About this many top-level blocks a part (parts.PART_MODULUS).
        self.part_modulus = parts.PART_MODULUS
        self._lock = threading.Lock()
        self._source_lines = SourceLineExtension()
        self._attribute_lists = attributes.AttributeListExtension()
        self._headings = headings.HeadingsExtension(self.options, self._attribute_lists)
        self._markdown = self._build()
        self._parts = parts.PartCache()

    def __reduce__(self):
        return (type(self), (self._config,))

    def _build(self) -> markdown.Markdown:
        options = self.options
        extensions = [
            "abbr",
            "def_list",
            "tables",
            "md_in_html",
            footnotes.KramdownFootnotesExtension(options),
            typography.TypographyExtension(options),
            self._attribute_lists,
            self._headings,
            lists.ListRulesExtension(options),
            code.RougeCodeExtension(options),
            directives.DirectivesExtension(),
            math.MathExtension(),
            gfm.GfmExtension(options),
            self._source_lines,
            _EngineExtension(),
        ]
        return markdown.Markdown(extensions=extensions, output_format="xhtml")

    def convert(self, text: str, anchors: bool = True) -> str:
        """Markdown ``text`` to an HTML fragment, top-level blocks anchored if asked."""
        with self._lock:
            if len(text) < self.part_threshold or parts.needs_whole_document(text):
                html = self._convert(text, anchors)
            else:
                self._parts.modulus = self.part_modulus
                html = headings.settle_ids(
                    self._parts.convert(text, anchors, self._convert_part), self.options
                )
        return strip_leftover_markers(html)

    def convert_whole(self, text: str, anchors: bool = True) -> str:
        """``text`` converted in one go, never by parts (what the parts must add up to)."""
        with self._lock:
            return strip_leftover_markers(self._convert(text, anchors))

    def clear_cache(self) -> None:
        """Forget every cached part (for measurements of a first render)."""
        with self._lock:
            self._parts.clear()

    def _convert(self, text: str, anchors: bool) -> str:
        self._source_lines.enabled = anchors
        self._markdown.reset()
        try:
            return self._markdown.convert(text)
        finally:
            self._markdown.reset()

    def _convert_part(
        self, text: str, first_line: int, anchors: bool, references: References,
        definitions: parts.Definitions,
    ) -> parts.Part:
        """One part of a long post starting at ``first_line`` (0-based) of the whole text."""
        self._source_lines.first_line = first_line
        self._attribute_lists.given = definitions
        self._headings.in_part = True
        try:
            self._source_lines.enabled = anchors
            self._markdown.reset()
            noted = self._markdown.references = NotedReferences(references)
            html = self._markdown.convert(text)
            return parts.Part(
                html, first_line, noted.defined, dict(self._attribute_lists.defined)
            )
        finally:
            self._source_lines.first_line = 0
            self._attribute_lists.given = None
            self._headings.in_part = False
            self._markdown.reset()
