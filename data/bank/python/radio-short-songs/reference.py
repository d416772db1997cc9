def radio_friendly(playlist, max_seconds=210):
    """Return the titles of the (title, seconds) pairs lasting at most max_seconds, in order."""
    return [title for title, seconds in playlist if seconds <= max_seconds]
