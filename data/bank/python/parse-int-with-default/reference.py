def parse_int(text, default=None):
    """Return text converted to an int, or default if that is not possible."""
    try:
        return int(text)
    except (ValueError, TypeError):
        return default
