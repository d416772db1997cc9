def _practised(minutes):
    return minutes > 0


def count_days(minutes, test=None):
    """Return how many days' minutes pass test (by default: more than 0 minutes)."""
    if test is None:
        test = _practised
    count = 0
    for day in minutes:
        if test(day):
            count += 1
    return count
