def shared_hours(free):
    """Map each alphabetical pair (a, b) of colleagues with common free hours
    to the sorted list of those hours."""
    return {
        (a, b): sorted(common)
        for a in free
        for b in free
        if a < b and (common := free[a] & free[b])
    }


def hours_for_everyone(free):
    """Return the sorted list of hours when every colleague is free ([] for no colleagues)."""
    if not free:
        return []
    anyone = next(iter(free.values()))
    return sorted(hour for hour in anyone if all(hour in hours for hours in free.values()))
