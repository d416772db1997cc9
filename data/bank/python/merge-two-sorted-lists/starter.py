def merge_sorted(a, b, key=None):
    """Merge two ascending lists into one ascending list (stable; ties favour a)."""
    return None
