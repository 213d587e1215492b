"""Write a file so that readers see the old content or the new, never half of either.

A save goes to a temporary ``.NAME.XXXXXXXX.tmp`` beside the file and is renamed over it
once complete. A save killed half-way leaves that temporary file behind: the next save of
the same file removes it, and :func:`remove_stale_temps` sweeps a whole folder at start.
Health data is written ``private``: the file is created owner-only and never widened.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

STALE_AFTER_S = 600.0  # a temporary file older than this belongs to a save that was killed
PRIVATE_MODE = 0o600
# What tempfile.mkstemp(prefix=".NAME.", suffix=".tmp") makes: 8 random letters, digits or "_".
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


#: Chooses a file's mode from its old mode (None for a new file), e.g. 0640 for a service's group.
ModeRule = Callable[[int | None], int]


def write_atomic(
    path: str | Path, text: str, encoding: str = "utf-8", *, private: bool = False, mode: ModeRule | None = None
) -> None:
    """Replace ``path`` with ``text`` (see :func:`atomic_file`)."""
    write_bytes_atomic(path, text.encode(encoding), private=private, mode=mode)


def write_bytes_atomic(path: str | Path, data: bytes, *, private: bool = False, mode: ModeRule | None = None) -> None:
    """Replace ``path`` with ``data`` (see :func:`atomic_file`)."""
    with atomic_file(path, private=private, mode=mode) as f:
        f.write(data)


@contextmanager
def atomic_file(path: str | Path, *, private: bool = False, mode: ModeRule | None = None) -> Iterator[BinaryIO]:
    """A binary file to write that replaces ``path`` when the block ends without an exception.

    The content goes to a temporary file in the same folder, is fsynced and renamed over
    ``path``, so a crash at any moment leaves the previous file or the complete new one; an
    exception leaves the previous file and no temporary one. A symlink is followed. The mode
    is set before any data is written: an existing file keeps its mode and owner (a private
    one loses any bits for others), a new one gets 0644 less the umask, or 0600 if
    ``private``; ``mode(old mode or None)`` chooses instead. Raises OSError (e.g. no such
    folder, read-only, or ``path`` is a device, pipe or folder, which is never replaced).
    """
    path = Path(os.path.realpath(path))
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):  # never swap a device, pipe or folder for a file
        raise OSError(errno.EINVAL, "is not a regular file", str(path))
    remove_stale_temps(path.parent, only=path.name)
    if mode is not None:
        final_mode = mode(stat.S_IMODE(old.st_mode) if old else None)
    elif old is None:
        final_mode = PRIVATE_MODE if private else 0o666 & ~_umask()
    else:
        final_mode = stat.S_IMODE(old.st_mode) & (0o7770 if private else 0o7777)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # made 0600
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod") and final_mode != PRIVATE_MODE:  # before the first byte
                os.fchmod(f.fileno(), final_mode)
            if old and hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                os.fchown(f.fileno(), old.st_uid, old.st_gid)
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def create_private(path: str | Path) -> bool:
    """Create ``path`` empty and owner-only (0600) if it does not exist; True if it was made.

    For files another library then opens (SQLite, a log): the mode is set as the file is
    created, so there is never a moment when others could read it.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), PRIVATE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def open_private_append(path: str | Path, errors: str = "backslashreplace") -> TextIO:
    """``path`` opened to append UTF-8 text, created owner-only (0600) if new; characters that
    cannot be encoded (a file name's undecodable bytes) are written escaped, never raised.
    OSError if ``path`` is not a regular file (opened non-blocking: a FIFO cannot hang it)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_MODE)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "is not a regular file", str(path))
    return os.fdopen(fd, "a", encoding="utf-8", errors=errors)


def make_private_dir(path: str | Path) -> Path:
    """``path`` and any missing parents; folders made here are owner-only (0700)."""
    path = Path(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def remove_stale_temps(folder: str | Path, only: str | None = None, older_than_s: float = STALE_AFTER_S) -> int:
    """Delete the temporary files of killed saves in ``folder`` (for file ``only`` if given)
    that are older than ``older_than_s``; returns how many. Never raises."""
    removed = 0
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if not match or (only is not None and match["name"] != only):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
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


def _umask() -> int:
    """The process's umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
