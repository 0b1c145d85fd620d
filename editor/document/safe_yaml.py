"""Reading YAML files that are not front matter (schemas, presets, a site's _config.yml).

Safe types only (no Python object tags), and bounded: the text's length, the nesting
depth and the number of values aliases expand to are limited before anything walks
the values, so a "billion laughs" file or a hostile download cannot hang or exhaust
the editor. Problems come back as :class:`YamlError` with 1-based line and column.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from editor.errors import EditorError

#: Longer texts are no configuration file a writer keeps.
MAX_CHARS = 2_000_000
#: Deeper nesting is no configuration either (and would exhaust the composer's stack).
MAX_DEPTH = 64
#: Expanding aliases past this many nodes is a "billion laughs" document.
MAX_EXPANDED_NODES = 100_000


class YamlError(EditorError, ValueError):
    """YAML we cannot use; ``line`` and ``column`` are 1-based when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"line {self.line}, column {self.column}: {self.message}"


def safe_loader() -> YAML:
    """A ruamel loader for plain data: safe types, pure Python, duplicate keys refused."""
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


def check_expansion(root: Node, subject: str = "The YAML", *,
                    max_nodes: int = MAX_EXPANDED_NODES) -> None:
    """Refuse alias bombs and recursive aliases before anything walks the values.

    ``subject`` starts the messages ("The front matter", "The YAML").
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise YamlError(f"{subject} refers to itself through an alias (*name).", None)
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        sizes[key] = total
        if total > max_nodes:
            raise YamlError(
                f"{subject}'s aliases (*name) expand to more than {max_nodes:,} values; "
                "refusing to read it.", None)
        return total

    size(root)


def _check_depth(root: Node, max_depth: int) -> None:
    # Iterative, so the check itself cannot overflow the stack it protects.
    pending: list[tuple[Node, int]] = [(root, 1)]
    seen: set[int] = set()
    while pending:
        node, depth = pending.pop()
        if depth > max_depth:
            raise YamlError(f"The YAML nests deeper than {max_depth} levels.",
                            node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            pending += [(child, depth + 1) for child in node.value]
        elif isinstance(node, MappingNode):
            pending += [(part, depth + 1) for pair in node.value for part in pair]


def load_yaml(text: str, *, max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH,
              max_nodes: int = MAX_EXPANDED_NODES) -> Any:
    """The plain data of a YAML text (dicts, lists, scalars); None for an empty text.

    Raises :class:`YamlError` for text that is not YAML, holds Python object tags,
    is longer than ``max_chars``, nests deeper than ``max_depth`` or whose aliases
    expand to more than ``max_nodes`` values.
    """
    if len(text) > max_chars:
        raise YamlError(f"The YAML is longer than {max_chars:,} characters.")
    yaml = safe_loader()
    try:
        root = yaml.compose(text)
        if root is None:
            return None
        _check_depth(root, max_depth)
        check_expansion(root, max_nodes=max_nodes)
        return yaml.constructor.construct_document(root)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise YamlError(" ".join(str(problem).split()), line, column) from None
    except RecursionError:
        raise YamlError(f"The YAML nests deeper than {max_depth} levels.") from None
    except YAMLError as exc:
        raise YamlError(" ".join((str(exc) or "invalid YAML").split())) from None
