import re

_CELL_NAME = re.compile(r"[A-Z]+[1-9][0-9]*")


class CycleError(ValueError):
    """Raised when a formula would make a cell depend on itself."""


class Spreadsheet:
    """Cells holding constants or formulas, evaluated lazily and cached."""

    def __init__(self):
        self._values = {}      # cell -> constant
        self._formulas = {}    # cell -> (inputs, func)
        self._cache = {}       # cell -> computed value of a formula cell
        self.evaluations = 0

    def _check(self, cell):
        if not isinstance(cell, str) or not _CELL_NAME.fullmatch(cell):
            raise ValueError(f"invalid cell name {cell!r}")

    def _direct_dependents(self, cell):
        return {other for other, (inputs, _) in self._formulas.items() if cell in inputs}

    def dependents(self, cell):
        """All cells whose value depends, directly or not, on cell (sorted)."""
        self._check(cell)
        found, todo = set(), [cell]
        while todo:
            for other in self._direct_dependents(todo.pop()):
                if other not in found:
                    found.add(other)
                    todo.append(other)
        return sorted(found)

    def _invalidate(self, cell):
        for stale in [cell, *self.dependents(cell)]:
            self._cache.pop(stale, None)

    def set_value(self, cell, value):
        self._check(cell)
        self._formulas.pop(cell, None)
        self._values[cell] = value
        self._invalidate(cell)

    def set_formula(self, cell, inputs, func):
        self._check(cell)
        inputs = tuple(inputs)
        for name in inputs:
            self._check(name)
        if cell in inputs or set(inputs) & set(self.dependents(cell)):
            raise CycleError(f"{cell} would depend on itself")
        self._values.pop(cell, None)
        self._formulas[cell] = (inputs, func)
        self._invalidate(cell)

    def clear(self, cell):
        self._check(cell)
        self._values.pop(cell, None)
        self._formulas.pop(cell, None)
        self._invalidate(cell)

    def get(self, cell):
        self._check(cell)
        if cell not in self._formulas:
            return self._values.get(cell, 0)
        if cell not in self._cache:
            inputs, func = self._formulas[cell]
            arguments = [self.get(name) for name in inputs]
            self.evaluations += 1
            self._cache[cell] = func(*arguments)
        return self._cache[cell]
