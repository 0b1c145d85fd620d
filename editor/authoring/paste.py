"""Cleaning rich text pasted from browsers and word processors into house markup.

Two passes. First, BeautifulSoup reads the clipboard HTML and the named rules of
``paste_rules`` turn what it means into house terms: colours that match a highlight
preset become that preset, bold/italic spans become ``<b>``/``<i>``, headings move to
the house levels, Google Docs and Word wrappers go. Then nh3 (the maintained Rust
sanitizer ammonia) keeps only an allow-list of tags and attributes, so nothing the
first pass missed (scripts, event handlers, ``javascript:`` links, classes, fonts,
tracking attributes) survives. Preset spans travel through nh3 as
``<mark data-preset="id">`` placeholders (the only allowed values being preset ids)
and are replaced by the preset's exact markup last.
"""

from __future__ import annotations

import re

import nh3
from bs4 import BeautifulSoup
from markdownify import markdownify

from editor.authoring.blocks import HEADING_SIZES
from editor.authoring.highlights import Preset
from editor.authoring.paste_rules import URL_SCHEMES, KeepPicture, Paste, normalise
from editor.markup import MarkupReader

__all__ = ["ALLOWED_TAGS", "KeepPicture", "clean_pasted_html", "plain_text"]

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "b", "i", "br", "hr",
                "table", "thead", "tbody", "tr", "th", "td", "img"}
_BLOCK_END_RE = re.compile(r"(</(?:p|h[2-4]|ul|ol|table)>|<hr />)(?!\n|</li>|</t[dh]>)")
_LINE_TAG_RE = re.compile(r"(</?(?:ul|ol|thead|tbody|tr)>|</(?:li|th|td)>)(?!\n)")
_OPEN_MARK = "\ue000"   # private-use characters carry preset marks through markdownify
_CLOSE_MARK = "\ue001"


def _fragment(text: str) -> str:
    """The copied fragment only: drop the Windows CF_HTML header and page around it."""
    m = re.search(r"<!--\s*StartFragment\s*-->(.*?)<!--\s*EndFragment\s*-->", text, re.S | re.I)
    if m:
        return m.group(1)
    if text.startswith("Version:"):
        first_tag = text.find("<")
        return text[first_tag:] if first_tag != -1 else ""
    return text


def _sanitize(markup: str, presets: list[Preset]) -> str:
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS | {"mark"},
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}, "img": {"src", "alt"}, "td": {"colspan", "rowspan"},
                    "th": {"colspan", "rowspan"}},
        tag_attribute_values={"mark": {"data-preset": {p.id for p in presets}}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _replace_marks(markup: str, presets: list[Preset], open_re: str, close: str) -> str:
    """Turn preset placeholders into the presets' markup (marks never nest)."""
    by_id = {p.id: p for p in presets}
    out: list[str] = []
    stack: list[Preset | None] = []
    pattern = re.compile(open_re + "|" + re.escape(close))
    last = 0
    for m in pattern.finditer(markup):
        out.append(markup[last:m.start()])
        last = m.end()
        if m.group(0) == close:
            preset = stack.pop() if stack else None
            out.append(preset.close_tag() if preset else "")
        else:
            preset = by_id.get(m.group(1))
            stack.append(preset)
            out.append(preset.open_tag() if preset else "")
    out.append(markup[last:])
    return "".join(out)


def clean_pasted_html(html_text: str, presets: list[Preset], fmt: str = "html",
                      keep_picture: KeepPicture | None = None) -> str:
    """Clipboard HTML made safe and house-shaped, as HTML or (``fmt="markdown"``) Markdown.

    Keeps paragraphs, headings (as house h2–h4), lists, links (http, https, mailto;
    tracking parameters removed), bold, italics, line breaks, simple tables and web
    pictures (http, https) with their alt text. Other pictures (``data:``, ``file:``)
    go, unless ``keep_picture`` gives the address to use instead (having stored them).
    Colours matching a preset (hex in any case, ``rgb()``/``rgba()``, ``<font color>``,
    text or background) become that preset's exact markup; in Markdown they stay
    inline HTML while the rest becomes Markdown.
    """
    soup = BeautifulSoup(_fragment(html_text), "html.parser")
    normalise(Paste(soup, presets, keep_picture))
    cleaned = _sanitize(str(soup), presets).strip()
    # Spaces at a highlight's edges belong to the sentence, not to the highlight.
    cleaned = re.sub(r'(<mark data-preset="[^"]*">)(\s+)', r"\2\1", cleaned)
    cleaned = re.sub(r"(\s+)</mark>", r"</mark>\1", cleaned)
    if fmt == "markdown":
        cleaned = re.sub(r'<mark data-preset="([^"]*)">', _OPEN_MARK + r"\1" + _OPEN_MARK,
                         cleaned)
        cleaned = cleaned.replace("</mark>", _CLOSE_MARK)
        text = markdownify(cleaned, heading_style="ATX", bullets="-", escape_misc=False,
                           strong_em_symbol="*")
        text = _replace_marks(text, presets, f"{_OPEN_MARK}([^{_OPEN_MARK}]*){_OPEN_MARK}",
                              _CLOSE_MARK)
        text = re.sub(r"^-{3,}$", "***", text, flags=re.M)  # see blocks.rule()
        return re.sub(r"\n{3,}", "\n\n", text).strip()
    cleaned = _replace_marks(cleaned, presets, r'<mark data-preset="([^"]*)">', "</mark>")
    cleaned = re.sub(r"<(hr|br)>", r"<\1 />", cleaned)  # the house writes <hr />
    # As the house writes pictures: src first, self-closed (nh3 sorts the attributes).
    cleaned = re.sub(r'<img alt="([^"]*)" src="([^"]*)"\s*/?>', r'<img src="\2" alt="\1" />',
                     cleaned)
    cleaned = re.sub(r"<h([2-4])>",
                     lambda m: f'<h{m[1]} data-ke-size="{HEADING_SIZES[int(m[1])]}">', cleaned)
    cleaned = _BLOCK_END_RE.sub(r"\1\n\n", cleaned)
    cleaned = _LINE_TAG_RE.sub(r"\1\n", cleaned)
    cleaned = re.sub(r"<(table|thead|tbody|tr)>(?!\n)", r"<\1>\n", cleaned)
    return re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"\n{3,}", "\n\n", cleaned)).strip()


class _TextCollector(MarkupReader):
    """The text of clipboard HTML: blocks as blank-line breaks, cells tab-separated."""

    _SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
    _BREAK_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                               "table", "blockquote", "pre", "section", "article", "hr"})

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BREAK_BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("br", "li", "tr"):
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BREAK_BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def plain_text(html_text: str) -> str:
    """The text of clipboard HTML: paragraphs separated by blank lines, no markup."""
    collector = _TextCollector()
    collector.feed(_fragment(html_text))
    text = "".join(collector.parts).replace("\xa0", " ")
    lines = [line.strip(" ") for line in text.split("\n")]
    lines = [re.sub(r"^\t+|\t+$", "", line).replace("\t", " | ") for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
