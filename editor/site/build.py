"""The site's own look: a Jekyll build of the post's site, made for the preview.

The build goes into the editor's cache folder, never into the site's ``_site/``, and
leaves the site's folder untouched (no ``.jekyll-cache``). A small Jekyll plugin shipped
with the editor (``resources/jekyll/article_editor_preview.rb``) replaces every page's
converted body with a marker before the layout is applied, and writes a manifest of
which built file shows which source file. The preview then shows the live body inside
the site's real page: its layout, CSS and navigation, as Jekyll builds them.

Drafts, future and unpublished posts are built too, so the post being written has its
page. ``baseurl`` is emptied so root-relative links resolve inside the cache folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from editor import paths
from editor.errors import EditorError
from editor.site.jekyll import CONFIG_NAMES, read_site_config

MARKER = "<!--article-editor:body-->"
PLUGIN = ("jekyll", "article_editor_preview.rb")
# What a rebuild is needed for: the look, not the posts (their bodies are shown live).
LOOK_INPUTS = ("_layouts", "_includes", "_sass", "assets", "_data")
BUILD_TIMEOUT_S = 300
BUILD_NICENESS = 19
_ERROR_LINES = 2
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
_NOISE_RE = re.compile(r"^-+$|^from |--trace|additional information|\.rb:\d+:in ")


class SiteBuildError(EditorError):
    """Jekyll could not build the site; ``message`` is what it said, shortened."""


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

    def wrap(self, body_html: str, body_id: str) -> str:
        """The page with ``body_html`` where the post's body is, in an element with ``body_id``.

        ``display: contents`` keeps the wrapper out of the layout, so the site's CSS
        lays the body out as it does on the published page.
        """
        return (
            f'{self.before}<div id="{body_id}" style="display: contents">{body_html}</div>'
            f"{self.after}"
        )


@dataclass(frozen=True)
class BuiltSite:
    """A finished preview build: where it is and which file shows which post."""

    root: Path
    output: Path
    pages: dict[Path, Path]
    stamp: tuple

    def page_for(self, post_path: str | Path) -> SitePage | None:
        """The built page of ``post_path`` (a file of this site), or None if it has none."""
        built = self.pages.get(Path(post_path).absolute())
        if built is None or not built.is_file():
            return None
        text = built.read_text(encoding="utf-8", errors="replace")
        before, found, after = text.partition(MARKER)
        if not found:
            return None  # a layout that does not show {{ content }}
        return SitePage(before, after, built, self.output)


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

    def build(self, timeout: float = BUILD_TIMEOUT_S) -> BuiltSite:
        """Run Jekyll; raises SiteBuildError when it is missing, fails or takes too long."""
        jekyll = jekyll_command()
        if jekyll is None:
            raise SiteBuildError("jekyll is not installed")
        stamp = look_stamp(self.root)
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest = self.folder / "manifest.json"
        manifest.unlink(missing_ok=True)
        env = dict(os.environ, ARTICLE_EDITOR_MANIFEST=str(manifest))
        try:
            done = subprocess.run(
                self._gently(self.command(jekyll)), cwd=self.root, env=env, capture_output=True,
                text=True, errors="replace", timeout=timeout, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise SiteBuildError(f"jekyll took longer than {timeout:.0f} s") from exc
        except OSError as exc:
            raise SiteBuildError(f"jekyll could not start: {exc.strerror}") from exc
        if done.returncode != 0 or not manifest.is_file():
            raise SiteBuildError(_what_jekyll_said(done.stderr + done.stdout))
        built = json.loads(manifest.read_text(encoding="utf-8"))
        pages = {Path(source): Path(target) for source, target in built.items()}
        return BuiltSite(self.root, self.output, pages, stamp)

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
