"""Jekyll's Liquid filters (Jekyll::Filters, 4.3), written after its Ruby source.

Filters that need the site (URLs, Markdown) are made per site by :func:`site_filters`;
the rest are plain functions. Liquid's standard filters come from python-liquid; where
Jekyll replaces one (``where``, ``sort``) Jekyll's wins.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, quote_plus

from liquid import is_undefined

from editor.render.liquid.dates import jekyll_time_text, to_datetime

# --- dates ------------------------------------------------------------------------------


def _ordinal(number: int) -> str:
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    return f"{number}" + {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _stringify_date(value: Any, month: str, kind: Any, style: Any) -> Any:
    moment = to_datetime(value)
    if moment is None:
        return value
    if kind == "ordinal":
        day = _ordinal(moment.day)
        if style == "US":
            return moment.strftime(f"{month} {day}, %Y")
        return moment.strftime(f"{day} {month} %Y")
    return moment.strftime(f"%d {month} %Y")


def date_to_string(value: Any, kind: Any = None, style: Any = None) -> Any:
    """``05 Mar 2024``; ``"ordinal"`` gives ``5th Mar 2024``, with ``"US"`` ``Mar 5th, 2024``."""
    return _stringify_date(value, "%b", kind, style)


def date_to_long_string(value: Any, kind: Any = None, style: Any = None) -> Any:
    """``05 March 2024``, with the same ordinal forms as :func:`date_to_string`."""
    return _stringify_date(value, "%B", kind, style)


def date_to_xmlschema(value: Any) -> Any:
    """``2024-03-05T05:30:00+00:00`` (Ruby's ``Time#xmlschema``)."""
    moment = to_datetime(value)
    return value if moment is None else moment.isoformat(timespec="seconds")


def date_to_rfc822(value: Any) -> Any:
    """``Tue, 05 Mar 2024 05:30:00 +0000``."""
    moment = to_datetime(value)
    return value if moment is None else moment.strftime("%a, %d %b %Y %H:%M:%S %z")


# --- text -------------------------------------------------------------------------------

_SLUG_MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = frozenset("._~!$&'()+,;=@")


def _kept(char: str, mode: str) -> bool:
    if mode == "raw":
        return not char.isspace()
    if mode in ("ascii", "latin"):
        return char.isascii() and char.isalnum()
    category = unicodedata.category(char)
    if category[0] in "ML" or category == "Nd":
        return True
    return mode == "pretty" and char in _PRETTY_KEEP


def _transliterate(text: str) -> str:
    # I18n.transliterate: accents dropped from Latin letters, anything else becomes "?".
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c if c.isascii() else "?" for c in kept)


def slugify(value: Any, mode: Any = None, cased: bool = False) -> Any:
    """Jekyll::Utils.slugify: ``default``, ``raw``, ``pretty``, ``ascii``, ``latin`` or ``none``."""
    if value is None or is_undefined(value):
        return None
    text = str(value)
    mode = "default" if mode is None or is_undefined(mode) else str(mode)
    if mode not in _SLUG_MODES:
        return text if cased else text.lower()
    if mode == "latin":
        text = _transliterate(text)
    pieces: list[str] = []
    for char in text:
        if _kept(char, mode):
            pieces.append(char)
        elif not pieces or pieces[-1] != "-":
            pieces.append("-")
    slug = "".join(pieces)
    slug = re.sub(r"^-|-$", "", slug)
    return slug if cased else slug.lower()


def xml_escape(value: Any) -> str:
    """``&``, ``<``, ``>`` and ``"`` as entities (Ruby's ``encode(xml: :attr)``)."""
    if value is None or is_undefined(value):
        return ""
    return html.escape(str(value), quote=False).replace('"', "&quot;")


def cgi_escape(value: Any) -> str:
    """Ruby's ``CGI.escape``: form encoding, a space becomes ``+``."""
    return quote_plus(str(value), safe="~")


def uri_escape(value: Any) -> str:
    """Addressable's ``normalize_component``: reserved characters and ``%XX`` stay."""
    return quote(str(value), safe="!#$&'()*+,/:;=?@[]~%")


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF  # Han
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x3040 <= code <= 0x30FF  # Hiragana, Katakana
        or 0x1100 <= code <= 0x11FF  # Hangul jamo
        or 0x3130 <= code <= 0x318F
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
    )


def number_of_words(value: Any, mode: Any = None) -> int:
    """Words split at white space; ``"cjk"`` counts each CJK character, ``"auto"`` when present."""
    text = str(value)
    cjk = sum(1 for char in text if _is_cjk(char))
    if mode == "cjk" or (mode == "auto" and cjk):
        others = re.findall(r"[^\s]+", "".join(" " if _is_cjk(c) else c for c in text))
        return cjk + len(others)
    return len(text.split())


def strip_html(value: Any) -> str:
    """Tags, comments, scripts and styles removed (Liquid's ``strip_html``)."""
    text = str(value)
    text = re.sub(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", "", text, flags=re.S)
    return re.sub(r"<.*?>", "", text, flags=re.S)


def normalize_whitespace(value: Any) -> str:
    """Every run of white space as one space, trimmed."""
    return re.sub(r"\s+", " ", str(value)).strip()


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return jekyll_time_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def jsonify(value: Any) -> str:
    """Compact JSON as Ruby's ``to_json`` writes it (non-ASCII kept, times as Jekyll prints)."""
    if is_undefined(value):
        value = None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    """``a``, ``a and b``, ``a, b, and c``."""
    items = [str(item) for item in as_list(value)]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {connector} {items[1]}"
    return f"{', '.join(items[:-1])}, {connector} {items[-1]}"


# --- arrays -----------------------------------------------------------------------------


def as_list(value: Any) -> list[Any]:
    if value is None or is_undefined(value):
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (str, bytes)):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def item_property(item: Any, prop: Any) -> Any:
    """``item[prop]``, following dots (``"author.name"``) as Jekyll 4.1+ does."""
    for part in str(prop).split("."):
        if isinstance(item, Mapping):
            item = item.get(part)
        elif isinstance(item, (list, tuple)) and part.isdigit() and int(part) < len(item):
            item = item[int(part)]
        else:
            return None
    return item


def _matches(prop: Any, target: Any) -> bool:
    if target is None or is_undefined(target):
        return prop is None
    target = str(target)
    if isinstance(prop, str):
        return prop == target
    values = prop if isinstance(prop, (list, tuple)) else [prop]
    return any(_ruby_str(value) == target for value in values if value is not None)


def _ruby_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return jekyll_time_text(value)
    return str(value)


def where(value: Any, prop: Any = None, target: Any = None) -> Any:
    """Items whose ``prop`` equals ``target`` (or, for a list property, contains it)."""
    if prop is None or isinstance(target, (list, dict)):
        return value
    return [item for item in as_list(value) if _matches(item_property(item, prop), target)]


def find(value: Any, prop: Any = None, target: Any = None) -> Any:
    """The first item :func:`where` would keep, or nil."""
    found = where(value, prop, target)
    return found[0] if isinstance(found, list) and found else None


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value)
    if isinstance(value, datetime):
        return (1, value.timestamp())
    if isinstance(value, date):
        return (1, datetime(value.year, value.month, value.day).timestamp())
    return (2, str(value))


def sort(value: Any, prop: Any = None, nils: Any = "first") -> list[Any]:
    """Sorted items, by ``prop`` when given, with nils ``first`` (default) or ``last``."""
    items = as_list(value)
    if prop is None or is_undefined(prop):
        return sorted(items, key=_sort_key)
    present = [item for item in items if item_property(item, prop) is not None]
    missing = [item for item in items if item_property(item, prop) is None]
    present.sort(key=lambda item: _sort_key(item_property(item, prop)))
    return missing + present if nils != "last" else present + missing


def group_by(value: Any, prop: Any) -> list[dict[str, Any]]:
    """``[{"name": key, "items": [...], "size": n}]`` in order of first appearance."""
    groups: dict[str, list[Any]] = {}
    for item in as_list(value):
        key = item_property(item, prop)
        groups.setdefault("" if key is None else _ruby_str(key), []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def push(value: Any, item: Any) -> list[Any]:
    """A copy of the array with ``item`` at the end."""
    return [*as_list(value), item]


def pop(value: Any, count: Any = 1) -> list[Any]:
    """A copy of the array without its last ``count`` items."""
    items = as_list(value)
    return items[: max(len(items) - int(count), 0)]


def shift(value: Any, count: Any = 1) -> list[Any]:
    """A copy of the array without its first ``count`` items."""
    return as_list(value)[int(count) :]


def unshift(value: Any, item: Any) -> list[Any]:
    """A copy of the array with ``item`` in front."""
    return [item, *as_list(value)]


def to_integer(value: Any) -> Any:
    """An integer (``true`` → 1, ``false`` → 0) as Jekyll's ``to_integer``."""
    if isinstance(value, bool):
        return int(value)
    try:
        return int(float(str(value)))
    except ValueError:
        return value


def _ruby_inspect(value: Any) -> str:
    if value is None or is_undefined(value):
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{_ruby_inspect(k)}=>{_ruby_inspect(v)}" for k, v in value.items())
        return "{" + pairs + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_ruby_inspect(item) for item in value) + "]"
    if isinstance(value, datetime):
        return jekyll_time_text(value)
    return json.dumps(str(value), ensure_ascii=False)


def inspect(value: Any) -> str:
    """Ruby's ``inspect`` of the value (``{"k"=>1}``), HTML-escaped as Jekyll does."""
    return html.escape(_ruby_inspect(value), quote=True)


_SMART_SYMBOLS = (("---", "\u2014"), ("--", "\u2013"), ("...", "\u2026"))
_OPENS_AFTER = frozenset(" \t\n([{\u2014\u2013-")


def _smart_quotes(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opening = before in _OPENS_AFTER and not after.isspace()
        if char == '"':
            out.append("\u201c" if opening else "\u201d")
        elif char == "'":
            out.append("\u2018" if opening else "\u2019")
        else:
            out.append(char)
    return "".join(out)


def smartify(value: Any) -> str:
    """Typographic quotes, dashes and ellipses (SmartyPants); HTML tags left alone.

    An approximation of kramdown's SmartyPants converter: quotes open after a space or
    an opening bracket and close elsewhere; ``---``, ``--`` and ``...`` become — – ….
    """
    pieces = re.split(r"(<[^>]*>)", str(value))
    for index in range(0, len(pieces), 2):
        text = pieces[index]
        for plain, fancy in _SMART_SYMBOLS:
            text = text.replace(plain, fancy)
        pieces[index] = _smart_quotes(text)
    return "".join(pieces)


PLAIN_FILTERS: dict[str, Callable[..., Any]] = {
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "slugify": slugify,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "number_of_words": number_of_words,
    "strip_html": strip_html,
    "normalize_whitespace": normalize_whitespace,
    "jsonify": jsonify,
    "array_to_sentence_string": array_to_sentence_string,
    "where": where,
    "find": find,
    "sort": sort,
    "group_by": group_by,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "to_integer": to_integer,
    "inspect": inspect,
    "smartify": smartify,
}
"""Jekyll's filters that need nothing from the site."""
