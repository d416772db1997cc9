ABSOLUTE_ZERO = -273.15


class Temperature:
    """A temperature, stored in degrees Celsius."""

    def __init__(self, celsius):
        if celsius < ABSOLUTE_ZERO:
            raise ValueError(f"{celsius} °C is below absolute zero")
        self.celsius = celsius

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    @property
    def kelvin(self):
        return self.celsius - ABSOLUTE_ZERO

    @classmethod
    def from_fahrenheit(cls, degrees):
        return cls((degrees - 32) * 5 / 9)

    @classmethod
    def from_kelvin(cls, degrees):
        return cls(degrees + ABSOLUTE_ZERO)

    def warmer_than(self, other):
        return self.celsius > other.celsius
