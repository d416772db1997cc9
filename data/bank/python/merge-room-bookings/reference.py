def merge_bookings(bookings):
    """Return the sorted list of busy blocks, merging overlapping or touching bookings."""
    for start, end in bookings:
        if start >= end:
            raise ValueError(f"booking must start before it ends: {(start, end)!r}")
    merged = []
    for start, end in sorted(tuple(b) for b in bookings):
        if merged and start <= merged[-1][1]:
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def free_slots(bookings, day_start, day_end):
    """Return the free (start, end) slots between day_start and day_end."""
    if day_start >= day_end:
        raise ValueError("the day must start before it ends")
    slots = []
    cursor = day_start
    for start, end in merge_bookings(bookings):
        if start > cursor:
            gap_end = min(start, day_end)
            if gap_end > cursor:
                slots.append((cursor, gap_end))
        cursor = max(cursor, end)
    if cursor < day_end:
        slots.append((cursor, day_end))
    return slots
