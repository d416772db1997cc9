def tally(ballots: list[str]) -> dict[str, int]:
    """Return a dict mapping each name in ballots to how many times it appears."""
    counts = {}
    for name in ballots:
        counts[name] = counts.get(name, 0) + 1
    return counts
