from collections import deque

_MISSING = object()


class Peekable:
    """Iterator wrapper supporting peek(), has_next(), prepend() and take()."""

    def __init__(self, iterable):
        self._source = iter(iterable)
        self._buffer = deque()

    def __iter__(self):
        return self

    def __next__(self):
        if self._buffer:
            return self._buffer.popleft()
        return next(self._source)

    def peek(self, default=_MISSING):
        if not self._buffer:
            try:
                self._buffer.append(next(self._source))
            except StopIteration:
                if default is _MISSING:
                    raise
                return default
        return self._buffer[0]

    def has_next(self):
        end = object()
        return self.peek(end) is not end

    def prepend(self, *items):
        self._buffer.extendleft(reversed(items))

    def take(self, n):
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        items = []
        for _ in range(n):
            item = next(self, _MISSING)
            if item is _MISSING:
                break
            items.append(item)
        return items
