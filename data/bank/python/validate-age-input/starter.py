def parse_age(value):
    """Return value as a validated age (int between 0 and 150).

    Raise TypeError for values that are not int or str (bools included),
    and ValueError for text that is not a whole number or an age out of range.
    """
    raise NotImplementedError("write parse_age")
