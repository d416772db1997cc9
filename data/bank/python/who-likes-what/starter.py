def invert(favourites: dict[str, str]) -> dict[str, list[str]]:
    """Map each fruit to the sorted list of people whose favourite it is."""
    raise NotImplementedError
