def running_totals(numbers: list[float]) -> list[float]:
    """Return the list of cumulative sums of numbers."""
    raise NotImplementedError
