def smooth_numbers(factors):
    """Yield, in increasing order, every product of the given factors (starting with 1)."""
    raise NotImplementedError("write smooth_numbers")


def nth_smooth_number(factors, n):
    """Return the n-th (1-based) value of smooth_numbers(factors)."""
    raise NotImplementedError("write nth_smooth_number")
