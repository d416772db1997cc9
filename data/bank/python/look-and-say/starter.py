def next_term(term: str) -> str:
    """Return the look-and-say description of term, e.g. "1211" -> "111221"."""
    raise NotImplementedError


def look_and_say(seed: str, count: int) -> list[str]:
    """Return the first count terms of the look-and-say sequence starting at seed."""
    raise NotImplementedError
