def radio_friendly(playlist, max_seconds=210):
    """Return the titles of the (title, seconds) pairs lasting at most max_seconds, in order."""
    raise NotImplementedError("write radio_friendly")
