def recursive_sum(numbers):
    """Return the sum of numbers, computed recursively (no loops, no sum())."""
    if not numbers:
        return 0
    return numbers[0] + recursive_sum(numbers[1:])
