def spiral(grid: list[list]) -> list:
    """Return the cells of grid in clockwise spiral order from the top-left corner."""
    raise NotImplementedError
