"""The learner's process: imports ``solution`` and does what the test process asks of it.

The test process forks it before reading its job, or starts it as a fresh interpreter (``python
learner.py SOCKET CAPTURE``) once it holds the tests: a fork then would hold a copy of them, for the
learner's code to read through the frames or the garbage collector and answer from. It waits for its
setup (``serve``), then is cut off from the test process's output: what it prints goes to an in-memory
file the test process made (the first ``output_cap`` characters since the last test, the rest only
counted, so printing millions of lines costs neither memory nor a file size limit), and so does what
reaches its file descriptors 1 and 2 directly; the tests read it after each test, so printing cannot
reach the grader's report, and what a test printed before it had to be stopped (an endless loop) is
still there to show. Everything here is in the learner's reach and trusted by nobody.

Standard library only: this runs inside the sandbox.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # started as a script, -I leaves its folder out

import importlib
import io
import json
import resource
import socket

from proxies import TestObject
from remote import Connection, PeerGone
from values import describe_exception

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class CappedOutput(io.TextIOBase):
    """``sys.stdout`` and ``sys.stderr`` of the learner's code, one stream so that lines keep the
    order they were printed in: written to the output file as printed (in order with what reaches
    file descriptors 1 and 2 directly) while under the cap, the rest only counted."""

    def __init__(self, fd: int, cap: int) -> None:
        self.fd = fd
        self.cap = cap
        self.kept = 0  # characters written to the file since the last take
        self.kept_bytes = 0
        self.written = 0  # characters printed since the last take, kept or not

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self.cap + 1 - self.kept  # one more than the cap: enough to know it was cut
        if room > 0:
            part = text[:room]
            data = memoryview(part.encode("utf-8", "backslashreplace"))
            self.kept += len(part)
            self.kept_bytes += len(data)
            while data:
                data = data[os.write(self.fd, data):]
        self.written += len(text)
        return len(text)

    def fileno(self) -> int:
        return 1  # the output file, where this stream's text goes too

    def isatty(self) -> bool:
        return False

    def take(self) -> tuple[int, int]:
        """The bytes this stream put in the file since the last take, and the characters printed in all."""
        taken = self.kept_bytes, self.written
        self.kept, self.kept_bytes, self.written = 0, 0, 0
        return taken


class LearnerConnection(Connection):
    """The learner's end: serves every operation, plus finding names and reading output."""

    def __init__(self, sock: socket.socket, capture: int, printed: CappedOutput, output_cap: int) -> None:
        super().__init__(sock, serve_all=True, proxy_factory=TestObject)
        self.capture = capture
        self.printed = printed
        self.output_cap = output_cap

    def perform_extra(self, op: Any, args: list[Any]) -> Any:
        if op == "path":  # a dotted name in the learner's module, as a handle number
            target: Any = sys.modules["solution"]
            for part in str(args[0]).split(".") if args[0] else []:
                target = getattr(target, part)
            return self.export(target)["M"]
        if op == "module_attr":
            return getattr(sys.modules["solution"], str(args[0]))
        if op == "exception_info":  # build one of the learner's exceptions and describe it
            cls, positional, keywords = args
            return describe_exception(cls(*positional, **keywords), self)
        if op == "output":
            return self.take_output()
        return super().perform_extra(op, args)

    def take_output(self) -> str:
        """What the last test printed, cut at the cap (with how much there was in all)."""
        for stream in (sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()  # type: ignore[union-attr]
            except Exception:
                pass
        kept_bytes, printed = self.printed.take()
        size = os.lseek(self.capture, 0, os.SEEK_END)
        text = os.pread(self.capture, min(size, self.output_cap + 1), 0).decode("utf-8", "replace")
        os.ftruncate(self.capture, 0)
        os.lseek(self.capture, 0, os.SEEK_SET)
        total = printed + size - kept_bytes  # what was printed, and what was written to 1 and 2 directly
        if total > self.output_cap:
            text = text[: self.output_cap] + f"\n… (output cut off: {total:,} characters in all)"
        return text


def serve(sock: socket.socket, capture: int) -> None:
    """Wait for the test process's setup (one line of JSON: workdir, output_cap, limits), then ``run``. Never
    returns; ends the process if the test process went away first."""
    received = b""
    while not received.endswith(b"\n"):
        part = sock.recv(65536)
        if not part:
            os._exit(0)
        received += part
    setup = json.loads(received)
    apply_limits(setup["limits"])
    run(sock, setup["workdir"], int(setup["output_cap"]), capture)


def apply_limits(limits: dict[str, int]) -> None:
    names = {
        "cpu_s": resource.RLIMIT_CPU, "memory_bytes": resource.RLIMIT_AS,
        "processes": resource.RLIMIT_NPROC, "open_files": resource.RLIMIT_NOFILE,
        "file_bytes": resource.RLIMIT_FSIZE, "core_bytes": resource.RLIMIT_CORE,
    }
    for key, value in limits.items():
        if key in names:
            resource.setrlimit(names[key], (int(value), int(value)))


def run(sock: socket.socket, workdir: str, output_cap: int, capture: int) -> None:
    """The body of the learner process, its output going to the in-memory file ``capture``
    (shared with the test process, which reads it itself when this process had to be stopped).
    Never returns."""
    os.dup2(capture, 1)
    os.dup2(capture, 2)
    for stream in (sys.__stdout__, sys.__stderr__):  # direct writes keep their order too
        try:
            stream.reconfigure(line_buffering=True, write_through=True)  # type: ignore[union-attr]
        except Exception:
            pass
    printed = CappedOutput(capture, output_cap)
    sys.stdout = sys.stderr = printed
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    keep = {0, 1, 2, capture, sock.fileno()}
    for fd in range(3, 256):
        if fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass
    sys.path[:] = [workdir] + [p for p in sys.path if p.startswith(sys.prefix) or p.startswith(sys.base_prefix)]
    conn = LearnerConnection(sock, capture, printed, output_cap)
    try:
        sys.modules.pop("solution", None)
        importlib.import_module("solution")
        hello: dict[str, Any] = {"hello": True}
    except BaseException as exc:  # syntax errors, sys.exit() at import, anything
        hello = {"hello": False, "x": describe_exception(exc, conn)}
    try:
        conn.send(hello)
        while True:
            conn.serve(conn.receive())
    except BaseException:
        pass
    finally:
        os._exit(0)


__all__ = ["serve", "apply_limits", "PeerGone"]

if __name__ == "__main__":
    serve(socket.socket(fileno=int(sys.argv[1])), int(sys.argv[2]))
