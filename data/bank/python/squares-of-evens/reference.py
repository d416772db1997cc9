def squares_of_evens(numbers):
    """Return the squares of the even numbers, in order, using a list comprehension."""
    return [n * n for n in numbers if n % 2 == 0]
