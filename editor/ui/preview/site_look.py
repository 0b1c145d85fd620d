"""Background Jekyll builds for the preview's Site look, one per site, kept up to date.

A build runs in a thread of its own (Jekyll is a separate process; the thread only
waits on it), so typing never waits for it. Changes to the site's configuration or look
(``_config.yml``, ``_layouts``, ``_includes``, ``_sass``, ``assets``, ``_data``) are
noticed by a file watcher and, after a pause, rebuild the site if its stamp changed.
A post saved after the build (a new one, which has no page in it yet) rebuilds it too.

While the writer types (``follow_typing``: the source editor, the form) every running
build is stopped, and goes on after TYPING_PAUSE_MS without a key: on a machine with
few cores even a build at the lowest priority slows the keys it shares the processor
and its caches with. A rebuild, or the post's site no longer shown, ends a running
build; so does closing the pane.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
)

from editor.site.build import (
    LOOK_INPUTS,
    BuildRun,
    BuiltSite,
    SiteBuildCancelled,
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
# A build stopped while the writer types goes on after this long without a key.
TYPING_PAUSE_MS = 1000


class _Relay(QObject):
    done = Signal(object, object)  # site root, BuiltSite or SiteBuildError


class _BuildJob(QRunnable):
    def __init__(self, builder: SiteBuilder, run: BuildRun, relay: _Relay) -> None:
        super().__init__()
        self._builder = builder
        self._run = run
        self._relay = relay

    def run(self) -> None:
        try:
            result: object = self._builder.build(run=self._run)
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
        self._runs: dict[Path, BuildRun] = {}  # the builds running or waiting to run
        self._pages: dict[Path, SitePage | None] = {}  # of the current builds
        self._again: set[Path] = set()
        self._stale: set[Path] = set()  # a build was ended before it finished
        self._asked: dict[Path, int] = {}  # a post saved after the build: its mtime asked for
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
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._go_on)
        runs = self._runs
        # Before the pool (a child) waits for its job: the job's Jekyll ends at once.
        self.destroyed.connect(lambda *_: [run.cancel() for run in list(runs.values())])

    @staticmethod
    def available() -> bool:
        """True when the ``jekyll`` program is installed."""
        return jekyll_command() is not None

    def site(self, root: Path) -> BuiltSite | None:
        """The finished build of ``root``; starts a build when there is none (or the
        last was ended before it finished)."""
        root = Path(root).absolute()
        if (root not in self._sites and root not in self._errors) or root in self._stale:
            if root not in self._runs:
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
            if self._saved_since(path, built):
                self.build(root)  # a new post: the build before it has no page for it
            if self.is_building(root):
                return None, self.tr("Site look: building the site…")
            return None, self.tr("Site look: the site has no page for this post yet.")
        if error:
            return page, self.tr("Site look: the last build failed: {error}").format(error=error)
        if self.is_building(root):
            return page, self.tr("Site look: rebuilding the site…")
        return page, ""

    def _saved_since(self, path: Path, built: BuiltSite) -> bool:
        """True (once per saved version) when ``path`` was saved after ``built`` began."""
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            return False
        if mtime <= built.started or self._asked.get(path) == mtime:
            return False
        self._asked[path] = mtime
        return True

    def error(self, root: Path) -> str | None:
        """What Jekyll said when the last build of ``root`` failed."""
        return self._errors.get(Path(root).absolute())

    def is_building(self, root: Path | None = None) -> bool:
        """True while a build (of ``root``, or any) runs."""
        if root is None:
            return bool(self._runs)
        return Path(root).absolute() in self._runs

    def build(self, root: Path) -> None:
        """Build ``root`` in the background; a build of it already running is ended (its
        result would be out of date) and this one follows it."""
        root = Path(root).absolute()
        self._watch(root)
        running = self._runs.get(root)
        if running is not None:
            self._again.add(root)
            running.cancel()
            return
        self._stale.discard(root)
        run = self._runs[root] = BuildRun()
        if self._typing.isActive():
            run.pause()
        self._pool.start(_BuildJob(SiteBuilder(root, self._cache), run, self._relay))

    def run_of(self, root: Path) -> BuildRun | None:
        """The running (or waiting) build of ``root``."""
        return self._runs.get(Path(root).absolute())

    def follow_typing(self, *signals: SignalInstance) -> None:
        """Stop the builds while ``signals`` fire (each key the writer types)."""
        for signal in signals:
            signal.connect(self.typing)

    def typing(self) -> None:
        """The writer typed: running builds stop until TYPING_PAUSE_MS without a key."""
        for run in self._runs.values():
            run.pause()
        self._typing.start()

    def _go_on(self) -> None:
        for run in self._runs.values():
            run.resume()

    def keep_only(self, root: Path | None) -> None:
        """End the builds of every site but ``root`` (the one whose post is shown)."""
        root = Path(root).absolute() if root is not None else None
        for other, run in self._runs.items():
            if other != root:
                self._again.discard(other)
                run.cancel()

    def stop(self) -> None:
        """End every running build (the window closes)."""
        self._again.clear()
        for run in self._runs.values():
            run.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running builds (closing the window, tests)."""
        return self._pool.waitForDone(msecs)

    def _on_done(self, root: Path, result: object) -> None:
        self._runs.pop(root, None)
        if isinstance(result, SiteBuildCancelled):
            self._stale.add(root)
        elif isinstance(result, BuiltSite):
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
        elif not isinstance(result, SiteBuildCancelled):
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
        for root in set(self._sites) | set(self._errors) | set(self._runs):
            if Path(path).is_relative_to(root):
                self._changed.add(root)
        self._pause.start()

    def _check_changed(self) -> None:
        changed, self._changed = self._changed, set()
        for root in changed:
            done = self._sites.get(root)
            if done is None or done.stamp != look_stamp(root) or root in self._errors:
                self.build(root)
