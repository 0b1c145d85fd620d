"""Pictures kept in a Jekyll site's ``assets/images`` folder, referred to by site URL.

Pictures chosen from disk are copied there; pictures pasted as data (a screenshot, a
``data:`` picture inside copied HTML, a ``file:`` picture of a word processor) are
written there. A file is never overwritten: the same bytes under the same name are
reused, other bytes get ``name-2.ext``.
"""

from __future__ import annotations

import base64
import binascii
import filecmp
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.site import jekyll as site

ASSETS_FOLDER = ("assets", "images")
# Picture types a browser shows, by MIME type; others (SVG may hold scripts) are not kept.
PICTURE_SUFFIXES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/avif": ".avif",
}
# A pasted picture larger than this is not kept (a page would not carry it either).
MAX_PICTURE_BYTES = 50 * 1024 * 1024


def is_picture_file(path: Path) -> bool:
    """Whether ``path`` names a picture a browser shows (by its suffix)."""
    suffix = path.suffix.lower()
    return suffix == ".jpeg" or suffix in PICTURE_SUFFIXES.values()


def site_url(target: Path) -> str:
    """The site URL of a file in the assets folder."""
    return "/" + "/".join((*ASSETS_FOLDER, target.name))


def copy_into_assets(source: Path, site_root: Path) -> tuple[Path, str]:
    """Copy ``source`` into ``<site root>/assets/images/``; return the copy and its site URL.

    The file name is kept. Raises OSError when the file cannot be read or written.
    """
    folder = site_root.joinpath(*ASSETS_FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    if target.exists() and not (target.is_file() and filecmp.cmp(source, target, shallow=False)):
        target = site.unique_path(target)
    if not target.exists():
        shutil.copyfile(source, target)
    return target, site_url(target)


def save_into_assets(data: bytes, name: str, site_root: Path) -> tuple[Path, str]:
    """Write ``data`` as ``<site root>/assets/images/<name>``; return the file and its URL.

    Raises OSError when the file cannot be written.
    """
    folder = site_root.joinpath(*ASSETS_FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    while True:
        if target.exists():
            if target.is_file() and target.read_bytes() == data:
                return target, site_url(target)
            target = site.unique_path(target)
        try:
            with open(target, "xb") as file:  # never over a file created meanwhile
                file.write(data)
        except FileExistsError:
            continue
        return target, site_url(target)


def picture_from_url(src: str) -> tuple[bytes, str] | None:
    """The bytes and a file suffix of a ``data:`` or ``file:`` picture, or None.

    None for other addresses, types no browser shows, unreadable or missing files,
    broken data and pictures over MAX_PICTURE_BYTES.
    """
    src = src.strip()
    scheme = urlsplit(src).scheme.lower()
    if scheme == "data":
        return _data_picture(src)
    if scheme == "file":
        return _file_picture(src)
    return None


def _data_picture(src: str) -> tuple[bytes, str] | None:
    header, comma, payload = src.partition(",")
    if not comma:
        return None
    media, *options = header[len("data:"):].split(";")
    suffix = PICTURE_SUFFIXES.get(media.strip().lower())
    if suffix is None or "base64" not in (option.strip().lower() for option in options):
        return None
    if len(payload) > MAX_PICTURE_BYTES * 4 // 3 + 4:
        return None
    try:
        data = base64.b64decode(unquote(payload), validate=False)
    except (binascii.Error, ValueError):
        return None
    return (data, suffix) if data else None


def _file_picture(src: str) -> tuple[bytes, str] | None:
    parts = urlsplit(src)
    if parts.netloc not in ("", "localhost"):
        return None
    # urllib.request loads http.client and email on import: only when a picture comes in.
    from urllib.request import url2pathname

    path = Path(url2pathname(parts.path))
    if not is_picture_file(path):
        return None
    suffix = ".jpg" if path.suffix.lower() == ".jpeg" else path.suffix.lower()
    try:
        if not path.is_file() or path.stat().st_size > MAX_PICTURE_BYTES:
            return None
        return path.read_bytes(), suffix
    except OSError:
        return None


class PastedPictures:
    """Keeps the ``data:`` and ``file:`` pictures of one paste in a site's assets folder.

    ``keep`` is what ``editor.authoring.paste.clean_pasted_html`` calls for each such picture;
    afterwards ``kept`` lists the files written and ``left_out`` counts the pictures
    that could not be kept (no site, a picture type no browser shows, a write that
    failed: ``error`` says why).
    """

    def __init__(self, site_root: Path | None, stem: str) -> None:
        self.site_root = site_root
        self.stem = stem
        self.kept: list[Path] = []
        self.left_out = 0
        self.error: str | None = None

    def keep(self, src: str) -> str | None:
        """The site URL of the picture at ``src`` once stored, or None to leave it out."""
        if urlsplit(src.strip()).scheme.lower() not in ("data", "file"):
            return None  # not a picture to keep (javascript:, a broken address)
        picture = picture_from_url(src) if self.site_root is not None else None
        if picture is None:
            self.left_out += 1
            return None
        return self.keep_data(*picture)

    def keep_file(self, path: Path) -> str | None:
        """The site URL of the picture file at ``path`` once copied, or None."""
        return self._store(lambda root: copy_into_assets(path, root))

    def keep_data(self, data: bytes, suffix: str) -> str | None:
        """The site URL of ``data`` (a picture file's bytes) once stored, or None."""
        return self._store(lambda root: save_into_assets(data, self.stem + suffix, root))

    def _store(self, write: Callable[[Path], tuple[Path, str]]) -> str | None:
        """``write`` the picture into the site (giving the file and its URL), counting it
        as left out when there is no site or the write fails."""
        if self.site_root is None:
            self.left_out += 1
            return None
        try:
            path, url = write(self.site_root)
        except OSError as exc:
            self.left_out += 1
            self.error = exc.strerror or str(exc)
            return None
        self.kept.append(path)
        return url
