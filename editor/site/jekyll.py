"""Jekyll site conventions: the site root, post and draft file names, slugs, templates, vocabulary.

Jekyll finds posts by file name: ``_posts/YYYY-MM-DD-slug.ext`` (the date in the name is
the post's date unless the front matter says otherwise) and drafts as ``_drafts/slug.ext``.
Everything here is plain file-system work, so the command line and the window share it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from editor.document.safe_yaml import YamlError, load_yaml
from editor.paths import resource

CONFIG_NAMES = ("_config.yml", "_config.yaml")
POSTS_DIR = "_posts"
DRAFTS_DIR = "_drafts"
POST_EXTENSIONS = (".md", ".markdown", ".html")

SITE_TEMPLATES = Path("_article-editor") / "templates"
"""Where a site keeps its own post templates, relative to the site root."""

# Jekyll's own pattern for post names (Jekyll::Document::DATE_FILENAME_MATCHER).
_POST_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.*?)(\.[^.]+)?$")

# A slug of this many UTF-8 bytes keeps "YYYY-MM-DD-" + slug + "-NN.markdown" well under
# the 255-byte file-name limit of common file systems (Hangul takes 3 bytes a letter).
MAX_SLUG_BYTES = 180

# Characters that separate words in a title and become one hyphen in the slug.
# Everything else that is neither a letter, a digit nor a combining mark is dropped.
_SEPARATORS = frozenset(" \t\n\r\f\v_-/\\|.·~+=")

# Revised Romanization of Korean, one entry per jamo index of the Unicode syllable block.
_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip
_MEDIALS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
# A single final consonant followed by a syllable starting with the silent ㅇ is read
# as the next syllable's initial (한국어 -> han-gu-geo); these are its spellings then.
_FINALS_BEFORE_VOWEL = {
    1: "g", 2: "kk", 4: "n", 7: "d", 8: "r", 16: "m", 17: "b", 19: "s", 20: "ss",
    22: "j", 23: "ch", 24: "k", 25: "t", 26: "p", 27: "",
}  # fmt: skip
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_SILENT_INITIAL = 11  # ㅇ
_FINAL_RIEUL = 8  # ㄹ
_INITIAL_RIEUL = 5  # ㄹ


# --- site root ------------------------------------------------------------------------


def find_site_root(path: str | Path) -> Path | None:
    """The nearest folder at or above ``path`` holding ``_config.yml`` (or ``.yaml``)."""
    start = Path(path).expanduser().absolute()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if any((folder / name).is_file() for name in CONFIG_NAMES):
            return folder
    return None


def read_site_config(root: str | Path) -> dict[str, Any]:
    """The settings in a site's ``_config.yml`` (or ``.yaml``); {} if none can be read.

    The file is read safely and within bounds (``editor.document.safe_yaml``): a site
    downloaded from anywhere cannot run code or exhaust the editor through it.
    """
    for name in CONFIG_NAMES:
        path = Path(root) / name
        if not path.is_file():
            continue
        try:
            config = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlError):
            return {}
        return config if isinstance(config, dict) else {}
    return {}


# --- slugs ----------------------------------------------------------------------------


def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable)
    if not _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return None
    index = code - _HANGUL_FIRST
    return index // 588, (index % 588) // 28, index % 28


def romanize_hangul(text: str) -> str:
    """Hangul syllables in ``text`` written in the Revised Romanization; other text unchanged.

    A deliberate approximation of the official rules: each syllable is spelled from its
    jamo, a single final consonant moves to a following silent ㅇ (한국어 -> hangugeo),
    and ㄹㄹ is written ``ll`` (설립 -> seollip). Other sound changes (nasalisation,
    palatalisation, aspiration) are not applied: 독립 gives ``dokrip``, not ``dongnip``.
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for i, char in enumerate(text):
        parts = _jamo(char)
        if parts is None:
            out.append(char)
            continue
        initial, medial, final = parts
        following = _jamo(text[i + 1]) if i + 1 < len(text) else None
        previous = _jamo(text[i - 1]) if i > 0 else None
        if initial == _INITIAL_RIEUL and previous and previous[2] == _FINAL_RIEUL:
            head = "l"
        else:
            head = _INITIALS[initial]
        if following and following[0] == _SILENT_INITIAL and final in _FINALS_BEFORE_VOWEL:
            tail = _FINALS_BEFORE_VOWEL[final]
        else:
            tail = _FINALS[final]
        out.append(head + _MEDIALS[medial] + tail)
    return "".join(out)


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M")


def _truncate(slug: str, limit: int = MAX_SLUG_BYTES) -> str:
    if len(slug.encode("utf-8")) <= limit:
        return slug
    cut = slug.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    # Prefer ending at a word boundary when one is reasonably close.
    if "-" in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")


def slugify(title: str, *, romanize: bool = False, now: datetime | None = None) -> str:
    """A file-name slug: ``"서울 도서관, 밤에도 연다!"`` -> ``"서울-도서관-밤에도-연다"``.

    Letters and digits of every script are kept (NFC, so Hangul stays composed), ASCII is
    lower-cased, white space and separators (``_ - / . |`` ...) become one hyphen, other
    punctuation is dropped, and hyphens are trimmed from both ends. ``romanize=True``
    writes Hangul in the Revised Romanization (:func:`romanize_hangul`). The slug is never
    empty: a title with nothing to keep gives a date-time stamp such as ``20261125-0930``
    (taken from ``now``, default the current time).
    """
    text = unicodedata.normalize("NFC", title)
    if romanize:
        text = romanize_hangul(text)
    pieces: list[str] = []
    pending_hyphen = False
    for char in text:
        category = unicodedata.category(char)
        if char.isalnum() or (category.startswith("M") and pieces):
            if pending_hyphen and pieces:
                pieces.append("-")
            pending_hyphen = False
            pieces.append(char.lower())
        elif char in _SEPARATORS or category.startswith("Z") or category == "Pd":
            pending_hyphen = True
    slug = _truncate("".join(pieces).strip("-"))
    return slug or _stamp(now)


# --- file names -----------------------------------------------------------------------


def _extension(ext: str) -> str:
    ext = ext.strip()
    return ext if ext.startswith(".") else "." + ext


def post_filename(title: str, date: date, ext: str, *, romanize: bool = False) -> str:
    """Jekyll's post file name: ``YYYY-MM-DD-slug.ext``."""
    return f"{date:%Y-%m-%d}-{slugify(title, romanize=romanize)}{_extension(ext)}"


def unique_path(path: Path) -> Path:
    """``path`` itself if free, else the first free ``stem-2``, ``stem-3``, ... beside it."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def draft_path(root: str | Path, title: str, ext: str, *, romanize: bool = False) -> Path:
    """A free path for a new draft: ``ROOT/_drafts/slug.ext`` (never an existing file)."""
    name = slugify(title, romanize=romanize) + _extension(ext)
    return unique_path(Path(root) / DRAFTS_DIR / name)


def post_path(
    root: str | Path, title: str, date: date, ext: str, *, romanize: bool = False
) -> Path:
    """A free path for a new post: ``ROOT/_posts/YYYY-MM-DD-slug.ext`` (never an existing file)."""
    name = post_filename(title, date, ext, romanize=romanize)
    return unique_path(Path(root) / POSTS_DIR / name)


def split_post_filename(name: str) -> tuple[str | None, str]:
    """The date part as written (``"2024-13-40"`` too) and the slug of a post file name."""
    match = _POST_NAME.match(Path(name).name)
    if match is None:
        return None, Path(name).stem
    return match.group(1), match.group(2)


def parse_post_filename(name: str) -> tuple[date | None, str]:
    """Date and slug of ``YYYY-MM-DD-slug.ext``; the date is None if missing or not real."""
    written, slug = split_post_filename(name)
    if written is None:
        return None, slug
    try:
        year, month, day = (int(part) for part in written.split("-"))
        return date(year, month, day), slug
    except ValueError:
        return None, slug


# --- categories and tags in use ------------------------------------------------------


def _post_files(root: Path) -> Iterator[Path]:
    for folder in (root / POSTS_DIR, root / DRAFTS_DIR):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in POST_EXTENSIONS and path.is_file():
                    yield path


def _words(value: Any) -> list[str]:
    # Jekyll splits a string of categories or tags at white space; lists are taken as is.
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if item is not None and str(item).strip()]
    if value is None:
        return []
    return [str(value)]


def _ranked(counts: Counter[str]) -> list[str]:
    return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


# A top-level "key:" line of the front matter (block list items may sit at column 0).
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")

# path -> (mtime_ns, size, values): the form asks for completions often, posts change rarely.
_VOCABULARY_CACHE: dict[Path, tuple[int, int, dict[str, Any]]] = {}


def _key_snippet(yaml_text: str, keys: frozenset[str]) -> str:
    """Only the lines of ``keys`` from a front matter: parsing a whole site stays quick."""
    taken: list[str] = []
    take = False
    for line in yaml_text.splitlines(keepends=True):
        if line.strip() and line[0] not in " \t-#":
            match = _TOP_KEY.match(line)
            take = bool(match and match.group("key") in keys)
        if take:
            taken.append(line)
    return "".join(taken)


_VOCABULARY_KEYS = frozenset({"categories", "category", "tags", "tag"})


def _vocabulary_values(path: Path) -> dict[str, Any]:
    from editor.document import frontmatter
    from editor.document.textfile import DecodeError, decode

    try:
        stat = path.stat()
        cached = _VOCABULARY_CACHE.get(path)
        if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
            return cached[2]
        text = decode(path.read_bytes()).text
    except (OSError, DecodeError):
        return {}
    parts = frontmatter.split_document(text)
    snippet = _key_snippet(parts.yaml, _VOCABULARY_KEYS) if parts.opening else ""
    parsed = frontmatter.parse(snippet)
    values = {} if parsed.error else dict(parsed.data)
    _VOCABULARY_CACHE[path] = (stat.st_mtime_ns, stat.st_size, values)
    return values


def _vocabulary(root: str | Path, keys: Iterable[str]) -> list[str]:
    counts: Counter[str] = Counter()
    for path in _post_files(Path(root)):
        values = _vocabulary_values(path)
        for key in keys:
            counts.update(_words(values.get(key)))
    return _ranked(counts)


def categories_in_use(root: str | Path) -> list[str]:
    """Categories of the site's posts and drafts, most used first, then by name.

    Reads ``categories`` (a list, or a string Jekyll splits at white space) and the
    singular ``category``; files that cannot be read are skipped.
    """
    return _vocabulary(root, ("categories", "category"))


def tags_in_use(root: str | Path) -> list[str]:
    """Tags of the site's posts and drafts, most used first, then by name (as categories)."""
    return _vocabulary(root, ("tags", "tag"))


# --- templates and new posts ---------------------------------------------------------

# {title}, {date} and {slug} are filled in; any other brace is text (CSS, Liquid's {{ }}).
_PLACEHOLDER = re.compile(r"(?<!\{)\{(title|date|slug)\}(?!\})")


def templates(root: str | Path | None = None) -> dict[str, Path]:
    """Post templates by name (the file name without extension).

    The bundled ``resources/templates/`` come first; a site's own
    ``ROOT/_article-editor/templates/`` adds templates and replaces bundled ones of
    the same name.
    """
    found: dict[str, Path] = {}
    folders = [resource("templates")]
    if root is not None:
        folders.append(Path(root) / SITE_TEMPLATES)
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file() and path.suffix.lower() in POST_EXTENSIONS:
                    found[path.stem] = path
    return found


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace ``{title}``, ``{date}`` and ``{slug}`` in ``text``; ``{{title}}`` stays as is."""
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def _fill_value(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        return fill_placeholders(value, values)
    if isinstance(value, list):
        return [_fill_value(item, values) for item in value]
    return value


def new_post(
    title: str,
    *,
    template: str | Path,
    root: str | Path | None,
    folder: str | Path | None = None,
    draft: bool = False,
    day: date | None = None,
    ext: str | None = None,
    categories: list[str] | None = None,
    romanize: bool = False,
) -> Path:
    """Create a post from ``template`` and return its path.

    With a site ``root`` the file goes to ``_drafts/slug.ext`` (``draft``) or
    ``_posts/YYYY-MM-DD-slug.ext``; without one into ``folder`` (named the same way).
    ``ext`` defaults to the template's extension, ``day`` to today. Placeholders in the
    template's front matter are filled through ``Post.set``, so YAML quoting stays right
    whatever the title holds; in an HTML body they are filled HTML-escaped.
    """
    from editor.document.post import Post

    day = day or date.today()
    template_path = Path(template)
    ext = _extension(ext or template_path.suffix)
    post = Post.load(template_path)
    if root is not None:
        base = Path(root)
        path = draft_path(base, title, ext, romanize=romanize) if draft else post_path(
            base, title, day, ext, romanize=romanize
        )
    else:
        base = Path(folder) if folder is not None else Path.cwd()
        name = slugify(title, romanize=romanize) + ext
        if not draft:
            name = f"{day:%Y-%m-%d}-{name}"
        path = unique_path(base / name)

    values = {"title": title, "date": day.isoformat(), "slug": slugify(title, romanize=romanize)}
    for key, value in list(post.metadata.items()):
        filled = _fill_value(value, values)
        if filled != value:
            post.set(key, filled)
    post.set("title", title)
    if categories:
        post.set("categories", list(categories))
    body_values = values
    if ext == ".html" or post.format == "html":
        body_values = {key: html.escape(value, quote=False) for key, value in values.items()}
    post.body = fill_placeholders(post.body, body_values)

    path.parent.mkdir(parents=True, exist_ok=True)
    post.save(path)
    return path


def publish_draft(draft: str | Path, day: date | None = None) -> Path:
    """Move a draft into the site's ``_posts/`` as ``YYYY-MM-DD-slug.ext``; returns the new path.

    The file's bytes are moved unchanged: Jekyll takes the post date from the file name,
    so no ``date:`` key is added. A date already at the start of the draft's name is
    replaced. Raises ``ValueError`` when no site holds the draft.
    """
    source = Path(draft)
    target = publish_target(source, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    source.rename(target)
    return target


def publish_target(draft: str | Path, day: date | None = None) -> Path:
    """Where :func:`publish_draft` would move ``draft`` (nothing is moved); same errors."""
    source = Path(draft)
    if not source.is_file():
        raise ValueError(f"{source}: no such file")
    root = find_site_root(source)
    if root is None and source.absolute().parent.name == DRAFTS_DIR:
        root = source.absolute().parent.parent
    if root is None:
        raise ValueError(f"{source}: not inside a Jekyll site (no _config.yml above it)")
    _, slug = parse_post_filename(source.name)
    day = day or date.today()
    return unique_path(root / POSTS_DIR / f"{day:%Y-%m-%d}-{slug}{source.suffix}")


def unpublish(published: str | Path, draft: str | Path) -> Path:
    """Move a just-published post back to where it was a draft; returns the draft's path.

    Refuses (``ValueError``) rather than overwrite a file that took the draft's place.
    """
    source, target = Path(published), Path(draft)
    if not source.is_file():
        raise ValueError(f"{source}: no such file")
    if target.exists():
        raise ValueError(f"{target}: a file of that name is already there")
    target.parent.mkdir(parents=True, exist_ok=True)
    source.rename(target)
    return target
