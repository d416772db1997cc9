def merge_bookings(bookings: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching (start, end) bookings into sorted busy blocks."""
    for start, end in bookings:
        if start > end:
            raise ValueError(f"booking ({start}, {end}) ends before it starts")
    merged = []
    for start, end in sorted(bookings):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]
