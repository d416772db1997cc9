from solution import hailstone


def test_starting_at_six():
    got = hailstone(6)
    assert got == [6, 3, 10, 5, 16, 8, 4, 2, 1], f"expected [6, 3, 10, 5, 16, 8, 4, 2, 1], got {got!r}"


def test_starting_at_one():
    got = hailstone(1)
    assert got == [1], f"expected [1], got {got!r}"


def test_power_of_two_only_halves():
    got = hailstone(8)
    assert got == [8, 4, 2, 1], f"expected [8, 4, 2, 1], got {got!r}"


def test_values_are_ints():
    got = hailstone(3)
    assert got == [3, 10, 5, 16, 8, 4, 2, 1], f"expected [3, 10, 5, 16, 8, 4, 2, 1], got {got!r}"
    assert all(type(x) is int for x in got), f"hailstone(3): all values should be ints, got {got!r}"


def test_long_flight():
    got = hailstone(27)
    assert len(got) == 112, f"hailstone(27): expected 112 numbers, got {len(got)}"
    assert max(got) == 9232, f"hailstone(27): expected a peak of 9232, got {max(got)}"
    assert got[-1] == 1, f"hailstone(27): the sequence must end with 1, got {got[-1]!r}"


def test_rejects_zero():
    try:
        hailstone(0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for n = 0")


def test_rejects_negative():
    try:
        hailstone(-4)
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative n")
