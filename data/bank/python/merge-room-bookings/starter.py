def merge_bookings(bookings):
    """Return the sorted list of busy blocks, merging overlapping or touching bookings."""
    raise NotImplementedError("write merge_bookings")


def free_slots(bookings, day_start, day_end):
    """Return the free (start, end) slots between day_start and day_end."""
    raise NotImplementedError("write free_slots")
