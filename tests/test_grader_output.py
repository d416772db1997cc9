"""The grader's capture of what the learner's code printed: per test, in order, capped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories import write_exercise

from engine.grader import Grader, GradeResult
from engine.sandbox import Sandbox

# -- output, on small exercises of our own ---------------------------------------------------------

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


def test_what_a_test_printed_before_an_endless_loop_is_shown(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    """Printing is how beginners find an endless loop: what the code printed before the test had to be
    stopped shows with the timeout (the process that held it is killed), capped, and only for that test."""
    code = ("def add(a, b):\n    if a < 0:\n        total = 0\n        while True:\n"
            "            total += 1\n            if total < 4:\n                print('still adding', total)\n"
            "            if total == 5:\n                print('x' * 50_000)\n    return a + b\n")
    result = grader.grade(make_exercise(), code)
    small, negative, zero = result.tests
    assert negative.status == "error" and negative.message.startswith("Took longer than")
    assert negative.output.startswith("still adding 1\nstill adding 2\nstill adding 3\nxxx")
    assert negative.output.endswith("… (output cut off)") and len(negative.output) < 5000
    assert small.status == zero.status == "pass" and zero.output == ""


def test_what_the_code_printed_while_loading_forever_is_shown(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    code = "print('loading the table')\nwhile True:\n    pass\n"
    result = grader.grade(make_exercise(), code)
    assert result.status == "error" and "to load" in result.message
    assert result.tests[0].output == "loading the table\n"


def test_printed_and_directly_written_output_keep_their_order(grader: Grader, make_exercise: Callable[..., Path]) -> None:
    code = ("import os\n\ndef add(a, b):\n    print('first')\n    os.write(1, b'second\\n')\n"
            "    print('third')\n    return a + b\n")
    assert grader.grade(make_exercise(), code).tests[0].output == "first\nsecond\nthird\n"
