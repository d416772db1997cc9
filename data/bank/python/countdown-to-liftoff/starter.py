def countdown(n):
    """Yield n, n-1, ..., 1 and then the string 'liftoff'."""
    raise NotImplementedError("write countdown")
