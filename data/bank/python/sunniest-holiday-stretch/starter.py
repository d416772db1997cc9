def sunniest_stretch(hours: list[float], days: int) -> tuple[int, float]:
    """Return (start, total) of the `days` consecutive days with the most sunshine."""
    raise NotImplementedError
