DIGITS = set(range(1, 10))
CELLS = [(r, c) for r in range(9) for c in range(9)]
UNITS = (
    [[(r, c) for c in range(9)] for r in range(9)]
    + [[(r, c) for r in range(9)] for c in range(9)]
    + [[(br + r, bc + c) for r in range(3) for c in range(3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
)
PEERS = {cell: {peer for unit in UNITS if cell in unit for peer in unit} - {cell} for cell in CELLS}


def solve_sudoku(grid):
    """Return a solved copy of grid (9 lists of 9 ints, 0 for empty).
    Raise ValueError for a malformed grid, conflicting givens or no solution."""
    if (not isinstance(grid, list) or len(grid) != 9
            or any(not isinstance(row, list) or len(row) != 9 for row in grid)
            or any(type(v) is not int or not 0 <= v <= 9 for row in grid for v in row)):
        raise ValueError("grid must be 9 lists of 9 integers from 0 to 9")
    givens = {(r, c): grid[r][c] for r, c in CELLS if grid[r][c]}
    if any(givens.get(peer) == digit for cell, digit in givens.items() for peer in PEERS[cell]):
        raise ValueError("two givens clash")
    candidates = {cell: set(DIGITS) for cell in CELLS}
    for cell, digit in givens.items():
        if candidates[cell] != {digit} and not _assign(candidates, cell, digit):
            raise ValueError("the puzzle has no solution")
    solution = _search(candidates)
    if solution is None:
        raise ValueError("the puzzle has no solution")
    return [[next(iter(solution[(r, c)])) for c in range(9)] for r in range(9)]


def _assign(candidates, cell, digit):
    """Fix cell to digit, removing digit from all peers and fixing any peer left
    with a single candidate. Return False on a contradiction."""
    candidates[cell] = {digit}
    for peer in PEERS[cell]:
        if digit in candidates[peer]:
            candidates[peer].discard(digit)
            if not candidates[peer]:
                return False
            if len(candidates[peer]) == 1 and not _assign(candidates, peer, next(iter(candidates[peer]))):
                return False
    return True


def _search(candidates):
    open_cells = [cell for cell in CELLS if len(candidates[cell]) > 1]
    if not open_cells:
        return candidates
    cell = min(open_cells, key=lambda cell: len(candidates[cell]))
    for digit in sorted(candidates[cell]):
        attempt = {c: set(options) for c, options in candidates.items()}
        if _assign(attempt, cell, digit):
            solved = _search(attempt)
            if solved is not None:
                return solved
    return None
