"""kramdown's typography: smart quotes, dashes, ellipsis and guillemets, as characters.

Python-Markdown's ``smarty`` follows the same SmartyPants rules kramdown does; this sets
it up with kramdown's symbols written out as characters (Jekyll's ``entity_output:
as_char``) and the site's ``smart_quotes`` and ``typographic_symbols``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.extensions.smarty import SmartyExtension

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

# kramdown's names of typographic symbols and smarty's for the same thing.
_SYMBOL_NAMES = {
    "hellip": "ellipsis",
    "mdash": "mdash",
    "ndash": "ndash",
    "laquo": "left-angle-quote",
    "raquo": "right-angle-quote",
}


class TypographyExtension(Extension):
    """Smart quotes and typographic symbols as kramdown writes them."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        lsquo, rsquo, ldquo, rdquo = self.options.smart_quotes
        substitutions = {
            "left-single-quote": lsquo,
            "right-single-quote": rsquo,
            "left-double-quote": ldquo,
            "right-double-quote": rdquo,
            "ndash": "\u2013",
            "mdash": "\u2014",
            "ellipsis": "\u2026",
            "left-angle-quote": "\u00ab",
            "right-angle-quote": "\u00bb",
        }
        for name, value in self.options.typographic_symbols.items():
            if name in _SYMBOL_NAMES:
                substitutions[_SYMBOL_NAMES[name]] = value
        SmartyExtension(smart_angled_quotes=True, substitutions=substitutions).extendMarkdown(md)
