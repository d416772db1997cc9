def jug_moves(capacities: list[int], target: int) -> int:
    """Return the fewest fill/empty/pour moves until some jug holds target litres, or -1."""
    raise NotImplementedError
