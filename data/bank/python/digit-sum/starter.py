def digit_sum(n: int) -> int:
    """Return the sum of the decimal digits of the non-negative integer n."""
    raise NotImplementedError
