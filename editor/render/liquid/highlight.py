"""Jekyll's ``{% highlight %}`` markup, as rouge writes it, with Pygments doing the lexing.

Rouge and Pygments share the short token class names (``k``, ``nf``, ``s1`` ...), so the
bundled Pygments themes colour this markup the way a rouge stylesheet colours Jekyll's.
Rouge escapes only ``& < >`` and writes white space bare; Pygments also escapes quotes
and wraps white space in ``w`` spans, both undone so the text matches Jekyll's.
"""

from __future__ import annotations

import html
import re

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.lexers.special import TextLexer
from pygments.util import ClassNotFound

# Jekyll::Tags::HighlightBlock::LEADING_OR_TRAILING_LINE_TERMINATORS
_EDGE_NEWLINES = re.compile(r"\A[\n\r]+|[\n\r]+\Z")
# Rouge's lexers mostly yield white space as plain text, which it writes without a span.
_WHITESPACE_SPAN = re.compile(r'<span class="w">(\s*)</span>')


def _lexer(lang: str):
    options = {"stripnl": False, "ensurenl": False}
    try:
        return get_lexer_by_name(lang.lower(), **options)
    except ClassNotFound:
        return TextLexer(**options)


def highlight_spans(code: str, lang: str) -> str:
    """``code`` as token spans with short class names, escaped the way rouge escapes."""
    formatter = HtmlFormatter(nowrap=True)
    spans = highlight(code, _lexer(lang), formatter)
    spans = _WHITESPACE_SPAN.sub(r"\1", spans)
    return spans.replace("&quot;", '"').replace("&#39;", "'")


def _line_table(code: str, spans: str) -> str:
    """Rouge's HTMLTable (``linenos``): a gutter of numbers beside the code."""
    count = code.count("\n") + 1
    gutter = "".join(f"{number}\n" for number in range(1, count + 1))
    return (
        '<table class="rouge-table"><tbody><tr>'
        f'<td class="gutter gl"><pre class="lineno">{gutter}</pre></td>'
        f'<td class="code"><pre>{spans}\n</pre></td>'
        "</tr></tbody></table>"
    )


def highlight_block(code: str, lang: str, *, linenos: bool = False) -> str:
    """What Jekyll 4 writes for ``{% highlight lang [linenos] %}code{% endhighlight %}``."""
    code = _EDGE_NEWLINES.sub("", code)
    spans = highlight_spans(code, lang)
    if spans.endswith("\n"):
        spans = spans[:-1]
    inner = _line_table(code, spans) if linenos else spans
    lang_class = html.escape(lang.replace("+", "-"), quote=True)
    return (
        f'<figure class="highlight"><pre><code class="language-{lang_class}" '
        f'data-lang="{html.escape(lang, quote=True)}">{inner}</code></pre></figure>'
    )
