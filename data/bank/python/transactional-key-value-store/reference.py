_ABSENT = object()


class Store:
    """An in-memory key-value store with value counts and nested transactions."""

    def __init__(self):
        self._data = {}
        self._counts = {}
        self._logs = []  # one dict per open transaction: key -> value before it was touched

    def _change(self, key, value) -> None:
        """Give key a new value, or remove it if value is _ABSENT, keeping counts in step."""
        old = self._data.pop(key, _ABSENT)
        if old is not _ABSENT:
            self._counts[old] -= 1
            if self._counts[old] == 0:
                del self._counts[old]
        if value is not _ABSENT:
            self._data[key] = value
            self._counts[value] = self._counts.get(value, 0) + 1

    def _record(self, key) -> None:
        if self._logs and key not in self._logs[-1]:
            self._logs[-1][key] = self._data.get(key, _ABSENT)

    def set(self, key, value) -> None:
        """Store value under key."""
        self._record(key)
        self._change(key, value)

    def get(self, key, default=None):
        """Return the value stored under key, or default."""
        return self._data.get(key, default)

    def delete(self, key) -> None:
        """Remove key; raise KeyError if it is not in the store."""
        if key not in self._data:
            raise KeyError(key)
        self._record(key)
        self._change(key, _ABSENT)

    def count(self, value) -> int:
        """Return how many keys hold a value equal to value."""
        return self._counts.get(value, 0)

    def begin(self) -> None:
        """Open a (possibly nested) transaction."""
        self._logs.append({})

    def rollback(self) -> None:
        """Undo and close the innermost transaction; RuntimeError if none is open."""
        if not self._logs:
            raise RuntimeError("no transaction is open")
        for key, value in self._logs.pop().items():
            self._change(key, value)

    def commit(self) -> None:
        """Close the innermost transaction, keeping its changes; RuntimeError if none is open."""
        if not self._logs:
            raise RuntimeError("no transaction is open")
        log = self._logs.pop()
        if self._logs:
            outer = self._logs[-1]
            for key, value in log.items():
                outer.setdefault(key, value)

    def depth(self) -> int:
        """Return the number of open transactions."""
        return len(self._logs)
