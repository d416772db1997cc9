def count_days(minutes, test=None):
    """Return how many days' minutes pass test (by default: more than 0 minutes)."""
    raise NotImplementedError("write count_days")
