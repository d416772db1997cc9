"""The grading harness: runs an exercise's tests against a learner's code, inside the sandbox.

Reads one job as JSON on standard input::

    {"tests": "<test_exercise.py>", "solution": "<solution.py>", "workdir": "/sandbox",
     "test_timeout_s": 2.0, "budget_s": 10.0, "output_cap": 4000, "limits": {...}}

and writes one grade result (Exercism's results.json, version 2, without duration) as JSON on
standard output. The tests run here; the learner's code runs in a child process, a fresh interpreter
that holds nothing of the tests (see ``learner.py``), and only plain data comes back (see ``remote.py``).

Standard library only.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out

import json
import re
import signal
import socket
import time

import asserts
import learner
import proxies
from mirrors import RemoteModule, TestConnection
from proxies import StaleObject
from remote import PeerGone, Timeout
from values import ProtocolError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


SOLUTION = "solution.py"  # the learner's code, beside the tests


class LoadError(Exception):
    """The learner's code could not be loaded (syntax error, exception or exit at import)."""


# --- the learner's process ------------------------------------------------------------------------


def start_learner(fresh: bool) -> tuple[int, socket.socket, int]:
    """A learner process waiting for its setup (``learner.serve``): its pid, this end of its socket and its
    output file. ``fresh``: a new interpreter, as any process started once the tests are read must be; else
    a fork of this one, only before the job is read (a few milliseconds faster than an interpreter)."""
    capture = os.memfd_create("output")
    ours, theirs = socket.socketpair()
    try:
        pid = os.fork()
    except OSError:  # no process to start (as many as allowed already): nothing of it may stay open either
        for sock in (ours, theirs):
            sock.close()
        os.close(capture)
        raise
    if pid == 0:
        try:
            ours.close()
            if fresh:
                os.set_inheritable(theirs.fileno(), True)
                os.set_inheritable(capture, True)
                os.execv(sys.executable, [sys.executable, "-I", "-S", "-B", learner.__file__, str(theirs.fileno()),
                                          str(capture)])
            learner.serve(theirs, capture)
        finally:
            os._exit(127)  # never back into the harness's code
    theirs.close()
    return pid, ours, capture


class LearnerProcess:
    """Starts, watches and stops the process that runs the learner's code.

    That process must hold nothing of the tests, or the learner's code could read them (through the frames
    or the garbage collector) and answer from them. The first one is forked before the job is read
    (``waiting``); one started again after the learner's code stopped, with the tests in memory here, is a
    fresh interpreter."""

    def __init__(self, workdir: str, output_cap: int, limits: dict[str, int],
                 waiting: tuple[int, socket.socket, int] | None = None) -> None:
        self.workdir = workdir
        self.output_cap = output_cap
        self.limits = limits
        self.waiting = waiting
        self.pid = 0
        self.conn: TestConnection | None = None
        self.capture: int | None = None  # the in-memory file the process's output goes to

    def start(self, deadline: float) -> TestConnection:
        if self.capture is not None:
            os.close(self.capture)
            self.capture = None  # closed: a start that fails next leaves none to read or close again
        waiting, self.waiting = self.waiting, None
        self.pid, ours, self.capture = waiting or start_learner(fresh=True)
        self.conn = TestConnection(ours)  # from here on ``stop`` closes the socket and reaps the process, whatever fails
        self.conn.deadline = deadline
        setup = {"workdir": self.workdir, "output_cap": self.output_cap, "limits": self.limits}
        try:
            ours.sendall(json.dumps(setup).encode() + b"\n")
        except OSError:  # the process is gone before its setup: as if it stopped while loading
            raise PeerGone() from None
        proxies.set_current_connection(self.conn)
        hello = self.conn.receive()
        if hello.get("hello") is not True:
            raise LoadError(describe_load_failure(hello.get("x")))
        return self.conn

    def output(self) -> str:
        """What the learner's code printed since the last call: as the process counts it, or, when it
        cannot answer (stopped, or stuck in a loop), as much as its output file holds."""
        text = None
        if self.conn is not None:
            try:
                text = self.conn.request("output")
            except Exception:
                pass
        if not isinstance(text, str):
            text = self.left_behind()
        return for_the_learner(text, os.path.join(self.workdir, SOLUTION))

    def left_behind(self) -> str:
        """The output file's text, cut at the cap; emptied for what comes next. Read here, not asked of
        the process: the learner may have done anything to the file, so every failure reads as nothing."""
        if self.capture is None:
            return ""
        try:
            size = os.fstat(self.capture).st_size
            text = os.pread(self.capture, min(size, self.output_cap + 1), 0).decode("utf-8", "replace")
            os.ftruncate(self.capture, 0)
        except OSError:
            return ""
        return text[: self.output_cap] + "\n… (output cut off)" if len(text) > self.output_cap else text

    def stop(self, ended: bool = False) -> str:
        """Kill the process and reap it; if it ``ended`` by itself, say how. One still waiting to be started
        (the tests could not be read) is stopped too."""
        if self.waiting is not None:
            pid, sock, capture = self.waiting
            self.waiting = None
            reap(pid)
            sock.close()
            os.close(capture)
        how = reap(self.pid, ended) if self.pid else ""
        if self.conn is not None:
            self.conn.sock.close()
        self.pid, self.conn = 0, None
        return how


def reap(pid: int, ended: bool = False) -> str:
    """Wait for the child ``pid``, killed unless it ``ended`` by itself, and say how it ended if it did."""
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
        if not done and ended:
            time.sleep(0.02)  # let an exit that is under way finish, to report it
            done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return describe_exit(status)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    return ""


def describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        reasons = {
            signal.SIGXCPU: "it used more CPU time than allowed",
            signal.SIGXFSZ: "it wrote more output than allowed",
            signal.SIGKILL: "it was killed (too much memory or time)",
            signal.SIGSEGV: "it crashed (segmentation fault)",
        }
        return reasons.get(sig, f"it was stopped by signal {signal.Signals(sig).name}")
    return f"it exited with status {os.WEXITSTATUS(status)}"


YOUR_CODE = "your code"  # the learner's file, solution.py, as the learner knows it: they never see its name


def where(info: dict[str, Any]) -> str:
    line = info.get("line")
    return f" ({YOUR_CODE}, line {line})" if isinstance(line, int) else ""


def for_the_learner(output: str, path: str) -> str:
    """What the learner's code printed, with its file (``path``) named as the learner knows it: in a
    traceback's frames (``File "your code", line 4, in f``) and a warning's location (``your code, line 7:``)."""
    output = re.sub(rf"^{re.escape(path)}:(\d+): ", rf"{YOUR_CODE}, line \1: ", output, flags=re.MULTILINE)
    return output.replace(path, YOUR_CODE)


def describe_load_failure(info: Any) -> str:
    info = info if isinstance(info, dict) else {}
    name, text = str(info.get("name", "Error")), str(info.get("text", ""))
    if name in ("SyntaxError", "IndentationError", "TabError"):
        line = info.get("line")
        return f"{name} on line {line}: {text}" if isinstance(line, int) else f"{name}: {text}"
    if name == "SystemExit":
        return "Your code exited while it was being loaded (a call to exit() at the top level?)"
    return f"Your code raised {name} while it was being loaded: {text}{where(info)}"


def describe_error(exc: BaseException, step: str | None = None) -> str:
    """An error as the learner reads it: its kind and text, where in their code, the test's
    ``step`` that was running, then advice for the errors that need it."""
    info = getattr(exc, "_wb_info", None)
    ran = f", while the test ran {step}" if step else ""
    if isinstance(info, dict):
        name, text = str(info.get("name", type(exc).__name__)), str(info.get("text", ""))
        advice = ""
        if name == "RecursionError":
            advice = ". Does the recursion reach a base case?"
        elif name == "MemoryError":
            advice = ". The code used more memory than allowed: a loop that keeps adding, and never ends?"
        return f"{name}{': ' + text if text else ''}{where(info)}{ran}{advice}".strip()
    return f"{type(exc).__name__}: {exc}{ran}"


# --- running the tests --------------------------------------------------------------------------


def make_untraceable() -> None:
    """No process of the same user (the learner's) may attach to this one to change results."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except Exception:
        pass


def test_result(name: str, status: str, message: str = "", output: str = "") -> dict[str, Any]:
    result = {"name": name, "status": status}
    if message:
        result["message"] = message
    if output:
        result["output"] = output
    return result


def run_tests(job: dict[str, Any], waiting: tuple[int, socket.socket, int] | None = None) -> dict[str, Any]:
    """The grade result of the job's tests; ``waiting``: a learner process started before the job was read."""
    process = LearnerProcess(job["workdir"], int(job.get("output_cap", 4000)), job.get("limits", {}), waiting)
    try:
        return graded(job, process)
    finally:  # every process started is reaped, whatever happened: a zombie holds one of the few processes allowed
        process.stop()


def graded(job: dict[str, Any], process: LearnerProcess) -> dict[str, Any]:
    """The grade result of the job's tests, their learner's code run in ``process``."""
    tests_source: str = job["tests"]
    per_test = float(job.get("test_timeout_s", 2.0))
    budget_end = time.monotonic() + float(job.get("budget_s", 10.0))
    names = asserts.test_names(tests_source)
    code = asserts.compile_tests(tests_source)

    def error_for_all(message: str) -> dict[str, Any]:
        output = process.output()
        process.stop()
        tests = [test_result(n, "error", message, output if i == 0 else "") for i, n in enumerate(names)]
        return {"status": "error", "message": message, "tests": tests}

    try:
        process.start(min(budget_end, time.monotonic() + per_test))
    except LoadError as exc:
        return error_for_all(str(exc))
    except Timeout:
        return error_for_all(f"Your code took longer than {per_test:g} s to load (an endless loop at the top level?)")
    except (PeerGone, ProtocolError):
        how = process.stop(ended=True) or "it closed the connection"
        return error_for_all(f"Your code stopped while it was being loaded: {how}")

    sys.modules["solution"] = RemoteModule("solution")
    namespace: dict[str, Any] = {"__name__": "test_exercise", **asserts.helpers()}
    try:
        assert process.conn is not None
        process.conn.deadline = min(budget_end, time.monotonic() + per_test)
        exec(code, namespace)
    except ImportError as exc:
        missing = re.search(r"cannot import name '(\w+)'", str(exc))
        what = f"`{missing.group(1)}`" if missing else "what the tests need"
        return error_for_all(f"Your code must define {what}: the tests import it from {YOUR_CODE}")
    except Exception as exc:
        return error_for_all(f"The tests could not start: {describe_error(exc)}")

    results = []
    for name in names:
        now = time.monotonic()
        if now >= budget_end:
            results.append(test_result(name, "error", "Not run: the time for all tests was used up"))
            continue
        deadline = min(budget_end, now + per_test)
        try:
            conn = process.conn or process.start(deadline)
            conn.deadline = deadline
            namespace[name]()
            status, message = "pass", ""
        except AssertionError as exc:
            status, message = "fail", str(exc) or "assertion failed"
        except Timeout:
            status, message = "error", f"Took longer than {per_test:g} s: is there an endless loop?"
        except PeerGone:
            status, message = "error", f"Your code stopped the test: {process.stop(ended=True) or 'it ended'}"
        except ProtocolError:
            status, message = "error", "Your code interfered with the test harness"
        except StaleObject as exc:
            status, message = "error", str(exc)
        except LoadError as exc:
            status, message = "error", str(exc)
        except BaseException as exc:
            status, message = "error", describe_error(exc, asserts.running_step(exc, tests_source))
        if process.conn is not None and status == "error" and message.startswith(("Took longer", "Your code")):
            process.stop()
        if process.conn is not None:
            process.conn.deadline = time.monotonic() + 1.0
        output = process.output()
        results.append(test_result(name, status, message, output))
    process.stop()
    failed = any(r["status"] != "pass" for r in results)
    if not names:
        return {"status": "error", "message": "The exercise has no tests", "tests": []}
    return {"status": "fail" if failed else "pass", "tests": results}


def main() -> None:
    waiting = start_learner(fresh=False)  # before the tests are read: the fork holds nothing of them
    job = json.loads(sys.stdin.buffer.read())
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    learner.apply_limits(job.get("limits", {}))
    make_untraceable()
    os.makedirs(job["workdir"], exist_ok=True)
    path = os.path.join(job["workdir"], SOLUTION)
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(job["solution"])
    os.chdir(job["workdir"])
    result = run_tests(job, waiting)
    data = json.dumps(result).encode()
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]


if __name__ == "__main__":
    main()
