"""The grader on code that cannot be graded or that raises: refusals, load errors, exceptions, time limits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories import ADD_REFERENCE
from grade_shape import check_shape

from engine.grader import Grader
from engine.sandbox import Sandbox

# -- code that cannot be graded -------------------------------------------------------------------

REFUSED = [
    ("empty", "", "The solution is empty"),
    ("blank", "   \n\t\n", "The solution is empty"),
    ("one-megabyte", "# padding\n" * 104_858, "the limit is 256 KB. Nothing was run."),
    ("lone-surrogate", "def add(a, b):\n    return '\ud800'\n", "not valid text"),
    ("not-text", b"def add(a, b): return a + b", "The solution must be text."),
]


@pytest.mark.parametrize(("code", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused_before_running(grader: Grader, make_exercise: Callable[..., Path], code: object,
                                message: str) -> None:
    result = grader.grade(make_exercise(), code)  # type: ignore[arg-type]
    assert result.status == "error"
    assert message in result.message
    assert result.duration_ms == 0.0  # nothing ran
    assert [t.name for t in result.tests] == ["test_small_numbers", "test_negative_numbers", "test_zero"]
    assert all(t.status == "error" and t.message == result.message for t in result.tests)
    check_shape(result.to_dict())


def test_size_limit_is_configurable(sandbox: Sandbox, make_exercise: Callable[..., Path]) -> None:
    small = Grader(sandbox, max_solution_bytes=100)
    assert "Nothing was run" in small.grade(make_exercise(), ADD_REFERENCE + "#" * 100).message
    assert small.grade(make_exercise(), ADD_REFERENCE).passed


LOAD_ERRORS = [
    ("syntax-error", "x = 1\n\ndef add(a, b)\n    return a + b\n", ["SyntaxError", "line 3"]),
    ("indentation-error", "def add(a, b):\nreturn a + b\n", ["IndentationError", "line 2"]),
    ("unclosed-bracket", "def add(a, b):\n    return (a + b\n", ["SyntaxError", "line 2"]),
    ("null-byte", "def add(a, b):\n    return a + b\x00\n", ["null byte"]),
    ("wrong-name", "def plus(a, b):\n    return a + b\n", ["must define `add`: the tests import it from your code"]),
    ("not-a-function-defined", "# TODO\n", ["must define `add`"]),
    ("raises-at-import", "x = 1\ny = x / 0\n\ndef add(a, b):\n    return a + b\n",
     ["ZeroDivisionError", "division by zero", "(your code, line 2)"]),
    ("exit-at-import", "import sys\nsys.exit(3)\n", ["exited while it was being loaded"]),
    ("import-missing-module", "import numpy_that_does_not_exist\n", ["ModuleNotFoundError", "line 1"]),
]


@pytest.mark.parametrize(("code", "parts"), [e[1:] for e in LOAD_ERRORS], ids=[e[0] for e in LOAD_ERRORS])
def test_code_that_does_not_load_is_an_error_with_a_clear_message(grader: Grader, make_exercise: Callable[..., Path],
                                                                  code: str, parts: list[str]) -> None:
    result = grader.grade(make_exercise(), code)
    assert result.status == "error"
    for part in parts:
        assert part in result.message
    assert "None" not in result.message  # no "line None" and the like
    assert all(t.status == "error" for t in result.tests)
    check_shape(result.to_dict())


RUNTIME_ERRORS = [
    ("key-error", "def add(a, b):\n    table = {}\n    return table[a]\n", "KeyError: 2 (your code, line 3)"),
    ("type-error", "def add(a, b):\n    return a + 'b'\n", "TypeError"),
    ("recursion", "def add(a, b):\n    return add(a, b)\n",
     "(your code, line 2), while the test ran add(2, 3) == 5. Does the recursion reach a base case?"),
    ("custom-exception", "class Nope(Exception):\n    pass\n\n\ndef add(a, b):\n    raise Nope('no way')\n",
     "Nope: no way (your code, line 6)"),
    ("not-implemented", "def add(a, b):\n    raise NotImplementedError('write add')\n",
     "NotImplementedError: write add (your code, line 2)"),
    ("exit-in-function", "import sys\n\n\ndef add(a, b):\n    sys.exit(0)\n", "SystemExit"),
]


def test_no_message_names_the_file_the_learner_never_sees(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    """The learner's code is saved as solution.py beside the tests; they only know it as "your code"."""
    folder = make_exercise()
    messages = []
    for _, code, _ in LOAD_ERRORS + RUNTIME_ERRORS:
        result = grader.grade(folder, code)
        messages += [result.message, *(t.message for t in result.tests)]
    assert not [m for m in messages if "solution" in m]


def test_a_traceback_the_code_prints_names_it_as_your_code(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    """Its own frames, and a warning's place, keep their line numbers; other files keep their names."""
    code = ("import traceback, warnings\n\n\ndef add(a, b):\n    try:\n        {}[a]\n    except KeyError:\n"
            "        traceback.print_exc()\n    warnings.warn('careful')\n    return a + b\n")
    result = grader.grade(make_exercise(), code)
    assert result.passed
    output = result.tests[0].output
    assert output.startswith('Traceback (most recent call last):\n  File "your code", line 6, in add\n'), output
    assert "your code, line 9: UserWarning: careful\n" in output
    assert "solution" not in output


@pytest.mark.parametrize(("code", "message"), [e[1:] for e in RUNTIME_ERRORS], ids=[e[0] for e in RUNTIME_ERRORS])
def test_an_exception_in_learner_code_names_it_and_the_line(grader: Grader, make_exercise: Callable[..., Path],
                                                            code: str, message: str) -> None:
    result = grader.grade(make_exercise(), code)
    assert result.status == "fail"  # the code ran; tests errored
    first = result.tests[0]
    assert first.status == "error"
    assert message in first.message
    assert not result.passed


STEP_TESTS = """\
from solution import Tally


def helper_adds(tally, items):
    for item in items:
        tally.add(item)


def test_assert():
    tally = Tally()
    assert tally.add("x") == 1


def test_statement():
    tally = Tally()
    tally.add("x")


def test_loop_header():
    for count in Tally().counts(
            "a"):
        assert count


def test_in_a_helper():
    helper_adds(Tally(), ["x", "y"])


def test_the_tests_own_slip():
    assert {"x": 1}["y"] == 1
"""

STEP_CODE = """\
class Tally:
    def add(self, item):
        self.seen[item] = self.seen.get(item, 0) + 1
        return self.seen[item]

    def counts(self, item):
        return iter(self.missing)
"""


def test_an_error_names_the_step_of_the_test_that_was_running(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    """A crash deep in the learner's class says which step of the test led to it, as a failed
    comparison says which call: an assertion by its condition, a loop by its first line, a helper's
    step by its own line. An error of the test itself is placed the same way."""
    folder = make_exercise("tally", tests=STEP_TESTS, reference=STEP_CODE, starter=STEP_CODE)
    messages = {t.name: t.message for t in grader.grade(folder, STEP_CODE).tests}
    missing = "AttributeError: 'Tally' object has no attribute 'seen' (your code, line 3)"
    assert messages == {
        "test_assert": f'{missing}, while the test ran tally.add("x") == 1',
        "test_statement": f'{missing}, while the test ran tally.add("x")',
        "test_loop_header": "AttributeError: 'Tally' object has no attribute 'missing' (your code, line 7), "
                            'while the test ran for count in Tally().counts( "a")',
        "test_in_a_helper": f"{missing}, while the test ran tally.add(item)",
        "test_the_tests_own_slip": """KeyError: 'y', while the test ran {"x": 1}["y"] == 1""",
    }


def test_one_erroring_test_does_not_stop_the_others(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    code = "def add(a, b):\n    if a < 0:\n        raise ValueError('negative')\n    return a + b\n"
    result = grader.grade(make_exercise(), code)
    assert [t.status for t in result.tests] == ["pass", "error", "pass"]
    assert result.status == "fail"


def test_an_endless_loop_times_out_one_test_only(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise(extra_toml="time_limit_s = 0.5\n")
    code = "def add(a, b):\n    while a < 0:\n        pass\n    return a + b\n"
    result = grader.grade(folder, code)
    assert [t.status for t in result.tests] == ["pass", "error", "pass"]
    assert "Took longer than 0.5 s" in result.tests[1].message
    assert result.status == "fail"
