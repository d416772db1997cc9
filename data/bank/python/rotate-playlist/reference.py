def rotate(songs: list, k: int) -> list:
    """Return a new list with songs rotated k places to the right (left if k < 0)."""
    if not songs:
        return []
    k %= len(songs)
    return songs[len(songs) - k:] + songs[:len(songs) - k]
