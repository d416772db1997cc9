"""The folder lock that keeps a second process off the home's Chroma folder, tested with real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import REPO

from engine.embedder import Embedder
from engine.lock import LOCK_NAME, FolderInUse, FolderLock, owner
from engine.memory import MemoryStore
from engine.store import Store

OPEN_IN_CHILD = """
import sys
from engine.lock import FolderInUse, FolderLock
try:
    lock = FolderLock.acquire(sys.argv[1])
except FolderInUse as exc:
    print(exc)
    sys.exit(3)
print("owned")
if len(sys.argv) > 2:  # hold it until killed
    sys.stdout.flush()
    import time
    time.sleep(600)
"""


def child(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", OPEN_IN_CHILD, str(folder), *extra], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)


def test_a_second_process_is_refused_with_the_owners_pid(tmp_path: Path) -> None:
    folder = tmp_path / "chroma"
    lock = FolderLock.acquire(folder)
    try:
        refused = child(folder)
        assert refused.returncode == 3
        assert f"in use by process {os.getpid()}" in refused.stdout
        assert str(folder) in refused.stdout
        assert owner(folder) == os.getpid()
    finally:
        lock.release()
    assert child(folder).stdout.strip() == "owned"  # released: the next process may own it


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    folder = tmp_path / "chroma"
    holder = subprocess.Popen([sys.executable, "-c", OPEN_IN_CHILD, str(folder), "hold"], stdout=subprocess.PIPE,
                              text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "owned"
        with pytest.raises(FolderInUse, match=f"process {holder.pid}"):
            FolderLock.acquire(folder)
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the lock file stays, with the dead pid in it
        holder.wait(timeout=30)
        holder.stdout.close()  # type: ignore[union-attr]
    assert (folder / LOCK_NAME).exists() and owner(folder) == holder.pid
    lock = FolderLock.acquire(folder)
    try:
        assert owner(folder) == os.getpid()
        assert child(folder).returncode == 3
    finally:
        lock.release()


def test_the_same_process_shares_the_folder_until_the_last_release(tmp_path: Path) -> None:
    folder = tmp_path / "chroma"
    first, second = FolderLock.acquire(folder), FolderLock.acquire(folder)
    first.release()
    first.release()  # twice is harmless
    assert child(folder).returncode == 3
    second.release()
    assert child(folder).returncode == 0


def test_opening_the_memory_of_a_folder_another_process_owns_fails_clearly(tmp_path: Path,
                                                                           embedder: Embedder) -> None:
    folder = tmp_path / "chroma"
    holder = subprocess.Popen([sys.executable, "-c", OPEN_IN_CHILD, str(folder), "hold"], stdout=subprocess.PIPE,
                              text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    store = Store()
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "owned"
        with pytest.raises(FolderInUse, match=f"in use by process {holder.pid}"):
            MemoryStore.open(store, folder, embedder=embedder)
    finally:
        holder.kill()
        holder.wait(timeout=30)
        holder.stdout.close()  # type: ignore[union-attr]
    deadline = time.monotonic() + 10
    while True:  # the kernel drops a dead process's lock at once; allow for a slow reaper all the same
        try:
            memory = MemoryStore.open(store, folder, embedder=embedder)
            break
        except FolderInUse:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    memory.remember(1, "goal", "Goals: for fun")
    assert [m.text for m in memory.all(1)] == ["Goals: for fun"]
    memory.close()
    store.close()
