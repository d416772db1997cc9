def warmest(temperatures: list[float]) -> float | None:
    """Return the largest number in temperatures, or None if the list is empty."""
    if len(temperatures) == 0:
        return None
    warmest_so_far = temperatures[0]
    for temperature in temperatures:
        if temperature > warmest_so_far:
            warmest_so_far = temperature
    return warmest_so_far
