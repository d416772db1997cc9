from solution import running_totals


def test_three_days():
    got = running_totals([3, 5, 2])
    assert got == [3, 8, 10], f"expected [3, 8, 10], got {got!r}"


def test_single_day():
    got = running_totals([10])
    assert got == [10], f"expected [10], got {got!r}"


def test_empty_list():
    got = running_totals([])
    assert got == [], f"expected [], got {got!r}"


def test_negative_correction():
    got = running_totals([5, -2, 1])
    assert got == [5, 3, 4], f"expected [5, 3, 4], got {got!r}"


def test_zeros():
    got = running_totals([0, 0, 4, 0])
    assert got == [0, 0, 4, 4], f"expected [0, 0, 4, 4], got {got!r}"


def test_floats():
    got = running_totals([1.5, 2.5, 0.25])
    assert got == [1.5, 4.0, 4.25], f"expected [1.5, 4.0, 4.25], got {got!r}"
