"""Tests for editor.ui.shell.document: the one document model the window's panes share."""

from __future__ import annotations

import shutil

import pytest

from editor.document.post import Post, PostError, SaveError, YamlError
from editor.ui.shell.document import Document


@pytest.fixture
def house_copy(tmp_path, fixtures_dir):
    """A writable copy of the Korean house-style fixture post."""
    target = tmp_path / "house-post.md"
    shutil.copyfile(fixtures_dir / "house-post.md", target)
    return target


def test_open_is_unmodified_and_knows_its_path(qtbot, house_copy):
    """A freshly opened document is clean and reports its file."""
    doc = Document.open(house_copy)
    assert not doc.is_modified()
    assert doc.path == house_copy
    assert doc.display_name() == "house-post.md"
    assert "도서관" in doc.post.title


def test_set_body_emits_and_marks_modified_then_clean_when_restored(qtbot, house_copy):
    """Editing marks the document modified; restoring the saved text clears it."""
    doc = Document.open(house_copy)
    original = doc.post.body
    with qtbot.waitSignal(doc.bodyChanged), qtbot.waitSignal(doc.modifiedChanged) as changed:
        doc.set_body(original + "\n<p>추가 문단</p>\n")
    assert changed.args == [True]
    assert doc.is_modified()
    with qtbot.waitSignal(doc.modifiedChanged) as changed:
        doc.set_body(original)
    assert changed.args == [False]
    assert not doc.is_modified()


def test_set_field_is_lossless_and_emits_front_matter_changed(qtbot, house_copy):
    """Changing the title through the model changes only the title line on save."""
    doc = Document.open(house_copy)
    before = house_copy.read_text(encoding="utf-8").splitlines()
    with qtbot.waitSignal(doc.frontMatterChanged):
        doc.set_field("title", "새 제목입니다")
    doc.save()
    after = house_copy.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    assert after[changed[0]] == "title: 새 제목입니다"
    assert not doc.is_modified()


def test_unset_field_removes_only_that_key(qtbot, house_copy):
    """unset_field drops one key; the others stay."""
    doc = Document.open(house_copy)
    doc.unset_field("image")
    assert "image" not in doc.post.metadata
    assert doc.post.get("categories") == ["News"]
    assert doc.is_modified()


def test_front_matter_text_with_invalid_yaml_is_raw_mode(qtbot, house_copy):
    """Invalid YAML puts the document in raw mode; field edits then raise YamlError."""
    doc = Document.open(house_copy)
    doc.set_front_matter_text("title: [unclosed\n")
    assert doc.is_raw()
    assert doc.post.yaml_error is not None
    with pytest.raises(YamlError):
        doc.set_field("title", "x")


def test_save_as_emits_path_changed(qtbot, house_copy, tmp_path):
    """Saving under a new name reports the new path and leaves the document clean."""
    doc = Document.open(house_copy)
    doc.set_body("<p>바뀐 본문</p>\n")
    target = tmp_path / "copy.md"
    with qtbot.waitSignal(doc.pathChanged) as changed:
        doc.save(target)
    assert changed.args == [target]
    assert target.read_text(encoding="utf-8").endswith("<p>바뀐 본문</p>\n")
    assert not doc.is_modified()


def test_save_error_keeps_text_and_modified_state(qtbot, house_copy, tmp_path):
    """A failed save raises SaveError and leaves the edits in memory."""
    doc = Document.open(house_copy)
    doc.set_body("<p>잃으면 안 되는 글</p>\n")
    with pytest.raises(SaveError):
        doc.save(tmp_path / "no-such-folder" / "deeper" / "post.md")
    assert doc.is_modified()
    assert doc.post.body == "<p>잃으면 안 되는 글</p>\n"


def test_revert_reloads_from_disk(qtbot, house_copy):
    """Revert drops unsaved edits and emits reloaded."""
    doc = Document.open(house_copy)
    original = doc.post.body
    doc.set_body("scratch")
    with qtbot.waitSignal(doc.reloaded):
        doc.revert()
    assert doc.post.body == original
    assert not doc.is_modified()


def test_untitled_document_cannot_revert(qtbot):
    """An untitled document has no file to revert to."""
    doc = Document()
    assert doc.path is None and not doc.is_modified()
    with pytest.raises(ValueError):
        doc.revert()


def test_open_binary_raises_post_error(qtbot, tmp_path):
    """Opening a binary file raises PostError with a message, not a traceback."""
    binary = tmp_path / "picture.md"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(PostError) as info:
        Document.open(binary)
    assert info.value.message


def test_replace_emits_reloaded_and_resets_saved_state(qtbot):
    """replace() swaps the post, tells the views and counts the new text as saved."""
    doc = Document()
    doc.set_body("dirty")
    assert doc.is_modified()
    with qtbot.waitSignal(doc.reloaded):
        doc.replace(Post.new({"title": "다른 글"}, "본문\n"))
    assert doc.post.title == "다른 글"
    assert not doc.is_modified()


class _Source:
    """A body source that counts how often the document reads it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reads = 0

    def __call__(self) -> str:
        self.reads += 1
        return self.text


def test_long_body_is_read_from_its_source_only_when_needed(qtbot):
    """Edits of a long body are not copied per keystroke; ``post`` and save read them."""
    from editor.ui.shell import document as document_module

    saved = "x" * document_module.LAZY_LENGTH
    doc = Document(Post.new({"title": "Long"}, saved))
    source = _Source(saved)
    doc.set_body_source(source)
    changes = []
    doc.bodyChanged.connect(lambda: changes.append(doc.body_length()))

    source.text = saved + "a"
    doc.body_edited(len(source.text))  # the first edit: read at once, to show "modified"
    assert doc.is_modified(exact=False) and source.reads == 1
    for extra in ("ab", "abc", "abcd"):
        source.text = saved + extra
        doc.body_edited(len(source.text))
    assert source.reads == 1
    assert changes == [len(saved) + n for n in (1, 2, 3, 4)]
    assert doc.post.body == saved + "abcd" and source.reads == 2

    source.text = saved  # typed back to the saved text: settles after a pause
    doc.body_edited(len(saved))
    assert doc.is_modified(exact=False)
    qtbot.waitUntil(lambda: not doc.is_modified(exact=False), timeout=2000)
    assert source.reads == 3


def test_short_body_edits_are_read_at_once(qtbot):
    """A short body is read on every edit, so the modified state is always exact."""
    doc = Document(Post.new({"title": "Short"}, "saved"))
    source = _Source("saved!")
    doc.set_body_source(source)
    doc.body_edited(6)
    assert doc.is_modified(exact=False)
    source.text = "saved"
    doc.body_edited(5)
    assert not doc.is_modified(exact=False) and source.reads == 2
