from solution import sort_by_length


def test_different_lengths():
    got = sort_by_length(["banana", "fig", "apple"])
    assert got == ["fig", "apple", "banana"], f"got {got!r}"


def test_ties_are_alphabetical():
    got = sort_by_length(["pear", "fig", "banana", "kiwi"])
    assert got == ["fig", "kiwi", "pear", "banana"], f"got {got!r}"


def test_many_ties():
    got = sort_by_length(["bb", "a", "ab", "c"])
    assert got == ["a", "c", "ab", "bb"], f"got {got!r}"


def test_empty_list():
    got = sort_by_length([])
    assert got == [], f"got {got!r}"


def test_duplicates_are_kept():
    got = sort_by_length(["to", "a", "to"])
    assert got == ["a", "to", "to"], f"got {got!r}"


def test_uppercase_sorts_before_lowercase_on_ties():
    got = sort_by_length(["ant", "Bee", "cat"])
    assert got == ["Bee", "ant", "cat"], f"got {got!r}"


def test_empty_string_comes_first():
    got = sort_by_length(["x", "", "yz"])
    assert got == ["", "x", "yz"], f"got {got!r}"
