def compress(text: str) -> str:
    """Run-length encode text: "aaab" -> "3ab"."""
    raise NotImplementedError


def expand(encoded: str) -> str:
    """Decode a run-length encoded string: "3ab" -> "aaab"."""
    raise NotImplementedError
