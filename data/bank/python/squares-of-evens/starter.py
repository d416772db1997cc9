def squares_of_evens(numbers):
    """Return the squares of the even numbers, in order, using a list comprehension."""
    raise NotImplementedError("write squares_of_evens")
