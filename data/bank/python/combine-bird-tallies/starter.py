def combine_tallies(tallies: list[dict[str, int]]) -> dict[str, int]:
    """Return a new dict with the total count of every species over all tallies."""
    raise NotImplementedError
