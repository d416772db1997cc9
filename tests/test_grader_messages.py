"""The grader's failure messages: what a failed comparison expected and got, and from which call; tests in file order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engine.grader import Grader

# -- messages, on small exercises of our own -------------------------------------------------------


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


def test_a_message_naming_the_function():
    assert add(2, 3) == 5, "add must sum its two arguments"


def test_a_message_showing_the_call():
    assert add(2, 3) == 5, "add(2, 3) must be 5"


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
    name given a call's result before, by that call as written; a message of the test's own comes
    after the call too (naming the function is not showing its input), unless it shows the call already."""
    folder = make_exercise("calls", tests=CALL_TESTS)
    code = "def add(a, b):\n    return (a() if callable(a) else a) + b - 1\n"
    messages = {t.name: t.message for t in grader.grade(folder, code).tests}
    assert messages == {
        "test_in_a_loop": "add(1, b=1): expected 2, got 1",
        "test_a_function_argument": "add(lambda: 1, 2): expected 3, got 2",
        "test_assigned_before": "add(2, 3): expected 5, got 4",
        "test_assigned_then_changed": "expected 5, got 4",  # got is no longer what add gave
        "test_a_message_of_its_own": "add(2, 3): two and three make five",
        "test_a_message_naming_the_function": "add(2, 3): add must sum its two arguments",
        "test_a_message_showing_the_call": "add(2, 3) must be 5",
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
