from solution import share_pizza


def value_error_message(slices, people):
    try:
        share_pizza(slices, people)
    except ValueError as e:
        return str(e)
    raise AssertionError(f"expected ValueError for share_pizza({slices!r}, {people!r})")


def test_slices_left_over():
    got = share_pizza(8, 3)
    assert got == (2, 2), f"expected (2, 2), got {got!r}"


def test_divides_evenly():
    got = share_pizza(12, 4)
    assert got == (3, 0), f"expected (3, 0), got {got!r}"


def test_more_people_than_slices():
    got = share_pizza(2, 5)
    assert got == (0, 2), f"expected (0, 2), got {got!r}"


def test_no_slices():
    got = share_pizza(0, 4)
    assert got == (0, 0), f"expected (0, 0), got {got!r}"


def test_zero_people_raises_value_error():
    got = value_error_message(8, 0)
    assert got == "people must be at least 1", f"expected 'people must be at least 1', got {got!r}"


def test_negative_people_raises_value_error():
    got = value_error_message(8, -2)
    assert got == "people must be at least 1", f"expected 'people must be at least 1', got {got!r}"


def test_negative_slices_raises_value_error():
    got = value_error_message(-1, 2)
    assert got == "slices cannot be negative", f"expected 'slices cannot be negative', got {got!r}"


def test_people_are_checked_first():
    got = value_error_message(-3, 0)
    assert got == "people must be at least 1", f"expected 'people must be at least 1', got {got!r}"
