def merge_bookings(bookings: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching (start, end) bookings into sorted busy blocks."""
    raise NotImplementedError
