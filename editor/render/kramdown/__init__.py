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
- ``gfm``: what the GFM parser changes (strikethrough, task lists, escapes);
- ``parts``: the part cache, so a keystroke in a long post converts one part.

``tests/render/kramdown`` builds its fixtures with the real ``jekyll`` and compares.
Known differences: code tokens are Pygments', not rouge's (same class names, some
tokens cut differently), and a language Pygments knows but rouge does not still gets
rouge's wrapper; an attribute list written before a paragraph holding a ``|`` is
dropped by kramdown (a failed table) but applied here; a span attribute list whose
text holds inline Markdown is left as text; inline HTML left open is not closed (a
browser closes it alike); ``input: kramdown`` changes only heading ids, strikethrough
and task lists. A whole conversion is as fast as stock Python-Markdown with these
extensions (the house engine's speed-ups, ``editor.render.speedups``, are not
applied); posts of 4 KB and more are converted by parts, each kept by its text.
"""

from __future__ import annotations

from editor.render.kramdown.engine import KramdownEngine, KramdownOptions

__all__ = ["KramdownEngine", "KramdownOptions"]
