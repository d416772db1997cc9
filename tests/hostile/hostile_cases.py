"""What the hostile-submission files share: the exercise their cases answer, and how they are graded.

The suite is split by what the hostile code attacks (test_hostile_harness.py, test_hostile_isolation.py,
test_hostile_resources.py, test_hostile_source.py). Every case is a ``solution.py`` for the add-two-numbers
exercise below, graded by ``hostile_grader``; none may grade ``pass``, and each must come back with a message
that tells the learner what happened.

Cases that probe isolation return ``"BLOCKED ..."`` when the sandbox stopped them and
``"LEAKED ..."`` when it did not: the answer is wrong either way (so the grade is ``fail``), and
the failure message carries the verdict out of the sandbox for the test to read.

The folder's conftest.py gives every file one ``sandbox``, ``grader`` and ``exercise`` for the whole folder,
in place of tests/conftest.py's: a grader that has met every case before must still grade the correct
solution ``pass`` (test_hostile_resources.py checks it last).
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

from engine.grader import Grader, GradeResult
from engine.sandbox import Sandbox

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


def hostile_grader(sandbox: Sandbox) -> Grader:
    """The grader every case meets: 1 s a test, 4 s in all (the messages the cases expect depend on them)."""
    return Grader(sandbox, test_timeout_s=1.0, budget_s=4.0)


def write_add_two_numbers(root: Path) -> Path:
    """The add-two-numbers exercise in a bank under ``root``; returns its folder."""
    folder = root / "python" / "add-two-numbers"
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


def graded_without_a_pass(grader: Grader, exercise: Path, code: str, statuses: set[str], pattern: str) -> None:
    """What every hostile case must come to: not ``pass``, a headline of one of ``statuses`` whose message
    matches ``pattern``, the exercise's three tests reported, and no ``LEAKED`` verdict anywhere."""
    result = grader.grade(exercise, code.replace("@EXERCISE@", str(exercise)))
    report = json.dumps(result.to_dict(), ensure_ascii=False)[:3000]
    status, message = headline(result)
    assert result.status in ("fail", "error"), report
    assert status in statuses, report
    assert message.strip(), f"no message for the learner: {report}"
    assert re.search(pattern, message), f"message {message!r} does not match {pattern!r}"
    assert [t.name for t in result.tests] == ["test_small_numbers", "test_negative_numbers", "test_zeros"]
    assert "LEAKED" not in report, report
