class RetryError(Exception):
    """Raised when every attempt failed. Attributes: attempts, errors (list of str)."""

    def __init__(self, attempts, errors):
        raise NotImplementedError("write RetryError.__init__")


def call_with_retry(func, attempts=3, retry_on=(Exception,)):
    """Call func(), retrying on exceptions listed in retry_on, at most `attempts` times."""
    raise NotImplementedError("write call_with_retry")
