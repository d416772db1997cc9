from solution import moving_average


def check(values, window, expected, note=""):
    call = f"moving_average({values!r}, {window!r})"
    try:
        got = moving_average(values, window)
    except ValueError as e:
        raise AssertionError(f"{call} raised ValueError ({e}), but window {window} is allowed: "
                             f"expected {expected!r}{note}") from None
    assert got == expected, f"{call}: expected {expected!r}{note}, got {got!r}"


def test_window_of_three():
    check([2, 4, 6, 8, 10], 3, [4.0, 6.0, 8.0])


def test_window_of_two():
    check([1, 2, 3, 4], 2, [1.5, 2.5, 3.5])


def test_window_larger_than_the_list():
    check([5, 7], 5, [], " (not a single complete window)")


def test_window_as_long_as_the_list():
    check([1, 2, 6], 3, [3.0], " (exactly one complete window)")


def test_window_of_one():
    check([3, 0.5, 8], 1, [3.0, 0.5, 8.0])


def test_fractional_prices():
    check([0.5, 1.5, 2.5, 0.25], 2, [1.0, 2.0, 1.375])


def test_empty_list():
    check([], 3, [])


def test_window_below_one_raises_value_error():
    for window in [0, -2]:
        try:
            got = moving_average([1, 2, 3], window)
        except ValueError:
            continue
        except (ArithmeticError, LookupError, TypeError) as e:
            raise AssertionError(f"moving_average([1, 2, 3], {window}): expected ValueError (window is less than 1), "
                                 f"got {type(e).__name__}: {e}") from None
        raise AssertionError(f"moving_average([1, 2, 3], {window}): expected ValueError (window is less than 1), "
                             f"got {got!r}")
