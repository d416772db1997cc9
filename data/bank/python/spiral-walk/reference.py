def spiral(grid: list[list]) -> list:
    """Return the cells of grid in clockwise spiral order from the top-left corner."""
    if any(len(row) != len(grid[0]) for row in grid):
        raise ValueError("all rows must have the same length")
    if not grid:
        return []
    order = []
    top, bottom = 0, len(grid) - 1
    left, right = 0, len(grid[0]) - 1
    while top <= bottom and left <= right:
        for col in range(left, right + 1):
            order.append(grid[top][col])
        top += 1
        for row in range(top, bottom + 1):
            order.append(grid[row][right])
        right -= 1
        if top <= bottom:
            for col in range(right, left - 1, -1):
                order.append(grid[bottom][col])
            bottom -= 1
        if left <= right:
            for row in range(bottom, top - 1, -1):
                order.append(grid[row][left])
            left += 1
    return order
