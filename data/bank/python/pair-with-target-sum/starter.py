def pair_with_sum(prices, target):
    """Return (a, b) from two positions of the sorted list with a + b == target, or None."""
    raise NotImplementedError("write pair_with_sum")
