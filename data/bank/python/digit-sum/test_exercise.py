from solution import digit_sum


def test_three_digits():
    got = digit_sum(123)
    assert got == 6, f"expected 6, got {got!r}"


def test_with_a_zero_digit():
    got = digit_sum(9045)
    assert got == 18, f"expected 18, got {got!r}"


def test_zero():
    got = digit_sum(0)
    assert got == 0, f"expected 0, got {got!r}"


def test_single_digit():
    got = digit_sum(7)
    assert got == 7, f"expected 7, got {got!r}"


def test_round_number():
    got = digit_sum(1000000)
    assert got == 1, f"expected 1, got {got!r}"


def test_very_large_number():
    got = digit_sum(10 ** 40 - 1)
    assert got == 360, f"expected 360 (forty nines), got {got!r}"


def test_rejects_negative():
    try:
        digit_sum(-5)
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative number")
