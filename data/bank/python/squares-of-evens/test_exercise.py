from solution import squares_of_evens


def test_mixed_numbers():
    got = squares_of_evens([1, 2, 3, 4])
    assert got == [4, 16], f"expected [4, 16], got {got!r}"


def test_zero_and_negative_evens():
    got = squares_of_evens([-2, 0, 5])
    assert got == [4, 0], f"expected [4, 0], got {got!r}"


def test_only_odd_numbers():
    got = squares_of_evens([1, 3, 5, -7])
    assert got == [], f"expected [], got {got!r}"


def test_empty_list():
    got = squares_of_evens([])
    assert got == [], f"expected [], got {got!r}"


def test_order_and_duplicates_kept():
    got = squares_of_evens([10, 3, 2, 2, -4])
    assert got == [100, 4, 4, 16], f"expected [100, 4, 4, 16], got {got!r}"


def test_larger_range():
    got = squares_of_evens(list(range(11)))
    assert got == [0, 4, 16, 36, 64, 100], f"expected [0, 4, 16, 36, 64, 100], got {got!r}"
