"""Hostile submissions that reach outside the sandbox: files, the network and other processes.

Each case tries to read what a learner must not see (the bank's reference solutions and tests, the
DuckDB file, the host's files, the listing of ``/``), to connect out or look a name up, or to signal or
ptrace the processes around it. The sandbox must stop them all, and at its strongest level: on this
machine (root, with bubblewrap) anything less means every case here tests a weaker sandbox than
production's. Cases report ``BLOCKED``/``LEAKED`` through their wrong answer (see hostile_cases.py).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hostile_cases import graded_without_a_pass, src

from engine.grader import Grader
from engine.sandbox import Sandbox

REPO = Path(__file__).resolve().parents[1]
BANK_REFERENCES = sorted(str(p) for p in (REPO / "data" / "bank" / "python").glob("*/reference.py"))

# --- the hostile submissions -------------------------------------------------------------------
# (code, statuses its headline may have, regular expression its headline message must match);
# the headline is the overall status and message when the code could not run at all, else the
# first test that did not pass (see ``hostile_cases.headline``).

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

HOSTILE = READING + SIGNALS

# --- the tests ---------------------------------------------------------------------------------


def test_isolation_is_full_as_root_with_bwrap(sandbox: Sandbox) -> None:
    # This machine runs the suite as root with bubblewrap installed: the strongest level must be
    # reached, or every isolation case below is testing a weaker sandbox than production's.
    assert os.geteuid() == 0 and shutil.which("bwrap"), "expected: root with bwrap installed"
    assert sandbox.isolation.level == "full", sandbox.isolation.detail


@pytest.mark.parametrize(("code", "statuses", "pattern"), HOSTILE)
def test_hostile_submission_does_not_pass(grader: Grader, exercise: Path, code: str,
                                          statuses: set[str], pattern: str) -> None:
    graded_without_a_pass(grader, exercise, code, statuses, pattern)
