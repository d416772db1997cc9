def solve_sudoku(grid):
    """Return a solved copy of grid (9 lists of 9 ints, 0 for an empty cell).

    Raise ValueError if the grid is malformed, if two givens clash, or if the
    puzzle has no solution.
    """
    raise NotImplementedError("write solve_sudoku")
