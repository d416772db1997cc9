from solution import warmest


def test_warmest_in_the_middle():
    got = warmest([12, 17, 9])
    assert got == 17, f"warmest([12, 17, 9]): expected 17, got {got!r}"


def test_warmest_comes_first():
    got = warmest([30, 10, 20])
    assert got == 30, f"warmest([30, 10, 20]): expected 30, got {got!r}"


def test_single_reading():
    got = warmest([4])
    assert got == 4, f"warmest([4]): expected 4, got {got!r}"


def test_all_below_zero():
    got = warmest([-5, -2, -9])
    assert got == -2, f"warmest([-5, -2, -9]): expected -2, got {got!r}"


def test_repeated_reading():
    got = warmest([3, 8, 8, 1])
    assert got == 8, f"warmest([3, 8, 8, 1]): expected 8, got {got!r}"


def test_decimal_readings():
    got = warmest([20.5, 21.25, 19.0])
    assert got == 21.25, f"warmest([20.5, 21.25, 19.0]): expected 21.25, got {got!r}"


def test_no_readings():
    got = warmest([])
    assert got is None, f"warmest([]): expected None, got {got!r}"
