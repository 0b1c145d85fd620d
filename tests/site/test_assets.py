"""Pictures kept in a site's assets folder: copied, pasted as data, never overwritten."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest

from editor.authoring.highlights import load_presets
from editor.authoring.paste import clean_pasted_html
from editor.site.assets import (
    PastedPictures,
    picture_from_url,
    save_into_assets,
)


def png(width: int = 2) -> bytes:
    """A tiny valid PNG, ``width`` pixels wide and one high."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + (1).to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * width)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def data_url(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64,{base64.b64encode(data).decode()}"


@pytest.fixture
def site_root(empty_site: Path) -> Path:
    return empty_site


def test_data_and_file_pictures_are_read(tmp_path):
    picture = png()
    assert picture_from_url(data_url(picture)) == (picture, ".png")
    assert picture_from_url(data_url(picture, "image/jpeg")) == (picture, ".jpg")
    on_disk = tmp_path / "사진 1.JPEG"
    on_disk.write_bytes(picture)
    assert picture_from_url(on_disk.as_uri()) == (picture, ".jpg")


@pytest.mark.parametrize(
    "src",
    [
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",  # SVG may hold scripts
        "data:image/png,not-base64",
        "data:image/png;base64,",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///no/such/picture.png",
        "file://server/share/picture.png",
        "https://example.org/picture.png",
        "javascript:alert(1)",
    ],
)
def test_other_addresses_give_no_picture(src):
    assert picture_from_url(src) is None


def test_a_text_file_is_no_picture(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture", encoding="utf-8")
    assert picture_from_url(notes.as_uri()) is None


def test_saving_reuses_the_same_bytes_and_never_overwrites(site_root):
    first, url = save_into_assets(png(2), "shot.png", site_root)
    assert first == site_root / "assets" / "images" / "shot.png"
    assert url == "/assets/images/shot.png" and first.read_bytes() == png(2)
    again, url_again = save_into_assets(png(2), "shot.png", site_root)
    assert (again, url_again) == (first, url)
    other, other_url = save_into_assets(png(3), "shot.png", site_root)
    assert other.name == "shot-2.png" and other_url == "/assets/images/shot-2.png"
    assert first.read_bytes() == png(2) and other.read_bytes() == png(3)


def test_pasted_pictures_are_kept_in_a_site_and_counted_without_one(site_root):
    kept = PastedPictures(site_root, "pasted")
    assert kept.keep(data_url(png())) == "/assets/images/pasted.png"
    assert kept.keep("javascript:alert(1)") is None  # not a picture: not counted
    assert kept.keep("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=") is None
    assert kept.kept == [site_root / "assets" / "images" / "pasted.png"]
    assert kept.left_out == 1
    nowhere = PastedPictures(None, "pasted")
    assert nowhere.keep(data_url(png())) is None
    assert nowhere.left_out == 1 and nowhere.kept == []


def test_a_failed_write_is_counted_with_its_reason(site_root):
    (site_root / "assets").write_text("a file where the folder should be", encoding="utf-8")
    kept = PastedPictures(site_root, "pasted")
    assert kept.keep(data_url(png())) is None
    assert kept.left_out == 1 and kept.error


def test_pasted_html_keeps_its_data_pictures_through_the_keeper(site_root):
    presets = load_presets().presets
    copied = f'<p>Chart below</p><img src="{data_url(png())}" alt="Sales chart">'
    kept = PastedPictures(site_root, "pasted")
    html_body = clean_pasted_html(copied, presets, "html", kept.keep)
    assert '<img src="/assets/images/pasted.png" alt="Sales chart" />' in html_body
    markdown_body = clean_pasted_html(copied, presets, "markdown", kept.keep)
    assert "![Sales chart](/assets/images/pasted.png)" in markdown_body
    assert "data:" not in html_body + markdown_body
    assert len(list((site_root / "assets" / "images").iterdir())) == 1
