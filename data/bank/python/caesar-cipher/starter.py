def caesar(text: str, shift: int) -> str:
    """Shift every ASCII letter of text by shift places, wrapping around the alphabet."""
    raise NotImplementedError
