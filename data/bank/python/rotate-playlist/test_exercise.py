from solution import rotate


def test_rotate_right():
    got = rotate(["a", "b", "c", "d", "e"], 2)
    assert got == ["d", "e", "a", "b", "c"], f"expected ['d', 'e', 'a', 'b', 'c'], got {got!r}"


def test_rotate_left():
    got = rotate(["a", "b", "c", "d", "e"], -1)
    assert got == ["b", "c", "d", "e", "a"], f"expected ['b', 'c', 'd', 'e', 'a'], got {got!r}"


def test_k_larger_than_length():
    got = rotate(["a", "b", "c"], 7)
    assert got == ["c", "a", "b"], f"expected ['c', 'a', 'b'], got {got!r}"


def test_large_negative_k():
    got = rotate([1, 2, 3, 4], -10)
    assert got == [3, 4, 1, 2], f"expected [3, 4, 1, 2], got {got!r}"


def test_zero_and_full_turn():
    assert rotate([1, 2, 3], 0) == [1, 2, 3], "k = 0 should not move anything"
    assert rotate([1, 2, 3], 3) == [1, 2, 3], "k = len should not move anything"


def test_single_item():
    got = rotate(["only"], 5)
    assert got == ["only"], f"expected ['only'], got {got!r}"


def test_empty_playlist():
    assert rotate([], 3) == [], "an empty list stays empty"
    assert rotate([], 0) == [], "an empty list stays empty"


def test_mixed_types():
    got = rotate([1, "two", (3,), None], 1)
    assert got == [None, 1, "two", (3,)], f"expected [None, 1, 'two', (3,)], got {got!r}"
