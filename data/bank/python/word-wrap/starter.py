def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most width characters, filling greedily."""
    raise NotImplementedError
