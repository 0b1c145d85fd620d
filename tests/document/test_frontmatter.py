"""Front-matter splitting by Jekyll's rule and the python-frontmatter handler."""

from __future__ import annotations

import frontmatter as pyfrontmatter
import pytest

from editor.document.frontmatter import SafeYAMLHandler, YamlError, field_lines, split_document


@pytest.mark.parametrize(("text", "yaml", "body"), [
    ("---\na: 1\n---\nbody", "a: 1\n", "body"),
    ("---\na: 1\n...\nbody", "a: 1\n", "body"),
    ("--- \na: 1\n---  \n", "a: 1\n", ""),
    ("---\n---\n", "", ""),
    ("---\na: 1\n---", "a: 1\n", ""),
])
def test_split_follows_jekyll(text, yaml, body):
    """Front matter opens on line 1 and closes at '---' or '...'; the join is exact."""
    parts = split_document(text)
    assert (parts.yaml, parts.body) == (yaml, body)
    assert parts.join() == text


@pytest.mark.parametrize("text", ["\n---\na: 1\n---\n", "---\na: 1\n", "----\na: 1\n----\n"])
def test_no_front_matter_unless_fenced_from_line_one(text):
    """Without an opening fence on line 1 and a closing fence, all of it is body."""
    parts = split_document(text)
    assert parts.opening is None and parts.body == text


def test_field_lines_spans_cover_block_values():
    """Each key's span covers its whole value, not the comments after it."""
    yaml = "title: a\ncats:\n  - x\n  - y\n# note\nexcerpt: >\n  long\n  text\n\nz: 1\n"
    assert field_lines(yaml) == {"title": (0, 1), "cats": (1, 4), "excerpt": (5, 8),
                                 "z": (9, 10)}


def test_python_frontmatter_handler_is_safe():
    """python-frontmatter with our handler reads Jekyll fences and refuses Python tags."""
    post = pyfrontmatter.loads("---\ntitle: 제목\n...\nbody\n", handler=SafeYAMLHandler())
    assert post["title"] == "제목" and post.content == "body"
    with pytest.raises(YamlError):
        pyfrontmatter.loads("---\nx: !!python/name:os.system\n---\n", handler=SafeYAMLHandler())
