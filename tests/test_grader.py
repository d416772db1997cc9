"""The grader: real tests run in the real sandbox; results have the shape of DESIGN.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories import ADD_REFERENCE
from grade_shape import check_shape

from engine.bank import Bank, load_exercise
from engine.grader import Grader, GradeResult
from engine.grader import TestResult as Outcome  # aliased: pytest would try to collect Test*

# -- the result types, without running anything ------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (GradeResult("pass", tests=(Outcome("test_a", "pass"),), duration_ms=12.345),
         {"version": 2, "status": "pass", "tests": [{"name": "test_a", "status": "pass"}], "duration_ms": 12.3}),
        (GradeResult("fail", tests=(Outcome("test_a", "fail", "expected 5, got 4", "hi\n"),
                                    Outcome("test_b", "pass")), duration_ms=1.0),
         {"version": 2, "status": "fail",
          "tests": [{"name": "test_a", "status": "fail", "message": "expected 5, got 4", "output": "hi\n"},
                    {"name": "test_b", "status": "pass"}], "duration_ms": 1.0}),
        (GradeResult("error", "SyntaxError on line 2: invalid syntax",
                     (Outcome("test_a", "error", "SyntaxError on line 2: invalid syntax"),)),
         {"version": 2, "status": "error", "message": "SyntaxError on line 2: invalid syntax",
          "tests": [{"name": "test_a", "status": "error", "message": "SyntaxError on line 2: invalid syntax"}],
          "duration_ms": 0.0}),
    ],
    ids=["pass", "fail-with-output", "error-with-message"],
)
def test_to_dict(result: GradeResult, expected: dict) -> None:
    assert result.to_dict() == expected
    check_shape(result.to_dict())
    assert list(result.to_dict()) == [k for k in ("version", "status", "message", "tests", "duration_ms")
                                      if k in expected]


def test_result_helpers() -> None:
    result = GradeResult("fail", tests=(Outcome("a", "pass"), Outcome("b", "fail", "no"),
                                        Outcome("c", "error", "boom")))
    assert not result.passed
    assert result.tests_passed == 1
    assert result.first_failure() == Outcome("b", "fail", "no")
    assert GradeResult("pass", tests=(Outcome("a", "pass"),)).first_failure() is None


# -- real bank exercises -----------------------------------------------------------------------------

REAL = ["python/apply-n-times", "python/tally-votes", "python/rectangle-class", "python/peekable-iterator",
        "python/validate-age-input"]


@pytest.mark.parametrize("exercise_id", REAL)
def test_real_reference_passes_and_starter_fails(grader: Grader, bank: Bank, exercise_id: str) -> None:
    exercise = bank.get(exercise_id)
    reference = grader.grade(exercise, exercise.reference)
    assert reference.status == "pass", reference.to_dict()
    assert [t.name for t in reference.tests] == list(exercise.test_names)
    assert all(t.status == "pass" and not t.message for t in reference.tests)
    assert reference.message == ""
    assert reference.duration_ms > 0
    check_shape(reference.to_dict())

    starter = grader.grade(exercise, exercise.starter)
    assert starter.status in ("fail", "error")
    assert not starter.passed and starter.tests_passed < len(exercise.test_names)
    check_shape(starter.to_dict())


def test_real_wrong_answer_says_expected_and_got(grader: Grader, bank: Bank) -> None:
    exercise = bank.get("python/apply-n-times")
    wrong = "def apply_n_times(func, n, value):\n    for _ in range(n - 1):\n        value = func(value)\n    return value\n"
    result = grader.grade(exercise, wrong)
    assert result.status == "fail"
    first = result.tests[0]
    assert (first.name, first.status, first.message) == ("test_add_one_five_times", "fail",
                                                         "apply_n_times(lambda x: x + 1, 5, 0): expected 5, got 4")


def test_grade_takes_a_folder_path(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise()
    for where in (folder, str(folder)):
        assert grader.grade(where, ADD_REFERENCE).status == "pass"



def test_gradings_wait_their_turn_beyond_the_cores(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    """Each grading may hold gigabytes: beyond ``RUNS_AT_ONCE`` at a time, the others wait (counted by this
    process's children that run a harness, one per grading, as the kernel lists them)."""
    import os
    import threading

    from engine.sandbox import RUNS_AT_ONCE

    folder, slow = make_exercise(), "import time\ntime.sleep(0.4)\n" + ADD_REFERENCE
    results: list[str] = []
    most, done = 0, threading.Event()

    def harnesses() -> int:
        running = 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                parent = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
                running += parent == os.getpid() and b"/harness/main.py" in open(f"/proc/{pid}/cmdline", "rb").read()
            except (OSError, IndexError, ValueError):
                continue
        return running

    def watch() -> None:
        nonlocal most
        while not done.is_set():
            most = max(most, harnesses())

    watcher = threading.Thread(target=watch)
    watcher.start()
    gradings = [threading.Thread(target=lambda: results.append(grader.grade(folder, slow).status))
                for _ in range(RUNS_AT_ONCE + 2)]
    for thread in gradings:
        thread.start()
    for thread in gradings:
        thread.join()
    done.set()
    watcher.join()
    assert results == ["pass"] * (RUNS_AT_ONCE + 2)
    assert 1 <= most <= RUNS_AT_ONCE


# -- checking exercises -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "starter", "problems"),
    [
        (ADD_REFERENCE, "def add(a, b):\n    return 0\n", []),
        ("def add(a, b):\n    return a - b\n", "def add(a, b):\n    return 0\n", ["reference does not pass (fail: "]),
        ("def add(a, b)\n", "def add(a, b):\n    return 0\n", ["reference does not pass (error: SyntaxError"]),
        (ADD_REFERENCE, ADD_REFERENCE, ["starter passes the tests"]),
        ("def add(a, b):\n    return 0\n", ADD_REFERENCE, ["reference does not pass", "starter passes the tests"]),
    ],
    ids=["good", "reference-fails", "reference-does-not-load", "starter-passes", "swapped"],
)
def test_check_finds_bad_exercises(grader: Grader, make_exercise: Callable[..., Path], reference: str,
                                   starter: str, problems: list[str]) -> None:
    exercise = load_exercise(make_exercise(reference=reference, starter=starter))
    found = grader.check(exercise)
    assert len(found) == len(problems)
    for got, expected in zip(found, problems, strict=True):
        assert got.startswith(expected), got


def test_check_says_which_test_the_reference_fails(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    exercise = load_exercise(make_exercise(reference="def add(a, b):\n    return a + b if a >= 0 else 0\n"))
    (problem,) = grader.check(exercise)
    assert "test_negative_numbers: add(-2, -3): expected -5, got 0" in problem
