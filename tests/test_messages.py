"""Tests for editor.messages: a message is a code, a template and its values."""

from __future__ import annotations

import pickle

from editor.messages import Message


def test_message_fills_its_template():
    """str() gives the English text; values are kept as text under their names."""
    message = Message.of("long-excerpt", "Checks", "{count} over {limit}", count=170, limit=160)
    assert str(message) == "170 over 160"
    assert message.value("count") == "170" and message.value("missing") is None
    assert message.code == "long-excerpt" and message.context == "Checks"


def test_a_faulty_translation_falls_back_to_english():
    """A translated template with unknown placeholders gives the English text, not an error."""
    message = Message.of("x", "Checks", "The image file does not exist: {path}", path="a.png")
    assert message.fill("이미지 파일이 없습니다: {path}") == "이미지 파일이 없습니다: a.png"
    assert message.fill("{nope}") == "The image file does not exist: a.png"


def test_plain_text_is_kept_verbatim():
    """A plain message keeps braces as they are (nothing is filled in)."""
    assert str(Message.plain("use {name} here")) == "use {name} here"


def test_messages_are_values():
    """Messages compare by content and survive pickling (scans run in helper processes)."""
    a = Message.of("empty", "Highlights", "Empty")
    assert a == pickle.loads(pickle.dumps(a)) == Message.of("empty", "Highlights", "Empty")
