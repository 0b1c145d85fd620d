"""kramdown's math with its default engine (MathJax): ``$$…$$`` kept for MathJax.

A ``$$…$$`` standing alone between blank lines is display math, written ``\\[…\\]``;
inside text it is inline math, ``\\(…\\)``. Its content is escaped and otherwise left
as written (no emphasis, no smart quotes), as kramdown does.
"""

from __future__ import annotations

import html
import re

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

_BLOCK_RE = re.compile(r"(?:(?<=\A)|(?<=\n\n))[ ]{0,3}\$\$(.*?)\$\$[ \t]*(?=\n\n|\n?\Z)", re.DOTALL)
_INLINE_RE = r"\$\$(.*?)\$\$"
# Display math is stashed behind this mark; the paragraph Python-Markdown puts
# around a stashed block that is not an HTML tag is taken off again by it.
_DISPLAY_MARK = "\x1fdisplay-math\x1f"
_WRAPPED_DISPLAY_RE = re.compile(rf"<p[^>]*>{_DISPLAY_MARK}(.*?)</p>", re.DOTALL)


class MathExtension(Extension):
    """Display and inline math as kramdown's MathJax engine writes them."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # After fenced code (25) has taken code away, before raw HTML (20).
        md.preprocessors.register(_BlockMathPreprocessor(md), "kramdown_math", 24.5)
        # Ahead of escapes (180): backslashes in math are TeX's.
        md.inlinePatterns.register(_InlineMathProcessor(_INLINE_RE, md), "kramdown_math", 185)
        # After raw HTML (30) is back in place.
        md.postprocessors.register(_DisplayMathPostprocessor(md), "kramdown_math", 25)


class _BlockMathPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "$$" not in text:
            return lines
        return _BLOCK_RE.sub(self._stash, text).split("\n")

    def _stash(self, match: re.Match[str]) -> str:
        math = html.escape(match.group(1).strip(), quote=False)
        return self.md.htmlStash.store(f"{_DISPLAY_MARK}\\[{math}\\]")


class _InlineMathProcessor(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown API
        math = html.escape(m.group(1).strip(), quote=False)
        return self.md.htmlStash.store(f"\\({math}\\)"), m.start(0), m.end(0)


class _DisplayMathPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        if _DISPLAY_MARK not in text:
            return text
        return _WRAPPED_DISPLAY_RE.sub(r"\1", text).replace(_DISPLAY_MARK, "")
