"""Writing files so that a crash, a full disk or a read-only folder never costs the old version."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from editor.errors import EditorError


class SaveError(EditorError, OSError):
    """A file could not be written; ``message`` says why in words a writer understands."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: write beside it, fsync, rename.

    The file on disk is always the complete old or the complete new version. An
    existing file's permissions are kept; a symlink keeps pointing at its target,
    which receives the new text. Raises SaveError with a readable reason.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise _save_error(exc, target) from None
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as exc:
        raise _save_error(exc, target) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_error(exc: OSError, target: Path) -> SaveError:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: f"you do not have permission to write in {target.parent}",
        errno.EPERM: f"you do not have permission to write in {target.parent}",
        errno.EROFS: f"{target.parent} is on a read-only file system",
        errno.ENOENT: f"the folder {target.parent} does not exist",
        errno.ENOTDIR: f"{target.parent} is not a folder",
        errno.EISDIR: f"{target} is a folder",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return SaveError(f"Could not save {target.name}: {reason}. The file on disk is unchanged.",
                     target)


# atomic_write's temp files: ".<name>." + mkstemp's 8 random characters + ".tmp".
_TEMP_RANDOM_LENGTH = 8
STALE_TEMP_AGE_S = 30.0


def stale_temps(path: str | os.PathLike[str], older_than_s: float = STALE_TEMP_AGE_S) -> list[Path]:
    """Temp files a save of ``path`` left behind when it was killed mid-write.

    Only names atomic_write itself makes are considered, and only ones untouched for
    ``older_than_s`` seconds, so a save still running in another process keeps its file.
    """
    import time

    target = Path(os.path.realpath(path))
    prefix, suffix = f".{target.name}.", ".tmp"
    limit = time.time() - older_than_s
    found = []
    try:
        candidates = list(target.parent.iterdir())
    except OSError:
        return []
    for candidate in candidates:
        name = candidate.name
        middle = name[len(prefix):-len(suffix)]
        if not (name.startswith(prefix) and name.endswith(suffix)
                and len(middle) == _TEMP_RANDOM_LENGTH and "." not in middle):
            continue
        try:
            if candidate.is_file() and candidate.stat().st_mtime <= limit:
                found.append(candidate)
        except OSError:
            continue
    return sorted(found)


def remove_stale_temps(path: str | os.PathLike[str],
                       older_than_s: float = STALE_TEMP_AGE_S) -> list[Path]:
    """Delete ``stale_temps(path)``; returns what was removed."""
    removed = []
    for temp in stale_temps(path, older_than_s):
        try:
            temp.unlink()
        except OSError:
            continue
        removed.append(temp)
    return removed
