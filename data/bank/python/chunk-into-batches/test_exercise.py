from solution import chunked


def test_uneven_split():
    got = list(chunked([1, 2, 3, 4, 5], 2))
    assert got == [[1, 2], [3, 4], [5]], f"expected [[1, 2], [3, 4], [5]], got {got!r}"


def test_exact_multiple_has_no_short_batch():
    got = list(chunked([1, 2, 3, 4, 5, 6], 3))
    assert got == [[1, 2, 3], [4, 5, 6]], f"expected [[1, 2, 3], [4, 5, 6]], got {got!r}"
    got = list(chunked([1, 2, 3, 4], 2, pad=True, fill=0))
    assert got == [[1, 2], [3, 4]], f"no padding needed, got {got!r}"


def test_works_on_strings():
    got = list(chunked("abcdefg", 3))
    assert got == [["a", "b", "c"], ["d", "e", "f"], ["g"]], f"expected [['a', 'b', 'c'], ['d', 'e', 'f'], ['g']], got {got!r}"


def test_padding_with_default_fill():
    got = list(chunked([1, 2, 3], 2, pad=True))
    assert got == [[1, 2], [3, None]], f"expected [[1, 2], [3, None]], got {got!r}"


def test_padding_with_custom_fill():
    got = list(chunked(["a", "b", "c", "d", "e"], 4, pad=True, fill="-"))
    assert got == [["a", "b", "c", "d"], ["e", "-", "-", "-"]], (
        f"expected [['a', 'b', 'c', 'd'], ['e', '-', '-', '-']], got {got!r}"
    )


def test_size_one_and_size_larger_than_input():
    assert list(chunked([7, 8, 9], 1)) == [[7], [8], [9]]
    assert list(chunked([7, 8], 5)) == [[7, 8]]


def test_empty_input_yields_nothing():
    assert list(chunked([], 4)) == []
    assert list(chunked([], 4, pad=True)) == []


def test_is_lazy_iterator():
    it = chunked(list(range(30)), 3)
    assert next(it) == [0, 1, 2]
    assert next(it) == [3, 4, 5]


def test_invalid_size():
    for bad in (0, -1):
        try:
            list(chunked([1, 2, 3], bad))
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for size={bad}")
