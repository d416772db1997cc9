def times_table(n: int) -> list[int]:
    """Return the list [n * 1, n * 2, ..., n * 10]."""
    table = []
    for number in range(1, 11):
        table.append(n * number)
    return table
