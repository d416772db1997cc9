import functools


def make_tracer(indent="  "):
    """Return (trace, log): a decorator that logs calls, returns and exceptions
    of the functions it decorates, indented by nesting depth, and the list it logs to."""
    log = []
    depth = 0

    def trace(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            nonlocal depth
            arguments = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
            call = f"{func.__name__}({', '.join(arguments)})"
            prefix = indent * depth
            log.append(prefix + call)
            depth += 1
            try:
                result = func(*args, **kwargs)
            except Exception as err:
                log.append(f"{prefix}{call} raised {type(err).__name__}: {err}")
                raise
            finally:
                depth -= 1
            log.append(f"{prefix}{call} returned {result!r}")
            return result

        return wrapper

    return trace, log


# The tracers and functions below are used by the tests. Do not change them.

trace, LOG = make_tracer()
bar_trace, BAR_LOG = make_tracer(indent="| ")


@trace
def fact(n):
    """Factorial of n."""
    return 1 if n <= 1 else n * fact(n - 1)


@trace
def ratio(a, b=1):
    return a / b


@trace
def greet(name, greeting="Hello", punctuation="."):
    return f"{greeting}, {name}{punctuation}"


@trace
def risky(n):
    if n == 0:
        raise ValueError("n is zero")
    return 10 // n


@trace
def safe(n):
    try:
        return risky(n)
    except ValueError:
        return None


@bar_trace
def countdown(n):
    return "liftoff" if n == 0 else countdown(n - 1)


@bar_trace
def double(x):
    return 2 * x


@trace
def total(numbers):
    return sum(double(x) for x in numbers)
