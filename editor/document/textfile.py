"""Turn a post file's bytes into text and back, exactly: encoding, BOM and line endings.

Writers' files come from many tools: UTF-8 with or without a BOM, CRLF from
Windows editors, and older Korean posts in CP949/EUC-KR. We decode what we can
name with confidence, remember how, and write it back the same way; anything
else is refused with a message that says what is wrong with the bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from editor.errors import EditorError

# A post is text a person wrote; beyond this it is a data dump, not a draft.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {name: bom for bom, name in _BOMS}

_HANGUL = re.compile("[\uac00-\ud7a3]")
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(b"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(EditorError, ValueError):
    """The bytes are not a text file we can open without guessing."""


class EncodeError(EditorError, ValueError):
    """The text holds characters the file's encoding cannot store."""


@dataclass(frozen=True)
class TextFormat:
    """How a text was stored: enough to write it back byte for byte."""

    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"  # "\n" or "\r\n"; mixed files keep their "\r" in the text

    @property
    def label(self) -> str:
        """Short description for a status bar, e.g. ``UTF-8 BOM CRLF``."""
        parts = [self.encoding.upper()]
        if self.bom:
            parts.append("BOM")
        parts.append("CRLF" if self.newline == "\r\n" else "LF")
        return " ".join(parts)


@dataclass(frozen=True)
class Decoded:
    """Decoded text with ``\\n`` line endings, how it was stored, and notices for the writer."""

    text: str
    format: TextFormat
    notices: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode a post file's bytes, or raise DecodeError naming the problem."""
    if len(data) > MAX_BYTES:
        raise DecodeError(
            f"The file is {len(data) / 1048576:.0f} MB; posts larger than "
            f"{MAX_BYTES // 1048576} MB are not opened."
        )
    notices: list[str] = []
    bom = False
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding, payload = True, name, data[len(mark) :]
            try:
                text = payload.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"The file starts with a {name.upper()} byte-order mark but byte "
                    f"{exc.start + len(mark)} is not valid {name.upper()}."
                ) from None
            break
    else:
        _refuse_binary(data)
        encoding, text = _decode_without_bom(data, notices)
    newline, text, note = _split_newlines(text)
    if note:
        notices.append(note)
    return Decoded(text, TextFormat(encoding, bom, newline), tuple(notices))


def encode(text: str, fmt: TextFormat) -> bytes:
    """Encode ``\\n``-text back the way it was stored; raise EncodeError if it cannot be."""
    if fmt.newline == "\r\n":
        text = text.replace("\n", "\r\n")
    try:
        payload = text.encode(fmt.encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line = exc.object.count("\n", 0, exc.start) + 1
        raise EncodeError(
            f"{fmt.encoding.upper()} cannot store the character {char!r} (line {line}). "
            "Convert the file to UTF-8 to keep it."
        ) from None
    return (_BOM_OF[fmt.encoding] if fmt.bom else b"") + payload


def _refuse_binary(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(
            f"This looks like a binary file, not a post: it contains NUL bytes "
            f"(first at byte {nul})."
        )
    sample = data[:65536]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > max(8, len(sample) // 100):
        raise DecodeError(
            f"This looks like a binary file, not a post: {controls} control bytes "
            f"in its first {len(sample)} bytes."
        )


def _decode_without_bom(data: bytes, notices: list[str]) -> tuple[str, str]:
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy Korean posts: EUC-KR is a subset of CP949 with the same mapping, so
    # naming the smaller one when it fits keeps the writer's own label.
    for legacy in ("euc-kr", "cp949"):
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        if _HANGUL.search(text) and text.encode(legacy) == data:
            notices.append(
                f"Opened as {legacy.upper()} (a legacy Korean encoding). It will be saved "
                "back as "
                f"{legacy.upper()} unless you convert it to UTF-8."
            )
            return legacy, text
    start = utf8_error.start
    snippet = data[start : start + 4].hex(" ")
    raise DecodeError(
        f"The file is not UTF-8 (byte {start}: {snippet}) and not legacy Korean "
        "(CP949/EUC-KR); its encoding cannot be told safely."
    )


def _split_newlines(text: str) -> tuple[str, str, str | None]:
    crlf = text.count("\r\n")
    if "\r" not in text:
        return "\n", text, None
    if crlf == text.count("\n") == text.count("\r"):
        return "\r\n", text.replace("\r\n", "\n"), None
    # Mixed endings stay in the text as they are, so an untouched file saves unchanged.
    return "\n", text, (
        "This file mixes line endings (CRLF and LF). They are kept as they are; "
        "lines you edit in the window get LF."
    )
