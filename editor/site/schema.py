"""Front-matter schema: which fields the form shows and how, loaded from YAML and checked.

The bundled schema is ``resources/schema/post.yaml``. A site can bring its own in
``<site root>/_article-editor/schema.yaml`` (see :data:`SITE_SCHEMA`). Such a file has the
same shape as the bundled one::

    extends: default        # optional: start from the bundled fields
    fields:
      - key: author
        label: Author
        widget: line
        hint: Who wrote the post.

Without ``extends`` the site's list replaces the bundled one. With ``extends: default``
a field whose key the bundled schema already has replaces that field in place, and new
keys are appended. Field attributes: ``key``, ``widget`` (one of :data:`WIDGETS`),
``label`` (English, translated by the interface), ``required``, ``hint``, and the options
of the widget (:data:`WIDGET_OPTIONS`). Anything else is an error, so typos show up
instead of being silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.document.safe_yaml import YamlError, load_yaml
from editor.errors import EditorError
from editor.paths import resource

SITE_SCHEMA = Path("_article-editor") / "schema.yaml"
"""Where a site keeps its own schema, relative to the site root."""

WIDGETS = ("line", "text", "list", "date", "bool", "image", "choice")

WIDGET_OPTIONS: Mapping[str, frozenset[str]] = {
    "line": frozenset({"placeholder", "max_length_warning"}),
    "text": frozenset({"placeholder", "max_length_warning", "same_as"}),
    "list": frozenset({"completion"}),
    "date": frozenset(),
    "bool": frozenset(),
    "image": frozenset(),
    "choice": frozenset({"choices"}),
}

COMPLETIONS = ("categories", "tags")

_COMMON_ATTRIBUTES = frozenset({"key", "label", "widget", "required", "hint"})


class SchemaError(EditorError):
    """A schema file that cannot be used: names the file and, when known, the field."""

    def __init__(self, message: str, path: Path | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.key = key

    def __str__(self) -> str:
        where = str(self.path) if self.path else "schema"
        if self.key:
            where += f": field '{self.key}'"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Field:
    """One front-matter field as the form shows it."""

    key: str
    widget: str
    label: str
    required: bool = False
    hint: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)

    def option(self, name: str, default: Any = None) -> Any:
        """A widget option (``max_length_warning``, ``same_as``, ...) or *default*."""
        return self.options.get(name, default)


@dataclass(frozen=True)
class Schema:
    """The ordered fields of a schema and the file they came from."""

    fields: tuple[Field, ...]
    source: Path | None = None

    def field(self, key: str) -> Field | None:
        """The field for *key*, or None when the schema does not know it."""
        for item in self.fields:
            if item.key == key:
                return item
        return None

    def keys(self) -> list[str]:
        """Keys of all fields, in order."""
        return [item.key for item in self.fields]

    def __contains__(self, key: object) -> bool:
        return any(item.key == key for item in self.fields)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)


def default_schema_path() -> Path:
    """The bundled schema file."""
    return resource("schema", "post.yaml")


def site_schema_path(site_root: Path) -> Path:
    """Where the site at *site_root* keeps its own schema (the file may not exist)."""
    return Path(site_root) / SITE_SCHEMA


def load_schema(site_root: Path | None = None) -> Schema:
    """The site's schema if it has one, else the bundled schema.

    Raises SchemaError when the file in use is broken; callers that must keep going use
    :func:`load_schema_or_default`.
    """
    if site_root is not None:
        own = site_schema_path(site_root)
        if own.is_file():
            return load_schema_file(own)
    return load_schema_file(default_schema_path())


def load_schema_or_default(site_root: Path | None = None) -> tuple[Schema, SchemaError | None]:
    """Like :func:`load_schema`, but a broken site schema gives the bundled one plus the error."""
    try:
        return load_schema(site_root), None
    except SchemaError as error:
        return load_schema_file(default_schema_path()), error


class SchemaReader:
    """``load_schema_or_default`` that parses again only when a schema file changed.

    The form asks on every post it shows; most posts share their site's schema.
    """

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._result: tuple[Schema, SchemaError | None] | None = None

    def load(self, site_root: Path | None = None) -> tuple[Schema, SchemaError | None]:
        """The schema for *site_root* and the warning of a broken site schema, if any."""
        files = [default_schema_path()]
        if site_root is not None:
            files.append(site_schema_path(site_root))
        key = (site_root, *(_file_stamp(path) for path in files))
        if key != self._key or self._result is None:
            self._result = load_schema_or_default(site_root)
            self._key = key
        return self._result


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def load_schema_file(path: Path) -> Schema:
    """Read and check one schema file (``extends: default`` merges it into the bundled one)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaError(f"cannot read the file ({error})", path) from error
    return parse_schema(text, path)


def parse_schema(text: str, path: Path | None = None) -> Schema:
    """Check the schema YAML *text*; *path* only names the file in errors."""
    try:
        data = load_yaml(text)
    except YamlError as error:
        where = f" at line {error.line}, column {error.column}" if error.line else ""
        raise SchemaError(f"invalid YAML{where}: {error.message}", path) from error
    if not isinstance(data, dict):
        raise SchemaError("expected a mapping with a 'fields' list", path)
    unknown = set(data) - {"fields", "extends"}
    if unknown:
        raise SchemaError(f"unknown top-level keys: {', '.join(sorted(map(str, unknown)))}", path)
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list):
        raise SchemaError("'fields' must be a list", path)

    fields = [_parse_field(raw, index, path) for index, raw in enumerate(raw_fields)]
    extends = data.get("extends")
    if extends is not None:
        if extends != "default":
            raise SchemaError(f"'extends' can only be 'default', not {extends!r}", path)
        fields = _merge(load_schema_file(default_schema_path()).fields, fields)

    seen: set[str] = set()
    for item in fields:
        if item.key in seen:
            raise SchemaError("the key appears twice", path, item.key)
        seen.add(item.key)
    by_key = {item.key: item for item in fields}
    for item in fields:
        same_as = item.option("same_as")
        if same_as is None:
            continue
        other = by_key.get(same_as)
        if other is None or other.widget != "text" or same_as == item.key:
            raise SchemaError(f"same_as must name another text field, not {same_as!r}", path,
                              item.key)
    return Schema(tuple(fields), path)


def _merge(base: tuple[Field, ...], own: list[Field]) -> list[Field]:
    replacements = {item.key: item for item in own}
    merged = [replacements.pop(item.key, item) for item in base]
    merged.extend(item for item in own if item.key in replacements)
    return merged


def _parse_field(raw: Any, index: int, path: Path | None) -> Field:
    if not isinstance(raw, dict):
        raise SchemaError(f"entry {index + 1} of 'fields' is not a mapping", path)
    key = raw.get("key")
    if not isinstance(key, str) or not key.strip():
        raise SchemaError(f"entry {index + 1} of 'fields' has no 'key'", path)
    widget = raw.get("widget")
    if widget not in WIDGETS:
        raise SchemaError(f"unknown widget {widget!r} (known: {', '.join(WIDGETS)})", path, key)
    allowed = _COMMON_ATTRIBUTES | WIDGET_OPTIONS[widget]
    unknown = sorted(str(name) for name in raw if name not in allowed)
    if unknown:
        raise SchemaError(f"unknown attributes for a {widget} field: {', '.join(unknown)}",
                          path, key)

    label = raw.get("label", key)
    hint = raw.get("hint", "")
    required = raw.get("required", False)
    for name, value, kind in (("label", label, str), ("hint", hint, str),
                              ("required", required, bool)):
        if not isinstance(value, kind):
            raise SchemaError(f"'{name}' must be a {kind.__name__}", path, key)

    options = {name: raw[name] for name in WIDGET_OPTIONS[widget] if name in raw}
    _check_options(options, path, key)
    if widget == "choice" and not options.get("choices"):
        raise SchemaError("a choice field needs a non-empty 'choices' list", path, key)
    return Field(key=key, widget=widget, label=label, required=required, hint=hint,
                 options=options)


def _check_options(options: dict[str, Any], path: Path | None, key: str) -> None:
    limit = options.get("max_length_warning")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise SchemaError("'max_length_warning' must be a positive whole number", path, key)
    for name in ("placeholder", "same_as"):
        if name in options and not isinstance(options[name], str):
            raise SchemaError(f"'{name}' must be a string", path, key)
    completion = options.get("completion")
    if completion is not None and completion not in COMPLETIONS:
        raise SchemaError(f"'completion' must be one of {', '.join(COMPLETIONS)}", path, key)
    choices = options.get("choices")
    if choices is not None and (not isinstance(choices, list)
                                or not all(isinstance(c, str | int | float) for c in choices)):
        raise SchemaError("'choices' must be a list of plain values", path, key)
