def sort_versions(versions: list[str], newest_first: bool = False) -> list[str]:
    """Return the versions sorted by their numbers, oldest first (or newest first)."""
    raise NotImplementedError
