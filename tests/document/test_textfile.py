"""Decoding post files: encodings, BOMs, newline styles and refusals with reasons."""

from __future__ import annotations

import pytest

from editor.document.textfile import MAX_BYTES, DecodeError, TextFormat, decode, encode

SAMPLE = "---\ntitle: 안녕하세요\n---\n본문\n"


@pytest.mark.parametrize(("data", "encoding", "bom", "newline"), [
    (SAMPLE.encode(), "utf-8", False, "\n"),
    (b"\xef\xbb\xbf" + SAMPLE.encode(), "utf-8", True, "\n"),
    (SAMPLE.replace("\n", "\r\n").encode(), "utf-8", False, "\r\n"),
    (SAMPLE.encode("utf-16"), "utf-16-le", True, "\n"),
    (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be", True, "\n"),
    (SAMPLE.encode("euc-kr"), "euc-kr", False, "\n"),
    ("---\ntitle: 똠방각하\n---\n".encode("cp949"), "cp949", False, "\n"),
])
def test_decode_then_encode_is_identity(data, encoding, bom, newline):
    """Each supported storage form is recognised and written back to the same bytes."""
    decoded = decode(data)
    assert decoded.format == TextFormat(encoding, bom, newline)
    assert "\r" not in decoded.text
    assert encode(decoded.text, decoded.format) == data


def test_mixed_newlines_kept_with_notice():
    """A file mixing CRLF and LF keeps both and says so."""
    data = b"a\r\nb\nc\r\n"
    decoded = decode(data)
    assert decoded.notices and "mixes" in decoded.notices[0]
    assert encode(decoded.text, decoded.format) == data


@pytest.mark.parametrize(("data", "words"), [
    (b"GIF89a\x01\x00\x01\x00\x00\xff", "NUL"),
    (bytes(range(1, 32)) * 20, "control bytes"),
    ("caf\xe9".encode("latin-1") + b" and more", "not UTF-8"),
    (b"\xef\xbb\xbfok \xff", "byte-order mark"),
])
def test_refusals_name_the_problem(data, words):
    """Binary and undecidable bytes are refused with a message saying what is wrong."""
    with pytest.raises(DecodeError, match=words):
        decode(data)


def test_huge_file_refused_without_decoding():
    """A file over the size limit is refused up front."""
    with pytest.raises(DecodeError, match="MB"):
        decode(b"a" * (MAX_BYTES + 1))


def test_label_for_status_bar():
    """The status label names encoding, BOM and newline style."""
    assert TextFormat("utf-8", True, "\r\n").label == "UTF-8 BOM CRLF"
    assert TextFormat("cp949").label == "CP949 LF"
