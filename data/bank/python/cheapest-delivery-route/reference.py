import heapq


def cheapest_route(grid):
    """Return the cheapest cost from the top-left to the bottom-right cell, or None."""
    if not grid or not grid[0]:
        raise ValueError("the grid must have at least one cell")
    width = len(grid[0])
    for row in grid:
        if len(row) != width:
            raise ValueError("all rows must have the same length")
        for ch in row:
            if ch not in "#0123456789":
                raise ValueError(f"invalid cell {ch!r}")
    height = len(grid)
    goal = (height - 1, width - 1)
    if grid[0][0] == "#" or grid[goal[0]][goal[1]] == "#":
        return None

    best = {(0, 0): 0}
    queue = [(0, 0, 0)]
    while queue:
        cost, r, c = heapq.heappop(queue)
        if (r, c) == goal:
            return cost
        if cost > best[(r, c)]:
            continue  # a cheaper way here was already handled
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < height and 0 <= nc < width and grid[nr][nc] != "#":
                new_cost = cost + int(grid[nr][nc])
                if new_cost < best.get((nr, nc), float("inf")):
                    best[(nr, nc)] = new_cost
                    heapq.heappush(queue, (new_cost, nr, nc))
    return None
