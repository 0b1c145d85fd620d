"""Exporting every post in a folder: one bad file is reported and the rest carry on.

The command line draws a progress bar from ``on_progress``; the window shows a progress
dialog and passes ``should_cancel``. PDF exports share one offscreen page for the whole
run instead of starting Chromium's page per file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from editor.document.post import Post, PostError, SaveError, YamlError
from editor.export import exporter as export
from editor.export.exporter import TARGETS, ExportError, ExportOptions, ExportRefused
from editor.render.themes import ThemeError
from editor.site.jekyll import POST_EXTENSIONS

# Folders that hold no posts of their own: tools' state, Jekyll's output and templates.
SKIPPED_FOLDERS = frozenset({"_site", "_layouts", "_includes", "_sass", "node_modules"})


@dataclass(frozen=True)
class Progress:
    """One step of a batch: ``done`` of ``total`` files handled, the last one's outcome."""

    done: int
    total: int
    source: Path
    output: Path | None = None
    error: str | None = None


@dataclass
class BatchResult:
    """What a batch did: files written, files that failed (with the reason), cancelled?"""

    exported: list[tuple[Path, Path]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0

    @property
    def ok(self) -> bool:
        """True when every file was exported and nothing was cancelled."""
        return not self.failed and not self.cancelled

    def summary(self) -> str:
        """One line such as ``12 exported, 1 failed`` (``, cancelled`` if stopped early)."""
        text = f"{len(self.exported)} exported, {len(self.failed)} failed"
        if self.cancelled:
            skipped = self.total - len(self.exported) - len(self.failed)
            text += f", cancelled ({skipped} not done)"
        return text


def find_posts(folder: str | Path, *, exclude: Path | None = None) -> list[Path]:
    """Post files under ``folder`` (``*.md``, ``*.markdown``, ``*.html``), sorted.

    Hidden folders, Jekyll's build output and template folders are skipped, and so is
    ``exclude`` (the output folder, when it lies inside the source).
    """
    root = Path(folder)
    excluded = exclude.resolve() if exclude is not None else None
    found: list[Path] = []
    for current, dirs, files in os.walk(root):
        here = Path(current)
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".")
            and name not in SKIPPED_FOLDERS
            and (excluded is None or (here / name).resolve() != excluded)
        )
        for name in sorted(files):
            if Path(name).suffix.lower() in POST_EXTENSIONS and not name.startswith("."):
                found.append(here / name)
    return found


def output_path(source: Path, src_root: Path, target: str, out_root: Path) -> Path:
    """Where ``source`` goes: its path relative to ``src_root`` under ``out_root``, new suffix."""
    relative = source.relative_to(src_root)
    suffix = TARGETS[target].suffix
    if TARGETS[target].whole_post and target == "markdown" and source.suffix.lower() in (
        ".md",
        ".markdown",
    ):
        suffix = source.suffix  # keep the writer's choice of Markdown extension
    return out_root / relative.with_suffix(suffix)


def describe_error(exc: BaseException) -> str:
    """A one-line reason for a failed file."""
    if isinstance(exc, YamlError):
        return f"invalid front matter: {exc}"
    if isinstance(exc, ExportRefused):
        lines = "; ".join(
            (f"line {p.line}: {p.message}" if p.line else p.message) for p in exc.problems
        )
        return f"{exc.message} {lines}".strip()
    if isinstance(exc, PostError | SaveError | ExportError | ThemeError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def _jobs(sources: list[Path], src_root: Path, target: str, out: Path) -> Iterator[
    tuple[Path, Path]
]:
    used: set[Path] = set()
    for source in sources:
        if TARGETS[target].into_site:
            yield source, out
            continue
        destination = output_path(source, src_root, target, out)
        if destination in used:
            # a.md and a.html in one folder would both become a.html: keep both.
            destination = destination.with_name(source.name + TARGETS[target].suffix)
        used.add(destination)
        yield source, destination


def export_folder(
    src: str | Path,
    target: str,
    out: str | Path,
    options: ExportOptions | None = None,
    *,
    on_progress: Callable[[Progress], Any] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> BatchResult:
    """Export every post under ``src`` to ``target``, mirroring sub-folders under ``out``.

    For the ``post`` target ``out`` is the site every post is copied into. A file that
    cannot be read or exported is recorded in ``failed`` with its reason and the batch
    goes on. ``should_cancel`` is asked before each file; ``on_progress`` hears after each.
    """
    if target not in TARGETS:
        raise ExportError(f"Unknown export target {target!r} (choose from {', '.join(TARGETS)}).")
    src_root = Path(src)
    out_root = Path(out)
    if not src_root.is_dir():
        raise ExportError(f"{src_root} is not a folder.")
    options = options or ExportOptions()
    # One renderer for the whole run: its converter and caches serve every post.
    options = replace(options, renderer=options.the_renderer())
    exclude = None if TARGETS[target].into_site else out_root
    sources = find_posts(src_root, exclude=exclude)
    result = BatchResult(total=len(sources))
    printer: Any | None = None
    try:
        for index, (source, destination) in enumerate(
            _jobs(sources, src_root, target, out_root), start=1
        ):
            if should_cancel is not None and should_cancel():
                result.cancelled = True
                break
            written: Path | None = None
            error: str | None = None
            try:
                post = Post.load(source)
                if target == "pdf":
                    if printer is None:
                        from editor.export.pdf import PdfPrinter

                        printer = PdfPrinter(allow_remote=options.allow_remote)
                    written = export.export_pdf(post, destination, options, printer=printer)
                else:
                    written = export.export(post, target, destination, options)
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                error = describe_error(exc)
            if written is not None:
                result.exported.append((source, written))
            else:
                result.failed.append((source, error or "not exported"))
            if on_progress is not None:
                on_progress(Progress(index, len(sources), source, written, error))
    finally:
        if printer is not None:
            printer.close()
    return result
