def digit_sum(n: int) -> int:
    """Return the sum of the decimal digits of the non-negative integer n."""
    if n < 0:
        raise ValueError("n must not be negative")
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total
