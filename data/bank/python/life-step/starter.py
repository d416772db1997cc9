def life_step(grid: list[str], wrap: bool = False) -> list[str]:
    """Return the next generation of a Game of Life grid of '#' (alive) and '.' (dead)."""
    raise NotImplementedError
