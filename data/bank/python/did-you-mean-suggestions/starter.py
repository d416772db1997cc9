def edit_distance(a: str, b: str) -> int:
    """Return the fewest single-character insertions, deletions and substitutions turning a into b."""
    raise NotImplementedError("write edit_distance")


def suggest(typed: str, commands: list[str], max_distance: int = 2) -> list[str]:
    """Return the commands within max_distance edits of typed, closest first, ties alphabetical."""
    raise NotImplementedError("write suggest")
