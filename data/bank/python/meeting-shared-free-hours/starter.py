def shared_hours(free):
    """Map each alphabetical pair (a, b) of colleagues with common free hours
    to the sorted list of those hours."""
    raise NotImplementedError("write shared_hours")


def hours_for_everyone(free):
    """Return the sorted list of hours when every colleague is free ([] for no colleagues)."""
    raise NotImplementedError("write hours_for_everyone")
