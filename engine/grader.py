"""The grader: runs an exercise's tests against a learner's code in the sandbox.

The result has the shape of Exercism's test-runner ``results.json`` (version 2): an overall
``status`` (``pass`` only when every test ran and passed), a ``message`` when the code could not
run at all, and each test in file order with its own status, message and captured output.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.bank import Exercise, load_exercise
from engine.sandbox import Sandbox

log = logging.getLogger(__name__)

STATUSES = ("pass", "fail", "error")


@dataclass(frozen=True)
class TestResult:
    name: str
    status: str
    message: str = ""
    output: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"name": self.name, "status": self.status}
        if self.message:
            result["message"] = self.message
        if self.output:
            result["output"] = self.output
        return result


@dataclass(frozen=True)
class GradeResult:
    status: str
    message: str = ""
    tests: tuple[TestResult, ...] = field(default=())
    duration_ms: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def tests_passed(self) -> int:
        return sum(t.passed for t in self.tests)

    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if not t.passed), None)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"version": 2, "status": self.status}
        if self.message:
            result["message"] = self.message
        result["tests"] = [t.to_dict() for t in self.tests]
        result["duration_ms"] = round(self.duration_ms, 1)
        return result


class SolutionRefused(ValueError):
    """A submission that is not graded at all (empty, too large): nothing is run and nothing recorded."""


class Grader:
    """Grades code against exercises. ``max_solution_bytes`` refuses oversized code up front."""

    def __init__(self, sandbox: Sandbox, *, test_timeout_s: float = 2.0, budget_s: float = 10.0,
                 max_solution_bytes: int = 256 * 1024) -> None:
        self.sandbox = sandbox
        self.test_timeout_s = test_timeout_s
        self.budget_s = budget_s
        self.max_solution_bytes = max_solution_bytes

    def grade(self, exercise: Exercise | Path | str, code: str) -> GradeResult:
        """Run the tests of ``exercise`` (an Exercise or an exercise folder) against ``code``."""
        if not isinstance(exercise, Exercise):
            exercise = load_exercise(Path(exercise))
        names = exercise.test_names
        refusal = self.refusal(code)
        if refusal:
            return _all_error(names, refusal)
        per_test = exercise.time_limit_s or self.test_timeout_s
        budget = max(self.budget_s, per_test * 2)
        job = {"tests": exercise.tests, "solution": code, "test_timeout_s": per_test, "budget_s": budget}
        run = self.sandbox.run(job, wall_s=budget + 5.0)
        if run.timed_out:
            return _all_error(names, f"Grading took longer than {budget + 5:g} s and was stopped.", run.duration_ms)
        if run.result is None:
            log.warning("harness failed (exit %s): %s", run.returncode, run.stderr[-2000:].decode(errors="replace"))
            return _all_error(names, "The tests were interrupted before they could report: "
                              "your code may have stopped the test process.", run.duration_ms)
        return _parse(run.result, names, run.duration_ms)

    def refusal(self, code: Any) -> str:
        """Why ``code`` is not run at all (empty, too large, not text), or "" when it is."""
        if not isinstance(code, str):
            return "The solution must be text."
        if not code.strip():
            return "The solution is empty: write some code first."
        try:
            size = len(code.encode("utf-8"))
        except UnicodeEncodeError:
            return "The solution contains characters that are not valid text."
        if size > self.max_solution_bytes:
            return (f"The solution is {size / 1024:.0f} KB; the limit is "
                    f"{self.max_solution_bytes / 1024:.0f} KB. Nothing was run.")
        return ""

    def check(self, exercise: Exercise) -> list[str]:
        """Problems with an exercise: its reference must pass and its starter must fail."""
        problems = []
        reference = self.grade(exercise, exercise.reference)
        if not reference.passed:
            failure = reference.first_failure()
            detail = reference.message or (f"{failure.name}: {failure.message}" if failure else "")
            problems.append(f"reference does not pass ({reference.status}: {detail})")
        starter = self.grade(exercise, exercise.starter)
        if starter.passed:
            problems.append("starter passes the tests")
        return problems


def _all_error(names: tuple[str, ...], message: str, duration_ms: float = 0.0) -> GradeResult:
    tests = tuple(TestResult(n, "error", message) for n in names)
    return GradeResult("error", message, tests, duration_ms)


def _parse(raw: dict[str, Any], names: tuple[str, ...], duration_ms: float) -> GradeResult:
    by_name = {t.get("name"): t for t in raw.get("tests", []) if isinstance(t, dict)}
    tests = []
    for name in names:
        t = by_name.get(name)
        if t is None:
            tests.append(TestResult(name, "error", "This test did not report a result."))
            continue
        test_status = str(t.get("status")) if t.get("status") in STATUSES else "error"
        tests.append(TestResult(name, test_status, str(t.get("message", "")), str(t.get("output", ""))))
    status = str(raw.get("status")) if raw.get("status") in STATUSES else "error"
    if status == "pass" and not (tests and all(t.passed for t in tests)):
        status = "fail"
    return GradeResult(status, str(raw.get("message", "")), tuple(tests), duration_ms)
