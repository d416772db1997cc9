"""The grader: real tests run in the real sandbox; results have the shape of DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import ADD_REFERENCE, write_exercise

from engine.bank import Bank, load_exercise
from engine.grader import Grader, GradeResult
from engine.grader import TestResult as Outcome  # aliased: pytest would try to collect Test*
from engine.sandbox import Sandbox

TOP_KEYS = {"version", "status", "message", "tests", "duration_ms"}
TEST_KEYS = {"name", "status", "message", "output"}
STATUSES = {"pass", "fail", "error"}


def check_shape(result: dict) -> None:
    """The DESIGN.md grade result (Exercism results.json v2)."""
    assert set(result) <= TOP_KEYS
    assert {"status", "tests", "duration_ms"} <= set(result)
    assert result.get("version", 2) == 2
    assert result["status"] in STATUSES
    if result["status"] == "error":
        assert result["message"]  # says why nothing could run
    assert isinstance(result["duration_ms"], float)
    for test in result["tests"]:
        assert set(test) <= TEST_KEYS and {"name", "status"} <= set(test)
        assert test["status"] in STATUSES
        assert all(isinstance(test[k], str) for k in test)
    json.dumps(result)  # serialisable as it is


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


# -- messages and output, on small exercises of our own ---------------------------------------------


@pytest.mark.parametrize(
    ("code", "first_message"),
    [
        ("def add(a, b):\n    return a + b - 1\n", "add(2, 3): expected 5, got 4"),
        ("def add(a, b):\n    return None\n", "add(2, 3): expected 5, got None"),
        ("def add(a, b):\n    return str(a + b)\n", "add(2, 3): expected 5, got '5'"),
        ("def add(a, b):\n    return [a, b]\n", "add(2, 3): expected 5, got [2, 3]"),
        ("def add(a, b):\n    return 5.0000001\n", "add(2, 3): expected 5, got 5.0000001"),
    ],
    ids=["off-by-one", "none", "string-not-int", "list", "float"],
)
def test_plain_assert_explains_expected_and_got(grader: Grader, make_exercise: Callable[..., Path],
                                                code: str, first_message: str) -> None:
    result = grader.grade(make_exercise(), code)
    assert result.status == "fail"
    assert result.tests[0].status == "fail"
    assert result.tests[0].message == first_message
    assert "message" not in result.to_dict()  # only errors carry a top-level message


CALL_TESTS = """\
from solution import add


def test_in_a_loop():
    for a, b in [(1, 1), (2, 3)]:
        assert add(a, b=b) == a + b


def test_a_function_argument():
    assert add(lambda: 1, 2) == 3


def test_assigned_before():
    got = add(2, 3)
    assert got == 5, f"expected 5, got {got!r}"


def test_assigned_then_changed():
    got = add(2, 3)
    got = got * 1
    assert got == 5


def test_a_message_of_its_own():
    assert add(2, 3) == 5, "two and three make five"


def test_unpacked_arguments():
    pair = (2, 3)
    assert add(*pair) == 5


def test_each_part_evaluated_once():
    seen = []
    assert add(seen.append(1) or 2, 3) == 5
    assert seen == [1]
"""


def test_a_failed_comparison_names_the_call_that_gave_the_value(grader: Grader,
                                                                 make_exercise: Callable[..., Path]) -> None:
    """"add(2, 3): expected 5, got 4": the learner need not guess the input. A call compared directly
    is named with its arguments' values (the case a loop was at), a function argument by its source; a
    name given a call's result before, by that call as written; a message of the test's own that does
    not begin with "expected" stays as written."""
    folder = make_exercise("calls", tests=CALL_TESTS)
    code = "def add(a, b):\n    return (a() if callable(a) else a) + b - 1\n"
    messages = {t.name: t.message for t in grader.grade(folder, code).tests}
    assert messages == {
        "test_in_a_loop": "add(1, b=1): expected 2, got 1",
        "test_a_function_argument": "add(lambda: 1, 2): expected 3, got 2",
        "test_assigned_before": "add(2, 3): expected 5, got 4",
        "test_assigned_then_changed": "expected 5, got 4",  # got is no longer what add gave
        "test_a_message_of_its_own": "two and three make five",
        "test_unpacked_arguments": "expected 5, got 4",
        "test_each_part_evaluated_once": "add(2, 3): expected 5, got 4",
    }
    right = "def add(a, b):\n    return (a() if callable(a) else a) + b\n"
    assert grader.grade(folder, right).status == "pass"  # and each part of a call is evaluated once


ORDER_TESTS = """\
from solution import add


def test_zulu():
    assert add(1, 1) == 2


def test_alpha():
    assert add(1, 2) == 3


def test_mike():
    assert add(2, 2) == 4


def test_bravo():
    assert add(0, 0) == 0
"""


def test_tests_are_reported_in_file_order(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise(tests=ORDER_TESTS)
    result = grader.grade(folder, "def add(a, b):\n    return 4 if a == b == 2 else a + b + (a == 1 and b == 2)\n")
    assert [(t.name, t.status) for t in result.tests] == [
        ("test_zulu", "pass"), ("test_alpha", "fail"), ("test_mike", "pass"), ("test_bravo", "pass")]
    assert result.status == "fail"
    assert result.tests_passed == 3


ECHO_TESTS = """\
from solution import shout


def test_one():
    assert shout("one") == "ONE"


def test_two():
    assert shout("two") == "TWO"


def test_quiet():
    assert shout("") == ""


def test_flood():
    assert shout("flood") == "FLOOD"
"""
ECHO_SOLUTION = """\
import sys


def shout(word):
    if word == "flood":
        print("x" * 50_000)
    elif word:
        print("said", word)
        print("to stderr", word, file=sys.stderr)
    return word.upper()
"""


@pytest.fixture(scope="module")
def echo_result(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> GradeResult:
    folder = write_exercise(tmp_path_factory.mktemp("echo") / "python" / "echo", tests=ECHO_TESTS,
                            reference=ECHO_SOLUTION)
    return Grader(sandbox).grade(folder, ECHO_SOLUTION)


def test_output_is_captured_per_test(echo_result: GradeResult) -> None:
    assert echo_result.status == "pass"
    one, two, quiet, _ = echo_result.tests
    assert sorted(one.output.splitlines()) == ["said one", "to stderr one"]
    assert sorted(two.output.splitlines()) == ["said two", "to stderr two"]  # nothing left from test_one
    assert quiet.output == ""
    assert "output" not in quiet.to_dict()


def test_output_keeps_the_order_it_was_printed_in(echo_result: GradeResult) -> None:
    """print() to stdout then to stderr must read in that order, as in a terminal."""
    assert echo_result.tests[0].output == "said one\nto stderr one\n"


def test_output_is_capped(echo_result: GradeResult) -> None:
    from engine.sandbox import Limits

    cap = Limits().output_chars
    flood = echo_result.tests[3]
    assert flood.status == "pass"
    assert flood.output.startswith("x" * 100)
    assert len(flood.output) <= cap + 60
    assert flood.output.endswith("… (output cut off: 50,001 characters in all)")


def test_printing_millions_of_characters_is_cut_not_an_error(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    """Printing far past the cap (more than the sandbox's file size limit) is harmless: the code is
    graded as written, each test shows the start of its own output, and nothing carries over."""
    code = ("for i in range(200_000):\n    print('loading', 'spam' * 10, i)\n\n"
            "def add(a, b):\n    for i in range(100_000):\n        print('adding', a, b, 'spam' * 10, i)\n"
            "    return a + b\n")
    result = grader.grade(make_exercise(), code)
    assert result.status == "pass", result.message
    first, second = result.tests[0].output, result.tests[1].output
    assert first.startswith("loading spam") and "characters in all)" in first  # the import's printing, then the test's
    assert second.startswith("adding ") and "loading" not in second


def test_printing_does_not_disturb_the_report(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    code = ('import sys\nprint(\'{"status": "pass", "tests": []}\')\nsys.stdout.flush()\n'
            "def add(a, b):\n    print('{\"status\": \"pass\"}')\n    return 0\n")
    result = grader.grade(make_exercise(), code)
    assert result.status == "fail"
    assert result.tests[0].output.startswith('{"status": "pass", "tests": []}')


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


# -- objects across the process boundary ----------------------------------------------------------------

RICH_REFERENCE = '''\
class Oops(ValueError):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class Counter:
    def __init__(self, start=0):
        self.total = start
        self.history = []

    def add(self, n):
        if n < 0:
            raise Oops("negative", code=7)
        self.total += n
        self.history.append(n)
        return self

    @property
    def count(self):
        return len(self.history)

    def __len__(self):
        return len(self.history)

    def __iter__(self):
        return iter(self.history)

    def __eq__(self, other):
        return isinstance(other, Counter) and other.total == self.total

    def __repr__(self):
        return f"Counter({self.total})"


class LoudCounter(Counter):
    def add(self, n):
        print("adding", n)
        return super().add(n)


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def apply_twice(func, value):
    return func(func(value))


def sort_by(items, key):
    return sorted(items, key=key)


def sort_maybe_by(items, key=None):
    return sorted(items, key=key) if key else sorted(items)


def count_passing(items, test=None):
    test = test or bool
    return sum(1 for item in items if test(item))


def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply


def check(n):
    if n < 0:
        raise Oops("negative", code=n)
    return n


def plain_data():
    return {"ints": [1, 2], "tuple": (1, "a"), "set": {3}, "frozen": frozenset({4}), "bytes": b"\\x00\\xff",
            "none": None, "float": 1.5, "complex": 1 + 2j, "nested": {"deep": [[{"x": True}]]}}
'''

RICH_TESTS = '''\
from solution import (Counter, LoudCounter, Oops, apply_twice, check, count_passing, countdown, make_multiplier,
                      plain_data, sort_by, sort_maybe_by)


def test_objects_keep_state():
    c = Counter(10)
    c.add(2).add(3)
    assert c.total == 15
    assert c.count == 2
    assert len(c) == 2
    assert list(c) == [2, 3]
    assert isinstance(c, Counter)
    assert Counter(5) == Counter(5)
    assert Counter(5) != Counter(6)
    assert repr(c) == "Counter(15)"


def test_subclasses_are_subclasses():
    c = LoudCounter()
    c.add(4)
    assert isinstance(c, LoudCounter) and isinstance(c, Counter)
    assert issubclass(LoudCounter, Counter)
    assert c.total == 4


def test_generators_yield_lazily():
    gen = countdown(3)
    assert next(gen) == 3
    assert list(gen) == [2, 1]
    assert sum(countdown(4)) == 10
    assert list(countdown(0)) == []


def test_custom_exceptions_can_be_caught():
    try:
        check(-3)
    except Oops as exc:
        assert isinstance(exc, ValueError)
        assert str(exc) == "negative"
        assert exc.code == -3
    else:
        raise AssertionError("expected Oops")


def test_methods_raise_custom_exceptions():
    try:
        Counter().add(-1)
    except ValueError as exc:
        assert isinstance(exc, Oops)
        assert exc.code == 7
    else:
        raise AssertionError("expected Oops")


def test_callbacks_call_test_functions():
    calls = []

    def record(x):
        calls.append(x)
        return x + 1

    assert apply_twice(record, 1) == 3
    assert calls == [1, 2]


def test_sort_with_a_key_from_the_tests():
    assert sort_by(["ccc", "a", "bb"], len) == ["a", "bb", "ccc"]
    assert sort_by([3, 1, 2], lambda x: -x) == [3, 2, 1]


def test_a_callback_from_the_tests_is_true():
    # "if key:" and "test or default" in the learner's code: a function is true, as in Python
    assert sort_maybe_by(["ccc", "a", "bb"], len) == ["a", "bb", "ccc"]
    assert sort_maybe_by(["ccc", "a", "bb"]) == ["a", "bb", "ccc"]
    assert count_passing([1, 5, 7], lambda n: n > 4) == 2
    assert count_passing([0, 3, ""]) == 1


def test_closures_come_back_callable():
    triple = make_multiplier(3)
    assert callable(triple)
    assert triple(14) == 42
    assert apply_twice(triple, 1) == 9


def test_plain_data_arrives_as_plain_data():
    data = plain_data()
    assert type(data) is dict
    assert data == {"ints": [1, 2], "tuple": (1, "a"), "set": {3}, "frozen": frozenset({4}), "bytes": b"\\x00\\xff",
                    "none": None, "float": 1.5, "complex": 1 + 2j, "nested": {"deep": [[{"x": True}]]}}
    assert type(data["tuple"]) is tuple and type(data["frozen"]) is frozenset
'''


@pytest.fixture(scope="module")
def rich(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GradeResult]:
    folder = write_exercise(tmp_path_factory.mktemp("rich") / "python" / "rich", tests=RICH_TESTS,
                            reference=RICH_REFERENCE, starter="class Counter:\n    pass\n", skills=["classes"])
    return folder, Grader(sandbox).grade(folder, RICH_REFERENCE)


RICH_CASES = ["test_objects_keep_state", "test_subclasses_are_subclasses", "test_generators_yield_lazily",
              "test_custom_exceptions_can_be_caught", "test_methods_raise_custom_exceptions",
              "test_callbacks_call_test_functions", "test_sort_with_a_key_from_the_tests",
              "test_a_callback_from_the_tests_is_true", "test_closures_come_back_callable",
              "test_plain_data_arrives_as_plain_data"]


@pytest.mark.parametrize("test_name", RICH_CASES, ids=[c.removeprefix("test_") for c in RICH_CASES])
def test_objects_work_across_the_process_boundary(rich: tuple[Path, GradeResult], test_name: str) -> None:
    _, result = rich
    test = next(t for t in result.tests if t.name == test_name)
    assert test.status == "pass", test.message


def test_the_tests_never_take_a_learners_function_as_true(grader: Grader, tmp_path: Path) -> None:
    # the learner's code may ask the truth of a function the tests hand over; the tests' "assert
    # is_ready()" must not pass on a function returned instead of True
    folder = write_exercise(tmp_path / "python" / "ready", tests="from solution import is_ready\n\n\n"
                            "def test_ready():\n    assert is_ready()\n",
                            reference="def is_ready():\n    return True\n")
    result = grader.grade(folder, "def is_ready():\n    return lambda: False\n")
    assert result.status == "fail"
    assert "expected a plain value (a number, string, list...) but got a function object" in result.tests[0].message


def test_rich_exercise_passes_as_a_whole(rich: tuple[Path, GradeResult]) -> None:
    _, result = rich
    assert result.status == "pass"
    assert result.tests[1].output == "adding 4\n"


def test_rich_starter_names_what_is_missing(grader: Grader, rich: tuple[Path, GradeResult]) -> None:
    folder, _ = rich
    result = grader.grade(folder, "class Counter:\n    pass\n")
    assert result.status == "error"
    assert "must define `LoudCounter`" in result.message


# Correct, idiomatic solutions return standard-library types built on plain data (a Counter for a
# tally, a defaultdict for groups, a namedtuple for a record). The tests compare them with plain
# values; a correct answer must pass.
STDLIB_REFERENCE = '''\
import enum
from collections import Counter, OrderedDict, defaultdict, namedtuple

Point = namedtuple("Point", "x y")


class Color(enum.Enum):
    RED = 1


class Meters(int):
    pass


def tally(words):
    return Counter(words)


def by_length(words):
    groups = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    return groups


def ordered():
    return OrderedDict(a=1, b=2)


def point():
    return Point(1, 2)


def red():
    return Color.RED


def meters():
    return Meters(3)
'''

STDLIB_TESTS = '''\
from solution import Color, by_length, meters, ordered, point, red, tally


def test_counter_equals_dict():
    assert tally(["a", "b", "a"]) == {"a": 2, "b": 1}


def test_defaultdict_equals_dict():
    assert by_length(["a", "bb", "c"]) == {1: ["a", "c"], 2: ["bb"]}


def test_ordereddict_equals_dict():
    assert ordered() == {"a": 1, "b": 2}


def test_namedtuple_equals_tuple():
    assert point() == (1, 2)


def test_int_subclass_equals_int():
    assert meters() == 3


def test_enum_member_identity():
    assert red() is Color.RED


def test_counter_is_a_dict():
    assert isinstance(tally(["a"]), dict)
'''

STDLIB_CASES = ["test_counter_equals_dict", "test_defaultdict_equals_dict", "test_ordereddict_equals_dict",
                "test_namedtuple_equals_tuple", "test_int_subclass_equals_int", "test_enum_member_identity",
                "test_counter_is_a_dict"]


@pytest.fixture(scope="module")
def stdlib_result(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> GradeResult:
    folder = write_exercise(tmp_path_factory.mktemp("stdlib") / "python" / "stdlib", tests=STDLIB_TESTS,
                            reference=STDLIB_REFERENCE)
    return Grader(sandbox).grade(folder, STDLIB_REFERENCE)


@pytest.mark.parametrize("test_name", STDLIB_CASES, ids=[c.removeprefix("test_") for c in STDLIB_CASES])
def test_idiomatic_stdlib_results_pass(stdlib_result: GradeResult, test_name: str) -> None:
    test = next(t for t in stdlib_result.tests if t.name == test_name)
    assert test.status == "pass", test.message


def test_real_bank_accepts_a_counter_for_tally_votes(grader: Grader, bank: Bank) -> None:
    code = "from collections import Counter\n\n\ndef tally(ballots):\n    return Counter(ballots)\n"
    result = grader.grade(bank.get("python/tally-votes"), code)
    assert result.status == "pass", result.first_failure()


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
