"""The command line: ``article-editor [FILE]`` opens the window, sub-commands serve scripts.

What a command produces goes to stdout (``check``'s report included); problems that
stop it go to stderr, one line each, never a traceback (``--verbose`` adds it).
Exit codes: 0 fine, 1 a problem with a file or an internal error, 2 wrong usage
(argparse's own message, a mistyped command, no display for the window).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from editor import __version__
from editor.cli import site as site_cli
from editor.cli.display import announce_desktop_entry, window_problem
from editor.cli.guard import first_word, report_unexpected, silence_stdout, unknown_command
from editor.cli.streams import STDOUT_FD, send, stream_of
from editor.cli.values import iso_date, window_size, yaml_value

PROG = "article-editor"
WINDOW_MISSING = "The editor window is not available in this build"
VERBOSE_HELP = "show Qt's and the web engine's diagnostics, and tracebacks of internal errors"

# Bundled template used for each --format when no --template is named.
DEFAULT_TEMPLATES = {"md": "plain-markdown", "html": "news-article"}


class FileProblem(Exception):
    """A problem with a file the command works on; printed as one line, exit code 1."""


class UsageProblem(Exception):
    """The command line cannot be carried out as given; one line, exit code 2."""


# --- helpers ----------------------------------------------------------------------------


def _load(path: str) -> Any:
    from editor.document.post import Post, PostError

    try:
        return Post.load(path)
    except PostError as exc:
        raise FileProblem(exc.message) from None


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return list(value)
    return str(value)


def _to_json(value: Any, *, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=_json_default)


def _require_valid_yaml(post: Any, path: str) -> None:
    error = post.yaml_error
    if error is not None:
        where = f"{path}:{error.line}" if error.line else path
        raise FileProblem(f"{where}: invalid front matter: {error.message}")


# --- sub-commands -----------------------------------------------------------------------


def cmd_render(args: argparse.Namespace) -> int:
    """Write the preview page of a post as HTML."""
    from editor.render import core as render
    from editor.render.themes import ThemeError

    post = _load(args.file)
    base_url = args.base_url
    if base_url is None:
        # Relative image paths in the post are relative to its folder, wherever OUT goes.
        base_url = Path(args.file).absolute().parent.as_uri() + "/"
    try:
        page = render.Renderer().page(post, theme=args.theme, base_url=base_url or None)
    except ThemeError as exc:
        args.parser.error(str(exc))
    _write(args.output, page)
    return 0


def _write(output: str | None, text: str) -> None:
    """``text`` to stdout (no OUT, ``-``), through a stream (/dev/stdout, a pipe) or a file."""
    stream = STDOUT_FD if output is None else stream_of(output)
    if stream is not None:
        problem = send(stream, text.encode("utf-8"), sys.stdout, sys.stderr)
        if problem is not None:
            raise FileProblem(problem)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise FileProblem(f"{output}: cannot write: {exc.strerror or exc}") from None


def cmd_get(args: argparse.Namespace) -> int:
    """Print the front matter as JSON, or one value."""
    post = _load(args.file)
    _require_valid_yaml(post, args.file)
    metadata = post.metadata
    if args.key is None:
        print(_to_json(metadata))
        return 0
    if args.key not in metadata:
        raise FileProblem(f"{args.file}: no front-matter key {args.key!r}")
    value = metadata[args.key]
    if isinstance(value, str):
        sys.stdout.write(value if value.endswith("\n") else value + "\n")
    else:
        print(_to_json(value, indent=None))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    """Change front-matter fields in place, touching only their lines."""
    from editor.document.post import SaveError, YamlError

    assignments: list[tuple[str, Any]] = []
    for item in args.assignments:
        key, sep, text = item.partition("=")
        if not sep or not key.strip():
            args.parser.error(f"expected KEY=VALUE, got {item!r}")
        try:
            assignments.append((key.strip(), yaml_value(text)))
        except ValueError as exc:
            raise FileProblem(str(exc)) from None
    if not assignments and not args.unset:
        args.parser.error("nothing to do: give KEY=VALUE or --unset KEY")

    post = _load(args.file)
    try:
        for key, value in assignments:
            post.set(key, value)
        for key in args.unset:
            post.unset(key)
        post.save()
    except YamlError as exc:
        where = f"{args.file}:{exc.line}" if exc.line else args.file
        raise FileProblem(f"{where}: invalid front matter: {exc.message}") from None
    except SaveError as exc:
        raise FileProblem(f"{args.file}: {exc.message}") from None
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Create a post or draft from a template and print its path."""
    from editor.document.post import PostError, SaveError, YamlError
    from editor.site import jekyll as site

    if args.site is not None:
        root: Path | None = Path(args.site)
        if not root.is_dir():
            raise FileProblem(f"{args.site}: no such folder")
    else:
        root = site.find_site_root(Path.cwd())
    if args.draft and args.date is not None:
        args.parser.error("--date names a post's day; a draft gets it when published")

    available = site.templates(root)
    name = args.template or DEFAULT_TEMPLATES[args.format or "md"]
    template = available.get(name)
    if template is None and Path(name).is_file():
        template = Path(name)
    if template is None:
        args.parser.error(f"unknown template {name!r} (available: {', '.join(available)})")
    ext = f".{args.format}" if args.format else None

    try:
        path = site.new_post(
            args.title, template=template, root=root, folder=Path.cwd(), draft=args.draft,
            day=args.date, ext=ext, categories=args.category, romanize=args.romanize,
        )
    except (PostError, YamlError, SaveError) as exc:
        raise FileProblem(f"{template}: {exc.message}") from None
    except OSError as exc:
        raise FileProblem(f"cannot create the post: {exc.strerror or exc}") from None
    print(path)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Move a draft into _posts/ under today's date and print its new path."""
    from editor.site import jekyll as site

    try:
        path = site.publish_draft(args.draft, args.date)
    except ValueError as exc:
        raise FileProblem(str(exc)) from None
    except OSError as exc:
        raise FileProblem(f"{args.draft}: cannot move: {exc.strerror or exc}") from None
    print(path)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Run the publish checklist; exit 1 when it finds an error."""
    from editor.cli import spelling as spelling_cli
    from editor.site.checks import check

    post = _load(args.file)
    problems = check(post)
    spelling = spelling_cli.spelling_problems(post) if args.spelling else []
    if args.json:
        print(_to_json({"file": args.file,
                        "problems": [p.to_dict() for p in problems] + spelling}))
    elif not problems and not spelling:
        print(f"{args.file}: no problems found")
    else:
        for problem in problems:
            where = f"{args.file}:{problem.line}" if problem.line else args.file
            print(f"{where}: {problem.level}: {problem.message}")
        spelling_cli.print_problems(args.file, spelling)
    return 1 if any(p.level == "error" for p in problems) else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export a post or a folder of posts (html, fragment, pdf, markdown, html-body, post)."""
    from editor.cli import export as export_cli

    return export_cli.run(args)


def _window_app() -> Any:
    """editor.ui.shell.app, or FileProblem when this build has no window."""
    try:
        return importlib.import_module("editor.ui.shell.app")
    except ImportError as exc:
        if exc.name != "editor.ui.shell.app":
            raise
        raise FileProblem(WINDOW_MISSING) from None


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Save a PNG of the editor window showing a post (run under a display, e.g. Xvfb)."""
    app = _window_app()
    return int(app.screenshot(args.file, args.output, args.size, args.offline, args.theme))


def cmd_recover(args: argparse.Namespace) -> int:
    """List, write out or discard the unsaved texts kept in the recovery journal."""
    from editor.document.journal import Journal
    from editor.document.storage import SaveError, atomic_write

    journal = Journal()
    try:
        if args.restore:
            entry = journal.read(args.restore)
            if args.output is None or stream_of(args.output) is not None:
                _write(args.output, entry.text)
                return 0
            out = Path(args.output)
            if out.exists() and not args.force:
                raise FileProblem(f"{out} exists; use --force to replace it.")
            atomic_write(out, entry.text.encode("utf-8"))
            print(out)
        elif args.discard:
            journal.read(args.discard)
            journal.remove(args.discard)
        else:
            entries = journal.entries()
            if not entries:
                print("Nothing to recover: the journal holds no unsaved texts.")
            for entry in entries:
                state = "" if entry in journal.orphans() else "  (open in a running editor)"
                print(f"{entry.id}  {entry.saved_at}  {entry.size:>9} bytes  "
                      f"{entry.path or 'Untitled'}{state}")
    except KeyError as exc:
        raise FileProblem(exc.args[0]) from None
    except SaveError as exc:
        raise FileProblem(exc.message) from None
    return 0


# --- parsers ----------------------------------------------------------------------------

SUBCOMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "render": cmd_render,
    "get": cmd_get,
    "set": cmd_set,
    "new": cmd_new,
    "publish": cmd_publish,
    "check": cmd_check,
    "screenshot": cmd_screenshot,
    "export": cmd_export,
    "recover": cmd_recover,
    "site": site_cli.run,
}


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Edit a blog post (YAML front matter + HTML or Markdown body) "
        "with a live preview.",
        epilog="commands for scripts (each has --help):\n"
        "  render   the preview page of a post as HTML\n"
        "  get      front matter as JSON, or one value\n"
        "  set      change front-matter fields without touching the rest\n"
        "  new      create a post from a template\n"
        "  publish  move a draft into _posts/ with today's date\n"
        "  check    the publish checklist\n"
        "  screenshot  a PNG of the window showing a post\n"
        "  export   a post or a folder to html, fragment, pdf, markdown or a site\n"
        "  recover  unsaved texts kept after a crash\n"
        "  site     a site's posts as a table; rename a category or tag everywhere\n"
        f"\nusage: {PROG} COMMAND --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="the post to open")
    parser.add_argument("--offline", action="store_true",
                        help="never load anything from the network in the preview")
    parser.add_argument("--verbose", action="store_true", help=VERBOSE_HELP)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, **kwargs)
        sub.set_defaults(handler=SUBCOMMANDS[name], parser=sub)
        sub.add_argument("--verbose", action="store_true", help=VERBOSE_HELP)
        return sub

    render = add("render", "Write the preview page of a post as HTML.")
    render.add_argument("file", metavar="FILE")
    render.add_argument("-o", "--output", metavar="OUT",
                        help="write here instead of stdout (- is stdout)")
    render.add_argument("--theme", default="default", metavar="NAME",
                        help="preview theme (default: %(default)s)")
    render.add_argument("--base-url", metavar="URL",
                        help="address relative links and images resolve against "
                        "(default: the post's folder; '' for none)")

    get = add("get", "Print the front matter as JSON, or the value of one KEY "
                     "(strings printed as they are).")
    get.add_argument("file", metavar="FILE")
    get.add_argument("key", nargs="?", metavar="KEY")

    set_ = add(
        "set",
        "Change front-matter fields in place; every other byte of the file stays as it was.",
        epilog="VALUE is read as YAML, as Jekyll reads it: categories=[News, Korea], "
        "published=false, date=2024-05-01. Quote it to keep it a string: "
        "'title=\"A: B\"'.",
    )
    set_.add_argument("file", metavar="FILE")
    set_.add_argument("assignments", nargs="*", metavar="KEY=VALUE")
    set_.add_argument("--unset", action="append", default=[], metavar="KEY",
                      help="remove this field (may be repeated)")

    new = add("new", "Create a post from a template and print its path.",
              epilog="In a Jekyll site (found upward from the current folder, or --site) "
              "posts go to _posts/YYYY-MM-DD-slug.ext and drafts to _drafts/slug.ext; "
              "elsewhere into the current folder. Existing files are never replaced.")
    new.add_argument("title", metavar="TITLE")
    new.add_argument("--site", metavar="DIR", help="the site's folder")
    new.add_argument("--draft", action="store_true", help="create a draft in _drafts/")
    new.add_argument("--format", choices=("md", "html"),
                     help="file type (default: md; html picks the news-article template)")
    new.add_argument("--category", action="append", metavar="C",
                     help="a category (may be repeated; replaces the template's)")
    new.add_argument("--template", metavar="NAME",
                     help="template name (resources/templates/, or the site's "
                     "_article-editor/templates/) or a template file")
    new.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                     help="the post's date (default: today)")
    new.add_argument("--romanize", action="store_true",
                     help="write Hangul in the file name in Latin letters")

    publish = add("publish", "Move a draft into _posts/ with today's date in its name; "
                  "print the new path.")
    publish.add_argument("draft", metavar="DRAFT")
    publish.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                         help="publish under this date instead of today")

    check = add("check", "The publish checklist: errors stop a post from building, "
                "warnings are worth a look. Exit 1 if there is an error.")
    check.add_argument("file", metavar="FILE")
    check.add_argument("--json", action="store_true", help="print the problems as JSON")
    check.add_argument("--spelling", action="store_true",
                       help="also warn about misspelt words (Korean and English), "
                       "with line and column")

    shot = add("screenshot", "Open the window with FILE, wait for the preview, save a PNG "
               "of the whole window.",
               epilog="The preview paints only on a display: run it under Xvfb, e.g. "
               "xvfb-run -a env QT_QPA_PLATFORM=xcb article-editor screenshot ...")
    shot.add_argument("file", metavar="FILE")
    shot.add_argument("-o", "--output", required=True, metavar="OUT.png")
    shot.add_argument("--size", type=window_size, default=(1400, 900), metavar="WxH",
                      help="window size (default: 1400x900)")
    shot.add_argument("--offline", action="store_true",
                      help="never load anything from the network in the preview")
    shot.add_argument("--theme", metavar="NAME", help="preview theme")

    from editor.cli import export as export_cli

    export_cli.add_arguments(add("export", export_cli.HELP))

    recover = add("recover", "Unsaved texts the editor kept when it crashed or was killed: "
                  "list them (default), write one out, or discard one.")
    action = recover.add_mutually_exclusive_group()
    action.add_argument("--list", action="store_true", help="list the entries (default)")
    action.add_argument("--restore", metavar="ID", help="write this entry's text out")
    action.add_argument("--discard", metavar="ID", help="delete this entry")
    recover.add_argument("-o", "--output", metavar="OUT",
                         help="with --restore: write here instead of stdout")
    recover.add_argument("--force", action="store_true", help="replace OUT if it exists")
    site_cli.add_arguments(add("site", site_cli.HELP))
    return parser


def _prepare_window(args: argparse.Namespace) -> None:
    """Refuse to start Qt without a display (it would abort); quiet it unless --verbose."""
    problem = window_problem(os.environ, verbose=args.verbose)
    if problem is not None:
        raise UsageProblem(problem)


def _open_window(args: argparse.Namespace) -> int:
    _prepare_window(args)
    app = _window_app()
    announce_desktop_entry()
    return int(app.run(args.file, args.offline))


def _run_command(argv: list[str]) -> int:
    # Sub-commands and the window's optional FILE share the first position, so pick
    # the parser ourselves (a post named like a command: "article-editor ./get").
    if argv and argv[0] in SUBCOMMANDS:
        args = _command_parser().parse_args(argv)
        if args.command == "screenshot":
            _prepare_window(args)
        try:
            return args.handler(args)
        except (FileProblem, UsageProblem, SystemExit, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # never a traceback for the writer: one line, exit 1
            return report_unexpected(exc, args, PROG, sys.stderr, verbose=args.verbose)
    word = first_word(argv)
    mistyped = None if word is None else unknown_command(word, SUBCOMMANDS)
    if mistyped is not None:
        raise UsageProblem(mistyped)
    args = _window_parser().parse_args(argv)
    try:
        return _open_window(args)
    except (FileProblem, UsageProblem, SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # the window could not start: one line, as for sub-commands
        return report_unexpected(exc, args, PROG, sys.stderr, verbose=args.verbose)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run_command(argv)
    except FileProblem as exc:
        print(exc, file=sys.stderr)
        return 1
    except UsageProblem as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # argparse: --help, --version (0) or wrong usage (2)
        if exc.code is None:
            return 0
        return exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        silence_stdout()
        return 1
