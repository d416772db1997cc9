import contextlib


class InventoryError(Exception):
    """Base class for stock problems."""


class OutOfStockError(InventoryError):
    """Not enough of an item. Attributes: item, requested, available."""

    def __init__(self, item, requested, available):
        self.item = item
        self.requested = requested
        self.available = available
        super().__init__(f"cannot take {requested} of {item!r}: only {available} left")


class OrderError(InventoryError):
    """An order line failed. Attributes: line (from 1), reason."""

    def __init__(self, line, reason):
        self.line = line
        self.reason = reason
        super().__init__(f"order line {line}: {reason}")


class Warehouse:
    """A stock of items whose multi-step changes are all or nothing."""

    def __init__(self, stock):
        self.stock = dict(stock)

    def take(self, item, quantity):
        """Take quantity of item out of the stock and return what is left."""
        if quantity < 1:
            raise ValueError(f"quantity must be at least 1, got {quantity}")
        available = self.stock.get(item, 0)
        if quantity > available:
            raise OutOfStockError(item, quantity, available)
        self.stock[item] = available - quantity
        return self.stock[item]

    @contextlib.contextmanager
    def _transaction(self):
        """Restore the stock if the with block raises anything."""
        snapshot = dict(self.stock)
        try:
            yield
        except BaseException:
            self.stock = snapshot
            raise

    def run_in_transaction(self, action):
        """Return action(self); if it raises, restore the stock and re-raise."""
        with self._transaction():
            return action(self)

    def fulfil(self, order):
        """Take every (item, quantity) line all or nothing; return {item: left}."""
        with self._transaction():
            for line, (item, quantity) in enumerate(order, start=1):
                try:
                    self.take(item, quantity)
                except InventoryError as err:
                    raise OrderError(line, str(err)) from err
        return {item: self.stock[item] for item, _ in order}
