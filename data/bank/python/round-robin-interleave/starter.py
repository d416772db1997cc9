def interleave(*iterables, stop_at_shortest=False):
    """Yield one item from each iterable in turn (round-robin)."""
    raise NotImplementedError("write interleave")
