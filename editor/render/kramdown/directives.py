"""kramdown's extension tags: ``{::comment}``, ``{::nomarkdown}`` and ``{::options /}``.

``{::comment}…{:/comment}`` becomes an HTML comment (hidden, as on the site);
``{::nomarkdown}…{:/nomarkdown}`` passes its text through untouched; ``{::options …
/}`` is taken away (per-document options are not followed). The closing tag may be
``{:/}``.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from editor.render.posmap import strip_leftover_markers

_PAIRED_RE = re.compile(
    r"(?P<line>^[ ]{0,3})?\{::(?P<name>comment|nomarkdown)(?:[ \t][^}]*)?\}"
    r"(?P<body>.*?)\{:/(?:(?P=name))?\}(?P<end>[ \t]*$)?",
    re.DOTALL | re.MULTILINE,
)
_OPTIONS_RE = re.compile(r"\{::options\b[^}]*/\}")


class DirectivesExtension(Extension):
    """kramdown's ``{::name}`` extension tags."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # Before fenced code (25), as kramdown reads them, after the source-line markers.
        md.preprocessors.register(_DirectivesPreprocessor(md), "kramdown_directives", 26)


class _DirectivesPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("{::" in line for line in lines):
            return lines
        text = _PAIRED_RE.sub(self._replace, "\n".join(lines))
        return _OPTIONS_RE.sub("", text).split("\n")

    def _replace(self, match: re.Match[str]) -> str:
        body = match.group("body")
        if match.group("name") == "comment":
            hidden = strip_leftover_markers(body).strip().replace("--", "- -")
            raw = f"<!-- {hidden} -->"
        else:
            # Source-line markers in it are taken out of the stash by the anchors' own step.
            raw = body
        placeholder = self.md.htmlStash.store(raw)
        if match.group("line") is not None and match.group("end") is not None:
            return f"\n{placeholder}\n"
        return placeholder
