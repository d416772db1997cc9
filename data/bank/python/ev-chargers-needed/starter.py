def chargers_needed(sessions):
    """Return the largest number of sessions in progress at the same moment."""
    raise NotImplementedError("write chargers_needed")


def busiest_window(sessions):
    """Return the first (start, end) period with the maximum number of sessions, or None."""
    raise NotImplementedError("write busiest_window")
