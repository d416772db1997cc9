def longest_dry_spell(rain_mm: list[float], threshold: float = 1.0) -> int:
    """Return the length of the longest run of consecutive days with rain below threshold."""
    raise NotImplementedError
