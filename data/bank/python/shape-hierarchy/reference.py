import math


def _require_positive(**sizes):
    for label, value in sizes.items():
        if value <= 0:
            raise ValueError(f"{label} must be positive, got {value!r}")


class Shape:
    """Base class: subclasses provide area() and perimeter()."""

    name = "shape"

    def area(self):
        raise NotImplementedError

    def perimeter(self):
        raise NotImplementedError

    def describe(self):
        """Return '<name> with area <a> and perimeter <p>' (2 decimals)."""
        return f"{self.name} with area {self.area():.2f} and perimeter {self.perimeter():.2f}"

    def __lt__(self, other):
        """Compare shapes by area."""
        return self.area() < other.area()


class Circle(Shape):
    name = "circle"

    def __init__(self, radius):
        _require_positive(radius=radius)
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2

    def perimeter(self):
        return 2 * math.pi * self.radius


class Rectangle(Shape):
    name = "rectangle"

    def __init__(self, width, height):
        _require_positive(width=width, height=height)
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)


class Square(Rectangle):
    name = "square"

    def __init__(self, side):
        super().__init__(side, side)
        self.side = side


def largest(shapes):
    """Return the shape with the largest area (first on ties); ValueError if empty."""
    if not shapes:
        raise ValueError("no shapes given")
    return max(shapes, key=lambda shape: shape.area())
