"""Atomic saves: the old file survives every failure, permissions and links are kept."""

from __future__ import annotations

import errno
import os
import stat
import subprocess

import pytest

from editor.document.post import Post
from editor.document.storage import SaveError, atomic_write


def test_atomic_write_replaces_content_and_keeps_mode(tmp_path):
    """The new bytes arrive whole and the file keeps its permissions."""
    path = tmp_path / "post.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    atomic_write(path, b"new text")
    assert path.read_bytes() == b"new text"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_atomic_write_through_symlink_keeps_link(tmp_path):
    """Saving a linked post writes the target and leaves the link in place."""
    target = tmp_path / "real.md"
    target.write_bytes(b"a")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    atomic_write(link, b"b")
    assert link.is_symlink() and target.read_bytes() == b"b"


def test_full_disk_keeps_original(small_tmpfs, tmp_path, fail_data_fsync):
    """On a full filesystem the save fails with 'disk is full' and the old file is whole."""
    folder = small_tmpfs or tmp_path
    path = folder / "post.md"
    path.write_bytes(b"original")
    if small_tmpfs is None:
        fail_data_fsync(errno.ENOSPC)
    with pytest.raises(SaveError, match="disk is full") as info:
        atomic_write(path, b"x" * 200_000)
    assert "unchanged" in info.value.message
    assert path.read_bytes() == b"original"
    assert [p.name for p in folder.iterdir()] == ["post.md"]


def test_read_only_place_keeps_original(small_tmpfs, tmp_path, monkeypatch):
    """Saving where nothing may be written fails with a reason; the old file is whole."""
    folder = small_tmpfs or tmp_path
    path = folder / "post.md"
    path.write_bytes(b"original")
    if small_tmpfs is not None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        words = "read-only"
    else:
        folder.chmod(0o500)
        words = "permission"
    try:
        with pytest.raises(SaveError, match=words):
            atomic_write(path, b"new")
    finally:
        if small_tmpfs is None:
            folder.chmod(0o700)
    assert path.read_bytes() == b"original"


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "disk is full"),
    (errno.EACCES, "permission"),
    (errno.EROFS, "read-only"),
])
def test_write_failures_leave_original_and_no_temp(tmp_path, fail_data_fsync, code, words):
    """A write failing late (at fsync) keeps the old file and removes the temporary one."""
    path = tmp_path / "post.md"
    path.write_bytes(b"original")
    fail_data_fsync(code)
    with pytest.raises(SaveError, match=words) as info:
        atomic_write(path, b"x" * 10000)
    assert "unchanged" in info.value.message
    assert path.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_missing_folder_is_explained(tmp_path):
    """Saving into a folder that does not exist names the folder."""
    with pytest.raises(SaveError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "post.md", b"x")


def test_post_save_updates_path_and_stamp(tmp_path):
    """Post.save writes where asked and remembers the file's stamp."""
    post = Post.new({"title": "hello"}, "body\n")
    target = tmp_path / "hello.md"
    post.save(target)
    assert post.path == target and post.disk_stamp is not None
    assert post.disk_stamp.size == target.stat().st_size
    assert Post.load(target).text() == post.text()
