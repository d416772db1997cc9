import contextlib


class InventoryError(Exception):
    """Base class for stock problems."""


class OutOfStockError(InventoryError):
    """Not enough of an item. Attributes: item, requested, available."""

    def __init__(self, item, requested, available):
        raise NotImplementedError("write OutOfStockError.__init__")


class OrderError(InventoryError):
    """An order line failed. Attributes: line (from 1), reason."""

    def __init__(self, line, reason):
        raise NotImplementedError("write OrderError.__init__")


class Warehouse:
    """A stock of items whose multi-step changes are all or nothing."""

    def __init__(self, stock):
        raise NotImplementedError("write Warehouse.__init__")

    def take(self, item, quantity):
        """Take quantity of item out of the stock and return what is left."""
        raise NotImplementedError("write take")

    def run_in_transaction(self, action):
        """Return action(self); if it raises, restore the stock and re-raise."""
        raise NotImplementedError("write run_in_transaction")

    def fulfil(self, order):
        """Take every (item, quantity) line all or nothing; return {item: left}."""
        raise NotImplementedError("write fulfil")
