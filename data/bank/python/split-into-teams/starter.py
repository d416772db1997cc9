def split_into_teams(names: list[str], size: int) -> list[list[str]]:
    """Split names, in order, into consecutive teams of `size` (the last may be smaller)."""
    raise NotImplementedError
