def sunniest_stretch(hours: list[float], days: int) -> tuple[int, float]:
    """Return (start, total) of the `days` consecutive days with the most sunshine."""
    if not 1 <= days <= len(hours):
        raise ValueError(f"days must be between 1 and {len(hours)}, got {days}")
    total = best = sum(hours[:days])
    best_start = 0
    for i in range(days, len(hours)):
        total += hours[i] - hours[i - days]  # slide: day i joins, day i - days leaves
        if total > best:
            best, best_start = total, i - days + 1
    return best_start, best
