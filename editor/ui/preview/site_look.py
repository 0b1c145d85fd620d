"""Background Jekyll builds for the preview's Site look, one per site, kept up to date.

A build runs in a thread of its own (Jekyll is a separate process; the thread only
waits on it), so typing never waits for it. Changes to the site's configuration or look
(``_config.yml``, ``_layouts``, ``_includes``, ``_sass``, ``assets``, ``_data``) are
noticed by a file watcher and, after a pause, rebuild the site if its stamp changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.site.build import (
    LOOK_INPUTS,
    BuiltSite,
    SiteBuilder,
    SiteBuildError,
    SitePage,
    jekyll_command,
    look_stamp,
)
from editor.site.jekyll import CONFIG_NAMES

log = logging.getLogger(__name__)

# Editors save in bursts (temporary file, rename, Sass partials): wait for quiet.
REBUILD_PAUSE_MS = 700


class _Relay(QObject):
    done = Signal(object, object)  # site root, BuiltSite or SiteBuildError


class _BuildJob(QRunnable):
    def __init__(self, builder: SiteBuilder, relay: _Relay) -> None:
        super().__init__()
        self._builder = builder
        self._relay = relay

    def run(self) -> None:
        try:
            result: object = self._builder.build()
        except SiteBuildError as exc:
            result = exc
        except Exception as exc:  # noqa: BLE001 - reported in the status bar, not lost
            log.exception("site build failed")
            result = SiteBuildError(str(exc))
        try:
            self._relay.done.emit(self._builder.root, result)
        except RuntimeError:  # the window was closed meanwhile
            pass


class SiteLook(QObject):
    """The built sites the preview shows posts in; ``built(root)`` when one is (re)built,
    ``failed(root, message)`` when Jekyll could not build it."""

    built = Signal(object)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None, *, cache: Path | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._sites: dict[Path, BuiltSite] = {}
        self._errors: dict[Path, str] = {}
        self._building: set[Path] = set()
        self._pages: dict[Path, SitePage | None] = {}  # of the current builds
        self._again: set[Path] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_changed)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._changed: set[Path] = set()
        self._pause = QTimer(self, singleShot=True, interval=REBUILD_PAUSE_MS)
        self._pause.timeout.connect(self._check_changed)

    @staticmethod
    def available() -> bool:
        """True when the ``jekyll`` program is installed."""
        return jekyll_command() is not None

    def site(self, root: Path) -> BuiltSite | None:
        """The finished build of ``root``; starts the first build when there is none."""
        root = Path(root).absolute()
        if root not in self._sites and root not in self._errors:
            self.build(root)
        return self._sites.get(root)

    def page(self, path: Path | None, root: Path | None) -> tuple[SitePage | None, str]:
        """The built page of the post at ``path`` in the site at ``root``, and a line
        saying why there is none (or what is going on) for the status bar."""
        if root is None or path is None:
            return None, ""  # the default theme is what such a post looks like
        if not self.available():
            return None, self.tr("Site look: jekyll is not installed.")
        built = self.site(root)
        error = self.error(root)
        if built is None:
            if error:
                return None, self.tr("Site look: the site could not be built: {error}").format(
                    error=error)
            return None, self.tr("Site look: building the site…")
        path = Path(path).absolute()
        if path not in self._pages:
            self._pages[path] = built.page_for(path)
        page = self._pages[path]
        if page is None:
            return None, self.tr("Site look: the site has no page for this post yet.")
        if error:
            return page, self.tr("Site look: the last build failed: {error}").format(error=error)
        if self.is_building(root):
            return page, self.tr("Site look: rebuilding the site…")
        return page, ""

    def error(self, root: Path) -> str | None:
        """What Jekyll said when the last build of ``root`` failed."""
        return self._errors.get(Path(root).absolute())

    def is_building(self, root: Path | None = None) -> bool:
        """True while a build (of ``root``, or any) runs."""
        if root is None:
            return bool(self._building)
        return Path(root).absolute() in self._building

    def build(self, root: Path) -> None:
        """Build ``root`` in the background (once more after the running build, if one runs)."""
        root = Path(root).absolute()
        self._watch(root)
        if root in self._building:
            self._again.add(root)
            return
        self._building.add(root)
        self._pool.start(_BuildJob(SiteBuilder(root, self._cache), self._relay))

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running builds (closing the window, tests)."""
        return self._pool.waitForDone(msecs)

    def _on_done(self, root: Path, result: object) -> None:
        self._building.discard(root)
        if isinstance(result, BuiltSite):
            self._sites[root] = result
            self._pages.clear()
            self._errors.pop(root, None)
        else:
            self._errors[root] = str(getattr(result, "message", "") or result)
        if root in self._again:
            self._again.discard(root)
            self.build(root)
            return
        if isinstance(result, BuiltSite):
            self.built.emit(root)
        else:
            self.failed.emit(root, self._errors[root])

    # ----------------------------------------------------------- rebuild on change

    def _watch(self, root: Path) -> None:
        paths = [str(root)]
        paths += [str(root / name) for name in CONFIG_NAMES if (root / name).is_file()]
        for name in LOOK_INPUTS:
            folder = root / name
            if folder.is_dir():
                paths.append(str(folder))
                paths += [str(p) for p in folder.rglob("*")]
        known = set(self._watcher.files()) | set(self._watcher.directories())
        fresh = [path for path in paths if path not in known]
        if fresh:
            self._watcher.addPaths(fresh)

    def _on_changed(self, path: str) -> None:
        for root in set(self._sites) | set(self._errors) | self._building:
            if Path(path).is_relative_to(root):
                self._changed.add(root)
        self._pause.start()

    def _check_changed(self) -> None:
        changed, self._changed = self._changed, set()
        for root in changed:
            done = self._sites.get(root)
            if done is None or done.stamp != look_stamp(root) or root in self._errors:
                self.build(root)
