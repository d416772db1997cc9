def page_links(current: int, total: int, around: int = 2) -> list:
    """Return the page numbers and '...' markers to show in a pagination bar."""
    if total < 1:
        raise ValueError(f"total must be at least 1, not {total}")
    if not 1 <= current <= total:
        raise ValueError(f"current must be between 1 and {total}, not {current}")
    if around < 0:
        raise ValueError(f"around must not be negative, not {around}")
    nearby = range(max(1, current - around), min(total, current + around) + 1)
    shown = sorted({1, total, *nearby})
    links = []
    previous = None
    for page in shown:
        if previous is not None:
            missing = page - previous - 1
            if missing == 1:
                links.append(previous + 1)
            elif missing > 1:
                links.append("...")
        links.append(page)
        previous = page
    return links
