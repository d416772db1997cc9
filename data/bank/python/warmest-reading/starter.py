def warmest(temperatures: list[float]) -> float | None:
    """Return the largest number in temperatures, or None if the list is empty."""
    raise NotImplementedError("write warmest")
