from solution import merge_sorted


def test_interleaved_numbers():
    got = merge_sorted([1, 4, 9], [2, 3, 10])
    assert got == [1, 2, 3, 4, 9, 10], f"expected [1, 2, 3, 4, 9, 10], got {got!r}"


def test_one_list_empty():
    assert merge_sorted([], [5, 6]) == [5, 6]
    assert merge_sorted([5, 6], []) == [5, 6]


def test_both_empty():
    assert merge_sorted([], []) == []


def test_duplicates_are_kept():
    got = merge_sorted([1, 2, 2], [2, 3])
    assert got == [1, 2, 2, 2, 3], f"expected [1, 2, 2, 2, 3], got {got!r}"


def test_all_of_one_before_the_other():
    assert merge_sorted([7, 8, 9], [1, 2]) == [1, 2, 7, 8, 9]
    assert merge_sorted([-3, -1], [0, 4]) == [-3, -1, 0, 4]


def test_stable_with_key_ties_favour_a():
    a = [(1, "a"), (3, "a")]
    b = [(1, "b"), (2, "b")]
    got = merge_sorted(a, b, key=lambda p: p[0])
    assert got == [(1, "a"), (1, "b"), (2, "b"), (3, "a")], f"expected [(1, 'a'), (1, 'b'), (2, 'b'), (3, 'a')], got {got!r}"


def test_key_with_strings():
    got = merge_sorted(["fig", "pear", "banana"], ["kiwi", "cherry"], key=len)
    assert got == ["fig", "pear", "kiwi", "banana", "cherry"], (
        f"expected ['fig', 'pear', 'kiwi', 'banana', 'cherry'], got {got!r}"
    )


def test_same_list_order_preserved_on_ties():
    a = [("x", 1), ("y", 1), ("z", 2)]
    b = [("p", 1), ("q", 2)]
    got = merge_sorted(a, b, key=lambda p: p[1])
    assert got == [("x", 1), ("y", 1), ("p", 1), ("z", 2), ("q", 2)], (
        f"expected [('x', 1), ('y', 1), ('p', 1), ('z', 2), ('q', 2)], got {got!r}"
    )


def test_longer_lists():
    a = list(range(0, 2000, 2))
    b = list(range(1, 2000, 2))
    assert merge_sorted(a, b) == list(range(2000))
