class Store:
    """An in-memory key-value store with value counts and nested transactions."""

    def __init__(self):
        raise NotImplementedError

    def set(self, key, value) -> None:
        """Store value under key."""
        raise NotImplementedError

    def get(self, key, default=None):
        """Return the value stored under key, or default."""
        raise NotImplementedError

    def delete(self, key) -> None:
        """Remove key; raise KeyError if it is not in the store."""
        raise NotImplementedError

    def count(self, value) -> int:
        """Return how many keys hold a value equal to value."""
        raise NotImplementedError

    def begin(self) -> None:
        """Open a (possibly nested) transaction."""
        raise NotImplementedError

    def rollback(self) -> None:
        """Undo and close the innermost transaction; RuntimeError if none is open."""
        raise NotImplementedError

    def commit(self) -> None:
        """Close the innermost transaction, keeping its changes; RuntimeError if none is open."""
        raise NotImplementedError

    def depth(self) -> int:
        """Return the number of open transactions."""
        raise NotImplementedError
