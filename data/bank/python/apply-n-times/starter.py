def apply_n_times(func, n, value):
    """Return func applied n times to value: func(func(...func(value)...)).

    n == 0 returns value unchanged without calling func.
    Raise ValueError when n is negative.
    """
    raise NotImplementedError("write apply_n_times")
