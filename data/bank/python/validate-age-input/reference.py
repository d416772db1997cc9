def parse_age(value):
    """Return value as a validated age (int between 0 and 150)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"age must be an int or a str, not {type(value).__name__}")
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValueError(f"age is not a whole number: {value!r}") from None
    if not 0 <= value <= 150:
        raise ValueError(f"age must be between 0 and 150, got {value}")
    return value
