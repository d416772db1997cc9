def headline(text: str) -> str:
    """Convert text to headline case following the style guide rules."""
    raise NotImplementedError
