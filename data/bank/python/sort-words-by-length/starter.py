def sort_by_length(words):
    """Return a new list of words sorted by length, ties in alphabetical order."""
    return None
