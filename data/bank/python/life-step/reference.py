def life_step(grid: list[str], wrap: bool = False) -> list[str]:
    """Return the next generation of a Game of Life grid of '#' (alive) and '.' (dead)."""
    if not grid:
        return []
    height, width = len(grid), len(grid[0])
    for row in grid:
        if len(row) != width or set(row) - {"#", "."}:
            raise ValueError("rows must have equal length and contain only '#' and '.'")

    def live_neighbours(r: int, c: int) -> int:
        count = 0
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr == 0 and dc == 0:
                    continue
                nr, nc = r + dr, c + dc
                if wrap:
                    nr, nc = nr % height, nc % width
                elif not (0 <= nr < height and 0 <= nc < width):
                    continue
                count += grid[nr][nc] == "#"
        return count

    new_grid = []
    for r in range(height):
        cells = []
        for c in range(width):
            n = live_neighbours(r, c)
            alive = n == 3 or (grid[r][c] == "#" and n == 2)
            cells.append("#" if alive else ".")
        new_grid.append("".join(cells))
    return new_grid
