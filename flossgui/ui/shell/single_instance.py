"""One flossgui window per user and data folder: a second start brings the first window forward
instead of opening a second writer of the same diary.

The running instance holds a lock file in the data folder (:class:`InstanceLock`). A later
start that finds it held asks the holder, over a local socket (:mod:`.instance_socket`, which
the holder opens once its window is on screen), to come forward, and exits. A lock left by an
instance that crashed is taken over: Qt sees that its process is gone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from flossgui.diary.paths import default_data_dir

LOCK_FILE_NAME = ".instance.lock"


class InstanceLock:
    """The data folder's lock file, held by this process from :meth:`acquire` until it exits."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_data_dir()
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """False if another running instance holds the lock. True if this process now holds it,
        or if no lock can be made (a folder that cannot be written: the diary then says so)."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return True
        lock = QLockFile(str(self.folder / LOCK_FILE_NAME))
        lock.setStaleLockTime(0)  # held for hours: stale only when its process is gone
        if lock.tryLock(0):
            self._lock = lock
            return True
        return lock.error() != QLockFile.LockError.LockFailedError

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.isLocked()
