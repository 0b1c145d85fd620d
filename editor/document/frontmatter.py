"""Split a post into front matter and body, read the YAML safely, and edit it losslessly.

The rule for edits: an untouched front matter is written back byte for byte, and
changing one field rewrites only that field's lines, in the style it had. We get
there by parsing for positions (ruamel.yaml's composer) and splicing text, never
by dumping the whole mapping again: a full dump re-quotes dates, drops comments,
re-wraps long strings and reorders keys, which is what writers complain about in
form-based editors.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from editor.document.safe_yaml import YamlError, check_expansion, safe_loader

# Jekyll's rule: "---" on the first line, then YAML up to a line of "---" or "...".
_OPEN = re.compile(r"---[ \t]*(?:\r?\n|\Z)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)

_TRAILING_TABS = re.compile(r"[ \t]*\t[ \t]*$", re.MULTILINE)

# Expanding aliases past this many nodes is a "billion laughs" document, not a post.
MAX_EXPANDED_NODES = 100_000

# Strings YAML 1.1 (Jekyll's Psych) reads as something else when left unquoted,
# although YAML 1.2 reads them as strings.
_YAML11_SPECIAL = re.compile(
    r"""^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE
    |on|On|ON|off|Off|OFF|~|null|Null|NULL
    |[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*
    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
    |[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|=|<<)$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Parts:
    """A document cut at its front-matter fences; ``opening`` is None without front matter."""

    opening: str | None
    yaml: str
    closing: str
    body: str

    def join(self) -> str:
        """The document text again, exactly."""
        if self.opening is None:
            return self.body
        return self.opening + self.yaml + self.closing + self.body


def split_document(text: str) -> Parts:
    """Cut ``text`` where Jekyll would: front matter only if it opens on line 1 and closes."""
    opening = _OPEN.match(text)
    if opening:
        closing = _CLOSE.search(text, opening.end())
        if closing:
            return Parts(
                opening.group(),
                text[opening.end() : closing.start()],
                closing.group(),
                text[closing.end() :],
            )
    return Parts(None, "", "", text)


@dataclass
class Parsed:
    """What the YAML says: the values, or why it says nothing usable."""

    data: dict[str, Any] = field(default_factory=dict)
    error: YamlError | None = None
    root: MappingNode | None = None


def parse(yaml_text: str, first_line: int = 2) -> Parsed:
    """Parse front-matter YAML with safe types only; errors come back as a value.

    ``first_line`` is the file line the YAML starts on, so error positions point
    into the file the writer sees.
    """
    if not yaml_text.strip():
        return Parsed()
    # ruamel.yaml rejects a tab after a plain value that YAML and Jekyll accept;
    # swapping it for a space keeps every column where it was.
    yaml_text = _TRAILING_TABS.sub(lambda m: " " * len(m.group()), yaml_text)
    yaml = safe_loader()
    try:
        root = yaml.compose(yaml_text)
        if root is None:
            return Parsed()
        check_expansion(root, "The front matter", max_nodes=MAX_EXPANDED_NODES)
        if not isinstance(root, MappingNode):
            raise YamlError(
                "Front matter must be a list of 'key: value' lines.",
                first_line + root.start_mark.line,
                root.start_mark.column + 1,
            )
        # Values from the same node tree: the text is read once.
        data = yaml.constructor.construct_document(root)
    except YamlError as exc:
        if exc.line is None:
            exc.line, exc.column = first_line, 1
        return Parsed(error=exc)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "python/" in str(exc):
            problem = f"{problem} (Python object tags are not allowed in front matter)"
        line = first_line + mark.line if mark else None
        column = mark.column + 1 if mark else None
        return Parsed(error=YamlError(_sentence(problem), line, column))
    except (YAMLError, RecursionError, ValueError) as exc:
        return Parsed(error=YamlError(_sentence(str(exc) or "invalid YAML"), first_line, 1))
    return Parsed(data=dict(data), root=root)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------
# Lossless edits


@dataclass(frozen=True)
class _Entry:
    key: str
    key_node: Node
    value_node: Node
    start: int  # first line (0-based, in the YAML text)
    end: int  # one past the last line of the value
    tail: str  # text after a one-line value on its last line (spaces, comment)


def set_field(yaml_text: str, key: str, value: Any) -> str:
    """Return ``yaml_text`` with top-level ``key`` set to ``value``, touching only its lines.

    A missing key is appended. The value keeps the old one's style where it can:
    a ``>`` block stays ``>``, quotes stay quotes, a flow list stays flow.
    Raises YamlError if the YAML is invalid.
    """
    parsed = _parsed_or_raise(yaml_text)
    lines = yaml_text.splitlines(keepends=True)
    entry = _find_entry(parsed.root, key, lines)
    if entry is None:
        prefix = yaml_text if not yaml_text or yaml_text.endswith("\n") else yaml_text + "\n"
        return prefix + _emit(key, value, None, _default_dash_offset(parsed.root), "")
    old = parsed.data.get(key)
    value = _keep_block_chomping(entry.value_node, old, value)
    if _same(old, value):
        return yaml_text
    new = _emit(key, value, entry.value_node, _dash_offset(entry), _key_indent(entry))
    if entry.tail.strip() and new.count("\n") == 1:
        new = new[:-1] + entry.tail
        if not new.endswith("\n"):
            new += "\n"
    elif not lines[entry.end - 1].endswith("\n"):
        new = new[:-1]
    return "".join(lines[: entry.start]) + new + "".join(lines[entry.end :])


def remove_field(yaml_text: str, key: str) -> str:
    """Return ``yaml_text`` without top-level ``key`` and its value's lines."""
    parsed = _parsed_or_raise(yaml_text)
    lines = yaml_text.splitlines(keepends=True)
    entry = _find_entry(parsed.root, key, lines)
    if entry is None:
        return yaml_text
    return "".join(lines[: entry.start]) + "".join(lines[entry.end :])


def field_lines(yaml_text: str) -> dict[str, tuple[int, int]]:
    """Each top-level key's line span (0-based start, end exclusive) in ``yaml_text``."""
    parsed = parse(yaml_text)
    if parsed.error or parsed.root is None:
        return {}
    lines = yaml_text.splitlines(keepends=True)
    spans = {}
    for key_node, _ in parsed.root.value:
        entry = _find_entry(parsed.root, key_node.value, lines)
        if entry:
            spans[entry.key] = (entry.start, entry.end)
    return spans


def _parsed_or_raise(yaml_text: str) -> Parsed:
    parsed = parse(yaml_text)
    if parsed.error:
        raise parsed.error
    if parsed.root is not None and parsed.root.flow_style:
        raise YamlError(
            "This front matter is written as one {…} mapping; edit it as text.", 2, 1
        )
    return parsed


def _find_entry(root: MappingNode | None, key: str, lines: list[str]) -> _Entry | None:
    if root is None:
        return None
    for key_node, value_node in root.value:
        if not isinstance(key_node, ScalarNode) or key_node.value != key:
            continue
        start = key_node.start_mark.line
        end_mark = value_node.end_mark
        end = end_mark.line if end_mark.column == 0 else end_mark.line + 1
        end = max(end, start + 1)
        tail = ""
        if end_mark.column > 0 and end_mark.line < len(lines):
            tail = lines[end_mark.line][end_mark.column :]
        end = _trim_trailing(lines, start, end, value_node, key_node.start_mark.column)
        return _Entry(key, key_node, value_node, start, end, tail)
    return None


def _trim_trailing(lines: list[str], start: int, end: int, value: Node, key_col: int) -> int:
    """Give blank and comment lines the composer swept into a value back to the file."""
    keep_blank = isinstance(value, ScalarNode) and value.style in ("|", ">") and _keeps(value)
    while end > start + 1:
        line = lines[end - 1]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        block_scalar = isinstance(value, ScalarNode) and value.style in ("|", ">")
        if not stripped and not keep_blank:
            end -= 1
        elif stripped.startswith("#") and (not block_scalar or indent <= key_col):
            end -= 1
        else:
            break
    return end


def _keeps(node: ScalarNode) -> bool:
    return node.value.endswith("\n\n")


def _same(old: Any, new: Any) -> bool:
    if type(old) is not type(new):
        return False
    if isinstance(old, list):
        return len(old) == len(new) and all(map(_same, old, new))
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    return old == new


def _keep_block_chomping(node: Node, old: Any, new: Any) -> Any:
    """A ``>``/``|`` value that ended in one newline keeps it, so the block keeps its header."""
    if (
        isinstance(node, ScalarNode)
        and node.style in ("|", ">")
        and isinstance(old, str)
        and isinstance(new, str)
        and old.endswith("\n")
        and not old.endswith("\n\n")
        and new
        and not new.endswith("\n")
    ):
        return new + "\n"
    return new


def _key_indent(entry: _Entry) -> str:
    return " " * entry.key_node.start_mark.column


def _block_dash_offset(key_node: Node, value_node: Node) -> int | None:
    """How far a block list's dashes sit right of its key, or None if not a block list."""
    if isinstance(value_node, SequenceNode) and not value_node.flow_style and value_node.value:
        return max(0, value_node.start_mark.column - key_node.start_mark.column)
    return None


def _dash_offset(entry: _Entry) -> int:
    offset = _block_dash_offset(entry.key_node, entry.value_node)
    return 2 if offset is None else offset


def _default_dash_offset(root: MappingNode | None) -> int:
    """How this file indents block lists under a key, so new ones look like the old ones."""
    for key_node, value_node in root.value if root is not None else ():
        offset = _block_dash_offset(key_node, value_node)
        if offset is not None:
            return offset
    return 2


_STYLE_WRAPPERS = {
    ">": FoldedScalarString,
    "|": LiteralScalarString,
    "'": SingleQuotedScalarString,
    '"': DoubleQuotedScalarString,
}


def _styled(value: Any, node: Node | None) -> Any:
    """Wrap ``value`` so ruamel writes it in the style ``node`` had."""
    if isinstance(value, str):
        wrapper = _STYLE_WRAPPERS.get(node.style) if isinstance(node, ScalarNode) else None
        if wrapper is not None:
            return wrapper(value)
        if _YAML11_SPECIAL.match(value):
            return SingleQuotedScalarString(value)
        return value
    if isinstance(value, list):
        items = [_styled(item, None) for item in value]
        if isinstance(node, SequenceNode) and node.flow_style:
            seq = CommentedSeq(items)
            seq.fa.set_flow_style()
            return seq
        return items
    if isinstance(value, dict):
        return {k: _styled(v, None) for k, v in value.items()}
    return value


def _emit(key: str, value: Any, node: Node | None, dash_offset: int, indent: str) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 1 << 16  # never re-wrap a writer's long line
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=dash_offset + 2, offset=dash_offset)
    out = io.StringIO()
    yaml.dump({key: _styled(value, node)}, out)
    text = out.getvalue()
    if indent:
        text = "".join(indent + line if line.strip() else line for line in text.splitlines(True))
    return text


# ---------------------------------------------------------------------------
# python-frontmatter interoperability


def __getattr__(name: str) -> Any:
    # python-frontmatter (and PyYAML under it) is only for scripts that use it: the
    # handler is made on first use, not when the window reads its first post.
    if name == "SafeYAMLHandler":
        from editor.document.frontmatter_handler import SafeYAMLHandler

        return SafeYAMLHandler
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
