def hailstone(n: int) -> list[int]:
    """Return the hailstone sequence from n down to 1 (inclusive)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    sequence = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        sequence.append(n)
    return sequence
