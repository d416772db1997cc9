class Rectangle:
    """A rectangle with a width and a height."""

    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        """Return width * height."""
        return self.width * self.height

    def perimeter(self):
        """Return 2 * (width + height)."""
        return 2 * (self.width + self.height)

    def is_square(self):
        """Return True if width and height are equal."""
        return self.width == self.height

    def scaled(self, factor):
        """Return a new Rectangle with both sides multiplied by factor."""
        return Rectangle(self.width * factor, self.height * factor)
