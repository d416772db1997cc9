from solution import fewest_stamps


def test_greedy_is_not_optimal():
    got = fewest_stamps(6, [1, 3, 4])
    assert got == 2, f"expected 2 (3 + 3), got {got!r}"


def test_mixed_stamps():
    got = fewest_stamps(11, [5, 2])
    assert got == 4, f"expected 4 (5 + 2 + 2 + 2), got {got!r}"


def test_impossible_returns_none():
    got = fewest_stamps(7, [2, 4])
    assert got is None, f"expected None, got {got!r}"
    got = fewest_stamps(3, [5, 10])
    assert got is None, f"expected None, got {got!r}"


def test_zero_amount():
    assert fewest_stamps(0, [5]) == 0
    assert fewest_stamps(0, []) == 0


def test_no_stamps_available():
    got = fewest_stamps(4, [])
    assert got is None, f"expected None, got {got!r}"


def test_unsorted_and_duplicate_values():
    got = fewest_stamps(12, [4, 1, 4, 6, 1])
    assert got == 2, f"expected 2 (6 + 6), got {got!r}"


def test_single_value():
    assert fewest_stamps(30, [5]) == 6
    assert fewest_stamps(31, [5]) is None


def test_larger_postage():
    got = fewest_stamps(1234, [1, 7, 25, 60])
    assert got == 24, f"expected 24, got {got!r}"


def test_invalid_input():
    for amount, stamps in [(-1, [1]), (5, [0, 1]), (5, [2, -3])]:
        try:
            fewest_stamps(amount, stamps)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for amount={amount}, stamps={stamps!r}")
