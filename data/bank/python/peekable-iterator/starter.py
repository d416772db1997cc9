class Peekable:
    """Iterator wrapper supporting peek(), has_next(), prepend() and take()."""

    def __init__(self, iterable):
        raise NotImplementedError("write Peekable.__init__")

    def __iter__(self):
        raise NotImplementedError

    def __next__(self):
        raise NotImplementedError

    def peek(self, *default):
        """Return the next item without consuming it.

        Called as peek() or peek(default). At the end, return default if one was
        given, otherwise raise StopIteration. (You may change the signature to
        peek(self, default=...) with a sentinel of your own.)
        """
        raise NotImplementedError

    def has_next(self):
        raise NotImplementedError

    def prepend(self, *items):
        raise NotImplementedError

    def take(self, n):
        raise NotImplementedError
