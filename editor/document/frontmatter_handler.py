"""python-frontmatter interoperability: a handler that reads front matter as Post does.

Also reachable as ``editor.document.frontmatter.SafeYAMLHandler``.
"""

from __future__ import annotations

from typing import Any

import frontmatter as pyfrontmatter

from editor.document.frontmatter import parse, split_document


class SafeYAMLHandler(pyfrontmatter.YAMLHandler):
    """A python-frontmatter handler with Jekyll's fences and our safe, bounded YAML reading.

    ``frontmatter.loads(text, handler=SafeYAMLHandler())`` gives the same values
    as :class:`editor.document.post.Post`, for scripts that already use python-frontmatter.
    """

    def detect(self, text: str) -> bool:
        return split_document(text).opening is not None

    def split(self, text: str) -> tuple[str, str]:
        parts = split_document(text)
        return parts.yaml, parts.body

    def load(self, fm: str, **kwargs: Any) -> dict[str, Any]:
        parsed = parse(fm)
        if parsed.error:
            raise parsed.error
        return parsed.data
