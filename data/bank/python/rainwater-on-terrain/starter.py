def trapped_water(heights: list[list[int]]) -> int:
    """Return the total depth of water left standing on the terrain after heavy rain."""
    raise NotImplementedError
