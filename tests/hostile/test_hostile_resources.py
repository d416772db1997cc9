"""Hostile submissions that exhaust the machine: processes, time, memory, output and the stack.

A fork bomb, endless loops and sleeps, a 4 GB allocation, endless output, a huge file and runaway recursion
must each be stopped by the sandbox's limits, with a message that says what happened; threads and children
left running must not stop a wrong answer being graded as one. No process the learner started may outlive
its grading, and the optional memory cgroup must cap a run's forked children together. A correct solution is
graded before and after the cases on the same grader: whatever they leave behind must not fail the next learner.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from hostile_cases import CORRECT, graded_without_a_pass, src

from engine.grader import Grader
from engine.sandbox import Sandbox

# --- the hostile submissions -------------------------------------------------------------------
# (code, statuses its headline may have, regular expression its headline message must match);
# the headline is the overall status and message when the code could not run at all, else the
# first test that did not pass (see ``hostile_cases.headline``).

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

HOSTILE = RESOURCES

# --- the tests ---------------------------------------------------------------------------------


def test_correct_solution_passes_before_the_hostile_runs(grader: Grader, exercise: Path) -> None:
    result = grader.grade(exercise, CORRECT)
    assert result.status == "pass", result.to_dict()
    assert result.tests_passed == 3


@pytest.mark.parametrize(("code", "statuses", "pattern"), HOSTILE)
def test_hostile_submission_does_not_pass(grader: Grader, exercise: Path, code: str,
                                          statuses: set[str], pattern: str) -> None:
    graded_without_a_pass(grader, exercise, code, statuses, pattern)


def test_correct_solution_still_passes_after_the_hostile_runs(grader: Grader, exercise: Path) -> None:
    result = grader.grade(exercise, CORRECT)
    assert result.status == "pass", result.to_dict()
    assert result.tests_passed == 3


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
