from solution import sort_by_length


def test_different_lengths():
    got = sort_by_length(["banana", "fig", "apple"])
    assert got == ["fig", "apple", "banana"], f"expected ['fig', 'apple', 'banana'], got {got!r}"


def test_ties_are_alphabetical():
    got = sort_by_length(["pear", "fig", "banana", "kiwi"])
    assert got == ["fig", "kiwi", "pear", "banana"], f"expected ['fig', 'kiwi', 'pear', 'banana'], got {got!r}"


def test_many_ties():
    got = sort_by_length(["bb", "a", "ab", "c"])
    assert got == ["a", "c", "ab", "bb"], f"expected ['a', 'c', 'ab', 'bb'], got {got!r}"


def test_empty_list():
    got = sort_by_length([])
    assert got == [], f"expected [], got {got!r}"


def test_duplicates_are_kept():
    got = sort_by_length(["to", "a", "to"])
    assert got == ["a", "to", "to"], f"expected ['a', 'to', 'to'], got {got!r}"


def test_uppercase_sorts_before_lowercase_on_ties():
    got = sort_by_length(["ant", "Bee", "cat"])
    assert got == ["Bee", "ant", "cat"], f"expected ['Bee', 'ant', 'cat'], got {got!r}"


def test_empty_string_comes_first():
    got = sort_by_length(["x", "", "yz"])
    assert got == ["", "x", "yz"], f"expected ['', 'x', 'yz'], got {got!r}"
