class CycleError(ValueError):
    """Raised when a formula would make a cell depend on itself."""


class Spreadsheet:
    """Cells holding constants or formulas, evaluated lazily and cached."""

    def __init__(self):
        pass

    def set_value(self, cell, value):
        """Make cell hold a constant (replacing any formula)."""
        raise NotImplementedError("write set_value")

    def set_formula(self, cell, inputs, func):
        """Make cell's value func(*values of inputs). CycleError if that creates a cycle."""
        raise NotImplementedError("write set_formula")

    def clear(self, cell):
        """Empty the cell (its value becomes 0)."""
        raise NotImplementedError("write clear")

    def get(self, cell):
        """Return the cell's current value (0 for an empty cell)."""
        raise NotImplementedError("write get")

    def dependents(self, cell):
        """Return the sorted list of cells that depend on cell, directly or not."""
        raise NotImplementedError("write dependents")
