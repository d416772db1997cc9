from solution import interleave


def test_uneven_lengths():
    got = list(interleave("abc", [1, 2], "XYZW"))
    assert got == ["a", 1, "X", "b", 2, "Y", "c", "Z", "W"], f"expected ['a', 1, 'X', 'b', 2, 'Y', 'c', 'Z', 'W'], got {got!r}"


def test_stop_at_shortest_only_complete_rounds():
    got = list(interleave("abc", [1, 2], "XYZW", stop_at_shortest=True))
    assert got == ["a", 1, "X", "b", 2, "Y"], f"expected ['a', 1, 'X', 'b', 2, 'Y'], got {got!r}"


def test_equal_lengths_same_in_both_modes():
    expected = [1, "a", 2, "b"]
    assert list(interleave([1, 2], "ab")) == expected
    assert list(interleave([1, 2], "ab", stop_at_shortest=True)) == expected


def test_single_iterable():
    assert list(interleave([1, 2, 3])) == [1, 2, 3]


def test_no_iterables():
    assert list(interleave()) == []
    assert list(interleave(stop_at_shortest=True)) == []


def test_empty_iterables():
    got = list(interleave([], "ab", ()))
    assert got == ["a", "b"], f"expected ['a', 'b'], got {got!r}"
    got = list(interleave([], "ab", stop_at_shortest=True))
    assert got == [], f"expected [], got {got!r}"


def test_first_iterable_shortest():
    got = list(interleave([0], (1, 2, 3), [4, 5]))
    assert got == [0, 1, 4, 2, 5, 3], f"expected [0, 1, 4, 2, 5, 3], got {got!r}"


def test_is_lazy_iterator():
    it = interleave("xyz", [1, 2, 3])
    assert next(it) == "x"
    assert next(it) == 1
    assert next(it) == "y"


def test_values_like_none_are_kept():
    got = list(interleave([None, 0], [False]))
    assert got == [None, False, 0], f"falsy items are real items, got {got!r}"
