def combine_tallies(tallies: list[dict[str, int]]) -> dict[str, int]:
    """Return a new dict with the total count of every species over all tallies."""
    totals = {}
    for tally in tallies:
        for species, count in tally.items():
            totals[species] = totals.get(species, 0) + count
    return totals
