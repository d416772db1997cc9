def _mirrored(chars):
    if len(chars) < 2:
        return True
    if chars[0] != chars[-1]:
        return False
    return _mirrored(chars[1:-1])


def is_palindrome(text):
    """Return True if text reads the same both ways, ignoring case and any
    character that is not a letter or digit. Use recursion."""
    cleaned = "".join(ch.lower() for ch in text if ch.isalnum())
    return _mirrored(cleaned)
