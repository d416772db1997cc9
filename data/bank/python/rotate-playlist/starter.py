def rotate(songs: list, k: int) -> list:
    """Return a new list with songs rotated k places to the right (left if k < 0)."""
    raise NotImplementedError
