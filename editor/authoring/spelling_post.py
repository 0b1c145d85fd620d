"""Spelling of a whole post: its languages, its body and its text fields, in file lines.

The languages of a post: its front matter ``lang``, else the site's ``_config.yml``
``lang``, else the writer's preference (Korean and English by default). Korean and
English are both checked in every post, each word by its script; ``lang`` decides which
dictionary a script goes to (``en-GB`` rather than ``en_US`` for Latin words, say).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from editor.authoring.spelling import DEFAULT_LANGUAGES, Misspelling, SpellChecker
from editor.authoring.spelling_text import prose_mask, words
from editor.document import frontmatter
from editor.document.post import Post
from editor.site.jekyll import CONFIG_NAMES, find_site_root

# Front-matter fields a reader sees as prose (the form's title, excerpt, feature text).
TEXT_FIELDS = ("title", "subtitle", "excerpt", "description", "feature_text")


def _lang_value(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def site_lang(root: Path | None) -> str | None:
    """The ``lang`` of a site's ``_config.yml``, if it says one."""
    if root is None:
        return None
    for name in CONFIG_NAMES:
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parsed = frontmatter.parse(text)
        return _lang_value(parsed.data.get("lang")) if not parsed.error else None
    return None


def post_languages(post: Post, *, site_root: Path | None = None,
                   default: Sequence[str] = DEFAULT_LANGUAGES) -> list[str]:
    """The languages to check ``post`` in: its ``lang`` first, then the defaults."""
    lang = _lang_value(post.get("lang"))
    if lang is None:
        if site_root is None and post.path is not None:
            site_root = find_site_root(post.path)
        lang = site_lang(site_root)
    ordered = ([lang] if lang else []) + [tag for tag in default if tag != lang]
    return ordered


def _field_texts(post: Post) -> list[tuple[str, int]]:
    """The text fields' lines with the key blanked, and the file line each starts on."""
    yaml_text = post.front_matter_text
    if not yaml_text or post.yaml_error is not None:
        return []
    yaml_first_line = post.body_start_line - yaml_text.count("\n") - 1  # after "---"
    spans = frontmatter.field_lines(yaml_text)
    lines = yaml_text.splitlines(keepends=True)
    texts = []
    for key in TEXT_FIELDS:
        if key not in spans or not isinstance(post.get(key), str):
            continue
        start, end = spans[key]
        text = "".join(lines[start:end])
        colon = text.index(":") + 1  # the key itself is never checked
        texts.append((" " * colon + text[colon:], yaml_first_line + start))
    return texts


def _body_format(post: Post) -> str:
    return "html" if post.format == "html" else "markdown"


def checked_words(post: Post) -> list[str]:
    """Every word the checker looks at in ``post`` (text fields, then body), in order."""
    found = []
    for text, fmt in [(t, "html") for t, _ in _field_texts(post)] + [
            (post.body, _body_format(post))]:
        found += [word.text for word in words(text, prose_mask(text, fmt))]
    return found


def post_misspellings(post: Post, checker: SpellChecker) -> list[Misspelling]:
    """Misspelt words of ``post`` in its text fields and body; lines and columns are the file's.

    Offsets (``start``/``end``) are within the field's lines or the body; use line and
    column to point into the file.
    """
    found = []
    for text, first_line in _field_texts(post):
        found += checker.misspellings(text, "html", first_line=first_line)
    return found + checker.misspellings(post.body, _body_format(post),
                                        first_line=post.body_start_line)


def checker_for(post: Post, *, personal_words: object = None,
                default: Sequence[str] = DEFAULT_LANGUAGES) -> SpellChecker:
    """A checker in ``post``'s languages (missing dictionaries are skipped, see ``missing``)."""
    return SpellChecker(post_languages(post, default=default), personal_words=personal_words)
