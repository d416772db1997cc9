from solution import moving_average


def test_window_of_three():
    got = moving_average([2, 4, 6, 8, 10], 3)
    assert got == [4.0, 6.0, 8.0], f"expected [4.0, 6.0, 8.0], got {got!r}"


def test_window_of_two():
    got = moving_average([1, 2, 3, 4], 2)
    assert got == [1.5, 2.5, 3.5], f"expected [1.5, 2.5, 3.5], got {got!r}"


def test_window_larger_than_the_list():
    got = moving_average([5, 7], 5)
    assert got == [], f"expected [], got {got!r}"


def test_window_as_long_as_the_list():
    got = moving_average([1, 2, 6], 3)
    assert got == [3.0], f"expected [3.0], got {got!r}"


def test_window_of_one():
    got = moving_average([3, 0.5, 8], 1)
    assert got == [3.0, 0.5, 8.0], f"expected [3.0, 0.5, 8.0], got {got!r}"


def test_fractional_prices():
    got = moving_average([0.5, 1.5, 2.5, 0.25], 2)
    assert got == [1.0, 2.0, 1.375], f"expected [1.0, 2.0, 1.375], got {got!r}"


def test_empty_list():
    got = moving_average([], 3)
    assert got == [], f"expected [], got {got!r}"


def test_window_below_one_raises_value_error():
    for window in [0, -2]:
        try:
            moving_average([1, 2, 3], window)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for window {window!r}")
