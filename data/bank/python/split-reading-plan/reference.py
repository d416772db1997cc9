def _days_needed(chapters, limit):
    """Fewest days to read all chapters in order with at most `limit` pages per day."""
    days, today = 1, 0
    for pages in chapters:
        if today + pages > limit:
            days += 1
            today = pages
        else:
            today += pages
    return days


def min_daily_pages(chapters, days):
    """Return the smallest possible maximum pages per day when reading in order in `days` days."""
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    if any(pages <= 0 for pages in chapters):
        raise ValueError("every chapter must have a positive number of pages")
    if not chapters:
        return 0
    lo, hi = max(chapters), sum(chapters)
    while lo < hi:
        mid = (lo + hi) // 2
        if _days_needed(chapters, mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
