def pipeline(*steps):
    """Return a function run(value) that passes value through every step, left to right."""
    calls = []
    for position, step in enumerate(steps):
        func, extra = (step[0], step[1:]) if isinstance(step, tuple) and step else (step, ())
        if not callable(func):
            raise TypeError(f"step {position} is not callable: {step!r}")
        calls.append((func, extra))

    def run(value):
        for func, extra in calls:
            value = func(value, *extra)
        return value

    return run
