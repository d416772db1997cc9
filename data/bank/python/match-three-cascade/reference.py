def _find_lines(grid: list[list[int]]) -> set[tuple[int, int]]:
    height, width = len(grid), len(grid[0])
    found = set()
    for r in range(height):
        for c in range(width - 2):
            colour = grid[r][c]
            if colour and grid[r][c + 1] == colour and grid[r][c + 2] == colour:
                found.update({(r, c), (r, c + 1), (r, c + 2)})
    for r in range(height - 2):
        for c in range(width):
            colour = grid[r][c]
            if colour and grid[r + 1][c] == colour and grid[r + 2][c] == colour:
                found.update({(r, c), (r + 1, c), (r + 2, c)})
    return found


def _drop(grid: list[list[int]]) -> None:
    height = len(grid)
    for c in range(len(grid[0])):
        candies = [grid[r][c] for r in range(height) if grid[r][c]]
        column = [0] * (height - len(candies)) + candies
        for r in range(height):
            grid[r][c] = column[r]


def settle(board: list[list[int]]) -> tuple[list[list[int]], int]:
    """Remove lines of three or more, let candies fall, repeat; return (board, score)."""
    if not board:
        return [], 0
    width = len(board[0])
    if any(len(row) != width for row in board):
        raise ValueError("all rows must have the same length")
    if any(cell < 0 for row in board for cell in row):
        raise ValueError("cells must not be negative")
    grid = [list(row) for row in board]
    score = 0
    round_number = 0
    while True:
        found = _find_lines(grid)
        if not found:
            return grid, score
        round_number += 1
        score += round_number * len(found)
        for r, c in found:
            grid[r][c] = 0
        _drop(grid)
