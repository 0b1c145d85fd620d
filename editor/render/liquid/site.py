"""A Jekyll site as Liquid sees it: ``site`` from ``_config.yml``, posts, data and includes.

:class:`LiquidSite` is built once from the files and then only read; :class:`LiquidSites`
is the cache someone owns (the renderer, the exporter) and rebuilds a site when a file it
was built from changes (``_config.yml``, ``_posts``, ``_data``). Includes are read when
used and kept until their file changes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from editor.document.frontmatter import parse as parse_front_matter
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


def _yaml_file(path: Path) -> Any:
    try:
        return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError, ValueError):
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


def _walk(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name in _SKIPPED_FOLDERS:
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _post_folders(root: Path) -> list[Path]:
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
        self.problems: list[str] = []
        """What could not be read while building the site (shown to the writer, not raised)."""
        self._includes: dict[Path, tuple[int, Any]] = {}
        self._environment: Any = None
        self.render_lock = threading.Lock()
        """Held while a body renders: Liquid errors are gathered on the shared environment."""

    # --- building -----------------------------------------------------------------------

    @classmethod
    def for_post(
        cls, path: str | Path, *, markdownify: Markdownify | None = None
    ) -> LiquidSite | None:
        """The site the post at ``path`` belongs to, read afresh; None outside a Jekyll site."""
        root = find_site_root(path)
        return None if root is None else cls.read(root, markdownify=markdownify)

    @classmethod
    def read(cls, root: str | Path, *, markdownify: Markdownify | None = None) -> LiquidSite:
        """The site at ``root``: its config, posts and data."""
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
        site._read_posts()
        site._read_data()
        return site

    def _read_posts(self) -> None:
        assert self.root is not None
        for folder in _post_folders(self.root):
            for path in _walk(folder):
                if path.suffix.lower() not in POST_EXTENSIONS:
                    continue
                record = self._post_from_file(path)
                if record is not None:
                    self.posts.append(record)
        self.posts.sort(key=lambda post: post["date"], reverse=True)

    def _post_from_file(self, path: Path) -> dict[str, Any] | None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.problems.append(f"{self.relative(path)} could not be read")
            return None
        parts = split_document(text)
        if parts.opening is None:
            return None  # Jekyll ignores a post without front matter.
        parsed = parse_front_matter(parts.yaml)
        if parsed.error is not None:
            self.problems.append(f"{self.relative(path)}: {parsed.error}")
        modified = datetime.fromtimestamp(path.stat().st_mtime)
        record = post_record(parsed.data, self.relative(path), self.config, self.zone, modified)
        record["content"] = parts.body
        return record

    def _read_data(self) -> None:
        assert self.root is not None
        folder = self.root / str(self.config.get("data_dir") or "_data")
        for path in _walk(folder):
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

    def site_variable(self) -> dict[str, Any]:
        """What Liquid sees as ``site``."""
        categories: dict[str, list[dict[str, Any]]] = {}
        tags: dict[str, list[dict[str, Any]]] = {}
        for post in self.posts:
            for name in post["categories"]:
                categories.setdefault(name, []).append(post)
            for name in post["tags"]:
                tags.setdefault(name, []).append(post)
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
        record = document_record(front_matter, relative, self.config, self.zone)
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
                data = parse_front_matter(parts.yaml).data
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


def _stamp(root: Path, config: Mapping[str, Any]) -> tuple:
    """The files a :class:`LiquidSite` was built from, with their change times."""
    files = [root / name for name in CONFIG_NAMES]
    for folder in _post_folders(root):
        files.extend(_walk(folder))
    files.extend(_walk(root / str(config.get("data_dir") or "_data")))
    stamp = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamp)


class LiquidSites:
    """A cache of :class:`LiquidSite` by site root, rebuilt when the site's files change."""

    def __init__(self, *, markdownify: Markdownify | None = None) -> None:
        self.markdownify = markdownify
        self._sites: dict[Path, tuple[tuple, LiquidSite]] = {}
        self._lock = threading.Lock()

    def for_post(self, path: str | Path) -> LiquidSite | None:
        """The site the post at ``path`` lies in (cached while its files are unchanged)."""
        root = find_site_root(path)
        if root is None:
            return None
        with self._lock:
            cached = self._sites.get(root)
            config = cached[1].config if cached else {}
            stamp = _stamp(root, config)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            site = LiquidSite.read(root, markdownify=self.markdownify)
            self._sites[root] = (_stamp(root, site.config), site)
            return site

    def clear(self) -> None:
        """Forget every site (they are read again when next asked for)."""
        with self._lock:
            self._sites.clear()
