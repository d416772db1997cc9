def moving_average(values: list[float], window: int) -> list[float]:
    """Return the averages of every run of `window` consecutive values."""
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}")
    averages = []
    for start in range(len(values) - window + 1):
        averages.append(sum(values[start:start + window]) / window)
    return averages
