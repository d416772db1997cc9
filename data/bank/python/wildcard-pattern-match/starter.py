def matches(pattern, text):
    """Return True if the whole text matches the wildcard pattern (? * [...] [!...] \\c)."""
    raise NotImplementedError("write matches")
