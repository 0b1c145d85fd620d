"""Posts and pages as Jekyll describes them to Liquid: ``url``, ``date``, ``categories`` ...

Written after Jekyll 4.3's Document, UrlDrop and FrontmatterDefaults: permalink styles and
placeholders, categories from front matter and from folders above ``_posts``, and the
``defaults:`` of ``_config.yml`` merged from the least to the most specific scope.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from editor.render.liquid.dates import localised, to_datetime
from editor.render.liquid.filters import slugify
from editor.site.jekyll import split_post_filename

PERMALINK_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
PAGE_PERMALINKS = {"pretty": "/:path/:basename/"}
DEFAULT_PAGE_PERMALINK = "/:path/:basename:output_ext"
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_OUTPUT_EXT = {".md": ".html", ".markdown": ".html", ".mkd": ".html", ".mkdn": ".html"}


def kind_of(relative: str) -> str:
    """``posts``, ``drafts`` or ``pages``: the ``type`` a ``defaults:`` scope names."""
    parts = PurePosixPath(relative).parts
    if "_posts" in parts:
        return "posts"
    if "_drafts" in parts:
        return "drafts"
    return "pages"


def _scope_applies(scope: Mapping[str, Any], relative: str, kind: str) -> bool:
    wanted_type = scope.get("type")
    if wanted_type and wanted_type != kind and not (kind == "drafts" and wanted_type == "posts"):
        return False
    scope_path = str(scope.get("path") or "").strip("/")
    if not scope_path:
        return True
    if "*" in scope_path:
        return fnmatch.fnmatch(relative, scope_path) or fnmatch.fnmatch(
            relative, scope_path.rstrip("/") + "/*"
        )
    return relative == scope_path or relative.startswith(scope_path + "/")


def defaults_for(config: Mapping[str, Any], relative: str) -> dict[str, Any]:
    """The ``defaults:`` values for the file at ``relative`` (site-relative, with slashes)."""
    kind = kind_of(relative)
    matching = []
    for entry in config.get("defaults") or []:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("values"), Mapping):
            continue
        scope = entry.get("scope") if isinstance(entry.get("scope"), Mapping) else {}
        if _scope_applies(scope, relative, kind):
            specificity = (len(str(scope.get("path") or "").strip("/")), bool(scope.get("type")))
            matching.append((specificity, entry["values"]))
    merged: dict[str, Any] = {}
    for _specificity, values in sorted(matching, key=lambda pair: pair[0]):
        merged.update(values)
    return merged


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def post_categories(data: Mapping[str, Any], relative: str) -> list[str]:
    """Folders above ``_posts`` first, then ``category``/``categories`` of the front matter."""
    parts = PurePosixPath(relative).parts
    folders = list(parts[: parts.index("_posts")]) if "_posts" in parts else []
    found = folders + _words(data.get("category")) + _words(data.get("categories"))
    return list(dict.fromkeys(found))


def escape_path(url: str) -> str:
    """Addressable's ``encode_component`` with Jekyll's path characters kept."""
    return quote(url, safe="/-._~!$&'()*+,;=:@%")


def _sanitise(url: str) -> str:
    url = re.sub(r"/{2,}", "/", url)
    url = url.replace("/./", "/").replace("/../", "/")
    return url if url.startswith("/") else "/" + url


def fill_permalink(template: str, values: Mapping[str, str]) -> str:
    """A permalink template with its ``:placeholders`` replaced, sanitised and escaped."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        while name and name not in values:
            # ":title_" style suffixes: try the name without its trailing part.
            name = name[:-1]
        if not name:
            return match.group(0)
        return values[name] + match.group(1)[len(name) :]

    return escape_path(_sanitise(_PLACEHOLDER.sub(replace, template)))


_DATE_PLACEHOLDERS = {
    "year": "%Y",
    "month": "%m",
    "day": "%d",
    "short_year": "%y",
    "hour": "%H",
    "minute": "%M",
    "second": "%S",
    "y_day": "%j",
    "week": "%V",
    "short_day": "%a",
    "long_day": "%A",
    "short_month": "%b",
    "long_month": "%B",
}
_PLACEHOLDER_NAMES = frozenset(
    [*_DATE_PLACEHOLDERS, "i_month", "i_day", "title", "slug", "name", "categories"]
    + ["output_ext", "collection"]
)


class _PostPlaceholders(Mapping[str, str]):
    """A post's permalink placeholders, each worked out only when the template uses it."""

    def __init__(self, moment: datetime, slug: str, categories: list[str], ext: str) -> None:
        self.moment, self.slug, self.categories, self.ext = moment, slug, categories, ext

    def __getitem__(self, name: str) -> str:
        if name in _DATE_PLACEHOLDERS:
            return self.moment.strftime(_DATE_PLACEHOLDERS[name])
        if name in ("i_month", "i_day"):
            return str(self.moment.month if name == "i_month" else self.moment.day)
        if name == "title":
            return slugify(self.slug, "pretty", cased=True) or ""
        if name == "slug":
            return slugify(self.slug, cased=True) or ""
        if name == "categories":
            return "/".join(dict.fromkeys(c.lower() for c in self.categories))
        if name == "output_ext":
            return self.ext
        if name == "collection":
            return "posts"
        if name == "name":
            return self.slug
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return name in _PLACEHOLDER_NAMES

    def __iter__(self):
        return iter(_PLACEHOLDER_NAMES)

    def __len__(self) -> int:
        return len(_PLACEHOLDER_NAMES)


def _output_ext(suffix: str) -> str:
    return _OUTPUT_EXT.get(suffix.lower(), suffix.lower() or ".html")


def _permalink_setting(config: Mapping[str, Any]) -> str:
    return str(config.get("permalink") or "date")


def _day(written: str, zone: tzinfo | None) -> datetime | None:
    """Midnight of the ``YYYY-MM-DD`` a post's file name starts with, in the site's zone."""
    try:
        year, month, day = (int(part) for part in written.split("-"))
        return localised(datetime(year, month, day), zone)
    except ValueError:
        return None


def post_record(
    data: Mapping[str, Any],
    relative: str,
    config: Mapping[str, Any],
    zone: tzinfo | None,
    modified: datetime | None = None,
) -> dict[str, Any]:
    """What Liquid sees as ``page`` (or an item of ``site.posts``) for a post or draft."""
    merged = {**defaults_for(config, relative), **data}
    path = PurePosixPath(relative)
    written, slug = split_post_filename(path.name)
    if merged.get("slug"):
        slug = str(merged["slug"])
    moment = to_datetime(merged.get("date"), zone)
    if moment is None and written:
        moment = _day(written, zone)
    if moment is None:
        moment = localised(modified or datetime.now(), zone)
    categories = post_categories(merged, relative)
    ext = _output_ext(path.suffix)
    setting = str(merged.get("permalink") or _permalink_setting(config))
    template = PERMALINK_STYLES.get(setting, setting)
    url = fill_permalink(template, _PostPlaceholders(moment, slug, categories, ext))
    title = merged.get("title")
    if title is None:
        title = " ".join(word.capitalize() for word in slug.split("-"))
    return {
        **merged,
        "title": title,
        "date": moment,
        "url": url,
        "id": url[: -len(ext)] if ext and url.endswith(ext) else url.rstrip("/"),
        "path": relative,
        "relative_path": relative,
        "name": path.name,
        "slug": slug,
        "ext": path.suffix,
        "categories": categories,
        "tags": list(dict.fromkeys(_words(merged.get("tags")) + _words(merged.get("tag")))),
        "collection": "posts",
        "draft": kind_of(relative) == "drafts",
    }


def page_record(
    data: Mapping[str, Any], relative: str, config: Mapping[str, Any]
) -> dict[str, Any]:
    """What Liquid sees as ``page`` for a page (a file outside ``_posts``/``_drafts``)."""
    merged = {**defaults_for(config, relative), **data}
    path = PurePosixPath(relative)
    ext = _output_ext(path.suffix)
    setting = str(merged.get("permalink") or "")
    if not setting:
        setting = PAGE_PERMALINKS.get(_permalink_setting(config), DEFAULT_PAGE_PERMALINK)
    folder = "" if str(path.parent) == "." else str(path.parent)
    basename = path.stem
    if basename == "index" and not merged.get("permalink"):
        url = escape_path(_sanitise(f"/{folder}/"))
    else:
        values = {"path": folder, "basename": basename, "output_ext": ext, "title": basename}
        url = fill_permalink(setting, values)
    return {
        **merged,
        "url": url,
        "path": relative,
        "name": path.name,
        "dir": url if url.endswith("/") else url.rsplit("/", 1)[0] + "/",
    }


def document_record(
    data: Mapping[str, Any],
    relative: str,
    config: Mapping[str, Any],
    zone: tzinfo | None,
    modified: datetime | None = None,
) -> dict[str, Any]:
    """:func:`post_record` for posts and drafts, :func:`page_record` for other files."""
    if kind_of(relative) == "pages":
        return page_record(data, relative, config)
    return post_record(data, relative, config, zone, modified)
