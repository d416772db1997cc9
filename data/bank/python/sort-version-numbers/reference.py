def version_key(version: str) -> tuple[int, ...]:
    """'1.10.0' -> (1, 10, 0): tuples of numbers compare the way versions do."""
    return tuple(int(part) for part in version.split("."))


def sort_versions(versions: list[str], newest_first: bool = False) -> list[str]:
    """Return the versions sorted by their numbers, oldest first (or newest first)."""
    return sorted(versions, key=version_key, reverse=newest_first)
