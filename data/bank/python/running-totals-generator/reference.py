def running_totals(numbers, start=0):
    """Yield the running total after each number, beginning from start."""
    total = start
    for number in numbers:
        total += number
        yield total
