from collections import deque


def make_averager(window=None):
    """Return a function add(value) that records value and returns the average
    of the values recorded so far (only the last `window` ones if window is set).

    Raise ValueError if window is not None and is smaller than 1.
    """
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    recent = deque(maxlen=window)

    def add(value):
        recent.append(value)
        return sum(recent) / len(recent)

    return add


def running_averages(values, window=None):
    """Return the average after each value, using one averager."""
    add = make_averager(window)
    return [add(value) for value in values]


def track_streams(events, window=None):
    """events is a list of (stream_name, value). Each stream has its own averager.
    Return the stream's average after each event, in order."""
    make_averager(window)  # validate the window even when there are no events
    averagers = {}
    results = []
    for name, value in events:
        if name not in averagers:
            averagers[name] = make_averager(window)
        results.append(averagers[name](value))
    return results
