def make_averager(window=None):
    """Return a function add(value) that records value and returns the average
    of the values recorded so far (only the last `window` ones if window is set).

    Raise ValueError if window is not None and is smaller than 1.
    """
    raise NotImplementedError("write make_averager")


def running_averages(values, window=None):
    """Return the average after each value, using one averager."""
    raise NotImplementedError("write running_averages")


def track_streams(events, window=None):
    """events is a list of (stream_name, value). Each stream has its own averager.
    Return the stream's average after each event, in order."""
    raise NotImplementedError("write track_streams")
