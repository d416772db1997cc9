"""Hostile submissions that attack the grading harness itself, to fake a pass.

Each case is a ``solution.py`` that cheats instead of answering: it exits before or during the tests (so
that nothing reports a failure), prints or writes a results.json saying everything passed (to stdout and
stderr, to every file descriptor, from ``atexit``), patches builtins or the harness's own functions,
returns objects that equal everything, or looks for the hidden tests in its own memory to answer from them.
A grade is only worth anything if the code being graded cannot write it: none may grade ``pass``, and each
must come back with a message that tells the learner what happened.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cases import graded_without_a_pass, src

from engine.grader import Grader

# --- the hostile submissions -------------------------------------------------------------------
# (code, statuses its headline may have, regular expression its headline message must match);
# the headline is the overall status and message when the code could not run at all, else the
# first test that did not pass (see ``hostile_cases.headline``).

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

# The tests are hidden: code that found them could answer each call from its assert instead of solving anything.
# Each of these answers only when it found them, so a pass would mean the tests were in its reach.
READING_THE_TESTS = [
    pytest.param(src("""
        import sys

        def _found():
            frame = sys._getframe()
            while frame:
                if any("def test_" in str(value) for value in frame.f_locals.values()):
                    return True
                frame = frame.f_back
            return False

        FOUND = _found()

        def add(a, b):
            return a + b if FOUND else None
        """), {"fail"}, r"expected 5, got None", id="tests-in-the-frames-at-import"),
    pytest.param(src("""
        import gc

        def _found():
            for thing in gc.get_objects():
                if isinstance(thing, dict) and "def test_" in str(thing.get("tests", "")):
                    return True
                if type(thing).__name__ == "function" and thing.__name__ == "test_small_numbers":
                    return True
            return False

        def add(a, b):
            return a + b if _found() else None
        """), {"fail"}, r"expected 5, got None", id="tests-among-the-garbage-collectors-objects"),
    pytest.param(src("""
        import gc, os

        def add(a, b):
            # the first call kills its process: the next test starts a new one, after the tests were compiled
            if not os.path.exists("started"):
                open("started", "w").close()
                os._exit(1)
            functions = [t for t in gc.get_objects() if type(t).__name__ == "function"]  # not the proxies': asked, they fail
            if any(f.__name__ == "test_small_numbers" for f in functions):
                raise RuntimeError("LEAKED: the tests were in reach")
        """), {"error"}, r"stopped the test: it exited with status 1", id="tests-in-a-restarted-process"),
]

HOSTILE = EXITS + FAKE_RESULTS + PATCHING + READING_THE_TESTS

# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "statuses", "pattern"), HOSTILE)
def test_hostile_submission_does_not_pass(grader: Grader, exercise: Path, code: str,
                                          statuses: set[str], pattern: str) -> None:
    graded_without_a_pass(grader, exercise, code, statuses, pattern)


KILLS_THE_NEXT_PROCESS = src("""
    import os, signal, time

    def add(a, b):
        if not os.path.exists("first"):  # the first test: leave a process behind that kills the harness's next one
            open("first", "w").close()
            if os.fork() == 0:
                if os.fork() == 0:  # a grandchild, not the harness's child; it holds none of the harness's sockets
                    os.closerange(3, 256)
                    target, end = os.getpid() + 1, time.monotonic() + 3
                    while time.monotonic() < end:
                        try:
                            os.kill(target, 0)
                        except ProcessLookupError:
                            continue
                        time.sleep(@DELAY@)
                        os.kill(target, signal.SIGKILL)
                        open("killed", "w").write(str(target))
                        break
                os._exit(0)
            os._exit(1)
        if not os.path.exists("killed"):
            return "the next process was not killed"
        try:
            os.kill(int(open("killed").read()), 0)
        except ProcessLookupError:
            return "REAPED"
        return "LEAKED: the killed process is a zombie of the harness"
    """)


@pytest.mark.parametrize("delay", [
    pytest.param(0, id="as-soon-as-it-is-forked"),  # before its setup is sent, or as it is
    pytest.param(0.005, id="its-setup-sent-and-unread"),  # its connection is then reset, not closed
])
def test_a_learner_process_killed_while_starting_again_is_reaped_and_said_so(grader: Grader, exercise: Path,
                                                                               delay: float) -> None:
    """The second test's process is killed as it starts: that test says so, the process is reaped there (not left
    a zombie, holding one of the few processes allowed, until the grading ends, each later test failing on its
    broken connection), and the third test runs in a process of its own."""
    result = grader.grade(exercise, KILLS_THE_NEXT_PROCESS.replace("@DELAY@", str(delay)))
    first, second, third = result.tests
    assert (first.status, first.message) == ("error", "Your code stopped the test: it exited with status 1"), result
    assert (second.status, second.message) == ("error", "Your code stopped the test: it was killed (too much memory "
                                                        "or time)"), result
    assert (third.status, third.message) == ("fail", "add(0, 0): expected 0, got 'REAPED'"), result
