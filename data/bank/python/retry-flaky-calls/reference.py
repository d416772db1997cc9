class RetryError(Exception):
    """Raised when every attempt failed. Attributes: attempts, errors (list of str)."""

    def __init__(self, attempts, errors):
        self.attempts = attempts
        self.errors = list(errors)
        super().__init__(f"gave up after {attempts} attempts")


def call_with_retry(func, attempts=3, retry_on=(Exception,)):
    """Call func(), retrying on exceptions listed in retry_on, at most `attempts` times."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    errors = []
    last_error = None
    for _ in range(attempts):
        try:
            return func()
        except retry_on as err:
            errors.append(f"{type(err).__name__}: {err}")
            last_error = err
    raise RetryError(attempts, errors) from last_error
