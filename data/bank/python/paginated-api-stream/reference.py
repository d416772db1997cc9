def pages(fetch_page):
    """Yield the items list of every page, fetching each page only when it is requested."""
    fetched = set()
    cursor = None
    while True:
        items, next_cursor = fetch_page(cursor)
        yield items
        if next_cursor is None:
            return
        if next_cursor in fetched:
            raise RuntimeError(f"the API sent the cursor {next_cursor!r} twice")
        fetched.add(next_cursor)
        cursor = next_cursor


def paginate(fetch_page, limit=None):
    """Yield the items of every page one by one, at most `limit` of them."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    if limit == 0:
        return
    count = 0
    for items in pages(fetch_page):
        for item in items:
            yield item
            count += 1
            if count == limit:
                return
