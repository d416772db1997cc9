"""Hostile submissions against the grader and its sandbox.

Each case is a ``solution.py`` that tries to cheat (fake results, exit early, patch the harness,
objects that equal everything), to read what it must not (reference solutions, the DuckDB file,
the host's files), or to hurt the machine (fork bombs, memory, output, signals, ptrace). None may
grade ``pass``, and each must come back with a message that tells the learner what happened.

Cases that probe isolation return ``"BLOCKED ..."`` when the sandbox stopped them and
``"LEAKED ..."`` when it did not: the answer is wrong either way (so the grade is ``fail``), and
the failure message carries the verdict out of the sandbox for the test to read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
import threading
import time
from pathlib import Path

import pytest

from engine.grader import Grader, GradeResult
from engine.sandbox import Sandbox

REPO = Path(__file__).resolve().parents[1]
BANK_REFERENCES = sorted(str(p) for p in (REPO / "data" / "bank" / "python").glob("*/reference.py"))

CORRECT = "def add(a, b):\n    return a + b\n"

TESTS = '''\
from solution import add


def test_small_numbers():
    assert add(2, 3) == 5


def test_negative_numbers():
    assert add(-1, -4) == -5


def test_zeros():
    assert add(0, 0) == 0
'''

EXERCISE_FILES = {
    "exercise.toml": textwrap.dedent('''\
        title = "Add two numbers"
        skills = ["functions", "arithmetic"]
        difficulty = 1
        hints = [
          "A nudge: the function receives two numbers.",
          "A direction: Python's + operator adds numbers.",
          "Near-solution (in words): return the sum of the two arguments.",
        ]
        '''),
    "README.md": "# Add two numbers\n\nWrite `add(a, b)` that returns the sum of `a` and `b`.\n",
    "starter.py": "def add(a, b):\n    pass\n",
    "reference.py": CORRECT,
    "test_exercise.py": TESTS,
}

# A results.json that says everything passed: what a cheat would like the grader to read.
FAKE_PASS = json.dumps({"version": 2, "status": "pass", "tests": [
    {"name": n, "status": "pass"} for n in ("test_small_numbers", "test_negative_numbers", "test_zeros")]})


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n").replace("@FAKE_PASS@", repr(FAKE_PASS))


# --- the hostile submissions -------------------------------------------------------------------
# (code, statuses its headline may have, regular expression its headline message must match);
# the headline is the overall status and message when the code could not run at all, else the
# first test that did not pass (see ``headline``).

EXITS = [
    pytest.param(src("""
        import sys
        sys.exit(0)
        """), {"error"}, r"exited while it was being loaded", id="sys-exit-0-at-import"),
    pytest.param(src("""
        import os
        os._exit(0)
        """), {"error"}, r"stopped while it was being loaded: it exited with status 0", id="os-exit-0-at-import"),
    pytest.param(src("""
        import sys

        def add(a, b):
            sys.exit(0)
        """), {"error"}, r"SystemExit.*line 4", id="sys-exit-0-in-function"),
    pytest.param(src("""
        import os

        def add(a, b):
            os._exit(0)
        """), {"error"}, r"stopped the test: it exited with status 0", id="os-exit-0-in-function"),
]

FAKE_RESULTS = [
    pytest.param(src("""
        import sys
        print(@FAKE_PASS@)
        print(@FAKE_PASS@, file=sys.stderr)
        sys.__stdout__.write(@FAKE_PASS@)
        sys.__stderr__.write(@FAKE_PASS@)

        def add(a, b):
            print(@FAKE_PASS@)
            print(@FAKE_PASS@, file=sys.stderr)
            sys.__stdout__.write(@FAKE_PASS@)
            sys.__stdout__.flush()
        """), {"fail"}, r"expected 5, got None", id="print-fake-results-stdout-stderr"),
    pytest.param(src("""
        import os, sys
        print(@FAKE_PASS@, flush=True)
        os.write(1, @FAKE_PASS@.encode())
        os._exit(0)
        """), {"error"}, r"stopped while it was being loaded", id="print-fake-results-then-exit-0"),
    pytest.param(src("""
        import os, struct

        fake = @FAKE_PASS@.encode()
        for fd in range(21):
            for data in (fake, struct.pack("!I", len(fake)) + fake):
                try:
                    os.write(fd, data)
                except OSError:
                    pass

        def add(a, b):
            return a + b
        """), {"error"}, r"stopped while it was being loaded", id="os-write-fake-results-to-fds-0-20-at-import"),
    pytest.param(src("""
        import os, struct

        def add(a, b):
            fake = @FAKE_PASS@.encode()
            for fd in range(21):
                for data in (fake, struct.pack("!I", len(fake)) + fake):
                    try:
                        os.write(fd, data)
                    except OSError:
                        pass
            return a + b
        """), {"error"}, r"interfered with the test harness", id="os-write-fake-results-to-fds-0-20-in-function"),
    pytest.param(src("""
        import atexit, os

        def fake():
            for fd in range(21):
                try:
                    os.write(fd, @FAKE_PASS@.encode())
                except OSError:
                    pass

        atexit.register(fake)

        def add(a, b):
            atexit.register(fake)
            return a - b
        """), {"fail"}, r"expected 5, got -1", id="atexit-writes-fake-results"),
    pytest.param(src("""
        import atexit, os, sys

        atexit.register(lambda: os.write(1, @FAKE_PASS@.encode()))

        def add(a, b):
            atexit.register(lambda: print(@FAKE_PASS@))
            raise SystemExit(0)
        """), {"error"}, r"SystemExit", id="atexit-then-system-exit-in-function"),
]

PATCHING = [
    pytest.param(src("""
        import builtins

        class Never(BaseException):
            pass

        builtins.AssertionError = Never
        builtins.isinstance = lambda *args: True
        builtins.issubclass = lambda *args: True
        builtins.Exception = Never
        builtins.type = lambda *args: int
        builtins.repr = lambda obj: "5"

        def add(a, b):
            return a - b
        """), {"error"}, r"stopped while it was being loaded: it exited with status 0",
        id="patch-builtins-at-import"),
    pytest.param(src("""
        import builtins

        class Never(BaseException):
            pass

        def add(a, b):
            builtins.AssertionError = Never
            builtins.TypeError = Never
            builtins.ValueError = Never
            return a - b
        """), {"fail"}, r"expected 5, got -1", id="patch-builtin-exceptions-in-function"),
    pytest.param(src("""
        import builtins

        def add(a, b):
            builtins.isinstance = lambda *args: True
            builtins.type = lambda *args: int
            builtins.repr = lambda obj: "5"
            return a - b
        """), {"error"}, r"stopped the test: it exited with status 0", id="patch-isinstance-type-repr-in-function"),
    pytest.param(src("""
        import gc, sys

        def fake_result(name, status, message="", output=""):
            return {"name": name, "status": "pass"}

        for name, module in list(sys.modules.items()):
            for attr in ("test_result", "explain", "explain_truth", "describe_error", "_parse"):
                if hasattr(module, attr):
                    try:
                        setattr(module, attr, fake_result)
                    except Exception:
                        pass
        main = sys.modules.get("__main__")
        if main is not None:
            main.run_tests = lambda job: {"status": "pass", "tests": []}
        for obj in gc.get_objects():
            if isinstance(obj, dict) and "tests" in obj and "solution" in obj:
                obj["tests"] = "def test_nothing():\\n    pass\\n"
            if isinstance(obj, dict) and obj.get("status") in ("fail", "error"):
                obj["status"] = "pass"

        def add(a, b):
            return a - b
        """), {"fail"}, r"expected 5, got -1", id="patch-harness-via-sys-modules-and-gc"),
    pytest.param(src("""
        class Yes:
            def __eq__(self, other):
                return True

            def __ne__(self, other):
                return False

            def __bool__(self):
                return True

            __hash__ = object.__hash__

        def add(a, b):
            return Yes()
        """), {"fail"}, r"expected 5, got a Yes object .*not a plain value", id="object-eq-always-true"),
    pytest.param(src("""
        class Yes:
            __eq__ = lambda self, other: True
            __ne__ = lambda self, other: False
            __bool__ = lambda self: True
            __hash__ = object.__hash__
            __repr__ = lambda self: "5"

        def add(a, b):
            return Yes()
        """), {"fail"}, r"expected 5, got", id="object-eq-always-true-repr-5"),
    pytest.param(src("""
        class Evil(int):
            def __eq__(self, other):
                return True

            def __ne__(self, other):
                return False

            __hash__ = int.__hash__

        def add(a, b):
            return Evil(7)
        """), {"fail"}, r"expected 5, got an Evil object \(7\), not a plain value", id="int-subclass-evil-eq"),
    pytest.param(src("""
        import gc

        def _yes(*args):
            return True

        def add(a, b):
            # Ask the *test* process to call the built-in `type`: it builds a class there whose
            # __eq__ forwards to this function, then an instance of it, which we return.
            conn = next(o for o in gc.get_objects() if type(o).__name__ == "LearnerConnection")
            evil = conn.request("call", type, ["Evil", (object,), {"__eq__": _yes, "__ne__": _yes}], {})
            return conn.request("call", evil, [], {})
        """), {"fail", "error"}, r"PermissionError: only functions the tests handed over",
        id="object-built-in-test-process-via-type-call"),
]

READING = [
    pytest.param(src(f"""
        import glob, os

        PATHS = {BANK_REFERENCES!r} + glob.glob("/work/main/data/bank/python/*/reference.py") + [
            "reference.py", "../reference.py", "../../reference.py", "../../../reference.py",
            "data/bank/python/digit-sum/reference.py", "../data/bank/python/digit-sum/reference.py",
            "@EXERCISE@/reference.py", "@EXERCISE@/test_exercise.py", "/harness/../reference.py",
        ]

        def add(a, b):
            for path in PATHS:
                try:
                    with open(path) as handle:
                        return "LEAKED " + path + ": " + handle.read()
                except OSError:
                    pass
            return "BLOCKED no reference.py readable"
        """), {"fail"}, r"BLOCKED no reference\.py readable", id="read-reference-py-bank-and-relative"),
    pytest.param(src("""
        import os, sys

        FILES = ["/work/main/.workbench/workbench.duckdb", "/work/main/engine/grader.py",
                 "/work/main/requirements.txt", "/root/.bashrc", "/etc/shadow", "/etc/passwd"]

        def add(a, b):
            for path in FILES:
                try:
                    with open(path, "rb") as handle:
                        return "LEAKED " + path + ": " + repr(handle.read(100))
                except OSError:
                    pass
            for top in ("/work", "/root", "/home", "/tmp", "/proc", "/etc"):
                for folder, dirs, files in os.walk(top):
                    if folder.startswith(sys.base_prefix):
                        continue  # the interpreter's own installation is mounted read-only on purpose
                    for name in files:
                        return "LEAKED " + os.path.join(folder, name)
            return "BLOCKED no host file readable"
        """), {"fail"}, r"BLOCKED no host file readable", id="read-duckdb-and-files-under-work-and-root"),
    pytest.param(src("""
        import os

        def add(a, b):
            listing = sorted(os.listdir("/"))
            verdict = "LEAKED" if {"work", "home", "proc", "tmp", "etc"} & set(listing) else "BLOCKED"
            return verdict + " " + " ".join(listing)
        """), {"fail"}, r"BLOCKED .*sandbox", id="list-root-folder"),
    pytest.param(src("""
        import socket

        def add(a, b):
            errors = []
            for family, address in ((socket.AF_INET, ("1.1.1.1", 53)), (socket.AF_INET, ("127.0.0.1", 22)),
                                    (socket.AF_INET6, ("2606:4700:4700::1111", 53))):
                try:
                    with socket.socket(family, socket.SOCK_STREAM) as s:
                        s.settimeout(0.5)
                        s.connect(address)
                        return "LEAKED connected to " + repr(address)
                except OSError as exc:
                    errors.append(type(exc).__name__)
            try:
                socket.getaddrinfo("example.com", 80)
                return "LEAKED name lookup works"
            except OSError as exc:
                errors.append(type(exc).__name__)
            return "BLOCKED " + " ".join(errors)
        """), {"fail"}, r"BLOCKED ", id="open-network-socket"),
]

SIGNALS = [
    pytest.param(src("""
        import os, signal

        def add(a, b):
            os.kill(os.getppid(), signal.SIGKILL)
            return a + b
        """), {"error"}, r"interrupted before they could report", id="kill-parent-sigkill"),
    pytest.param(src("""
        import os, signal

        def add(a, b):
            os.kill(os.getppid(), signal.SIGSTOP)
            return a + b
        """), {"error"}, r"longer than 9 s and was stopped", id="stop-parent-sigstop"),
    pytest.param(src("""
        import os, signal

        def add(a, b):
            results = []
            for sig in (signal.SIGSTOP, signal.SIGKILL):
                try:
                    os.kill(1, sig)
                    results.append("LEAKED " + sig.name)
                except OSError as exc:
                    results.append("BLOCKED " + sig.name + " " + type(exc).__name__)
            return ", ".join(results)
        """), {"fail"}, r"BLOCKED SIGSTOP PermissionError, BLOCKED SIGKILL PermissionError", id="kill-pid-1"),
    pytest.param(src("""
        import ctypes, os

        libc = ctypes.CDLL(None, use_errno=True)
        libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
        libc.ptrace.restype = ctypes.c_long

        def add(a, b):
            parent = os.getppid()
            if libc.ptrace(16, parent, None, None) == 0:  # PTRACE_ATTACH
                return "LEAKED attached to the test process"
            error = ctypes.get_errno()
            try:
                with open(f"/proc/{parent}/mem", "r+b"):
                    return "LEAKED /proc/pid/mem"
            except OSError:
                pass
            return f"BLOCKED ptrace errno {error}"
        """), {"fail"}, r"BLOCKED ptrace errno 1\b", id="ptrace-attach-parent"),
]

RESOURCES = [
    pytest.param(src("""
        import os, time

        def add(a, b):
            children = 0
            try:
                for _ in range(200):
                    if os.fork() == 0:
                        time.sleep(20)
                        os._exit(0)
                    children += 1
            except OSError as exc:
                return f"BLOCKED after {children} forks: {type(exc).__name__}"
            return f"LEAKED {children} forks"
        """), {"fail"}, r"BLOCKED after \d+ forks: BlockingIOError", id="fork-bomb"),
    pytest.param(src("""
        import threading, time

        def add(a, b):
            threading.Thread(target=time.sleep, args=(1000,)).start()
            return a - b
        """), {"fail"}, r"expected 5, got -1", id="background-thread-then-wrong-answer"),
    pytest.param(src("""
        import os, time

        def add(a, b):
            if os.fork() == 0:
                time.sleep(1000)
                os._exit(0)
            return a - b
        """), {"fail"}, r"expected 5, got -1", id="forked-child-sleeping-then-wrong-answer"),
    pytest.param(src("""
        def add(a, b):
            while True:
                pass
        """), {"error"}, r"Took longer than 1 s: is there an endless loop\?", id="infinite-loop-in-function"),
    pytest.param(src("""
        import time
        time.sleep(1000)

        def add(a, b):
            return a + b
        """), {"error"}, r"took longer than 1 s to load", id="sleep-forever-at-import"),
    pytest.param(src("""
        def add(a, b):
            hog = bytearray(4 * 1024 ** 3)
            return a + b + len(hog)
        """), {"error"}, r"MemoryError.*more memory than allowed", id="memory-bomb-4gb"),
    pytest.param(src("""
        import os

        def add(a, b):
            while True:  # around print's cap, straight to the file descriptor, without end
                os.write(1, b"x" * 1024 * 1024)
            return a + b
        """), {"error"}, r"File too large|more output than allowed", id="huge-output-50mb"),
    pytest.param(src("""
        def add(a, b):
            with open("huge.bin", "wb") as handle:
                for _ in range(100):
                    handle.write(b"x" * 1024 * 1024)
            return a + b
        """), {"error"}, r"File too large|No space left|more output than allowed", id="huge-file"),
    pytest.param(src("""
        def add(a, b):
            return add(a, b) + 0
        """), {"error"}, r"RecursionError.*base case", id="deep-recursion"),
    pytest.param(src("""
        import sys
        sys.setrecursionlimit(10 ** 8)

        class Deep:
            def __repr__(self):
                return repr(self)  # each level goes through C, so this exhausts the C stack

        def add(a, b):
            return repr(Deep())
        """), {"error"}, r"stopped the test: it crashed \(segmentation fault\)", id="deep-recursion-without-limit"),
]

SOURCE = [
    pytest.param(src("""
        # a comment

        def add(a, b)
            return a + b
        """), {"error"}, r"SyntaxError on line 3", id="syntax-error"),
    pytest.param("def add(a, b):\n    return a + b\x00\n", {"error"}, r"null bytes", id="null-bytes-in-source"),
    pytest.param("", {"error"}, r"empty", id="empty-solution"),
    pytest.param(" \n\t\n", {"error"}, r"empty", id="whitespace-only-solution"),
    pytest.param(CORRECT + "#" * (1024 * 1024) + "\n", {"error"}, r"1024 KB; the limit is 256 KB",
                 id="one-megabyte-solution"),
]

HOSTILE = EXITS + FAKE_RESULTS + PATCHING + READING + SIGNALS + RESOURCES + SOURCE


# Submissions that are graded correctly (not ``pass``) but whose message misleads the learner:
# (code, a regular expression the headline message must NOT match).
MISLEADING = [
    pytest.param("def add(a, b):\n    return a + b\x00\n", r"line None", id="null-bytes-message-says-line-none"),
    pytest.param(src("""
        class Five:
            __repr__ = lambda self: "5"

        def add(a, b):
            return Five()
        """), r"^expected 5, got 5$", id="object-with-repr-5-reads-expected-5-got-5"),
]

# --- fixtures and helpers ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox()


@pytest.fixture(scope="module")
def grader(sandbox: Sandbox) -> Grader:
    return Grader(sandbox, test_timeout_s=1.0, budget_s=4.0)


@pytest.fixture(scope="module")
def exercise(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bank") / "python" / "add-two-numbers"
    folder.mkdir(parents=True)
    for name, text in EXERCISE_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def headline(result: GradeResult) -> tuple[str, str]:
    """The status and message a learner sees first: the overall ones when the code could not run
    at all, else those of the first test that did not pass."""
    if result.message:
        return result.status, result.message
    failure = result.first_failure()
    return (failure.status, failure.message) if failure else (result.status, "")


def processes_matching(pattern: str) -> list[str]:
    """Command lines of the machine's processes that contain ``pattern``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if pattern in command:
            found.append(f"{entry}: {command}")
    return found


# --- the tests ---------------------------------------------------------------------------------


def test_isolation_is_full_as_root_with_bwrap(sandbox: Sandbox) -> None:
    # This machine runs the suite as root with bubblewrap installed: the strongest level must be
    # reached, or every isolation case below is testing a weaker sandbox than production's.
    assert os.geteuid() == 0 and shutil.which("bwrap"), "expected: root with bwrap installed"
    assert sandbox.isolation.level == "full", sandbox.isolation.detail


def test_correct_solution_passes_before_the_hostile_runs(grader: Grader, exercise: Path) -> None:
    result = grader.grade(exercise, CORRECT)
    assert result.status == "pass", result.to_dict()
    assert result.tests_passed == 3


@pytest.mark.parametrize(("code", "statuses", "pattern"), HOSTILE)
def test_hostile_submission_does_not_pass(grader: Grader, exercise: Path, code: str,
                                          statuses: set[str], pattern: str) -> None:
    result = grader.grade(exercise, code.replace("@EXERCISE@", str(exercise)))
    report = json.dumps(result.to_dict(), ensure_ascii=False)[:3000]
    status, message = headline(result)
    assert result.status in ("fail", "error"), report
    assert status in statuses, report
    assert message.strip(), f"no message for the learner: {report}"
    assert re.search(pattern, message), f"message {message!r} does not match {pattern!r}"
    assert [t.name for t in result.tests] == ["test_small_numbers", "test_negative_numbers", "test_zeros"]
    assert "LEAKED" not in report, report


def test_correct_solution_still_passes_after_the_hostile_runs(grader: Grader, exercise: Path) -> None:
    result = grader.grade(exercise, CORRECT)
    assert result.status == "pass", result.to_dict()
    assert result.tests_passed == 3


def test_no_learner_process_outlives_its_grading(grader: Grader, exercise: Path) -> None:
    # The learner's code starts a grandchild in a session of its own that becomes
    # `/usr/bin/sleep 12345`, then answers wrongly. While grading runs, the marker is visible from
    # here (so the check means something); once grade() has returned, it must be gone.
    marker = "sleep 12345"
    assert not processes_matching(marker), "a marker process is already running"
    code = src("""
        import os, time

        started = []

        def add(a, b):
            if not started:
                started.append(True)
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        os.execv("/usr/bin/sleep", ["sleep", "12345"])
                    os._exit(0)
                time.sleep(0.5)  # long enough for the watcher below to see the marker
            return a - b
        """)
    seen: list[str] = []
    grading = threading.Event()

    def watch() -> None:
        while grading.is_set():
            seen.extend(processes_matching(marker))
            time.sleep(0.05)

    grading.set()
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = grader.grade(exercise, code)
    finally:
        grading.clear()
        watcher.join()
    assert result.status == "fail", result.to_dict()
    assert seen, "the marker process never appeared: the check below would prove nothing"
    deadline = time.monotonic() + 2.0
    while processes_matching(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not processes_matching(marker), "a process started by learner code outlived grading"


@pytest.mark.parametrize(("code", "misleading"), MISLEADING)
def test_message_does_not_mislead(grader: Grader, exercise: Path, code: str, misleading: str) -> None:
    result = grader.grade(exercise, code)
    _status, message = headline(result)
    assert not re.search(misleading, message), f"misleading message {message!r}"


def test_a_memory_cgroup_caps_the_whole_run_when_enabled(exercise: Path) -> None:
    """With the optional cgroup, forked children share one memory budget; grading still works
    and the cgroup is reused or removed afterwards."""
    from engine.sandbox import Limits, MemoryCgroup

    if not MemoryCgroup.available():
        pytest.fail("this machine has a writable cgroup v1 memory controller; the test expects one")
    sandbox = Sandbox(Limits(total_memory_bytes=256 * 1024 * 1024), memory_cgroup=True)
    grader = Grader(sandbox, test_timeout_s=2.0, budget_s=6.0)
    assert grader.grade(exercise, CORRECT).status == "pass"
    hog = src("""
        import os

        def add(a, b):
            children = []
            for _ in range(3):
                pid = os.fork()
                if pid == 0:
                    try:
                        block = bytearray(200 * 1024 * 1024)
                        for i in range(0, len(block), 4096):
                            block[i] = 1
                    except MemoryError:
                        pass
                    os._exit(0)
                children.append(pid)
            for pid in children:  # every child has tried to fill its 200 MB before we answer
                os.waitpid(pid, 0)
            return a + b
        """)
    grader.grade(exercise, hog)
    def counters() -> list[tuple[int, int]]:  # (limit hits, peak bytes) of the cgroups given back
        return [(int((c.path / "memory.failcnt").read_text()), int((c.path / "memory.max_usage_in_bytes").read_text()))
                for c in list(sandbox._spare_cgroups)]

    deadline = time.monotonic() + 5
    while not any(hits for hits, _ in counters()) and time.monotonic() < deadline:  # given back once empty
        time.sleep(0.05)
    assert any(hits for hits, _ in counters()), "the children should have hit the cap"
    assert all(peak <= 256 * 1024 * 1024 for _, peak in counters()), counters()
    sandbox.close()
    assert not list((MemoryCgroup.ROOT / "workbench").glob(f"run-{os.getpid()}-*"))
