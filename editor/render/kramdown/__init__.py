"""Markdown as Jekyll's kramdown renders it, built from Python-Markdown extensions.

``KramdownEngine`` is the Markdown engine for posts of Jekyll sites: kramdown with
GFM input, rouge-shaped code blocks and the site's ``kramdown:`` options. Each rule
of kramdown that Python-Markdown lacks is one extension module here:

- ``typography``: smart quotes, dashes, ellipsis and guillemets;
- ``attributes``: inline and block attribute lists, attribute list definitions;
- ``headings``: kramdown's automatic heading ids and the ``{:toc}`` table of contents;
- ``lists``: list nesting by text column and GFM paragraph ends;
- ``code``: fenced and indented code as rouge writes it, with Pygments tokens;
- ``footnotes``: kramdown's footnote markup;
- ``math``: ``$$…$$`` for MathJax;
- ``directives``: ``{::comment}``, ``{::nomarkdown}``, ``{::options /}``;
- ``gfm``: what the GFM parser changes (strikethrough, task lists, escapes).
"""

from __future__ import annotations

from editor.render.kramdown.engine import KramdownEngine, KramdownOptions

__all__ = ["KramdownEngine", "KramdownOptions"]
