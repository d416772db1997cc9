def page_links(current: int, total: int, around: int = 2) -> list:
    """Return the page numbers and '...' markers to show in a pagination bar."""
    raise NotImplementedError
