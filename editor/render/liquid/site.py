"""A Jekyll site as Liquid sees it: ``site`` from ``_config.yml``, posts, data and includes.

:class:`LiquidSite` is built once from the files and then only read (the cache that
rebuilds it when files change is :class:`editor.render.liquid.cache.LiquidSites`).
Includes are read when used and kept until their file changes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from editor.document.frontmatter import split_document
from editor.render.liquid.dates import localised, site_zone
from editor.render.liquid.documents import document_record, escape_path, post_record
from editor.site.jekyll import CONFIG_NAMES, POST_EXTENSIONS, find_site_root

Markdownify = Callable[[str], str]
"""Turns Markdown into HTML for the ``markdownify`` filter."""

_SKIPPED_FOLDERS = frozenset({"_site", "node_modules", "vendor", ".git", ".jekyll-cache"})
_DATA_SUFFIXES = (".yml", ".yaml", ".json", ".csv", ".tsv")


def python_markdown(text: str) -> str:
    """The stand-in ``markdownify``: Python-Markdown, ending in a newline as kramdown's does."""
    import markdown

    return markdown.markdown(text) + "\n"


# Site files are read with PyYAML's YAML 1.1 (``yes`` is true, as in Jekyll's Psych),
# with libyaml when present: a site of hundreds of posts is read in well under a second.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """YAML text as Jekyll reads it; raises ``ValueError`` when it is not YAML."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ValueError(" ".join(str(exc).split())) from exc


def _yaml_file(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None


def _data_file(path: Path) -> Any:
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(path.read_text(encoding="utf-8"))
        if suffix in (".csv", ".tsv"):
            text = path.read_text(encoding="utf-8")
            return list(
                csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
            )
    except (OSError, UnicodeDecodeError, ValueError, csv.Error):
        return None
    return _yaml_file(path)


def _front_matter(text: str) -> dict[str, Any] | None:
    """Front matter values; {} when empty, None when it is not a YAML mapping."""
    try:
        data = load_yaml(text) if text.strip() else {}
    except (ValueError, RecursionError):
        return None
    return dict(data) if isinstance(data, Mapping) else None


def walk(folder: Path) -> Iterator[Path]:
    """The files below ``folder``, skipping hidden and generated folders, in name order."""
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name in _SKIPPED_FOLDERS:
            continue
        if entry.is_dir():
            yield from walk(entry)
        elif entry.is_file():
            yield entry


def post_folders(root: Path) -> list[Path]:
    """``_posts`` at the root and below plain folders (``news/_posts`` gives category news)."""
    found = []
    for current, folders, _files in os.walk(root):
        folders[:] = sorted(
            name
            for name in folders
            if name == "_posts" or not (name.startswith(("_", ".")) or name in _SKIPPED_FOLDERS)
        )
        if Path(current).name == "_posts":
            found.append(Path(current))
            folders[:] = []
    return found


class LiquidSite:
    """One Jekyll site's Liquid context, read from its folder. Thread-safe to render with."""

    def __init__(
        self,
        root: str | Path | None,
        config: Mapping[str, Any] | None = None,
        *,
        markdownify: Markdownify | None = None,
    ) -> None:
        self.root = Path(root) if root is not None else None
        self.config: dict[str, Any] = dict(config or {})
        self.zone = site_zone(self.config.get("timezone"))
        self.markdownify: Markdownify = markdownify or python_markdown
        self.posts: list[dict[str, Any]] = []
        self.data: dict[str, Any] = {}
        self.post_stamps: dict[str, tuple[tuple[int, int], dict[str, Any] | None]] = {}
        """Each post file's (mtime, size) and record, so a re-read parses only what changed."""
        self.problems: list[str] = []
        """What could not be read while building the site (shown to the writer, not raised)."""
        self._includes: dict[Path, tuple[int, Any]] = {}
        self._environment: Any = None
        self.render_lock = threading.Lock()
        """Held while a body renders: Liquid errors are gathered on the shared environment."""

    def __getstate__(self) -> dict[str, Any]:
        # Picklable for the render processes: the lock, the environment and the parsed
        # includes are made again on the other side.
        state = dict(self.__dict__)
        for name in ("render_lock", "_environment", "_includes", "_groups"):
            state.pop(name, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.render_lock = threading.Lock()
        self._environment = None
        self._includes = {}

    # --- building -----------------------------------------------------------------------

    @classmethod
    def for_post(
        cls, path: str | Path, *, markdownify: Markdownify | None = None
    ) -> LiquidSite | None:
        """The site the post at ``path`` belongs to, read afresh; None outside a Jekyll site."""
        root = find_site_root(path)
        return None if root is None else cls.read(root, markdownify=markdownify)

    @classmethod
    def read(
        cls,
        root: str | Path,
        *,
        markdownify: Markdownify | None = None,
        reuse: LiquidSite | None = None,
    ) -> LiquidSite:
        """The site at ``root``: its config, posts and data.

        Posts of ``reuse`` (an earlier read with the same config) whose files have not
        changed are taken over instead of being parsed again.
        """
        root = Path(root)
        config: Any = {}
        problems = []
        for name in CONFIG_NAMES:
            if (root / name).is_file():
                config = _yaml_file(root / name)
                if not isinstance(config, Mapping):
                    problems.append(f"{name} could not be read as YAML settings")
                    config = {}
                break
        site = cls(root, config, markdownify=markdownify)
        site.problems.extend(problems)
        if reuse is not None and reuse.config == site.config:
            site.post_stamps = dict(reuse.post_stamps)
        site._read_posts()
        site._read_data()
        return site

    def _read_posts(self) -> None:
        assert self.root is not None
        earlier, self.post_stamps = self.post_stamps, {}
        now = localised(datetime.now(), self.zone)
        for folder in post_folders(self.root):
            for path in walk(folder):
                if path.suffix.lower() not in POST_EXTENSIONS:
                    continue
                try:
                    info = path.stat()
                except OSError:
                    continue
                stamp = (info.st_mtime_ns, info.st_size)
                known = earlier.get(str(path))
                record = known[1] if known and known[0] == stamp else self._post_from_file(path)
                self.post_stamps[str(path)] = (stamp, record)
                if record is not None and self._published(record, now):
                    self.posts.append(record)
        self.posts.sort(key=lambda post: post["date"], reverse=True)

    def _published(self, record: Mapping[str, Any], now: datetime) -> bool:
        """Jekyll leaves out ``published: false`` posts and, unless ``future: true``, posts
        dated later than the build."""
        if record.get("published") is False and not self.config.get("unpublished"):
            return False
        return bool(self.config.get("future")) or record["date"] <= now

    def _post_from_file(self, path: Path) -> dict[str, Any] | None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.problems.append(f"{self.relative(path)} could not be read")
            return None
        parts = split_document(text)
        if parts.opening is None:
            return None  # Jekyll ignores a post without front matter.
        data = _front_matter(parts.yaml)
        if data is None:
            self.problems.append(f"{self.relative(path)}: the front matter is not valid YAML")
            data = {}
        modified = datetime.fromtimestamp(path.stat().st_mtime)
        record = post_record(data, self.relative(path), self.config, self.zone, modified)
        record["content"] = parts.body
        return record

    def _read_data(self) -> None:
        assert self.root is not None
        folder = self.root / str(self.config.get("data_dir") or "_data")
        for path in walk(folder):
            if path.suffix.lower() not in _DATA_SUFFIXES:
                continue
            value = _data_file(path)
            if value is None:
                self.problems.append(f"{self.relative(path)} could not be read")
                continue
            target = self.data
            for part in path.relative_to(folder).parent.parts:
                target = target.setdefault(part, {})
            target[path.stem] = value

    # --- reading ------------------------------------------------------------------------

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the site root, with forward slashes."""
        path = Path(path).absolute()
        if self.root is None:
            return path.name
        try:
            return path.relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return path.name

    @property
    def includes_dir(self) -> Path | None:
        """The folder ``{% include %}`` reads from."""
        if self.root is None:
            return None
        return self.root / str(self.config.get("includes_dir") or "_includes")

    @cached_property
    def _groups(self) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
        # Posts by category and by tag, newest first; posts never change after reading.
        categories: dict[str, list[dict[str, Any]]] = {}
        tags: dict[str, list[dict[str, Any]]] = {}
        for post in self.posts:
            for name in post["categories"]:
                categories.setdefault(name, []).append(post)
            for name in post["tags"]:
                tags.setdefault(name, []).append(post)
        return categories, tags

    def site_variable(self) -> dict[str, Any]:
        """What Liquid sees as ``site``."""
        categories, tags = self._groups
        return {
            "url": "",
            "baseurl": "",
            **self.config,
            "time": localised(datetime.now(), self.zone),
            "posts": self.posts,
            "categories": categories,
            "tags": tags,
            "data": self.data,
            "pages": [],
            "static_files": [],
            "related_posts": self.posts[:10],
        }

    def page_variable(self, front_matter: Mapping[str, Any], path: str | Path | None) -> dict:
        """What Liquid sees as ``page`` for a post being edited (its unsaved front matter)."""
        relative = self.relative(path) if path is not None else "_posts/untitled.md"
        try:
            modified = datetime.fromtimestamp(Path(path).stat().st_mtime) if path else None
        except OSError:
            modified = None  # a post not saved yet: Jekyll would date a draft now
        record = document_record(front_matter, relative, self.config, self.zone, modified)
        if path is not None:
            for post in self.posts:
                if post["path"] == relative:
                    index = self.posts.index(post)
                    record["previous"] = (
                        self.posts[index + 1] if index + 1 < len(self.posts) else None
                    )
                    record["next"] = self.posts[index - 1] if index > 0 else None
                    break
        return record

    def post_named(self, name: str) -> dict[str, Any] | None:
        """The post ``{% post_url name %}`` means: ``2024-01-02-slug``, maybe below a folder."""
        name = name.strip().strip("/")
        folder, _, base = name.rpartition("/")
        for post in self.posts:
            stem = post["name"].rsplit(".", 1)[0]
            if stem != base:
                continue
            if not folder or post["path"].startswith(folder + "/") or f"/{folder}/" in post["path"]:
                return post
        return None

    def file_url(self, relative: str) -> str | None:
        """The URL of a page or static file of the site, or None if there is no such file."""
        if self.root is None or ".." in Path(relative).parts:
            return None
        path = self.root / relative
        if not path.is_file():
            return None
        if path.suffix.lower() in POST_EXTENSIONS:
            try:
                parts = split_document(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                parts = None
            if parts is not None and parts.opening is not None:
                data = _front_matter(parts.yaml) or {}
                return str(document_record(data, relative, self.config, self.zone)["url"])
        return escape_path("/" + relative)

    def include_source(self, path: Path) -> tuple[int, Any] | None:
        """The cached (mtime, parsed template) of an include, or None if it changed."""
        cached = self._includes.get(path)
        if cached is None:
            return None
        try:
            if path.stat().st_mtime_ns != cached[0]:
                return None
        except OSError:
            return None
        return cached

    def keep_include(self, path: Path, template: Any) -> None:
        """Remember a parsed include until its file changes."""
        try:
            self._includes[path] = (path.stat().st_mtime_ns, template)
        except OSError:
            pass

    @property
    def environment(self) -> Any:
        """The Liquid environment with Jekyll's tags and filters for this site."""
        if self._environment is None:
            from editor.render.liquid.environment import JekyllEnvironment

            self._environment = JekyllEnvironment(self)
        return self._environment
