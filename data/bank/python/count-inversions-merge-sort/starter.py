def sort_and_count(values):
    """Return (sorted copy of values, number of inversions) using merge sort."""
    return None
