"""Paste-ready HTML: the post body with every theme rule inlined into ``style`` attributes.

Blog platforms' HTML modes and newsletters drop ``<style>`` elements and class names, so
the look must travel in ``style`` attributes. The themed page is rendered as for the
preview, css-inline copies each matching rule onto its elements (CSS variables resolved,
``rem`` turned into pixels because the platform's root font size is not ours), classes
are removed, and the article is wrapped in one ``<div>`` that carries what the page's
``html``/``body``/``article`` gave it (font, size, colour, width).

css-inline (Rust, maintained, used by email tooling) is chosen over premailer and
similar pure-Python inliners because it implements CSS specificity and the cascade
properly, resolves ``var()``, never fetches remote style sheets when told not to, and
inlines a 1 MB post in milliseconds.

The writer's own ``style`` attributes (house highlights, table styles) are kept as
written, at the end of each attribute, so they still win over theme rules.
"""

from __future__ import annotations

import re
from typing import Any

import css_inline
from bs4 import BeautifulSoup, Tag

from editor.markup import MarkupReader
from editor.render import core as render

# Where the writer's own style attribute waits while the theme is inlined.
_HOUSE_ATTR = "data-house-style"
_STYLE_ATTR = re.compile(r"""(<[a-zA-Z][^>]*?\s)style(\s*=)""")
_REM = re.compile(r"(?<![\w.-])(\d*\.?\d+)rem\b")
_PX = re.compile(r"^\s*(\d*\.?\d+)px\s*$")
# Page-level properties the fragment's root cannot use (they only make sense on <html>).
_ROOT_SKIP = {"-webkit-text-size-adjust", "text-size-adjust", "margin"}
DEFAULT_ROOT_FONT_PX = 16.0


def _declarations(style: str) -> list[tuple[str, str]]:
    """``a: b; c: d`` as ``[(a, b), (c, d)]`` (semicolons inside quotes or url() respected)."""
    result: list[tuple[str, str]] = []
    depth = 0
    quote = ""
    current: list[str] = []
    for char in style + ";":
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            text = "".join(current).strip()
            current = []
            if ":" in text:
                name, value = text.split(":", 1)
                result.append((name.strip().lower(), " ".join(value.split())))
            continue
        current.append(char)
    return result


def _join(declarations: list[tuple[str, str]]) -> str:
    return "; ".join(f"{name}: {value}" for name, value in declarations) + (
        ";" if declarations else ""
    )


def _root_font_px(style: str) -> float:
    for name, value in reversed(_declarations(style)):
        if name == "font-size":
            match = _PX.match(value)
            if match:
                return float(match.group(1))
    return DEFAULT_ROOT_FONT_PX


def _rem_to_px(value: str, root_px: float) -> str:
    def px(match: re.Match[str]) -> str:
        number = float(match.group(1)) * root_px
        return f"{number:.2f}".rstrip("0").rstrip(".") + "px"

    return _REM.sub(px, value)


def _protect_house_styles(markup: str) -> str:
    """Rename the writer's ``style`` attributes so the inliner does not rewrite them."""
    return _STYLE_ATTR.sub(rf"\1{_HOUSE_ATTR}\2", markup)


def _inline(page_html: str) -> str:
    inliner = css_inline.CSSInliner(
        inline_style_tags=True,
        keep_style_tags=False,
        keep_link_tags=False,
        keep_at_rules=False,
        load_remote_stylesheets=False,
        resolve_css_variables=True,
    )
    return inliner.inline(page_html)


def _finish_styles(element: Tag, root_px: float) -> None:
    """Theme declarations (rem -> px) first, then the writer's own style as written."""
    theme = [
        (name, _rem_to_px(value, root_px))
        for name, value in _declarations(str(element.get("style", "")))
    ]
    house = element.get(_HOUSE_ATTR)
    if house is not None:
        del element[_HOUSE_ATTR]
        house_text = str(house)
        own = {name for name, _ in _declarations(house_text)}
        # The writer's declaration wins anyway; dropping the theme's copy keeps it tidy.
        theme = [(name, value) for name, value in theme if name not in own or "!important" in value]
        text = _join(theme)
        element["style"] = f"{text} {house_text}".strip() if text else house_text
    elif theme:
        element["style"] = _join(theme)
    elif element.has_attr("style"):
        del element["style"]


def fragment_html(
    post: render.RenderablePost,
    *,
    theme: str = "default",
    include_header: bool = False,
    body_html: str | None = None,
    renderer: render.Renderer | None = None,
) -> str:
    """The post as one ``<div>`` of inline-styled HTML, ready to paste into a blog editor.

    No ``<style>`` element, no ``class`` attribute; ``include_header`` adds the title,
    categories, lead and feature image above the body. Raises ``render.ThemeError``.
    """
    renderer = renderer or render.Renderer()
    body = renderer.fragment(post, anchors=False) if body_html is None else body_html
    page_html = renderer.page(post, theme, anchors=False, body_html=_protect_house_styles(body))
    inlined = _inline(page_html)
    soup = BeautifulSoup(inlined, "html.parser")
    html_el = soup.find("html")
    body_el = soup.find("body")
    article = soup.find("article")
    if not isinstance(article, Tag):  # page() always writes one; be safe anyway
        raise ValueError("rendered page has no <article>")
    root_px = _root_font_px(str(html_el.get("style", ""))) if isinstance(html_el, Tag) else 16.0

    if not include_header:
        header_el = article.find("header")
        if isinstance(header_el, Tag):
            header_el.decompose()

    for element in article.find_all(True):
        _finish_styles(element, root_px)
        for attribute in ("class",):
            if element.has_attr(attribute):
                del element[attribute]
        # The page's fixed ids would collide with the blog's own page.
        if element.get("id") in (render.POST_HEADER_ID, render.POST_BODY_ID):
            del element["id"]

    # The root carries what the page's html, body and article gave the whole post.
    root_declarations: dict[str, str] = {}
    for source in (html_el, body_el, article):
        if isinstance(source, Tag):
            for name, value in _declarations(str(source.get("style", ""))):
                if source is not article and name in _ROOT_SKIP:
                    continue
                root_declarations[name] = _rem_to_px(value, root_px)
    root_declarations.pop("-webkit-text-size-adjust", None)
    root_style = _join(list(root_declarations.items()))
    # Keep &nbsp; visible as such: spacer paragraphs must survive a paste.
    inner = article.decode_contents().strip("\n").replace("\xa0", "&nbsp;")
    # The language picks the CJK glyph forms and line breaking, as the page's <html> did.
    lang = str(html_el.get("lang", "")) if isinstance(html_el, Tag) else ""
    lang_attr = f' lang="{_escape_attr(lang)}"' if lang else ""
    return f'<div{lang_attr} style="{_escape_attr(root_style)}">\n{inner}\n</div>\n'


def _escape_attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


# --- plain text ------------------------------------------------------------------------

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)


class _TextCollector(MarkupReader):
    """Readable text of an HTML fragment: blocks on their own lines, cells tab-separated."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.seen_text = False  # anything but white space written yet
        self.in_pre = 0
        self.skip = 0
        self.cell_index = 0
        self.links: list[tuple[str, int]] = []  # href, index in parts where its text starts

    def _newline(self, count: int = 1) -> None:
        # Only the tail is read: joining every part per block made long posts quadratic.
        if not self.seen_text:
            self.seen_text = any(part.strip() for part in self.parts)
            if not self.seen_text:
                return  # no blank lines before the first text
        trailing = 0
        for part in reversed(self.parts):
            stripped = part.rstrip("\n")
            trailing += len(part) - len(stripped)
            if stripped:
                break
        if trailing < count:
            self.parts.append("\n" * (count - trailing))

    def handle_starttag(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.links.append((attrs.get("href", "").strip(), len(self.parts)))
        elif tag == "img":
            alt = attrs.get("alt", "")
            if alt.strip():
                self.parts.append(f"[{alt.strip()}]")
        elif tag in ("td", "th"):
            if self.cell_index:
                self.parts.append("\t")
            self.cell_index += 1
        elif tag in ("tr", "thead", "tbody", "tfoot"):
            self._newline()
            self.cell_index = 0
        elif tag == "li":
            self._newline()
            self.parts.append("- ")
        elif tag in _BLOCKS:
            self._newline(2)
            if tag == "pre":
                self.in_pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            shown = "".join(self.parts[start:]).strip()
            # Plain text cannot link: name the address unless the text already is it.
            if href.startswith(("http://", "https://", "mailto:")) and shown and (
                href.removeprefix("mailto:").rstrip("/") not in shown
            ):
                self.parts.append(f" ({href})")
        elif tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
            self._newline(2)
        elif tag in ("tr", "li", "thead", "tbody", "tfoot"):
            self._newline()
        elif tag in _BLOCKS:
            self._newline(2)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_pre:
            self.parts.append(data)
            return
        text = re.sub(r"[ \t\r\n\f]+", " ", data)
        # Space at the start of a line or cell is markup indentation, not text.
        if not self.parts or self.parts[-1].endswith(("\n", "\t", "- ")):
            text = text.lstrip(" ")
        if text:
            self.parts.append(text)

    def text(self) -> str:
        lines = "".join(self.parts).replace("\xa0", " ").split("\n")
        lines = [re.sub(r" *\t *", "\t", line).rstrip() for line in lines]
        text = "\n".join(lines)
        text = re.sub(r"\n{3,}", "\n\n", text)
        return text.strip() + "\n"


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(markup)
    return collector.text()


def fragment_plain_text(
    post: render.RenderablePost,
    *,
    include_header: bool = False,
    body_html: str | None = None,
    renderer: render.Renderer | None = None,
) -> str:
    """The clipboard's plain-text alternative to :func:`fragment_html`."""
    renderer = renderer or render.Renderer()
    body = renderer.fragment(post, anchors=False) if body_html is None else body_html
    parts: list[Any] = []
    if include_header:
        title = " ".join(str(post.get("title") or "").split())
        lead = " ".join(str(post.get("excerpt") or post.get("feature_text") or "").split())
        parts.extend(item for item in (title, lead) if item)
    parts.append(html_to_text(body).strip())
    return "\n\n".join(part for part in parts if part) + "\n"
