def running_totals(numbers: list[float]) -> list[float]:
    """Return the list of cumulative sums of numbers."""
    totals = []
    total = 0
    for number in numbers:
        total += number
        totals.append(total)
    return totals
