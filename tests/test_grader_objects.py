"""The grader passing objects across the process boundary: classes, generators, callbacks, stdlib types."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import write_exercise

from engine.bank import Bank
from engine.grader import Grader, GradeResult
from engine.sandbox import Sandbox

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
