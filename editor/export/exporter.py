"""Exporting a post: one function per target, all built on render's fragment and page.

Targets: ``html`` (standalone page), ``fragment`` (inline-styled HTML to paste into a
blog editor), ``pdf`` (through QtWebEngine), ``markdown`` / ``html-body`` (the body
converted, front matter untouched) and ``post`` (a copy in a Jekyll site's ``_posts/``).
The window and the command line call the same functions; :data:`TARGETS` lists them
with the file suffix each writes, and :func:`export` runs one by name.
"""

from __future__ import annotations

import html
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.document.post import Post, PostError, SaveError, YamlError
from editor.document.storage import atomic_write
from editor.document.values import value_text
from editor.errors import EditorError
from editor.export.images import (
    absolute_local_images,
    embed_local_images,
    remote_image_placeholders,
)
from editor.render.theme_error import ThemeError
from editor.site import jekyll as site
from editor.site.checks import Problem, check

if TYPE_CHECKING:
    from editor.render.core import Renderer

__all__ = [
    "TARGETS",
    "ExportError",
    "ExportOptions",
    "ExportRefused",
    "Target",
    "export",
    "export_file",
    "export_fragment",
    "export_html",
    "export_pdf",
    "export_post",
    "pdf_document",
    "publish_path",
    "standalone_html",
]

# The converters load BeautifulSoup, markdownify and css-inline: tens of megabytes the
# window does not need until the writer exports. They are imported on first use.
_LAZY = {
    "convert_body": "editor.export.convert",
    "converted_post": "editor.export.convert",
    "fragment_html": "editor.export.fragment",
    "fragment_plain_text": "editor.export.fragment",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


class ExportError(EditorError):
    """An export that cannot be done; ``message`` is one line for the writer."""


class ExportRefused(ExportError):
    """The publish checklist found errors; ``problems`` lists them (errors first)."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class ExportOptions:
    """Choices for an export; each target reads the ones that concern it."""

    theme: str = "default"
    embed_images: bool = False  # html: local images inlined as data: URIs
    include_header: bool = False  # fragment: title, lead and feature image above the body
    page_size: str = "a4"  # pdf: "a4" or "letter"
    margin_mm: float = 15.0  # pdf
    allow_remote: bool = False  # pdf: fetch remote images (offline by default)
    timeout_s: float = 60.0  # pdf
    force: bool = False  # post: publish despite checklist errors
    day: date | None = None  # post: the date in the file name (default: front matter, today)
    extra: dict[str, Any] = field(default_factory=dict)
    # The run's renderer (a batch renders every post with one); a new one if None.
    renderer: Renderer | None = field(default=None, compare=False)

    def the_renderer(self) -> Renderer:
        return self.renderer if self.renderer is not None else _new_renderer()


@dataclass(frozen=True)
class Target:
    """One export destination: its name, the suffix of what it writes, and the writer."""

    name: str
    suffix: str
    summary: str
    write: Callable[[Post, Path, ExportOptions], Path]
    whole_post: bool = False  # writes a post file (front matter + body)
    into_site: bool = False  # ``out`` is a site folder, not a file


# --- shared helpers ------------------------------------------------------------------------


def _new_renderer() -> Renderer:
    # Imported on first use: the window loads this module before it shows the post.
    from editor.render.core import Renderer

    return Renderer()


def _require_front_matter(post: Post) -> None:
    """Exports read title, excerpt and image: an unreadable front matter must stop them."""
    if post.yaml_error is not None:
        raise post.yaml_error


def _post_dir(post: Post) -> Path | None:
    return post.path.absolute().parent if post.path is not None else None


def _site_root(post: Post) -> Path | None:
    return site.find_site_root(post.path) if post.path is not None else None


def _write_text(out: Path, text: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, text.encode("utf-8"))
    return out


def _one_line(value: Any) -> str:
    return value_text(value)


def _description(post: Post) -> str:
    for key in ("excerpt", "description", "feature_text"):
        text = _one_line(post.get(key))
        if text:
            return text
    return ""


# --- html ----------------------------------------------------------------------------------


def _social_tags(post: Post, description: str, has_description: bool) -> str:
    tags = []
    if not has_description and description:
        tags.append(f'<meta name="description" content="{html.escape(description)}">')
    title = _one_line(post.get("title")) or (post.path.stem if post.path else "")
    tags.append('<meta property="og:type" content="article">')
    if title:
        tags.append(f'<meta property="og:title" content="{html.escape(title)}">')
    if description:
        tags.append(f'<meta property="og:description" content="{html.escape(description)}">')
    image = _one_line(post.get("image"))
    if image:
        image = _absolute_url(image, _site_root(post))
        tags.append(f'<meta property="og:image" content="{html.escape(image)}">')
    return "\n".join(tags)


def _site_address(root: Path) -> str:
    """The published address of a site from ``url`` + ``baseurl`` in its config ('' if none)."""
    config = site.read_site_config(root)
    url = str(config.get("url") or "").rstrip("/")
    base = str(config.get("baseurl") or "").strip("/")
    if not url.startswith(("http://", "https://")):
        return ""
    return f"{url}/{base}" if base else url


def _absolute_url(src: str, root: Path | None) -> str:
    """Social sites need an absolute og:image: a site path gets the site's address."""
    if root is None or not src.startswith("/") or src.startswith("//"):
        return src
    address = _site_address(root)
    return address + src if address else src


def standalone_html(
    post: Post,
    *,
    theme: str = "default",
    embed_images: bool = False,
    renderer: Renderer | None = None,
) -> str:
    """A complete page: theme and code CSS embedded, description and Open Graph tags.

    With ``embed_images`` every local image (relative to the post, or ``/assets/...``
    under the site root) is inlined as a ``data:`` URI; remote images stay as written.
    Raises ``ThemeError`` for an unknown theme.
    """
    page = (renderer or _new_renderer()).page(post, theme, anchors=False)
    has_description = '<meta name="description"' in page.split("</head>", 1)[0]
    tags = _social_tags(post, _description(post), has_description)
    page = page.replace('<style id="theme-css">', tags + '\n<style id="theme-css">', 1)
    if embed_images:
        page = embed_local_images(page, _post_dir(post), _site_root(post))
    return page


def export_html(post: Post, out: Path, options: ExportOptions) -> Path:
    """Write :func:`standalone_html` to ``out``."""
    _require_front_matter(post)
    return _write_text(
        out,
        standalone_html(
            post,
            theme=options.theme,
            embed_images=options.embed_images,
            renderer=options.the_renderer(),
        ),
    )


# --- fragment ------------------------------------------------------------------------------


def export_fragment(post: Post, out: Path, options: ExportOptions) -> Path:
    """Write :func:`fragment_html` (inline styles, no classes) to ``out``."""
    from editor.export.fragment import fragment_html

    _require_front_matter(post)
    return _write_text(
        out,
        fragment_html(
            post,
            theme=options.theme,
            include_header=options.include_header,
            renderer=options.the_renderer(),
        ),
    )


# --- pdf -----------------------------------------------------------------------------------


def pdf_document(
    post: Post,
    *,
    theme: str = "default",
    allow_remote: bool = False,
    renderer: Renderer | None = None,
) -> str:
    """The page that gets printed: local images as file URLs, remote ones boxed when offline."""
    page = (renderer or _new_renderer()).page(post, theme, anchors=False)
    page = absolute_local_images(page, _post_dir(post), _site_root(post))
    if not allow_remote:
        page = remote_image_placeholders(page)
    return page


def export_pdf(
    post: Post, out: Path, options: ExportOptions, *, printer: Any | None = None
) -> Path:
    """Print ``post`` to a PDF file (A4 or letter, Korean fonts embedded by Chromium).

    ``printer`` is an open ``export_pdf.PdfPrinter`` to reuse (a batch prints many posts
    with one page); otherwise one is opened for this file. Raises ExportError.
    """
    from editor.export.pdf import PdfError, PdfOptions, PdfPrinter

    _require_front_matter(post)
    document = pdf_document(
        post,
        theme=options.theme,
        allow_remote=options.allow_remote,
        renderer=options.the_renderer(),
    )
    pdf_options = PdfOptions(
        page_size=options.page_size,
        margin_mm=options.margin_mm,
        allow_remote=options.allow_remote,
        timeout_s=options.timeout_s,
    )
    try:
        if printer is not None:
            return printer.print_html(document, out, pdf_options)
        with PdfPrinter(allow_remote=options.allow_remote) as own:
            return own.print_html(document, out, pdf_options)
    except PdfError as exc:
        raise ExportError(exc.message) from None


# --- markdown / html-body --------------------------------------------------------------------


def _export_converted(to_format: str) -> Callable[[Post, Path, ExportOptions], Path]:
    def write(post: Post, out: Path, options: ExportOptions) -> Path:
        from editor.export.convert import converted_post

        result = converted_post(post, to_format)
        out.parent.mkdir(parents=True, exist_ok=True)
        result.save(out)
        return out

    write.__name__ = f"export_{to_format}_body"
    write.__doc__ = f"Write ``post`` with its body converted to {to_format} to ``out``."
    return write


# --- post ----------------------------------------------------------------------------------


def _post_day(post: Post, options: ExportOptions) -> date:
    if options.day is not None:
        return options.day
    value = post.get("date")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
    return date.today()


def _post_suffix(post: Post) -> str:
    if post.path is not None and post.path.suffix.lower() in site.POST_EXTENSIONS:
        return post.path.suffix
    return ".html" if post.format == "html" else ".md"


def publish_path(post: Post, site_folder: Path, options: ExportOptions | None = None) -> Path:
    """Where :func:`export_post` would write: ``ROOT/_posts/YYYY-MM-DD-slug.ext`` (free name)."""
    options = options or ExportOptions()
    root = site.find_site_root(site_folder) or Path(site_folder)
    title = _one_line(post.get("title")) or (post.path.stem if post.path else "")
    return site.post_path(root, title, _post_day(post, options), _post_suffix(post))


def export_post(post: Post, out: Path, options: ExportOptions) -> Path:
    """Copy ``post`` (bytes unchanged) into the site at ``out`` as a dated Jekyll post.

    The publish checklist runs first; errors refuse the copy with ExportRefused unless
    ``options.force``. ``out`` is the site root or any folder inside it.
    """
    folder = Path(out)
    root = site.find_site_root(folder) if folder.exists() else None
    if root is None:
        raise ExportError(f"{folder} is not inside a Jekyll site (no _config.yml found).")
    problems = check(post, site_root=root)
    errors = [problem for problem in problems if problem.level == "error"]
    if errors and not options.force:
        count = len(errors)
        raise ExportRefused(
            f"Not published: {count} error{'s' if count != 1 else ''} in the checklist "
            "(use --force to publish anyway).",
            errors,
        )
    target = publish_path(post, root, options)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, post.to_bytes())
    return target


# --- the table and the front door ---------------------------------------------------------

TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target("html", ".html", "standalone page with embedded styles", export_html),
        Target("fragment", ".html", "inline-styled HTML to paste into a blog", export_fragment),
        Target("pdf", ".pdf", "PDF (A4 unless --page-size letter)", export_pdf),
        Target("markdown", ".md", "the post with its body in Markdown",
               _export_converted("markdown"), whole_post=True),
        Target("html-body", ".html", "the post with its body in HTML",
               _export_converted("html"), whole_post=True),
        Target("post", "", "a dated copy in a Jekyll site's _posts/", export_post,
               into_site=True),
    )
}


def export(
    post: Post, target: str, out: str | Path, options: ExportOptions | None = None, **choices: Any
) -> Path:
    """Export ``post`` to ``target`` at ``out``; returns the path written.

    ``choices`` override fields of ``options`` (``theme="dark"``). Raises ExportError
    (ExportRefused for the checklist), YamlError for unreadable front matter,
    SaveError when the file cannot be written and ``ThemeError``.
    """
    if target not in TARGETS:
        known = ", ".join(TARGETS)
        raise ExportError(f"Unknown export target {target!r} (choose from {known}).")
    options = replace(options or ExportOptions(), **choices)
    return TARGETS[target].write(post, Path(out), options)


def export_file(
    path: str | Path, target: str, out: str | Path, options: ExportOptions | None = None,
    **choices: Any,
) -> Path:
    """Load the post at ``path`` and :func:`export` it (PostError if it cannot be read)."""
    return export(Post.load(path), target, out, options, **choices)


# Re-exported so callers can catch everything an export raises from one module.
EXPORT_ERRORS: tuple[type[Exception], ...] = (
    ExportError, PostError, SaveError, YamlError, ThemeError,
)
