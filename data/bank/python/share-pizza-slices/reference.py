def share_pizza(slices, people):
    """Return (slices each person gets, slices left over); raise ValueError for bad input."""
    if people < 1:
        raise ValueError("people must be at least 1")
    if slices < 0:
        raise ValueError("slices cannot be negative")
    return slices // people, slices % people
