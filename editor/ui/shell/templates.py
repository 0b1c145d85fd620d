"""New posts from templates: the placeholders a template leaves for a fresh post."""

from __future__ import annotations

import datetime
from pathlib import Path

from editor.document.post import Post
from editor.site import jekyll as site

#: The template an untitled post starts from when the window opens with no file.
DEFAULT_TEMPLATES = ("news-article", "blank", "default")


def default_template(templates: list[Path]) -> Path | None:
    """The template a window with no file starts from (None: an empty post)."""
    preferred = [t for t in templates if t.stem in DEFAULT_TEMPLATES]
    return (preferred or templates or [None])[0]


def post_from_template(template: Path) -> Post:
    """An untitled post with ``template``'s text, placeholders filled; raises PostError
    or YamlError."""
    post = Post.load(template)
    fill_template(post)
    post.path = None
    return post


def fill_template(post: Post) -> None:
    """Fill a template's {title}/{date}/{slug} placeholders for an untitled post.

    The title stays empty for the writer to type; values go through Post.set so the
    YAML around them is kept as the template wrote it.
    """
    values = {"title": "", "slug": "", "date": datetime.date.today().isoformat()}

    def fill(value: object) -> object:
        if isinstance(value, str):
            return site.fill_placeholders(value, values)
        if isinstance(value, list):
            return [fill(item) for item in value]
        return value

    for key, value in post.metadata.items():
        filled = fill(value)
        if filled != value:
            post.set(key, filled)
    post.body = site.fill_placeholders(post.body, values)
