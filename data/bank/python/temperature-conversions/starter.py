ABSOLUTE_ZERO = -273.15


class Temperature:
    """A temperature, stored in degrees Celsius."""

    def __init__(self, celsius):
        pass

    @property
    def fahrenheit(self):
        raise NotImplementedError("write fahrenheit")

    @property
    def kelvin(self):
        raise NotImplementedError("write kelvin")

    @classmethod
    def from_fahrenheit(cls, degrees):
        raise NotImplementedError("write from_fahrenheit")

    @classmethod
    def from_kelvin(cls, degrees):
        raise NotImplementedError("write from_kelvin")

    def warmer_than(self, other):
        raise NotImplementedError("write warmer_than")
