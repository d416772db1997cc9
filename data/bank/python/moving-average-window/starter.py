def moving_average(values: list[float], window: int) -> list[float]:
    """Return the averages of every run of `window` consecutive values."""
    raise NotImplementedError
