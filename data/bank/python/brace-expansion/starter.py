def expand_braces(pattern: str) -> list[str]:
    """Return every string described by pattern, e.g. "a{b,c}" -> ["ab", "ac"]."""
    raise NotImplementedError
