"""A Jekyll site's posts and drafts as rows of a table: title, date, categories, tags, words.

Listing must be quick (a thousand posts in well under a second), so a row reads only
the front matter, with libyaml when it is there, and counts words cheaply. The publish
checklist (editor/site/checks.py) is slower; it fills a row's error and warning counts
in a second pass (:meth:`SiteIndex.add_checks`) that the window runs in the background.
Rows are kept per file with its modification time and size, so listing again after a
change re-reads only the files that changed.

A file whose front matter cannot be read gives a row marked ``invalid`` with the reason;
nothing is ever written here.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from editor.document import frontmatter
from editor.document.textfile import DecodeError, decode
from editor.site.jekyll import DRAFTS_DIR, POST_EXTENSIONS, POSTS_DIR, parse_post_filename

# libyaml reads YAML 1.1 like Jekyll's Psych, some twenty times faster than pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOP_KEY = re.compile(r"^([^\s#:-][^:\n]*?)[ \t]*:(?:[ \t]|$)", re.MULTILINE)
_NOT_WORDS = re.compile(r"<[^>]*>|&#?\w+;|\s[^\w\s]+(?=\s)")
_ROW_KEYS = frozenset({"title", "date", "categories", "category", "tags", "tag", "published"})


@dataclass(frozen=True)
class PostRow:
    """One post or draft of the site; ``path`` is relative to the site's folder."""

    path: str
    title: str
    date: str | None  # ISO date (and time when the front matter gives one)
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    draft: bool
    words: int
    invalid: str | None = None  # why the front matter cannot be read
    errors: int | None = None  # publish checklist, once run (None: not yet)
    warnings: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def state(self) -> str:
        """``draft``, ``published`` or ``unpublished`` (``published: false``)."""
        if self.draft:
            return "draft"
        return "unpublished" if self.extra.get("published") is False else "published"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        values = asdict(self)
        values.pop("extra")
        values["categories"] = list(self.categories)
        values["tags"] = list(self.tags)
        values["state"] = self.state
        return values


def _scan(folder: str, found: list[tuple[Path, os.stat_result]]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                _scan(entry.path, found)
            elif entry.name.lower().endswith(POST_EXTENSIONS) and entry.is_file():
                found.append((Path(entry.path), entry.stat()))
        except OSError:
            continue  # vanished or unreadable meanwhile


def post_files_with_stats(root: Path) -> list[tuple[Path, os.stat_result]]:
    """The site's post and draft files with their stat, ``_posts`` (also ``*/_posts``,
    Jekyll's category folders) then ``_drafts``, each sorted by path."""
    found: list[tuple[Path, os.stat_result]] = []
    for folder in (POSTS_DIR, DRAFTS_DIR):
        for base in [root / folder, *sorted(root.glob(f"*/{folder}"))]:
            if base.is_dir():
                _scan(str(base), found)
    return found


def post_files(root: Path) -> list[Path]:
    """The site's post and draft files (see :func:`post_files_with_stats`)."""
    return [path for path, _ in post_files_with_stats(root)]


def jekyll_list(data: dict[str, Any], singular: str, plural: str) -> list[str]:
    """Categories or tags as Jekyll reads them: a singular key wins and is one value;
    a plural string is split at white space; a list is taken item by item."""
    if singular in data:
        value = data[singular]
        items = value if isinstance(value, list) else [value]
    else:
        value = data.get(plural)
        items = value.split() if isinstance(value, str) else value if isinstance(value, list) \
            else [] if value is None else [value]
    return [str(item) for item in items if item is not None and str(item).strip()]


def _careful(yaml_text: str) -> tuple[dict[str, Any], str | None]:
    """The values by the editor's own parser, or ``({}, reason)``."""
    parsed = frontmatter.parse(yaml_text)
    if parsed.error is not None:
        where = f"line {parsed.error.line}: " if parsed.error.line else ""
        return {}, where + parsed.error.message
    return parsed.data, None


def _simple(yaml_text: str) -> bool:
    """Whether libyaml may read this front matter: a valid block mapping without
    duplicate keys or aliases (those get the careful parser and its messages)."""
    keys = _TOP_KEY.findall(yaml_text)
    if len(keys) != len(set(keys)) or "&" in yaml_text or "*" in yaml_text:
        return False
    if yaml_text.lstrip().startswith("{"):
        return False
    try:
        events = yaml.parse(yaml_text, Loader=_LOADER)
        for event in events:
            if isinstance(event, yaml.NodeEvent):
                return isinstance(event, yaml.MappingStartEvent) and _drain(events)
        return True  # empty
    except yaml.YAMLError:
        return False


def _drain(events: Any) -> bool:
    for _ in events:
        pass
    return True


def _snippet(yaml_text: str) -> str:
    """Only the lines of the keys a row shows: reading a thousand stays quick."""
    taken: list[str] = []
    take = False
    for line in yaml_text.splitlines(keepends=True):
        if line.strip() and line[0] not in " \t-#":
            match = _TOP_KEY.match(line)
            take = bool(match and match.group(1) in _ROW_KEYS)
        if take:
            taken.append(line)
    return "".join(taken)


def _one(snippet: str, whole: str) -> tuple[dict[str, Any], str | None]:
    try:
        data = yaml.load(snippet, Loader=_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError):
        return _careful(whole)  # its message points at the file's line
    return (data, None) if isinstance(data, dict) else ({}, None)


def front_matter_values(yaml_texts: list[str | None]) -> list[tuple[dict[str, Any], str | None]]:
    """Each front matter's row values (title, date, categories, tags, published), or
    ``({}, reason)`` when it cannot be read; None is a file without front matter.

    Simple front matters are read in one libyaml stream (one call for all is several
    times quicker than one call each); a stream that fails is read file by file.
    """
    results: list[tuple[dict[str, Any], str | None]] = [({}, None)] * len(yaml_texts)
    batch: list[tuple[int, str]] = []
    for i, text in enumerate(yaml_texts):
        if text is None or not text.strip():
            continue
        if _simple(text):
            batch.append((i, _snippet(text)))
        else:
            results[i] = _careful(text)
    try:
        docs = list(yaml.load_all("".join(f"--- \n{snippet}" for _, snippet in batch),
                                  Loader=_LOADER))  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, TypeError):
        docs = []
    if len(docs) == len(batch) and all(d is None or isinstance(d, dict) for d in docs):
        for (i, _), data in zip(batch, docs, strict=True):
            results[i] = (data or {}, None)
    else:  # one of them holds a value libyaml refuses (date: 2024-13-45): one by one
        for i, snippet in batch:
            results[i] = _one(snippet, yaml_texts[i] or "")
    return results


def _date_text(value: Any, file_date: date | None) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return file_date.isoformat() if file_date else None


def _count_words(body: str) -> int:
    # Tags, entities and runs of mere punctuation (Markdown's "-", "##") out, then
    # white-space separated words: the status bar's count for HTML, close for Markdown.
    return len(_NOT_WORDS.sub(" ", body).split())


def _text(data: bytes) -> str:
    if b"\x00" not in data and not data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return decode(data).text  # other encodings, BOMs; refuses binary files


@dataclass(frozen=True)
class _Source:
    relative: str
    draft: bool
    file_date: date | None
    slug: str
    yaml: str | None
    body: str
    error: str | None
    folder_categories: tuple[str, ...] = ()  # Jekyll's: blog/_posts/x.md is in "blog"


def _read(path: Path, root: Path) -> _Source:
    relative = path.relative_to(root)
    file_date, slug = parse_post_filename(path.name)
    draft = DRAFTS_DIR in relative.parts
    folders = relative.parts[: relative.parts.index(DRAFTS_DIR if draft else POSTS_DIR)]
    try:
        text = _text(path.read_bytes())
    except (OSError, DecodeError) as exc:
        reason = exc.message if isinstance(exc, DecodeError) else (exc.strerror or str(exc))
        return _Source(relative.as_posix(), draft, file_date, slug, None, "", reason)
    parts = frontmatter.split_document(text)
    return _Source(relative.as_posix(), draft, file_date, slug,
                   parts.yaml if parts.opening is not None else None, parts.body, None,
                   tuple(folders))


def read_rows(paths: list[Path], root: Path) -> list[PostRow]:
    """The rows of ``paths`` (never raises for a bad file: its row says what is wrong)."""
    sources = [_read(path, root) for path in paths]
    values = front_matter_values([s.yaml if s.error is None else None for s in sources])
    rows = []
    for source, (data, invalid) in zip(sources, values, strict=True):
        title = data.get("title")
        rows.append(PostRow(
            path=source.relative,
            title=str(title) if title is not None and str(title).strip() else source.slug,
            date=_date_text(data.get("date"), source.file_date),
            categories=tuple(dict.fromkeys(
                source.folder_categories + tuple(jekyll_list(data, "category", "categories")))),
            tags=tuple(jekyll_list(data, "tag", "tags")),
            draft=source.draft,
            words=_count_words(source.body),
            invalid=source.error or invalid,
            extra={"published": data.get("published")},
        ))
    return rows


class SiteIndex:
    """The rows of one site, kept per file by modification time and size."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._rows: dict[Path, tuple[int, int, PostRow]] = {}

    def rows(self) -> list[PostRow]:
        """Every post and draft now (files that changed since the last call are re-read)."""
        stamps = {path: (stat.st_mtime_ns, stat.st_size)
                  for path, stat in post_files_with_stats(self.root)}
        stale = [path for path, stamp in stamps.items()
                 if path not in self._rows or self._rows[path][:2] != stamp]
        fresh = dict(zip(stale, read_rows(stale, self.root), strict=True))
        self._rows = {path: (*stamp, fresh[path] if path in fresh else self._rows[path][2])
                      for path, stamp in stamps.items()}
        return [entry[2] for entry in self._rows.values()]

    def add_checks(self, rows: list[PostRow] | None = None) -> list[PostRow]:
        """``rows`` (default: all) with the publish checklist's error and warning counts."""
        from editor.document.post import Post, PostError
        from editor.site.checks import check

        done = []
        for row in self.rows() if rows is None else rows:
            if row.errors is None:
                path = self.root / row.path
                try:
                    problems = check(Post.load(path), site_root=self.root)
                except PostError:
                    row = replace(row, errors=1, warnings=0)
                else:
                    errors = sum(1 for p in problems if p.level == "error")
                    row = replace(row, errors=errors, warnings=len(problems) - errors)
                cached = self._rows.get(path)
                if cached is not None:
                    self._rows[path] = (cached[0], cached[1], row)
            done.append(row)
        return done
