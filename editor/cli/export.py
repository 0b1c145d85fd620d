"""The ``export`` sub-command: one post or a whole folder to html, fragment, pdf, ….

Without ``-o`` (or with ``-o -``) a text target is printed on stdout; a PDF needs a file
or an explicit ``-o -``. Errors are one line on stderr and exit code 1, never a
traceback. For a folder, a progress bar is drawn on stderr when it is a terminal (plain
lines otherwise) and a summary ends the run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from editor.cli.streams import STDOUT_FD, isatty, send, stream_of
from editor.cli.values import iso_date
from editor.export.pdf import PAGE_SIZES

TARGET_NAMES = ("html", "fragment", "pdf", "markdown", "html-body", "post")
# Targets whose output is no text: never sent to stdout unless asked for with -o -.
BINARY_TARGETS = frozenset({"pdf"})

HELP = "Export a post, or every post in a folder, for another destination."
EPILOG = """targets:
  html       a standalone page (styles embedded; --embed-images puts images inside too)
  fragment   inline-styled HTML to paste into a blog's HTML editor (no <style>, no classes)
  pdf        a PDF (A4 unless --page-size letter), printed offline unless --online
  markdown   the post with its body converted to Markdown, front matter untouched
  html-body  the post with its body converted to HTML, front matter untouched
  post       a dated copy in a Jekyll site's _posts/ (OUT: the site; checked first)

FILE may be a folder: every post in it (and below) is exported into OUT, keeping the
sub-folders; a file that fails is reported and the others carry on (exit code 1)."""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``export`` sub-command's arguments."""
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", metavar="FILE", help="a post, or a folder of posts")
    parser.add_argument("--to", required=True, choices=TARGET_NAMES, metavar="TARGET",
                        help="html, fragment, pdf, markdown, html-body or post")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the file (or folder) to write, - for stdout (the default "
                        "for a text target); for post: the site (default: the site "
                        "holding FILE)")
    parser.add_argument("--theme", default="default", metavar="NAME",
                        help="theme for html, fragment and pdf (default: %(default)s)")
    parser.add_argument("--embed-images", action="store_true",
                        help="html: put local images inside the page as data: URIs")
    parser.add_argument("--with-header", action="store_true",
                        help="fragment: put title, lead and feature image above the body")
    parser.add_argument("--page-size", choices=PAGE_SIZES, default="a4",
                        help="pdf paper (default: %(default)s)")
    parser.add_argument("--online", action="store_true",
                        help="pdf: load remote images (default: offline, shown as boxes)")
    parser.add_argument("--timeout", type=_seconds, default=60.0, metavar="S",
                        help="pdf: give up on one file after S seconds (default: 60)")
    parser.add_argument("--force", action="store_true",
                        help="post: publish even if the checklist finds errors")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="post: date in the file name (default: the post's date or today)")


def _options(args: argparse.Namespace) -> Any:
    from editor.export.exporter import ExportOptions
    from editor.render.core import Renderer

    return ExportOptions(
        renderer=Renderer(),
        theme=args.theme,
        embed_images=args.embed_images,
        include_header=args.with_header,
        page_size=args.page_size,
        allow_remote=args.online,
        timeout_s=args.timeout,
        force=args.force,
        day=args.date,
    )


def _fail(message: str, stderr: IO[str]) -> int:
    print(message, file=stderr)
    return 1


def _usage(args: argparse.Namespace, message: str, stderr: IO[str]) -> int:
    """Wrong usage: argparse's message and exit code 2 (also when run without a parser)."""
    parser = getattr(args, "parser", None)
    if parser is not None:
        parser.error(message)
    print(f"article-editor export: error: {message}", file=stderr)
    return 2


def run(args: argparse.Namespace, *, stdout: IO[str] | None = None,
        stderr: IO[str] | None = None) -> int:
    """Carry out ``article-editor export``; returns the exit code."""
    from editor.export.exporter import TARGETS
    from editor.render import core as render

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    source = Path(args.file)
    target = args.to
    options = _options(args)
    try:
        render.theme_path(options.theme)
    except render.ThemeError as exc:
        return _fail(str(exc), stderr)

    into_site = TARGETS[target].into_site
    stream = None if args.output is None or into_site else stream_of(args.output)
    if args.output is None and not into_site:
        if source.is_dir():
            return _usage(args, "exporting a folder needs -o DIR (where to write).", stderr)
        if target in BINARY_TARGETS:
            return _usage(args, f"export --to {target} writes a binary file: name it with "
                          f"-o OUT{TARGETS[target].suffix} (or -o - for a pipe).", stderr)
        stream = STDOUT_FD
    if stream is not None:
        if source.is_dir():
            return _usage(args, "a folder exports into a folder, not a stream: -o DIR.", stderr)
        return _export_to_stream(source, target, stream, options, stdout, stderr)

    if args.output is None:
        from editor.site.jekyll import find_site_root

        root = find_site_root(source)
        if root is None:
            return _fail(f"{source}: not inside a Jekyll site; name the site with -o SITE.",
                         stderr)
        out = root
    else:
        out = Path(args.output)

    if source.is_dir():
        return _run_folder(source, target, out, options, stdout, stderr)

    if out.is_dir() and not into_site:
        out = out / (source.stem + TARGETS[target].suffix)
    written = _export_one(source, target, out, options, stderr)
    if written is None:
        return 1
    print(written, file=stdout)
    return 0


def _export_one(source: Path, target: str, out: Path, options: Any,
                stderr: IO[str]) -> Path | None:
    """Export one post to ``out``; the path written, or None once the problem is told."""
    from editor.document.post import PostError, SaveError, YamlError
    from editor.export.exporter import ExportError, ExportRefused, export_file
    from editor.render import core as render

    try:
        return export_file(source, target, out, options)
    except ExportRefused as exc:
        print(f"{source}: {exc.message}", file=stderr)
        for problem in exc.problems:
            where = f"{source}:{problem.line}" if problem.line else str(source)
            print(f"{where}: {problem.level}: {problem.message}", file=stderr)
    except YamlError as exc:
        where = f"{source}:{exc.line}" if exc.line else str(source)
        _fail(f"{where}: invalid front matter: {exc.message}", stderr)
    except (PostError, SaveError, ExportError, render.ThemeError) as exc:
        text = str(exc)
        _fail(text if str(source) in text else f"{source}: {text}", stderr)
    except OSError as exc:
        _fail(f"{out}: cannot write: {exc.strerror or exc}", stderr)
    return None


def _export_to_stream(source: Path, target: str, stream: int | str, options: Any,
                      stdout: IO[str], stderr: IO[str]) -> int:
    """Export into a private folder, then copy the bytes to ``stream``."""
    from editor.export.exporter import TARGETS

    if stream == STDOUT_FD and target in BINARY_TARGETS and isatty(stdout):
        return _fail(f"export --to {target}: not writing a binary file to a terminal; "
                     "redirect it or use -o FILE.", stderr)
    with tempfile.TemporaryDirectory(prefix="article-editor-export-") as tmp:
        written = _export_one(source, target, Path(tmp) / f"out{TARGETS[target].suffix}",
                              options, stderr)
        if written is None:
            return 1
        data = written.read_bytes()
    problem = send(stream, data, stdout, stderr)
    return 0 if problem is None else _fail(problem, stderr)


class _ProgressBar:
    """A one-line bar redrawn in place on a terminal; plain lines anywhere else."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.drawn = False

    def __call__(self, step: Any) -> None:
        name = step.source.name
        if step.error is not None:
            self.clear()
            print(f"failed: {step.source}: {step.error}", file=self.stream)
        if not self.tty:
            if step.error is None:
                print(f"[{step.done}/{step.total}] {step.source} -> {step.output}",
                      file=self.stream)
            return
        width = max(10, min(30, shutil.get_terminal_size((80, 20)).columns - 40))
        filled = width * step.done // max(step.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {step.done}/{step.total} {name}"[: shutil.get_terminal_size().columns - 1]
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False


def _run_folder(source: Path, target: str, out: Path, options: Any, stdout: IO[str],
                stderr: IO[str]) -> int:
    from editor.export.batch import export_folder
    from editor.export.exporter import ExportError

    bar = _ProgressBar(stderr)
    try:
        result = export_folder(source, target, out, options, on_progress=bar)
    except ExportError as exc:
        bar.clear()
        return _fail(exc.message, stderr)
    except KeyboardInterrupt:
        bar.clear()
        return _fail("export interrupted", stderr)
    bar.clear()
    print(result.summary(), file=stdout)
    if result.total == 0:
        print(f"{source}: no posts found (*.md, *.markdown, *.html)", file=stderr)
    return 0 if result.ok else 1
