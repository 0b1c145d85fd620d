"""The site's own look: a Jekyll build of the post's site, made for the preview.

The build goes into the editor's cache folder, never into the site's ``_site/``, and
leaves the site's folder untouched (no ``.jekyll-cache``). A small Jekyll plugin shipped
with the editor (``resources/jekyll/article_editor_preview.rb``) replaces every page's
converted body with a marker before the layout is applied, and writes a manifest of
which built file shows which source file. The preview then shows the live body inside
the site's real page: its layout, CSS and navigation, as Jekyll builds them.

Drafts, future and unpublished posts are built too, so the post being written has its
page. ``baseurl`` is emptied so root-relative links resolve inside the cache folder.

Jekyll runs in a process group of its own, so a ``BuildRun`` can stop the whole build
(SIGSTOP) while the writer types and let it go on (SIGCONT) in the pauses; time spent
stopped does not count against the build's timeout.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from editor import paths
from editor.errors import EditorError
from editor.site.jekyll import CONFIG_NAMES, read_site_config

MARKER = "<!--article-editor:body-->"
PLUGIN = ("jekyll", "article_editor_preview.rb")
# What a rebuild is needed for: the look, not the posts (their bodies are shown live).
LOOK_INPUTS = ("_layouts", "_includes", "_sass", "assets", "_data")
# Front-matter values the preview shows live where the site's page prints them whole.
LIVE_FIELDS = ("title", "subtitle", "description")
BUILD_TIMEOUT_S = 300
BUILD_NICENESS = 19
# How often the waiting thread looks at the clock when it cannot wait on the process itself.
_POLL_S = 0.1
# A build asked to stop that is still running after this long is killed.
_TERM_GRACE_S = 5.0
_ERROR_LINES = 2
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
_NOISE_RE = re.compile(r"^-+$|^from |--trace|additional information|\.rb:\d+:in ")


class SiteBuildError(EditorError):
    """Jekyll could not build the site; ``message`` is what it said, shortened."""


class SiteBuildCancelled(SiteBuildError):
    """The build was stopped before it finished (``BuildRun.cancel``)."""


def jekyll_command() -> str | None:
    """The ``jekyll`` program on PATH, or None when it is not installed."""
    return shutil.which("jekyll")


@dataclass(frozen=True)
class SitePage:
    """A built page of the site split around where its body goes."""

    before: str
    after: str
    file: Path  # the built HTML file; relative links resolve against its folder
    output: Path  # the built site's folder: root-relative links resolve against it
    # Front-matter values as the build printed them (``LIVE_FIELDS``): shown live.
    fields: dict[str, str] = field(default_factory=dict)
    generation: int = 0  # which build (its start, in ns): see ``served``

    @property
    def served(self) -> Path:
        """The folder the preview serves the built site as: the output's path with the
        build's generation in it, so a browser never reuses a file (a font a stylesheet
        loads) it kept from an earlier build under the same address."""
        return served_folder(self.output, self.generation)

    @property
    def served_file(self) -> Path:
        """The built page's path under ``served``."""
        return self.served / self.file.relative_to(self.output)

    def wrap(self, body_html: str, body_id: str) -> str:
        """The page with ``body_html`` where the post's body is, in an element with ``body_id``.

        ``display: contents`` keeps the wrapper out of the layout, so the site's CSS
        lays the body out as it does on the published page.
        """
        return (
            f'{self.before}<div id="{body_id}" style="display: contents">{body_html}</div>'
            f"{self.after}"
        )


def served_folder(output: Path, generation: int) -> Path:
    """``output`` as served for build ``generation`` (a name beside it, never on disk)."""
    return output.with_name(f"{output.name}.{generation}") if generation else output


@dataclass(frozen=True)
class BuiltSite:
    """A finished preview build: where it is and which file shows which post."""

    root: Path
    output: Path
    pages: dict[Path, Path]
    stamp: tuple
    started: int = 0  # time.time_ns() when the build started: files saved later are newer
    fields: dict[Path, dict[str, str]] = field(default_factory=dict)  # per source file

    def page_for(self, post_path: str | Path) -> SitePage | None:
        """The built page of ``post_path`` (a file of this site), or None if it has none."""
        source = Path(post_path).absolute()
        built = self.pages.get(source)
        if built is None or not built.is_file():
            return None
        text = built.read_text(encoding="utf-8", errors="replace")
        before, found, after = text.partition(MARKER)
        if not found:
            return None  # a layout that does not show {{ content }}
        return SitePage(before, after, built, self.output, self.fields.get(source, {}),
                        self.started)


def look_stamp(root: Path) -> tuple:
    """Changes whenever the site's configuration or look changes (files added, edited, removed)."""
    entries: list[tuple[str, int, int]] = []
    for name in CONFIG_NAMES:
        _add_stamp(entries, root / name)
    for folder in LOOK_INPUTS:
        base = root / folder
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                _add_stamp(entries, path)
    return tuple(entries)


def _add_stamp(entries: list[tuple[str, int, int]], path: Path) -> None:
    try:
        info = path.stat()
    except OSError:
        return
    entries.append((str(path), info.st_mtime_ns, info.st_size))


def _what_jekyll_said(output: str) -> str:
    """Jekyll's own messages, without colours, banners and the Ruby backtrace."""
    said = []
    for line in _ANSI_RE.sub("", output).splitlines():
        line = line.strip()
        if line and not _NOISE_RE.search(line):
            said.append(line)
    return " / ".join(said[:_ERROR_LINES]) or "jekyll build failed"


class BuildRun:
    """One build's Jekyll process, stopped and continued or cancelled from another thread.

    Signals go to the process group (Jekyll and anything it starts). The process is
    reaped only under the lock, after signals to it have ended: a signal never reaches
    a process that took over its number.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._paused = False
        self._paused_since = 0.0
        self._paused_total = 0.0
        self.cancelled = False

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Stop the build until ``resume`` (also one not started yet: it starts stopped)."""
        with self._lock:
            if self._paused or self.cancelled:
                return
            self._paused = True
            self._paused_since = time.monotonic()
            self._signal(signal.SIGSTOP)

    def resume(self) -> None:
        """Let a stopped build go on."""
        with self._lock:
            if not self._paused:
                return
            self._paused = False
            self._paused_total += time.monotonic() - self._paused_since
            self._signal(signal.SIGCONT)

    def cancel(self) -> None:
        """End the build (stopped or not); ``build`` then raises SiteBuildCancelled."""
        with self._lock:
            if self.cancelled:
                return
            self.cancelled = True
            if self._paused:
                self._paused = False
                self._paused_total += time.monotonic() - self._paused_since
            # A stopped process keeps SIGTERM pending until it may run again.
            self._signal(signal.SIGCONT)
            self._signal(signal.SIGTERM)

    def pid(self) -> int | None:
        """The Jekyll process's id while it runs (tests look at its state)."""
        with self._lock:
            return self._process.pid if self._process is not None else None

    def follow(self, process: subprocess.Popen, timeout: float) -> int | None:
        """Wait for ``process`` to end and reap it; its exit status, or None when it ran
        (not counting stopped time) longer than ``timeout`` seconds and was killed."""
        started = time.monotonic()
        with self._lock:
            self._process = process
            self._paused_total, self._paused_since = 0.0, started  # waiting queued is free
            if self.cancelled:
                self._signal(signal.SIGTERM)
            elif self._paused:
                self._signal(signal.SIGSTOP)
        waiter = _exit_waiter(process.pid)
        timed_out = ended = False
        cancelled_at: float | None = None
        try:
            while not _has_exited(process.pid, waiter):
                now = time.monotonic()
                with self._lock:
                    if self.cancelled and cancelled_at is None:
                        cancelled_at = now
                    elif cancelled_at is not None and now - cancelled_at > _TERM_GRACE_S:
                        self._signal(signal.SIGKILL)
                    elif not timed_out and self._running_time(started, now) > timeout:
                        timed_out = True
                        self._signal(signal.SIGCONT)
                        self._signal(signal.SIGKILL)
            ended = True
        finally:
            if waiter is not None:
                os.close(waiter)
            with self._lock:
                if not ended:  # interrupted: never leave it behind, stopped
                    self._signal(signal.SIGCONT)
                    self._signal(signal.SIGKILL)
                self._process = None
                returncode = process.wait()
        return None if timed_out else returncode

    def _running_time(self, started: float, now: float) -> float:
        stopped = self._paused_total + (now - self._paused_since if self._paused else 0.0)
        return now - started - stopped

    def _signal(self, number: int) -> None:
        if self._process is None:
            return
        try:
            os.killpg(self._process.pid, number)
        except (ProcessLookupError, PermissionError):
            pass  # the group is gone (only a zombie leader may be left)


def _exit_waiter(pid: int) -> int | None:
    """A descriptor that becomes readable when process ``pid`` ends (Linux), or None."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _has_exited(pid: int, waiter: int | None) -> bool:
    """Waits a moment for ``pid`` to end; True once it has (left to reap: WNOWAIT)."""
    if waiter is not None:
        select.select([waiter], [], [], 1.0)
    else:
        time.sleep(_POLL_S)
    try:
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return info is not None


class SiteBuilder:
    """Builds one site for the preview into its own folder under the cache."""

    def __init__(self, root: str | Path, cache: Path | None = None) -> None:
        self.root = Path(root).absolute()
        digest = hashlib.sha1(str(self.root).encode("utf-8")).hexdigest()[:16]
        self.folder = (cache or paths.cache_dir() / "site-builds") / digest

    @property
    def output(self) -> Path:
        return self.folder / "_site"

    def command(self, jekyll: str) -> list[str]:
        configs = [str(self.root / name) for name in CONFIG_NAMES if (self.root / name).is_file()]
        configs.append(str(self._override_config()))
        return [
            jekyll, "build",
            "--source", str(self.root),
            "--destination", str(self.output),
            "--config", ",".join(configs),
            "--drafts", "--future", "--unpublished",
            "--disable-disk-cache", "--quiet",
        ]

    def build(self, timeout: float = BUILD_TIMEOUT_S, run: BuildRun | None = None) -> BuiltSite:
        """Run Jekyll; raises SiteBuildError when it is missing, fails or takes longer than
        ``timeout`` seconds of running (not stopped) time, SiteBuildCancelled when ``run``
        was cancelled."""
        run = run or BuildRun()
        jekyll = jekyll_command()
        if jekyll is None:
            raise SiteBuildError("jekyll is not installed")
        started = time.time_ns()
        stamp = look_stamp(self.root)
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest = self.folder / "manifest.json"
        manifest.unlink(missing_ok=True)
        env = dict(os.environ, ARTICLE_EDITOR_MANIFEST=str(manifest),
                   ARTICLE_EDITOR_FIELDS=",".join(LIVE_FIELDS))
        with tempfile.TemporaryFile() as said:
            try:
                process = subprocess.Popen(
                    self._gently(self.command(jekyll)), cwd=self.root, env=env,
                    stdin=subprocess.DEVNULL, stdout=said, stderr=subprocess.STDOUT,
                    start_new_session=True)  # its own process group: stopped as a whole
            except OSError as exc:
                raise SiteBuildError(f"jekyll could not start: {exc.strerror}") from exc
            returncode = run.follow(process, timeout)
            said.seek(0)
            output = said.read().decode("utf-8", "replace")
        if run.cancelled:
            raise SiteBuildCancelled("the build was stopped")
        if returncode is None:
            raise SiteBuildError(f"jekyll took longer than {timeout:.0f} s")
        if returncode != 0 or not manifest.is_file():
            raise SiteBuildError(_what_jekyll_said(output))
        built = json.loads(manifest.read_text(encoding="utf-8"))
        pages, fields = {}, {}
        for source, target in built.items():
            if isinstance(target, dict):  # {"file": …, "fields": {"title": …}}
                fields[Path(source)] = {str(k): str(v) for k, v in target.get("fields", {}).items()}
                target = target.get("file")
            if isinstance(target, str):
                pages[Path(source)] = Path(target)
        return BuiltSite(self.root, self.output, pages, stamp, started, fields)

    @staticmethod
    def _gently(command: list[str]) -> list[str]:
        """At the lowest priority the system offers: a build must not slow the typing.

        Linux's idle scheduling class (``chrt --idle``) runs the build only on CPU time
        nothing else wants; ``nice`` is the fallback where ``chrt`` is missing.
        """
        chrt, nice = shutil.which("chrt"), shutil.which("nice")
        if nice:
            command = [nice, "-n", str(BUILD_NICENESS), *command]
        return [chrt, "--idle", "0", *command] if chrt else command

    def _override_config(self) -> Path:
        """Our own settings over the site's: its plugins plus ours, and no baseurl."""
        plugin = paths.resource(*PLUGIN)
        own = self.folder / "plugins"
        own.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(plugin, own / plugin.name)
        override = self.folder / "_preview_config.yml"
        dirs = [str(self._site_plugins_dir()), str(own)]
        YAML(typ="safe").dump({"plugins_dir": dirs, "baseurl": ""}, override)
        return override

    def _site_plugins_dir(self) -> Path:
        # A broken config reads as {}: Jekyll reports it itself.
        configured = read_site_config(self.root).get("plugins_dir")
        return (self.root / (configured if isinstance(configured, str) else "_plugins")).absolute()
