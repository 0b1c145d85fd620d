"""The ``site`` sub-command: a Jekyll site's posts as a table; rename a category or tag.

``article-editor site DIR [--json]`` lists posts and drafts with their checklist state;
``article-editor site DIR rename-category OLD NEW [--dry-run]`` (and ``rename-tag``)
shows the lines that change in each file, then writes them (only those lines).
Exit codes as elsewhere: 0 fine, 1 a file could not be read or changed (one line each
on stderr; the other files are still listed or changed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HELP = "List a Jekyll site's posts and drafts, or rename a category or tag in all of them."
EPILOG = """actions:
  (none)                    the table: state, date, words, checklist, title, categories,
                            tags and path (--no-checks: without the checklist column)
  rename-category OLD NEW   rename (or merge into NEW) a category in every post and draft
  rename-tag OLD NEW        the same for a tag

A rename changes only the lines of categories/category (tags/tag) in each file, in
the style they were written; files whose front matter cannot be read are listed and
left untouched. --dry-run shows the changes without writing. Renaming back (NEW OLD)
undoes a rename."""

ACTIONS = {"rename-category": "category", "rename-tag": "tag"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``site`` sub-command's arguments."""
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("dir", metavar="DIR", help="the site's folder (with _posts/)")
    parser.add_argument("action", nargs="?", choices=tuple(ACTIONS), metavar="ACTION",
                        help="rename-category or rename-tag")
    parser.add_argument("names", nargs="*", metavar="OLD NEW", help="the names")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--no-checks", action="store_true",
                        help="list without the publish checklist (much quicker on a big site)")
    parser.add_argument("--dry-run", action="store_true",
                        help="with a rename: show what would change, write nothing")


def run(args: argparse.Namespace) -> int:
    """Run ``site`` with parsed arguments; returns the exit code."""
    from editor.cli.main import FileProblem

    root = Path(args.dir)
    if args.action is None:
        if args.names:
            args.parser.error(f"unknown action {args.names[0]!r}")
        if args.dry_run:
            args.parser.error("--dry-run goes with rename-category or rename-tag")
    elif args.no_checks:
        args.parser.error("--no-checks goes with the table, not a rename")
    elif len(args.names) != 2:
        args.parser.error(f"{args.action} needs OLD and NEW")
    if not root.is_dir():
        raise FileProblem(f"{args.dir}: no such folder")
    if args.action is None:
        return _table(root, args.json, not args.no_checks)
    old, new = args.names
    if not old.strip() or not new.strip():
        args.parser.error("OLD and NEW must not be empty")
    return _rename(root, ACTIONS[args.action], old, new, args.dry_run, args.json)


# --- the table ---------------------------------------------------------------------------


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(root: Path, as_json: bool, checks: bool) -> int:
    from editor.site.index import SiteIndex

    index = SiteIndex(root)
    rows = index.add_checks() if checks else index.rows()
    invalid = [row for row in rows if row.invalid]
    if as_json:
        print(json.dumps({"site": str(root), "posts": [r.to_dict() for r in rows]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{'STATE':<11} {'DATE':<10} {'WORDS':>6} {'CHECKS':<7} TITLE  "
              "[CATEGORIES] #TAGS  PATH")
        for row in rows:
            state = "invalid" if row.invalid else row.state
            checks = f"{row.errors}E {row.warnings}W" if row.errors is not None else "-"
            extras = ""
            if row.categories:
                extras += f"  [{', '.join(row.categories)}]"
            if row.tags:
                extras += "  " + " ".join(f"#{tag}" for tag in row.tags)
            print(f"{state:<11} {(row.date or '-')[:10]:<10} {row.words:>6} {checks:<7} "
                  f"{_cut(row.title, 60)}{extras}  {row.path}")
    for row in invalid:
        print(f"{root / row.path}: invalid front matter: {row.invalid}", file=sys.stderr)
    return 1 if invalid else 0


# --- renames ---------------------------------------------------------------------------


def _plan_dict(plan: Any, result: Any) -> dict[str, Any]:
    return {
        "kind": plan.kind, "old": plan.old, "new": plan.new,
        "files": [{"path": c.relative,
                   "changes": [{"line": h.line, "before": list(h.before),
                                "after": list(h.after)} for h in c.hunks]}
                  for c in plan.changes],
        "invalid": [{"path": p, "reason": r} for p, r in plan.invalid],
        "skipped": [{"path": p, "reason": r} for p, r in plan.skipped],
        "written": None if result is None else result.written,
        "failed": [] if result is None else [{"path": p, "reason": r} for p, r in result.failed],
    }


def _rename(root: Path, kind: str, old: str, new: str, dry_run: bool, as_json: bool) -> int:
    from editor.site.taxonomy import apply_plan, plan_rename

    plan = plan_rename(root, kind, old, new)  # type: ignore[arg-type]
    result = None if dry_run else apply_plan(plan)
    if as_json:
        print(json.dumps(_plan_dict(plan, result), ensure_ascii=False, indent=2))
    else:
        for change in plan.changes:
            print(change.relative)
            for hunk in change.hunks:
                for offset, line in enumerate(hunk.before):
                    print(f"  {hunk.line + offset:>4} - {line}")
                for line in hunk.after:
                    print(f"       + {line}")
        verb = "would change" if dry_run else "changed"
        count = len(plan.changes) if result is None else len(result.written)
        print(f"{kind} {old!r} -> {new!r}: {verb} {count} file(s)")
    problems = plan.invalid + plan.skipped + ([] if result is None else result.failed)
    for path, reason in problems:
        print(f"{root / path}: left unchanged: {reason}", file=sys.stderr)
    return 1 if problems else 0
