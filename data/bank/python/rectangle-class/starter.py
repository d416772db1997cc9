class Rectangle:
    """A rectangle with a width and a height."""

    def __init__(self, width, height):
        pass

    def area(self):
        """Return width * height."""
        raise NotImplementedError("write area")

    def perimeter(self):
        """Return 2 * (width + height)."""
        raise NotImplementedError("write perimeter")

    def is_square(self):
        """Return True if width and height are equal."""
        raise NotImplementedError("write is_square")

    def scaled(self, factor):
        """Return a new Rectangle with both sides multiplied by factor."""
        raise NotImplementedError("write scaled")
