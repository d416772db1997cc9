def find_first(items, target):
    """Return the first index of target in the sorted list items, or -1."""
    return None
