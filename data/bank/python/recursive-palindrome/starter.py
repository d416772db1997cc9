def is_palindrome(text):
    """Return True if text reads the same both ways, ignoring case and any
    character that is not a letter or digit. Use recursion."""
    raise NotImplementedError("write is_palindrome")
