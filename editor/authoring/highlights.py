"""Highlight presets and the pure text operations on them: wrap, unwrap, replace, find.

A highlight is the house's bold, coloured span inside a sentence::

    <b><span style="color: #ee2323;">…</span></b>               (kind "color")
    <b><span style="background-color: #21538527;">…</span></b>  (kind "background")
    <b>…</b>                                                    (kind "bold")

Markdown bodies use the very same inline HTML, so every operation here works on
both formats; only the paragraph splitting differs (``</p><p>`` boundaries in
HTML, lines in Markdown).

Presets come from the bundled ``resources/highlights.yaml``; a ``highlights.yaml``
in the user's config folder replaces that list entirely (so writers can reorder
and delete presets, and their list survives upgrades).
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from editor import paths

KINDS = ("color", "background", "bold")
USER_FILE_NAME = "highlights.yaml"

_HEX_RE = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_ID_RE = re.compile(r"[A-Za-z0-9_-]+")


class PresetError(ValueError):
    """A preset definition is invalid (bad colour, unknown kind, duplicate id, ...)."""


# --------------------------------------------------------------------------- presets


@dataclass(frozen=True)
class Preset:
    """One highlight style: what the writer picks, and the exact markup it writes."""

    id: str
    name: str
    shortcut: str = ""
    kind: str = "color"
    color: str | None = None

    def open_tag(self) -> str:
        """The markup written before the highlighted text."""
        if self.kind == "bold":
            return "<b>"
        prop = "color" if self.kind == "color" else "background-color"
        return f'<b><span style="{prop}: {self.color};">'

    def close_tag(self) -> str:
        """The markup written after the highlighted text."""
        return "</b>" if self.kind == "bold" else "</span></b>"

    def wrap(self, text: str) -> str:
        """``text`` wrapped in this preset's markup."""
        return f"{self.open_tag()}{text}{self.close_tag()}"

    def to_dict(self) -> dict[str, Any]:
        """Plain mapping as stored in highlights.yaml."""
        data: dict[str, Any] = {"id": self.id, "name": self.name, "shortcut": self.shortcut,
                                "kind": self.kind}
        if self.color is not None:
            data["color"] = self.color
        return data


class PresetLoad(NamedTuple):
    """Result of :func:`load_presets`: the presets to use and why the user's file was ignored.

    ``error`` is None when everything loaded; otherwise a sentence for the UI, and
    ``presets`` holds the bundled defaults. Unpacks as ``presets, error = load_presets()``.
    """

    presets: list[Preset]
    error: str | None


def validate_preset(data: Any, index: int = 0) -> Preset:
    """Build one :class:`Preset` from a mapping, raising :class:`PresetError` if it is wrong."""
    where = f"preset {index + 1}"
    if not isinstance(data, dict):
        raise PresetError(f"{where}: expected a mapping with id, name, kind and color")
    pid = str(data.get("id") or "").strip()
    name = str(data.get("name") or "").strip()
    if not pid or not _ID_RE.fullmatch(pid):
        raise PresetError(f"{where}: id must be letters, digits, '-' or '_' (got {pid!r})")
    where = f"preset {pid!r}"
    if not name:
        raise PresetError(f"{where}: name is missing")
    kind = str(data.get("kind") or "").strip().lower()
    if kind not in KINDS:
        raise PresetError(f"{where}: kind must be one of {', '.join(KINDS)} (got {kind!r})")
    shortcut = data.get("shortcut") or ""
    if not isinstance(shortcut, str):
        raise PresetError(f"{where}: shortcut must be text like 'Ctrl+Alt+R'")
    color = data.get("color")
    if kind == "bold":
        color = None
    else:
        if not isinstance(color, str) or not _HEX_RE.fullmatch(color.strip()):
            raise PresetError(
                f"{where}: color must be #rgb, #rrggbb or #rrggbbaa (got {color!r}; "
                "quote it in YAML, '#' starts a comment)"
            )
        color = color.strip().lower()
    return Preset(id=pid, name=name, shortcut=shortcut.strip(), kind=kind, color=color)


def parse_presets(data: Any) -> list[Preset]:
    """Validate a loaded YAML document (``{presets: [...]}`` or a bare list)."""
    items = data.get("presets") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise PresetError("expected a non-empty list under 'presets:'")
    presets = [validate_preset(item, i) for i, item in enumerate(items)]
    seen: set[str] = set()
    for preset in presets:
        if preset.id in seen:
            raise PresetError(f"preset id {preset.id!r} is used twice")
        seen.add(preset.id)
    return presets


def _read_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def default_presets() -> list[Preset]:
    """The bundled presets (resources/highlights.yaml)."""
    return parse_presets(_read_yaml(paths.resource(USER_FILE_NAME)))


def user_presets_file() -> Path:
    """Where the writer's own preset list lives."""
    return paths.config_dir() / USER_FILE_NAME


def load_presets(user_file: Path | None = None) -> PresetLoad:
    """The presets to use: the user's list if present and valid, else the bundled defaults.

    ``user_file`` defaults to :func:`user_presets_file`. A missing user file is not an
    error; an unreadable or invalid one yields the defaults plus an error message.
    """
    defaults = default_presets()
    path = user_file if user_file is not None else user_presets_file()
    if not path.is_file():
        return PresetLoad(defaults, None)
    try:
        return PresetLoad(parse_presets(_read_yaml(path)), None)
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"cannot be read ({exc})"
    except YAMLError as exc:
        problem = f"is not valid YAML ({str(exc).splitlines()[0]})"
    except PresetError as exc:
        problem = f"has an invalid entry: {exc}"
    return PresetLoad(defaults, f"Highlight presets in {path} {problem}; using the defaults.")


def save_presets(presets: list[Preset], path: Path | None = None) -> Path:
    """Write ``presets`` to the user's file (atomically) and return its path.

    Raises :class:`PresetError` if the list is invalid, ``OSError`` if it cannot be written.
    """
    parse_presets([p.to_dict() for p in presets])  # same rules as loading
    target = path if path is not None else user_presets_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Highlight presets (see the bundled highlights.yaml for the format).", "presets:"]
    for p in presets:
        lines.append(f"  - id: {_yaml_str(p.id)}")
        lines.append(f"    name: {_yaml_str(p.name)}")
        lines.append(f"    shortcut: {_yaml_str(p.shortcut)}")
        lines.append(f"    kind: {p.kind}")
        if p.color is not None:
            lines.append(f"    color: {_yaml_str(p.color)}")
    fd, tmp = tempfile.mkstemp(prefix=".highlights-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _yaml_str(value: str) -> str:
    # Double-quoted YAML is a superset of JSON strings: safe for '#', ':' and Korean.
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# --------------------------------------------------------------------------- colours


RGBA = tuple[int, int, int, float]

_RGB_FUNC_RE = re.compile(r"rgba?\(\s*([^)]*)\)", re.I)


def css_color_to_rgba(value: str) -> RGBA:
    """Browser reading of a hex colour: ``#21538527`` -> ``(33, 83, 133, 0.153)``.

    CSS puts alpha last (#RRGGBBAA), unlike Qt's #AARRGGBB. Alpha is AA/255 rounded
    to three decimals, as Chromium reports it. Raises ValueError for anything else.
    """
    text = value.strip()
    if not _HEX_RE.fullmatch(text):
        raise ValueError(f"not a hex colour: {value!r}")
    digits = text[1:]
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits)
    r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    alpha = int(digits[6:8], 16) if len(digits) == 8 else 255
    return (r, g, b, round(alpha / 255, 3))


def parse_css_color(value: str) -> RGBA | None:
    """Any colour form pasted HTML uses (hex, ``rgb()``, ``rgba()``), or None."""
    text = value.strip().lower()
    if _HEX_RE.fullmatch(text):
        return css_color_to_rgba(text)
    match = _RGB_FUNC_RE.fullmatch(text)
    if not match:
        return None
    parts = [p for p in re.split(r"[\s,/]+", match.group(1).strip()) if p]
    if len(parts) not in (3, 4):
        return None
    try:
        channels = [
            round(float(p[:-1]) * 2.55) if p.endswith("%") else round(float(p)) for p in parts[:3]
        ]
        alpha = 1.0
        if len(parts) == 4:
            a = parts[3]
            alpha = float(a[:-1]) / 100 if a.endswith("%") else float(a)
    except ValueError:
        return None
    r, g, b = (max(0, min(255, c)) for c in channels)
    return (r, g, b, round(max(0.0, min(1.0, alpha)), 3))


def rgba_css(color: str | RGBA) -> str:
    """Serialise like a browser's computed style: ``rgba(33, 83, 133, 0.153)``.

    Opaque colours come out as ``rgb(238, 35, 35)``, as browsers report them.
    """
    r, g, b, a = css_color_to_rgba(color) if isinstance(color, str) else color
    if a >= 1:
        return f"rgb({r}, {g}, {b})"
    return f"rgba({r}, {g}, {b}, {format(a, '.3f').rstrip('0').rstrip('.') or '0'})"


def same_color(a: RGBA | None, b: RGBA | None) -> bool:
    """Whether two colours paint the same: equal RGB, alpha within 2/255.

    The alpha slack lets ``rgba(33, 83, 133, 0.15)`` (rounded by a word processor)
    match ``#21538527``.
    """
    if a is None or b is None:
        return False
    return a[:3] == b[:3] and abs(a[3] - b[3]) * 255 <= 2.01


def match_preset(kind: str, color: str | RGBA | None, presets: list[Preset]) -> Preset | None:
    """The first preset of ``kind`` painting ``color`` (any case/form), or None."""
    rgba = parse_css_color(color) if isinstance(color, str) else color
    for preset in presets:
        if preset.kind != kind:
            continue
        if kind == "bold":
            return preset
        if preset.color and same_color(rgba, css_color_to_rgba(preset.color)):
            return preset
    return None


# --------------------------------------------------------------------------- scanning markup

# A tag, tolerant of '>' inside quoted attribute values; comments are matched first
# so that markup inside them is ignored.
_TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ATTR_RE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
BLOCK_TAGS = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table
    tbody td tfoot th thead tr ul""".split()
)
_BOLD_TAGS = ("b", "strong")


class _Tag(NamedTuple):  # a tuple: made by the ten thousand for a long post
    start: int
    end: int
    name: str  # lower case; "" for a comment
    closing: bool
    attrs: str


class _Element(NamedTuple):
    name: str
    open_start: int
    open_end: int
    close_start: int
    close_end: int
    attrs: str


def _scan_tags(text: str) -> list[_Tag]:
    tags = []
    for m in _TOKEN_RE.finditer(text):
        closing, name, attrs = m.groups()
        start, end = m.span()
        if name is None:
            tags.append(_Tag(start, end, "", False, ""))
        else:
            tags.append(_Tag(start, end, name.lower(), bool(closing), attrs))
    return tags


def _pair_elements(tags: list[_Tag]) -> list[_Element]:
    """Match open and close tags with a stack; stray closers are ignored, unclosed dropped."""
    stack: list[_Tag] = []
    elements: list[_Element] = []
    for tag in tags:
        if not tag.name or tag.name in VOID_TAGS or tag.attrs.rstrip().endswith("/"):
            continue
        if not tag.closing:
            stack.append(tag)
            continue
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].name == tag.name:
                opener = stack[i]
                del stack[i:]
                elements.append(_Element(tag.name, opener.start, opener.end, tag.start, tag.end,
                                         opener.attrs))
                break
    elements.sort(key=lambda e: e.open_start)
    return elements


def parse_attributes(attrs: str) -> dict[str, str]:
    """Attributes of a tag (names lower-cased, values unquoted and unescaped)."""
    result: dict[str, str] = {}
    for m in _ATTR_RE.finditer(attrs):
        value = m.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        result.setdefault(m.group(1).lower(), html.unescape(value))
    return result


def parse_style(style: str) -> dict[str, str]:
    """CSS declarations of a style attribute; tolerant of spacing, case and stray ';'."""
    result: dict[str, str] = {}
    for decl in style.split(";"):
        prop, sep, value = decl.partition(":")
        if sep:
            result[prop.strip().lower()] = value.strip().lower().removesuffix("!important").strip()
    return result


def style_highlight(style: dict[str, str]) -> tuple[str, str] | None:
    """``("color" | "background", colour text)`` a style paints with, or None."""
    if "color" in style and style["color"]:
        return ("color", style["color"])
    for prop in ("background-color", "background"):
        value = style.get(prop)
        if value:
            token = re.search(r"#[0-9a-f]+|rgba?\([^)]*\)", value)
            if token:
                return ("background", token.group(0))
    return None


# --------------------------------------------------------------------------- recognition


@dataclass
class Highlight:
    """One highlight found in a body.

    ``start``/``end`` span the whole markup, ``inner_start``/``inner_end`` the content
    (character offsets into the body); ``text`` is the visible text (tags removed,
    entities decoded); ``preset_id`` is None when no preset matches; ``line`` is
    1-based within the body.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    preset_id: str | None
    color: str | None
    kind: str
    problems: list[str] = field(default_factory=list)
    line: int = 1


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _visible_text(fragment: str) -> str:
    return html.unescape(_TOKEN_RE.sub("", fragment)).replace("\xa0", " ")


def find_highlights(body: str, presets: list[Preset]) -> list[Highlight]:
    """Every highlight in ``body``, in order, with problems the writer should see.

    Recognises ``<b>``/``<strong>`` around (or inside) a ``<span style=…>`` whatever
    the spacing, semicolons, quoting or letter case. Problems reported: a colour that
    matches no preset, a coloured span that is not bold, an empty highlight, and a
    highlight nested inside another one. Plain ``<b>`` counts as the bold preset (when
    the preset list has one; otherwise plain bold is not a highlight).
    """
    elements = _pair_elements(_scan_tags(body))
    by_open = {e.open_start: e for e in elements}
    bold_preset = match_preset("bold", None, presets)
    consumed: set[int] = set()
    found: list[Highlight] = []

    def span_paint(e: _Element) -> tuple[str, str] | None:
        if e.name != "span":
            return None
        return style_highlight(parse_style(parse_attributes(e.attrs).get("style", "")))

    def sole_child(e: _Element) -> _Element | None:
        inner = body[e.open_end:e.close_start]
        i = e.open_end + len(inner) - len(inner.lstrip())
        j = e.close_start - (len(inner) - len(inner.rstrip()))
        child = by_open.get(i)
        return child if child is not None and child.close_end == j else None

    for e in elements:
        if e.open_start in consumed or e.name not in (*_BOLD_TAGS, "span"):
            continue
        child = sole_child(e)
        if e.name in _BOLD_TAGS:
            paint = span_paint(child) if child is not None else None
            inner_el = child if paint else e
        else:
            paint = span_paint(e)
            if paint is None:
                continue
            inner_el = child if child is not None and child.name in _BOLD_TAGS else e
        if inner_el is not e:
            consumed.add(inner_el.open_start)
        problems: list[str] = []
        if paint is None:
            if bold_preset is None:
                continue
            kind, color, preset = "bold", None, bold_preset
        else:
            kind, color = paint
            preset = match_preset(kind, color, presets)
            if inner_el is e and e.name == "span":
                preset = None
                problems.append("coloured but not bold: matches no preset")
            elif preset is None:
                what = "text colour" if kind == "color" else "background colour"
                problems.append(f"{what} {color} matches no preset")
        text = body[inner_el.open_end:inner_el.close_start]
        visible = _visible_text(text)
        if not visible.strip():
            problems.append("empty highlight")
        found.append(Highlight(e.open_start, e.close_end, inner_el.open_end, inner_el.close_start,
                               visible, preset.id if preset else None, color, kind, problems))

    starts = _line_starts(body)
    open_ends: list[int] = []  # outer ends of the highlights enclosing the current one
    for h in found:
        h.line = bisect_right(starts, h.start)
        while open_ends and open_ends[-1] <= h.start:
            open_ends.pop()
        if open_ends:
            h.problems.append("nested inside another highlight")
        open_ends.append(h.end)
    return found


# --------------------------------------------------------------------------- applying presets


@dataclass(frozen=True)
class Edit:
    """Result of a text operation: the new body and the selection to show in it."""

    text: str
    start: int
    end: int


def _snap(body: str, pos: int, tags: list[_Tag], *, is_start: bool) -> int:
    """Move ``pos`` out of a tag or entity: starts move forward, ends backward."""
    for spans in (((t.start, t.end) for t in tags),
                  ((m.start(), m.end()) for m in _ENTITY_RE.finditer(body))):
        for s, e in spans:
            if s < pos < e:
                return e if is_start else s
            if s >= pos:
                break
    return pos


def _remove_ranges(text: str, ranges: list[tuple[int, int]]) -> tuple[str, Any]:
    """Delete ``ranges`` (non-overlapping) and return the text and an offset mapper."""
    ranges = sorted(ranges)
    pieces, last = [], 0
    for s, e in ranges:
        pieces.append(text[last:s])
        last = e
    pieces.append(text[last:])

    def mapper(pos: int) -> int:
        shift = 0
        for s, e in ranges:
            if pos >= e:
                shift += e - s
            elif pos > s:
                shift += pos - s
        return pos - shift

    return "".join(pieces), mapper


def _unwrap(text: str, highlights: list[Highlight]) -> tuple[str, Any]:
    cuts: list[tuple[int, int]] = []
    for h in highlights:
        cuts += [(h.start, h.inner_start), (h.inner_end, h.end)]
    return _remove_ranges(text, cuts)


_MD_MARKER_RE = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")
# Lines that hold no inline text: rules, code fences, table delimiter rows.
_MD_SKIP_LINE_RE = re.compile(
    r"[ \t]*(?:(?:[-*_][ \t]*){3,}|`{3,}.*|~{3,}.*|\|?[ \t:|-]+\|[ \t:|-]*)"
)


_PIPE_RE = re.compile(r"(?<!\\)\|")


def _line_at(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1:len(text) if end == -1 else end]


def _after_line_marker(text: str, pos: int) -> int:
    """A caret inside a Markdown line's "## " / "- " / "> " prefix moves past it."""
    line_start = text.rfind("\n", 0, pos) + 1
    marker_end = line_start
    while (m := _MD_MARKER_RE.match(text, marker_end)) and m.end() > marker_end:
        marker_end = m.end()
    return max(pos, marker_end)


def _segments(text: str, start: int, end: int, fmt: str) -> list[tuple[int, int]]:
    """Split [start, end) into inline runs that can each take one highlight."""
    bounds = [start]
    for t in _scan_tags(text[start:end]):
        if t.name in BLOCK_TAGS or not t.name:
            bounds += [start + t.start, start + t.end]
    bounds.append(end)
    runs = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if fmt != "markdown":
        return runs
    lines: list[tuple[int, int]] = []
    for s, e in runs:
        pos = s
        while pos <= e:
            nl = text.find("\n", pos, e)
            line_end = e if nl == -1 else nl
            whole_line = _line_at(text, pos)
            if _MD_SKIP_LINE_RE.fullmatch(whole_line):
                line_start = line_end
            else:
                line_start = min(_after_line_marker(text, pos), line_end)
            if whole_line.lstrip().startswith("|"):
                # A pipe-table row: each cell is its own run.
                cuts = [m.start() for m in _PIPE_RE.finditer(text, line_start, line_end)]
                edges = [line_start, *[c for cut in cuts for c in (cut, cut + 1)], line_end]
                lines += [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
            else:
                lines.append((line_start, line_end))
            if nl == -1:
                break
            pos = nl + 1
    return lines


def _balance(text: str, s: int, e: int, elements: list[_Element]) -> tuple[int, int]:
    """Grow [s, e) so it never cuts an inline element (a link, italics) in half."""
    changed = True
    while changed:
        changed = False
        for el in elements:
            if el.name in BLOCK_TAGS:
                continue
            opens_inside = s <= el.open_start < e
            closes_inside = s < el.close_end <= e
            if opens_inside and not closes_inside:
                e, changed = el.close_end, True
            elif closes_inside and not opens_inside:
                s, changed = el.open_start, True
    return s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _wrap_runs(text: str, start: int, end: int, preset: Preset, fmt: str) -> Edit:
    elements = _pair_elements(_scan_tags(text))
    runs = []
    for s, e in _segments(text, start, end, fmt):
        s, e = _trim(text, s, e)
        if s >= e:
            continue
        s, e = _balance(text, s, e, elements)
        if _visible_text(text[s:e]).strip():
            runs.append((s, e))
    if not runs:
        return Edit(text, start, end)
    open_tag, close_tag = preset.open_tag(), preset.close_tag()
    pieces, last = [], 0
    for s, e in runs:
        pieces += [text[last:s], open_tag, text[s:e], close_tag]
        last = e
    pieces.append(text[last:])
    added = (len(open_tag) + len(close_tag)) * len(runs)
    return Edit("".join(pieces), runs[0][0], runs[-1][1] + added)


def apply_preset(body: str, start: int, end: int, preset: Preset, presets: list[Preset],
                 fmt: str = "html") -> Edit:
    """Apply ``preset`` to the selection ``[start, end)`` of ``body``.

    - Plain text is wrapped; a selection spanning paragraphs (``</p>…<p>`` or other
      block tags; lines in Markdown, skipping list/heading/quote markers) is wrapped
      per paragraph so markup never crosses a block boundary.
    - If everything selected is already highlighted with ``preset``, the highlight is
      removed (toggle); highlights of other presets inside the selection are replaced.
    - A selection touching or inside a highlight acts on that whole highlight, so
      highlights are never nested. Edges inside a tag or entity snap out of it; a
      partly selected link or italic run is taken whole.
    - With an empty selection inside a highlight, that highlight is toggled/replaced;
      elsewhere an empty pair of tags is inserted with the caret between them.

    Returns the new text and the new selection (covering the written markup).
    """
    start, end = sorted((max(0, min(start, len(body))), max(0, min(end, len(body)))))
    tags = _scan_tags(body)
    start = _snap(body, start, tags, is_start=True)
    end = max(start, _snap(body, end, tags, is_start=False))
    highlights = find_highlights(body, presets)

    if start == end:
        around = [h for h in highlights if h.start < start < h.end]
        if not around:
            if fmt == "markdown":
                if _MD_SKIP_LINE_RE.fullmatch(_line_at(body, start)):
                    return Edit(body, start, start)  # a rule or fence holds no inline text
                start = _after_line_marker(body, start)
            caret = start + len(preset.open_tag())
            return Edit(body[:start] + preset.wrap("") + body[start:], caret, caret)
        start, end = around[-1].start, around[-1].end

    changed = True
    while changed:
        changed = False
        for h in highlights:
            overlaps = h.start < end and start < h.end
            if overlaps and not (start <= h.start and h.end <= end):
                start, end, changed = min(start, h.start), max(end, h.end), True

    inside = [h for h in highlights if start <= h.start and h.end <= end]
    mine = [h for h in inside if h.preset_id == preset.id]
    if mine and _covered(body, start, end, mine):
        text, mapper = _unwrap(body, mine)
        return Edit(text, mapper(start), mapper(end))

    text, mapper = _unwrap(body, inside)
    return _wrap_runs(text, mapper(start), mapper(end), preset, fmt)


def _covered(body: str, start: int, end: int, highlights: list[Highlight]) -> bool:
    """Whether every visible character in [start, end) lies inside one of ``highlights``."""
    pos = start
    for tag in [*_scan_tags(body[start:end]), None]:
        piece_end = end if tag is None else start + tag.start
        s, e = _trim(body, pos, piece_end)
        if s < e and not any(h.inner_start <= s and e <= h.inner_end for h in highlights):
            return False
        if tag is not None:
            pos = start + tag.end
    return True
