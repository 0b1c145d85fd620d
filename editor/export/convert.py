"""Converting a post body between HTML and Markdown, front matter untouched.

HTML -> Markdown uses markdownify, with two house rules: what Markdown cannot say stays
inline HTML (highlight spans carry colours, links may carry ``rel``, tables carry
alignment and widths in ``style``), and spacer paragraphs stay visible as ``&nbsp;``.
Markdown -> HTML uses Python-Markdown without code highlighting, so code blocks come
out as ``<pre><code class="language-x">``, the form the HTML renderer highlights.
"""

from __future__ import annotations

import copy
import html
import re
from typing import Any

import markdown
from markdownify import MarkdownConverter

from editor.document.post import Post

FORMATS = ("markdown", "html")

# A span, font or link attribute that Markdown has no way to write.
_KEPT_LINK_ATTRS = frozenset({"rel", "target", "style", "class", "id"})
_TOP_BLOCK = re.compile(
    r"\n(?=<(?:p|h[1-6]|hr|table|ul|ol|pre|blockquote|div|dl|figure)\b)", re.IGNORECASE
)


def _attributes(el: Any) -> str:
    parts = []
    for name, value in el.attrs.items():
        if isinstance(value, list):  # bs4 splits class-like attributes
            value = " ".join(value)
        parts.append(f' {name}="{html.escape(str(value))}"')
    return "".join(parts)


class _HouseConverter(MarkdownConverter):
    """markdownify with the house markup's styled parts kept as inline HTML."""

    def convert_span(self, el: Any, text: str, parent_tags: set[str]) -> str:
        if not el.attrs:
            return text
        return f"<span{_attributes(el)}>{text}</span>"

    def convert_font(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return self.convert_span(el, text, parent_tags)

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        if _KEPT_LINK_ATTRS & set(el.attrs):
            return f"<a{_attributes(el)}>{text}</a>"
        return super().convert_a(el, text, parent_tags)

    def convert_p(self, el: Any, text: str, parent_tags: set[str]) -> str:
        spacer = not text.strip() and el.get_text() and not el.get_text().strip(" \xa0\t\r\n")
        if "_inline" not in parent_tags and spacer and el.find("img") is None:
            # A spacer paragraph: an invisible character would be lost on the next edit.
            return "\n\n&nbsp;\n\n"
        return super().convert_p(el, text, parent_tags)

    def convert_table(self, el: Any, text: str, parent_tags: set[str]) -> str:
        styled = el.has_attr("style") or el.find(attrs={"style": True}) is not None
        if styled:
            # Alignment, widths and borders set inline have no pipe-table spelling.
            return "\n\n" + _compact(str(el)) + "\n\n"
        return super().convert_table(el, text, parent_tags)


def _compact(markup: str) -> str:
    """Raw HTML kept in Markdown must not contain blank lines (they would end the block)."""
    return re.sub(r"\n[ \t]*\n+", "\n", markup).strip()


def html_to_markdown(markup: str) -> str:
    """An HTML fragment as Markdown (house highlights kept as inline HTML)."""
    converter = _HouseConverter(
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        code_language_callback=_code_language,
        escape_underscores=False,
    )
    text = converter.convert(markup)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _code_language(el: Any) -> str | None:
    code = el.find("code") if el.name == "pre" else el
    classes = (code.get("class") if code is not None else None) or el.get("class") or []
    for name in classes:
        if name.startswith("language-"):
            return name.removeprefix("language-")
        if name.startswith("lang-"):
            return name.removeprefix("lang-")
    return None


def markdown_to_html(text: str) -> str:
    """Markdown as an HTML body: one block per paragraph, blank lines between them."""
    converter = markdown.Markdown(
        extensions=["extra", "sane_lists"],
        extension_configs={"fenced_code": {"lang_prefix": "language-"}},
    )
    result = converter.convert(text)
    result = _TOP_BLOCK.sub("\n\n", result)
    return re.sub(r"\n{3,}", "\n\n", result).strip("\n")


def convert_body(post: Post, to_format: str) -> str:
    """The body of ``post`` written in ``to_format`` (``"markdown"`` or ``"html"``).

    A body already in that format is returned unchanged. The blank lines before the
    body (after the closing fence) are kept, and the result ends with one newline.
    """
    if to_format not in FORMATS:
        raise ValueError(f"Unknown body format {to_format!r} (use markdown or html).")
    if post.format == to_format:
        return post.body
    body = post.body
    lead = body[: len(body) - len(body.lstrip("\n"))]
    if to_format == "markdown":
        converted = html_to_markdown(body)
    else:
        converted = markdown_to_html(body)
    return lead + converted + "\n"


def converted_post(post: Post, to_format: str) -> Post:
    """A copy of ``post`` with its body converted; front matter and file facts unchanged."""
    result = copy.copy(post)
    result.notices = list(post.notices)
    result.body = convert_body(post, to_format)
    result.format = to_format
    return result
