import heapq


def trapped_water(heights: list[list[int]]) -> int:
    """Return the total depth of water left standing on the terrain after heavy rain."""
    width = len(heights[0]) if heights else 0
    if any(len(row) != width for row in heights):
        raise ValueError("all rows must have the same length")
    rows = len(heights)
    if rows < 3 or width < 3:
        return 0  # every square is on the border

    # Grow the "dry shore" inwards from the border, always from its lowest square: the first
    # time a square is reached, the lowest wall water would have to cross to escape is known.
    seen = [[False] * width for _ in range(rows)]
    shore = []
    for r in range(rows):
        for c in range(width):
            if r in (0, rows - 1) or c in (0, width - 1):
                seen[r][c] = True
                heapq.heappush(shore, (heights[r][c], r, c))

    water = 0
    while shore:
        level, r, c = heapq.heappop(shore)
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < rows and 0 <= nc < width and not seen[nr][nc]:
                seen[nr][nc] = True
                height = heights[nr][nc]
                water += max(0, level - height)
                heapq.heappush(shore, (max(level, height), nr, nc))
    return water
