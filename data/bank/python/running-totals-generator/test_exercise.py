from solution import running_totals


def test_basic_totals():
    got = list(running_totals([1, 2, 3]))
    assert got == [1, 3, 6], f"got {got!r}"


def test_custom_start():
    got = list(running_totals([1, 2, 3], start=10))
    assert got == [11, 13, 16], f"got {got!r}"


def test_negative_numbers():
    got = list(running_totals([5, -2, -3]))
    assert got == [5, 3, 0], f"got {got!r}"


def test_empty_input_yields_nothing():
    got = list(running_totals([]))
    assert got == [], f"got {got!r}"
    got = list(running_totals([], start=7))
    assert got == [], f"start alone must not be yielded, got {got!r}"


def test_is_lazy_iterator():
    it = running_totals([5, 1, 4])
    assert next(it) == 5
    assert next(it) == 6
    assert list(it) == [10]


def test_floats_and_tuples():
    got = list(running_totals((0.5, 0.25)))
    assert got == [0.5, 0.75], f"got {got!r}"


def test_long_input():
    got = list(running_totals([1] * 500))
    assert got == list(range(1, 501))
