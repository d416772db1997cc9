from solution import record_highs


def records(values):
    return [tuple(r) for r in record_highs(values)]


def test_basic_records():
    got = records([3, 5, 4, 5, 9])
    assert got == [(0, 3), (1, 5), (4, 9)], f"expected [(0, 3), (1, 5), (4, 9)], got {got!r}"


def test_ties_are_not_records():
    got = records([7, 7, 7])
    assert got == [(0, 7)], f"expected [(0, 7)], got {got!r}"


def test_negative_readings():
    got = records([-2, -7, -1])
    assert got == [(0, -2), (2, -1)], f"expected [(0, -2), (2, -1)], got {got!r}"


def test_first_reading_zero_is_a_record():
    got = records([0, -1, 0, 1])
    assert got == [(0, 0), (3, 1)], f"expected [(0, 0), (3, 1)], got {got!r}"


def test_empty_input():
    assert records([]) == []


def test_strictly_rising_and_falling():
    assert records([1, 2, 3]) == [(0, 1), (1, 2), (2, 3)]
    assert records([3, 2, 1]) == [(0, 3)]


def test_floats():
    got = records([20.5, 20.25, 21.0, 20.75])
    assert got == [(0, 20.5), (2, 21.0)], f"expected [(0, 20.5), (2, 21.0)], got {got!r}"


def test_is_lazy_iterator():
    it = record_highs([3, 1, 4, 1, 5])
    assert tuple(next(it)) == (0, 3)
    assert tuple(next(it)) == (2, 4)
    assert tuple(next(it)) == (4, 5)
