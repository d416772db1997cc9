def longest_dry_spell(rain_mm: list[float], threshold: float = 1.0) -> int:
    """Return the length of the longest run of consecutive days with rain below threshold."""
    best = 0
    current = 0
    for rain in rain_mm:
        if rain < threshold:
            current += 1
            best = max(best, current)
        else:
            current = 0
    return best
