class LRUCache:
    """A fixed-capacity cache that evicts the least recently used entry."""

    def __init__(self, capacity: int):
        raise NotImplementedError

    def get(self, key, default=None):
        """Return the value for key (marking it as used), or default."""
        raise NotImplementedError

    def put(self, key, value):
        """Store value under key; return the evicted key, or None."""
        raise NotImplementedError

    def keys(self) -> list:
        """Return the keys from least to most recently used."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, key) -> bool:
        raise NotImplementedError
