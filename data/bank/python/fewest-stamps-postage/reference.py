def fewest_stamps(amount, stamps):
    """Return the fewest stamps adding up to exactly amount, or None if impossible."""
    if amount < 0:
        raise ValueError(f"amount cannot be negative, got {amount}")
    if any(s <= 0 for s in stamps):
        raise ValueError("stamp values must be positive")
    values = set(stamps)
    impossible = float("inf")
    best = [0] + [impossible] * amount
    for x in range(1, amount + 1):
        for s in values:
            if s <= x and best[x - s] + 1 < best[x]:
                best[x] = best[x - s] + 1
    return None if best[amount] == impossible else best[amount]
