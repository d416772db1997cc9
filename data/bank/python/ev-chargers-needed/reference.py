def _timeline(sessions):
    """Return [(time, sessions in progress from that time on)] in time order."""
    changes = {}
    for start, end in sessions:
        if start >= end:
            raise ValueError(f"a session must start before it ends: {(start, end)!r}")
        changes[start] = changes.get(start, 0) + 1
        changes[end] = changes.get(end, 0) - 1
    timeline = []
    count = 0
    for time in sorted(changes):
        count += changes[time]
        timeline.append((time, count))
    return timeline


def chargers_needed(sessions):
    """Return the largest number of sessions in progress at the same moment."""
    return max((count for _, count in _timeline(sessions)), default=0)


def busiest_window(sessions):
    """Return the first (start, end) period with the maximum number of sessions, or None."""
    timeline = _timeline(sessions)
    if not timeline:
        return None
    peak = max(count for _, count in timeline)
    window_start = None
    for time, count in timeline:
        if window_start is None and count == peak:
            window_start = time
        elif window_start is not None and count < peak:
            return window_start, time
