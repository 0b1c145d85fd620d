"""Rename or merge a category or tag across a whole site, losslessly.

Each file is changed the way the form changes one field (editor/document/frontmatter.py):
only the lines of ``categories``/``category`` (or ``tags``/``tag``) are rewritten, in the
style they had (``[a, b]`` stays a flow list, a block list stays a block list, quotes
stay quotes); every other byte, the encoding, a BOM and CRLF line endings are kept.

Values are read as Jekyll reads them: a list item by item, a plural string split at
white space (``tags: "a b"``), a singular ``category: x`` as one value. Renaming to a
name a post already has merges the two (the old one is dropped from that post).

First :func:`plan_rename` says which files change and how (line by line); nothing is
written until :func:`apply_plan`, which writes each file atomically and only if it is
still as planned. :func:`undo_plan` puts back the exact bytes; for a plain rename the
reverse rename gives the same result. Files whose front matter cannot be read are
listed in ``plan.invalid`` and never touched.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml.nodes import ScalarNode, SequenceNode

from editor.document import frontmatter
from editor.document.post import Post, PostError, SaveError, YamlError
from editor.document.storage import atomic_write
from editor.site.index import post_files

Kind = Literal["category", "tag"]
KEYS: dict[str, tuple[str, str]] = {"category": ("category", "categories"),
                                    "tag": ("tag", "tags")}


@dataclass(frozen=True)
class Hunk:
    """Lines that change: ``line`` is the 1-based first line in the file before."""

    line: int
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class FileChange:
    """One file of a plan: its bytes now and after the change."""

    path: Path
    relative: str
    before: bytes
    after: bytes
    hunks: tuple[Hunk, ...]


@dataclass
class RenamePlan:
    """What renaming ``old`` to ``new`` would do; ``skipped`` and ``invalid`` are
    ``(relative path, reason)`` pairs of files left as they are."""

    root: Path
    kind: Kind
    old: str
    new: str
    changes: list[FileChange] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ApplyResult:
    """Files written, and files left alone with the reason."""

    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


class _Unsplittable(ValueError):
    """The new name has white space and the value is a string Jekyll splits at it."""


def _renamed_list(items: list[Any], old: str, new: str) -> list[Any] | None:
    if not any(item is not None and str(item) == old for item in items):
        return None
    has_new = any(item is not None and str(item) == new for item in items)
    result: list[Any] = []
    for item in items:
        if item is not None and str(item) == old:
            if not has_new:
                result.append(new)
                has_new = True  # the same name twice becomes one
        else:
            result.append(item)
    return result


def _renamed_words(value: str, old: str, new: str) -> str | None:
    words = value.split()
    if old not in words:
        return None
    if any(ch.isspace() for ch in new):
        raise _Unsplittable(f"'{new}' has a space, and this post's value is a string "
                            "Jekyll splits at spaces")
    if new in words:
        return " ".join(w for w in words if w != old)
    # Replace whole words only, keeping the spacing as written.
    return re.sub(rf"(?<!\S){re.escape(old)}(?!\S)", new.replace("\\", "\\\\"), value)


def renamed_value(value: Any, old: str, new: str, *, plural: bool) -> Any | None:
    """``value`` of a category/tag key with ``old`` renamed to ``new``; None if absent."""
    if isinstance(value, list):
        return _renamed_list(value, old, new)
    if isinstance(value, str):
        if plural:
            return _renamed_words(value, old, new)
        return new if value == old else None
    if value is not None and not isinstance(value, dict) and str(value) == old:
        return new
    return None


def _plain_ok(value: str) -> bool:
    parsed = frontmatter.parse(f"k: [{value}]\nv: {value}\n")
    return parsed.error is None and parsed.data == {"k": [value], "v": value}


def _scalar_texts(old: str, new: str, style: str | None) -> list[str]:
    """Ways to write ``new`` as a YAML scalar, best first: the old one's quotes if the
    writer chose them, plain if they were only there because ``old`` needed them (so
    renaming back gives the file it was)."""
    single = "'" + new.replace("'", "''") + "'"
    double = json.dumps(new, ensure_ascii=False)
    if style in ("'", '"') and _plain_ok(old):
        return [single, double] if style == "'" else [double, single]
    return [new, single, double]


def _spliced(yaml_text: str, key: str, old: str, new: str, expected: Any) -> str | None:
    """``yaml_text`` with only the scalars ``old`` of ``key`` rewritten as ``new``.

    Other items keep their exact text (quotes, comments, spacing). None when that cannot
    give ``expected`` (then the field is rewritten as the form would).
    """
    parsed = frontmatter.parse(yaml_text)
    if parsed.root is None:
        return None
    node = next((v for k, v in parsed.root.value
                 if isinstance(k, ScalarNode) and k.value == key), None)
    items = node.value if isinstance(node, SequenceNode) else [node]
    targets = [n for n in items if isinstance(n, ScalarNode) and n.value == old and n.tag
               and n.tag.endswith(":str")]
    if not targets:
        return None
    # In a merge the new name is already there (or the old one comes twice): those
    # items go, with their line in a block list or their comma in a flow list.
    keep_first = not (isinstance(node, SequenceNode) and any(
        isinstance(n, ScalarNode) and n.value == new for n in items))
    renamed = targets[:1] if keep_first else []
    dropped = targets[len(renamed):]
    flow = isinstance(node, SequenceNode) and node.flow_style
    for attempt in range(3):
        edits = [(t.start_mark.index, t.end_mark.index,
                  _scalar_texts(old, new, t.style)[min(attempt, 1)]) for t in renamed]
        edits += [(*_item_span(yaml_text, t, flow), "") for t in dropped]
        text = yaml_text
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        check = frontmatter.parse(text)
        if check.error is None and check.data.get(key) == expected:
            return text
    return None


def _item_span(text: str, node: ScalarNode, flow: bool) -> tuple[int, int]:
    """Where a list item is written, with its dash line or its comma."""
    start, end = node.start_mark.index, node.end_mark.index
    if flow:
        after = re.match(r"[ \t]*,[ \t]*", text[end:])
        if after:
            return start, end + after.end()
        before = re.search(r",[ \t]*$", text[:start])
        return (before.start() if before else start), end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not re.fullmatch(r"[ \t]*-[ \t]*", text[line_start:start]):
        return start, end  # not alone on its line: the check falls back to a rewrite
    return line_start, len(text) if line_end < 0 else line_end + 1


def _hunks(before: str, after: str) -> tuple[Hunk, ...]:
    old_lines = before.splitlines()
    new_lines = after.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    return tuple(Hunk(i1 + 1, tuple(old_lines[i1:i2]), tuple(new_lines[j1:j2]))
                 for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def _plan_file(path: Path, root: Path, plan: RenamePlan) -> None:
    relative = path.relative_to(root).as_posix()
    try:
        post = Post.load(path)
        before = path.read_bytes()
    except (PostError, OSError) as exc:
        plan.invalid.append((relative, str(exc)))
        return
    if post.yaml_error is not None:
        error = post.yaml_error
        where = f"line {error.line}: " if error.line else ""
        plan.invalid.append((relative, f"invalid front matter: {where}{error.message}"))
        return
    singular, plural_key = KEYS[plan.kind]
    metadata = post.metadata
    old_text = post.text()
    try:
        for key in (singular, plural_key):
            if key in metadata:
                value = renamed_value(metadata[key], plan.old, plan.new,
                                      plural=key == plural_key)
                if value is None:
                    continue
                spliced = None
                if not isinstance(value, str) or key != plural_key:
                    spliced = _spliced(post.front_matter_text or "", key, plan.old,
                                       plan.new, value)
                if spliced is not None:
                    post.front_matter_text = spliced
                else:
                    post.set(key, value)
        after = post.to_bytes()
    except _Unsplittable as exc:
        plan.skipped.append((relative, str(exc)))
        return
    except (YamlError, SaveError) as exc:
        plan.skipped.append((relative, exc.message))
        return
    if after != before:
        plan.changes.append(FileChange(path, relative, before, after,
                                       _hunks(old_text, post.text())))


def plan_rename(root: str | Path, kind: Kind, old: str, new: str) -> RenamePlan:
    """What renaming category/tag ``old`` to ``new`` in every post and draft would change."""
    if kind not in KEYS:
        raise ValueError(f"kind must be 'category' or 'tag', not {kind!r}")
    old, new = old.strip(), new.strip()
    if not old or not new:
        raise ValueError("both names must be non-empty")
    plan = RenamePlan(Path(root), kind, old, new)
    if old == new:
        return plan
    for path in post_files(plan.root):
        _plan_file(path, plan.root, plan)
    return plan


def _write_if(change: FileChange, expected: bytes, data: bytes, result: ApplyResult) -> None:
    try:
        current = change.path.read_bytes()
    except OSError as exc:
        result.failed.append((change.relative, exc.strerror or str(exc)))
        return
    if current != expected:
        result.failed.append((change.relative, "changed on disk since the plan; left as it is"))
        return
    try:
        atomic_write(change.path, data)
    except SaveError as exc:
        result.failed.append((change.relative, exc.message))
        return
    result.written.append(change.relative)


def apply_plan(plan: RenamePlan) -> ApplyResult:
    """Write the planned files, each atomically and only if it is still as planned."""
    result = ApplyResult()
    for change in plan.changes:
        _write_if(change, change.before, change.after, result)
    return result


def undo_plan(plan: RenamePlan) -> ApplyResult:
    """Put back the bytes the applied plan's files had (those not changed since)."""
    result = ApplyResult()
    for change in plan.changes:
        _write_if(change, change.after, change.before, result)
    return result
