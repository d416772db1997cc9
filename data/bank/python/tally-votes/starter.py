def tally(ballots: list[str]) -> dict[str, int]:
    """Return a dict mapping each name in ballots to how many times it appears."""
    raise NotImplementedError
