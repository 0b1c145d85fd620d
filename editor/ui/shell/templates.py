"""New posts from templates: the placeholders a template leaves for a fresh post."""

from __future__ import annotations

import datetime

from editor.document.post import Post
from editor.site import jekyll as site


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
