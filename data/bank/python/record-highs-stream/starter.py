def record_highs(values):
    """Yield (position, value) for each value greater than every earlier value."""
    raise NotImplementedError("write record_highs")
