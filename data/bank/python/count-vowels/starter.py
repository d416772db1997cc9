def count_vowels(text: str) -> int:
    """Return how many vowels (a, e, i, o, u, upper or lower case) are in text."""
    raise NotImplementedError("write count_vowels")
