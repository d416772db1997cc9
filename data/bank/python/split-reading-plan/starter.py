def min_daily_pages(chapters, days):
    """Return the smallest possible maximum pages per day when reading in order in `days` days."""
    return None
