def events(value):
    """Yield the events describing value, in document order."""
    raise NotImplementedError("write events")


def rebuild(stream):
    """Return the value described by a stream of events."""
    raise NotImplementedError("write rebuild")


def array_items(stream):
    """Yield the elements of the array described by stream, one at a time."""
    raise NotImplementedError("write array_items")
