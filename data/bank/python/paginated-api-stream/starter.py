def pages(fetch_page):
    """Yield the items list of every page, fetching each page only when it is requested."""
    raise NotImplementedError("write pages")


def paginate(fetch_page, limit=None):
    """Yield the items of every page one by one, at most `limit` of them."""
    raise NotImplementedError("write paginate")
