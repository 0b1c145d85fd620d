"""The cache of Liquid sites someone owns (the renderer, an exporter), kept fresh by mtimes.

A keystroke asks for the site again; the answer must be quick. The files a site was read
from (``_config.yml``, the posts, ``_data``) are stat-ed at most every ``recheck_seconds``;
when one changed, the site is read again, parsing only the posts whose files changed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from editor.render.liquid.site import LiquidSite, Markdownify, post_folders
from editor.site.jekyll import CONFIG_NAMES, find_site_root

Stamp = dict[str, tuple[int, int]]


def _scan(folder: str, stamp: Stamp) -> None:
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    _scan(entry.path, stamp)
                elif entry.is_file():
                    info = entry.stat()
                    stamp[entry.path] = (info.st_mtime_ns, info.st_size)
            except OSError:
                continue


def site_stamp(root: Path, config: Mapping[str, Any]) -> Stamp:
    """Each file a :class:`LiquidSite` is read from, with its mtime and size."""
    stamp: Stamp = {}
    for name in CONFIG_NAMES:
        try:
            info = (root / name).stat()
        except OSError:
            continue
        stamp[str(root / name)] = (info.st_mtime_ns, info.st_size)
    for folder in post_folders(root):
        _scan(str(folder), stamp)
    _scan(str(root / str(config.get("data_dir") or "_data")), stamp)
    return stamp


class _Entry:
    __slots__ = ("site", "stamp", "checked")

    def __init__(self, site: LiquidSite, stamp: Stamp, checked: float) -> None:
        self.site = site
        self.stamp = stamp
        self.checked = checked


class LiquidSites:
    """:class:`LiquidSite` objects by site root, read again when the site's files change."""

    def __init__(
        self,
        *,
        markdownify: Markdownify | None = None,
        recheck_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.markdownify = markdownify
        self.recheck_seconds = recheck_seconds
        self._clock = clock
        self._entries: dict[Path, _Entry] = {}
        self._lock = threading.Lock()

    def for_post(self, path: str | Path) -> LiquidSite | None:
        """The site the post at ``path`` lies in; None outside a Jekyll site."""
        root = find_site_root(path)
        if root is None:
            return None
        with self._lock:
            entry = self._entries.get(root)
            now = self._clock()
            if entry is not None and now - entry.checked < self.recheck_seconds:
                return entry.site
            if entry is not None:
                stamp = site_stamp(root, entry.site.config)
                if stamp == entry.stamp:
                    entry.checked = now
                    return entry.site
            earlier = entry.site if entry is not None else None
            site = LiquidSite.read(root, markdownify=self.markdownify, reuse=earlier)
            self._entries[root] = _Entry(site, site_stamp(root, site.config), now)
            return site

    def clear(self) -> None:
        """Forget every site (each is read again when next asked for)."""
        with self._lock:
            self._entries.clear()
