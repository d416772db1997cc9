from solution import spiral


def test_square_grid():
    got = spiral([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert got == [1, 2, 3, 6, 9, 8, 7, 4, 5], f"expected [1, 2, 3, 6, 9, 8, 7, 4, 5], got {got!r}"


def test_wide_grid():
    got = spiral([[1, 2, 3, 4], [5, 6, 7, 8]])
    assert got == [1, 2, 3, 4, 8, 7, 6, 5], f"expected [1, 2, 3, 4, 8, 7, 6, 5], got {got!r}"


def test_tall_grid():
    got = spiral([[1, 2], [3, 4], [5, 6], [7, 8]])
    assert got == [1, 2, 4, 6, 8, 7, 5, 3], f"expected [1, 2, 4, 6, 8, 7, 5, 3], got {got!r}"


def test_single_column():
    got = spiral([[1], [2], [3]])
    assert got == [1, 2, 3], f"expected [1, 2, 3], got {got!r}"


def test_single_row():
    got = spiral([["a", "b", "c"]])
    assert got == ["a", "b", "c"], f"expected ['a', 'b', 'c'], got {got!r}"


def test_four_by_four():
    grid = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]
    got = spiral(grid)
    expected = [1, 2, 3, 4, 8, 12, 16, 15, 14, 13, 9, 5, 6, 7, 11, 10]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_three_by_five_visits_every_cell_once():
    grid = [[r * 5 + c for c in range(5)] for r in range(3)]
    got = spiral(grid)
    expected = [0, 1, 2, 3, 4, 9, 14, 13, 12, 11, 10, 5, 6, 7, 8]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_single_cell():
    got = spiral([[42]])
    assert got == [42], f"expected [42], got {got!r}"


def test_empty_grids():
    assert spiral([]) == [], "[] should give []"
    assert spiral([[], []]) == [], "[[], []] should give []"


def test_rejects_ragged_rows():
    try:
        spiral([[1, 2], [3]])
    except ValueError:
        return
    raise AssertionError("expected ValueError for rows of different lengths")
