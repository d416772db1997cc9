_SCALARS = (str, int, float, bool, type(None))
_SIZES = {"start_map": 1, "end_map": 1, "start_array": 1, "end_array": 1, "key": 2, "value": 2}
_END = object()


def events(value):
    """Yield the events describing value, in document order."""
    if isinstance(value, dict):
        yield ("start_map",)
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"map keys must be strings, not {type(key).__name__}")
            yield ("key", key)
            yield from events(item)
        yield ("end_map",)
    elif isinstance(value, list):
        yield ("start_array",)
        for item in value:
            yield from events(item)
        yield ("end_array",)
    elif isinstance(value, _SCALARS):
        yield ("value", value)
    else:
        raise TypeError(f"cannot describe a {type(value).__name__}")


def _next_event(it):
    """Return the next event of the iterator it, checking its shape."""
    event = next(it, _END)
    if event is _END:
        raise ValueError("the stream ended in the middle of a value")
    if not (isinstance(event, tuple) and event and _SIZES.get(event[0]) == len(event)):
        raise ValueError(f"not an event: {event!r}")
    if event[0] == "key" and not isinstance(event[1], str):
        raise ValueError(f"a key must be a string: {event!r}")
    return event


def _read_value(it, event):
    """Rebuild the value that starts with event, reading the rest of its events from it."""
    kind = event[0]
    if kind == "value":
        return event[1]
    if kind == "start_array":
        items = []
        while (event := _next_event(it))[0] != "end_array":
            items.append(_read_value(it, event))
        return items
    if kind == "start_map":
        result = {}
        while (event := _next_event(it))[0] != "end_map":
            if event[0] != "key":
                raise ValueError(f"expected a key or the end of the map, got {event!r}")
            result[event[1]] = _read_value(it, _next_event(it))
        return result
    raise ValueError(f"expected a value, got {event!r}")


def _expect_end(it):
    if next(it, _END) is not _END:
        raise ValueError("events left over after the complete value")


def rebuild(stream):
    """Return the value described by a stream of events."""
    it = iter(stream)
    value = _read_value(it, _next_event(it))
    _expect_end(it)
    return value


def array_items(stream):
    """Yield the elements of the array described by stream, one at a time."""
    it = iter(stream)
    first = _next_event(it)
    if first != ("start_array",):
        raise ValueError(f"the stream does not describe an array: it starts with {first!r}")
    while (event := _next_event(it)) != ("end_array",):
        yield _read_value(it, event)
    _expect_end(it)
