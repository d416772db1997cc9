def countdown(n):
    """Yield n, n-1, ..., 1 and then the string 'liftoff'."""
    for i in range(n, 0, -1):
        yield i
    yield "liftoff"
