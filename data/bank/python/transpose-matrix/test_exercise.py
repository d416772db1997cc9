from solution import transpose


def test_two_by_three():
    got = transpose([[1, 2, 3], [4, 5, 6]])
    assert got == [[1, 4], [2, 5], [3, 6]], f"expected [[1, 4], [2, 5], [3, 6]], got {got!r}"


def test_square_matrix():
    got = transpose([[1, 2], [3, 4]])
    assert got == [[1, 3], [2, 4]], f"expected [[1, 3], [2, 4]], got {got!r}"


def test_single_row_becomes_a_column():
    got = transpose([[1, 2, 3]])
    assert got == [[1], [2], [3]], f"expected [[1], [2], [3]], got {got!r}"


def test_single_column_becomes_a_row():
    got = transpose([["a"], ["b"], ["c"]])
    assert got == [["a", "b", "c"]], f"expected [['a', 'b', 'c']], got {got!r}"


def test_one_by_one():
    assert transpose([[42]]) == [[42]]


def test_empty_matrix_and_empty_rows():
    assert transpose([]) == [], f"expected [], got {transpose([])!r}"
    assert transpose([[], []]) == [], f"expected [], got {transpose([[], []])!r}"


def test_transposing_twice_gives_back_the_original():
    matrix = [[1, None, "x"], [2.5, True, []], [0, -1, "y"], [9, 8, 7]]
    got = transpose(transpose(matrix))
    assert got == matrix, f"expected [[1, None, 'x'], [2.5, True, []], [0, -1, 'y'], [9, 8, 7]], got {got!r}"


def test_ragged_matrix_raises_value_error():
    for ragged in ([[1, 2], [3]], [[1], [2, 3]], [[1, 2], [3, 4], []]):
        try:
            transpose(ragged)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {ragged!r}")
