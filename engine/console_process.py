"""The server's side of a console's worker (``engine.console_worker``): start it, ask it, kill it.

A query that runs past its time is killed with its process, not interrupted: DuckDB cannot interrupt one
costly call on one row. The worker is started again, on the same snapshot, by the next query.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from engine import console_worker
from engine.console_worker import FOLDER_PREFIX, HEADER, MAX_RESULT_MB

# the worker's own interrupt comes first (at the time limit) and usually ends a query: past it by this much,
# the query is one DuckDB does not interrupt, and the worker is killed
GRACE_S = 1.0
# starting takes about 0.3 s (Python, DuckDB and PyArrow imported); a busy machine may take many times that,
# and this time is not the query's
START_TIMEOUT_S = 30.0
# an answer's rows stop at MAX_RESULT_MB in the worker: anything much larger is not an answer
LARGEST_ANSWER = 2 * MAX_RESULT_MB * 2**20


class WorkerTimeout(Exception):
    """The query ran past its time and the worker was killed."""


class WorkerGone(Exception):
    """The worker ended without answering: killed from outside, or out of memory outside DuckDB."""


class WorkerProcess:
    """The child process running one console's queries on the snapshot in its private ``folder`` (mode 0700,
    removed by ``close``). Not thread-safe: its console asks one question at a time."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> None:
        """Start the worker, without waiting for it: it imports what it needs while the caller goes on."""
        if self._process is not None:
            return
        # no preexec_fn (unsafe in a server of many threads): the worker sets its own limits first thing
        self._process = subprocess.Popen(
            [sys.executable, "-I", console_worker.__file__], cwd=self.folder, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True, start_new_session=True,
            # none of the server's environment (its secrets, its home): a PATH, and the private folder as home
            env={"PATH": os.defpath, "HOME": str(self.folder), "TMPDIR": str(self.folder), "LC_ALL": "C.UTF-8"})
        self._ready = False

    def ask(self, request: dict[str, Any], timeout_s: float) -> tuple[dict[str, Any], bytes | None]:
        """Send one request and return the answer: its header, and its rows (Arrow IPC) if it has any.
        ``WorkerTimeout`` past ``timeout_s`` (and ``GRACE_S``), ``WorkerGone`` if it died: either way it is
        stopped, and the next request starts a new one."""
        self.start()
        assert self._process is not None and self._process.stdin is not None
        if not self._ready:
            try:
                if self._read(time.monotonic() + START_TIMEOUT_S) is None:
                    raise WorkerGone(self.stop())
            except WorkerTimeout:  # a start that never ends: not the query's doing
                raise WorkerGone(None) from None
            self._ready = True
        deadline = time.monotonic() + timeout_s + GRACE_S
        try:
            message = json.dumps(request).encode()
            self._process.stdin.write(HEADER.pack(len(message)) + message)  # the worker is reading: it takes it all
            self._process.stdin.flush()
        except OSError:
            raise WorkerGone(self.stop()) from None
        header = self._read(deadline)
        if header is None:
            raise WorkerGone(self.stop())
        answer = json.loads(header)
        if "error" in answer:
            return answer, None
        rows = self._read(deadline)
        if rows is None:
            raise WorkerGone(self.stop())
        return answer, rows

    def exited(self) -> bool:
        return self._process is not None and self._process.poll() is not None

    def stop(self) -> int | None:
        """Kill the worker (and anything it started) and reap it; its exit status, or None if none ran."""
        process, self._process = self._process, None
        if process is None:
            return None
        if process.returncode is None:  # not reaped yet, so its process group is still its own
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        code = process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()
        return code

    def close(self) -> None:
        """Kill the worker and remove its folder, with the snapshot."""
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _read(self, deadline: float) -> bytes | None:
        """The worker's next message; None if it ended first. Past ``deadline``, it is killed: ``WorkerTimeout``."""
        header = self._read_bytes(HEADER.size, deadline)
        if header is None:
            return None
        size = HEADER.unpack(header)[0]
        if size > LARGEST_ANSWER:
            self.stop()
            raise WorkerGone(None)
        return self._read_bytes(size, deadline)

    def _read_bytes(self, size: int, deadline: float) -> bytes | None:
        assert self._process is not None and self._process.stdout is not None
        pipe = self._process.stdout.fileno()
        waiting = select.poll()  # not select.select: a server's descriptors go past its 1024
        waiting.register(pipe, select.POLLIN)
        chunks, left = [], size
        while left:
            if not waiting.poll(max(0.0, deadline - time.monotonic()) * 1000):
                self.stop()
                raise WorkerTimeout
            chunk = os.read(pipe, min(left, 2**20))
            if not chunk:
                return None
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def started_worker() -> WorkerProcess:
    """A started worker in a folder of its own, for a new console: the one started ahead for it, and another
    is started ahead for the next. Starting takes about 0.2 s of imports (Python, DuckDB, PyArrow), which the
    Data page's first query (the schema, right after the copy) would wait for. Measured, the page's open and
    first query on the demo's cohort (2 cores): 270 ms with the worker started by that query, 200 ms started
    at open (its imports overlap the copy), 130 ms started ahead; 80 ms in the server's own process before."""
    with _ahead_lock:
        worker = _ahead.pop() if _ahead and _ahead_of[0] == os.getpid() else None  # not a forked copy's
        if worker is not None and worker.exited():
            worker.close()
            worker = None
        fresh = WorkerProcess()
        fresh.start()
        _ahead[:], _ahead_of[:] = [fresh], [os.getpid()]
    if worker is None:
        worker = WorkerProcess()
        worker.start()
    return worker


@atexit.register
def _stop_the_one_ahead() -> None:
    with _ahead_lock:
        for worker in _ahead:
            if _ahead_of[0] == os.getpid():
                worker.close()
        _ahead.clear()


_ahead: list[WorkerProcess] = []  # at most one: started, and waiting for a console
_ahead_of: list[int] = []  # the process that started it
_ahead_lock = threading.Lock()
