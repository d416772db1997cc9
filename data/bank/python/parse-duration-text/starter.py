def parse_duration(text: str) -> int:
    """Return the number of seconds in a duration such as '1h 30m', or raise ValueError."""
    raise NotImplementedError
