from solution import pair_with_sum


def as_pair(result):
    return None if result is None else tuple(result)


def test_simple_pair():
    got = as_pair(pair_with_sum([1, 2, 4, 7, 11], 9))
    assert got == (2, 7), f"expected (2, 7), got {got!r}"


def test_smallest_first_value_wins():
    got = as_pair(pair_with_sum([1, 2, 3, 4, 5], 6))
    assert got == (1, 5), f"expected (1, 5), got {got!r}"


def test_no_pair():
    got = pair_with_sum([1, 2, 4, 8], 7)
    assert got is None, f"expected None, got {got!r}"


def test_same_position_cannot_be_used_twice():
    got = pair_with_sum([2, 3], 4)
    assert got is None, f"expected None, got {got!r}"


def test_duplicates_at_two_positions():
    got = as_pair(pair_with_sum([2, 2, 3], 4))
    assert got == (2, 2), f"expected (2, 2), got {got!r}"


def test_empty_and_single():
    assert pair_with_sum([], 0) is None
    assert pair_with_sum([5], 10) is None


def test_negative_prices_and_target():
    got = as_pair(pair_with_sum([-8, -3, 0, 4, 6], -3))
    assert got == (-3, 0), f"expected (-3, 0), got {got!r}"
    got = as_pair(pair_with_sum([-8, -3, 0, 4, 6], -2))
    assert got == (-8, 6), f"expected (-8, 6), got {got!r}"


def test_long_list():
    prices = list(range(0, 30000, 3))  # 0, 3, 6, ..., 29997
    got = as_pair(pair_with_sum(prices, 30000))
    assert got == (3, 29997), f"expected (3, 29997), got {got!r}"
    got = pair_with_sum(prices, 30001)
    assert got is None, f"no two multiples of 3 add up to 30001, got {got!r}"
