def split_into_teams(names: list[str], size: int) -> list[list[str]]:
    """Split names, in order, into consecutive teams of `size` (the last may be smaller)."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return [names[start:start + size] for start in range(0, len(names), size)]
