from solution import times_table


def test_table_of_three():
    got = times_table(3)
    expected = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30]
    assert got == expected, f"times_table(3): expected {expected!r}, got {got!r}"


def test_table_of_one():
    got = times_table(1)
    expected = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert got == expected, f"times_table(1): expected {expected!r}, got {got!r}"


def test_table_of_seven():
    got = times_table(7)
    expected = [7, 14, 21, 28, 35, 42, 49, 56, 63, 70]
    assert got == expected, f"times_table(7): expected {expected!r}, got {got!r}"


def test_table_of_ten():
    got = times_table(10)
    expected = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert got == expected, f"times_table(10): expected {expected!r}, got {got!r}"


def test_table_of_zero():
    got = times_table(0)
    expected = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert got == expected, f"times_table(0): expected {expected!r}, got {got!r}"


def test_negative_number():
    got = times_table(-2)
    expected = [-2, -4, -6, -8, -10, -12, -14, -16, -18, -20]
    assert got == expected, f"times_table(-2): expected {expected!r}, got {got!r}"
