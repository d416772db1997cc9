class LRUCache:
    """A fixed-capacity cache that evicts the least recently used entry."""

    def __init__(self, capacity: int):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._items = {}  # insertion order = least to most recently used

    def get(self, key, default=None):
        """Return the value for key (marking it as used), or default."""
        if key not in self._items:
            return default
        value = self._items.pop(key)
        self._items[key] = value
        return value

    def put(self, key, value):
        """Store value under key; return the evicted key, or None."""
        self._items.pop(key, None)
        self._items[key] = value
        if len(self._items) > self.capacity:
            oldest = next(iter(self._items))
            del self._items[oldest]
            return oldest
        return None

    def keys(self) -> list:
        """Return the keys from least to most recently used."""
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key) -> bool:
        return key in self._items
