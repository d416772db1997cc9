def record_highs(values):
    """Yield (position, value) for each value greater than every earlier value."""
    best = None
    for position, value in enumerate(values):
        if best is None or value > best:
            best = value
            yield position, value
