class Vector:
    """An immutable-style 2D vector supporting +, -, * (by a number), unary -, ==."""

    def __init__(self, x, y):
        pass

    def __add__(self, other):
        raise NotImplementedError("write __add__")

    def __sub__(self, other):
        raise NotImplementedError("write __sub__")

    def __mul__(self, k):
        raise NotImplementedError("write __mul__")

    def __rmul__(self, k):
        raise NotImplementedError("write __rmul__")

    def __neg__(self):
        raise NotImplementedError("write __neg__")

    def __eq__(self, other):
        raise NotImplementedError("write __eq__")

    def length(self):
        raise NotImplementedError("write length")

    def dot(self, other):
        raise NotImplementedError("write dot")
