def hailstone(n: int) -> list[int]:
    """Return the hailstone sequence from n down to 1 (inclusive)."""
    raise NotImplementedError
