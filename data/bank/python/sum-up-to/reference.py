def sum_up_to(n: int) -> int:
    """Return 1 + 2 + ... + n, or 0 when n is 0 or negative."""
    total = 0
    for number in range(1, n + 1):
        total += number
    return total
