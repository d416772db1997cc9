from solution import solve_sudoku

UNITS = (
    [[(r, c) for c in range(9)] for r in range(9)]
    + [[(r, c) for r in range(9)] for c in range(9)]
    + [[(br + r, bc + c) for r in range(3) for c in range(3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
)

EASY = [
    [0, 4, 0, 0, 0, 3, 0, 9, 0],
    [0, 0, 0, 0, 0, 4, 6, 3, 8],
    [0, 0, 6, 5, 0, 0, 0, 4, 7],
    [1, 8, 3, 0, 0, 5, 2, 0, 0],
    [2, 0, 4, 1, 3, 8, 9, 0, 6],
    [6, 0, 0, 2, 4, 0, 3, 8, 1],
    [4, 1, 0, 0, 0, 6, 0, 0, 5],
    [0, 0, 7, 4, 0, 0, 0, 0, 3],
    [3, 0, 0, 0, 7, 2, 0, 0, 0],
]

HARD_23 = [
    [2, 0, 0, 0, 0, 0, 0, 0, 1],
    [0, 7, 0, 0, 6, 0, 0, 5, 0],
    [9, 0, 0, 0, 5, 0, 8, 0, 0],
    [5, 0, 0, 0, 7, 3, 0, 0, 0],
    [0, 8, 0, 0, 0, 5, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 4, 9],
    [0, 0, 0, 3, 0, 1, 0, 9, 0],
    [4, 6, 0, 0, 0, 0, 0, 0, 3],
    [0, 0, 8, 0, 0, 4, 0, 0, 0],
]

HARD_25 = [
    [0, 0, 0, 0, 0, 0, 0, 0, 0],
    [6, 0, 0, 2, 5, 0, 0, 8, 7],
    [0, 9, 0, 0, 1, 6, 0, 0, 0],
    [1, 0, 0, 0, 0, 5, 3, 0, 0],
    [5, 0, 2, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 8, 4, 0, 0, 0, 2],
    [0, 1, 6, 0, 0, 9, 7, 0, 8],
    [0, 0, 0, 0, 0, 0, 0, 2, 0],
    [0, 0, 8, 1, 0, 0, 5, 0, 0],
]

EASY_SOLVED = [
    [7, 4, 1, 6, 8, 3, 5, 9, 2],
    [5, 9, 2, 7, 1, 4, 6, 3, 8],
    [8, 3, 6, 5, 2, 9, 1, 4, 7],
    [1, 8, 3, 9, 6, 5, 2, 7, 4],
    [2, 7, 4, 1, 3, 8, 9, 5, 6],
    [6, 5, 9, 2, 4, 7, 3, 8, 1],
    [4, 1, 8, 3, 9, 6, 7, 2, 5],
    [9, 2, 7, 4, 5, 1, 8, 6, 3],
    [3, 6, 5, 8, 7, 2, 4, 1, 9],
]


def problems(puzzle, got):
    """Return a description of what is wrong with got as a solution of puzzle, or ''."""
    if not (isinstance(got, list) and len(got) == 9 and all(isinstance(row, list) and len(row) == 9 for row in got)):
        return f"not a 9x9 list of lists: {got!r}"
    for unit in UNITS:
        if sorted(got[r][c] for r, c in unit) != list(range(1, 10)):
            return f"a unit starting at {unit[0]} does not hold 1..9 once each"
    changed = [(r, c) for r in range(9) for c in range(9) if puzzle[r][c] and puzzle[r][c] != got[r][c]]
    if changed:
        return f"givens were changed at {changed}"
    return ""


def expect_value_error(grid, why):
    try:
        solve_sudoku(grid)
    except ValueError:
        return
    raise AssertionError(f"expected ValueError: {why}")


def test_easy_puzzle():
    got = solve_sudoku(EASY)
    assert got == EASY_SOLVED, f"expected {EASY_SOLVED!r}, got {got!r}"


def test_hard_puzzle_with_23_givens():
    got = solve_sudoku(HARD_23)
    problem = problems(HARD_23, got)
    assert not problem, problem


def test_hard_puzzle_with_25_givens():
    got = solve_sudoku(HARD_25)
    problem = problems(HARD_25, got)
    assert not problem, problem


def test_complete_grid_is_returned_unchanged():
    got = solve_sudoku(EASY_SOLVED)
    assert got == EASY_SOLVED, f"expected the complete grid back unchanged, got {got!r}"


def test_empty_grid_gets_some_valid_solution():
    empty = [[0] * 9 for _ in range(9)]
    got = solve_sudoku(empty)
    problem = problems(empty, got)
    assert not problem, problem


def test_clashing_givens():
    in_row = [[5, 5] + [0] * 7] + [[0] * 9 for _ in range(8)]
    expect_value_error(in_row, "two 5s in the first row")
    in_column = [[0] * 9 for _ in range(9)]
    in_column[0][4] = in_column[8][4] = 7
    expect_value_error(in_column, "two 7s in column 4")
    in_box = [[0] * 9 for _ in range(9)]
    in_box[3][3] = in_box[5][5] = 1
    expect_value_error(in_box, "two 1s in the middle box")


def test_unsolvable_puzzle_without_direct_clash():
    grid = [[0] * 9 for _ in range(9)]
    grid[0] = [0, 1, 2, 3, 4, 5, 6, 7, 8]   # the first cell would have to be 9...
    grid[1][0] = 9                          # ...but its column already has a 9
    expect_value_error(grid, "the top-left cell has no possible digit")


def test_malformed_grids():
    good_row = [0] * 9
    expect_value_error([good_row[:] for _ in range(8)], "only 8 rows")
    expect_value_error([good_row[:] for _ in range(8)] + [[0] * 10], "a row of 10")
    for bad_value in (10, -1, "5"):
        grid = [good_row[:] for _ in range(9)]
        grid[4][4] = bad_value
        expect_value_error(grid, f"the value {bad_value!r}")
