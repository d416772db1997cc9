def times_table(n: int) -> list[int]:
    """Return the list [n * 1, n * 2, ..., n * 10]."""
    raise NotImplementedError("write times_table")
