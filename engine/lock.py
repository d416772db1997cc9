"""A folder lock: one process at a time owns a folder (the home's Chroma folder).

Chroma's local client is not safe across processes: a second process on the same folder reads a
stale index and can overwrite the first one's writes. So the process that opens the folder
first owns it until it closes it or exits; another process gets ``FolderInUse`` naming the
owner's pid. The lock is an ``flock`` on ``<folder>/owner.lock``, which also holds the owner's
pid for the message: the kernel drops the lock when its process dies, so a lock left behind by
a dead process (a crash, a kill) is simply taken over by the next opener.

Within one process the lock is shared: opening the same folder again (a second Workbench on the
same home, a page rerun) counts a reference instead of failing.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

LOCK_NAME = "owner.lock"

_held: dict[str, tuple[int, int]] = {}  # resolved folder -> (file descriptor, references)
_guard = threading.Lock()


class FolderInUse(RuntimeError):
    """Another live process owns the folder."""

    def __init__(self, folder: Path, pid: int | None) -> None:
        self.folder = folder
        self.pid = pid
        owner = f"process {pid}" if pid else "another process"
        super().__init__(f"{folder} is in use by {owner}: only one process may open it at a time. "
                         "Go through the app's process (or stop it), or use a folder of your own.")


class FolderLock:
    """Ownership of ``folder`` by this process: ``FolderLock.acquire(folder)``, then ``release()``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._released = False

    @classmethod
    def acquire(cls, folder: str | Path) -> FolderLock:
        """Own ``folder`` (created if missing), or raise ``FolderInUse`` if a live process owns it."""
        folder = Path(folder).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        key = str(folder)
        with _guard:
            if key in _held:
                fd, references = _held[key]
                _held[key] = (fd, references + 1)
                return cls(folder)
            path = folder / LOCK_NAME
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _read_pid(fd)
                os.close(fd)
                raise FolderInUse(folder, pid) from None
            except BaseException:
                os.close(fd)
                raise
            # ours now (whatever pid a dead owner left in the file): write our own
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            os.fsync(fd)
            _held[key] = (fd, 1)
        return cls(folder)

    def release(self) -> None:
        """Give the folder up (the last reference in this process unlocks it). Safe to call twice."""
        if self._released:
            return
        self._released = True
        key = str(self.folder)
        with _guard:
            fd, references = _held[key]
            if references > 1:
                _held[key] = (fd, references - 1)
                return
            del _held[key]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def owner(folder: str | Path) -> int | None:
    """The pid recorded in the folder's lock file, if any (the owner, if the lock is held)."""
    try:
        fd = os.open(Path(folder) / LOCK_NAME, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        return _read_pid(fd)
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(text) if text.isdigit() else None
