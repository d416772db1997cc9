import functools
import inspect


def _accepted(annotation):
    """The classes a value may belong to for this annotation, or None if unchecked."""
    if annotation is inspect.Signature.empty or not isinstance(annotation, type):
        return None
    if annotation is float:
        return (float, int)
    return annotation


def _check(value, annotation, what):
    accepted = _accepted(annotation)
    if accepted is not None and not isinstance(value, accepted):
        raise TypeError(
            f"{what} must be {annotation.__name__}, not {type(value).__name__}"
        )


def typecheck(func):
    """Return a wrapper around func that checks annotated arguments and the
    return value, raising TypeError on a mismatch."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        for name, value in bound.arguments.items():
            annotation = signature.parameters[name].annotation
            _check(value, annotation, f"argument {name!r}")
        result = func(*args, **kwargs)
        _check(result, signature.return_annotation, "return value")
        return result

    return wrapper


# The functions below are used by the tests. Do not change them.

@typecheck
def repeat(text: str, times: int = 2) -> str:
    return text * times


@typecheck
def mean(values: list, *, precision: int = 2) -> float:
    return round(sum(values) / len(values), precision)


@typecheck
def label(name, count: int):
    return f"{name}: {count}"


@typecheck
def scale(x: float, factor: float = 1.0) -> float:
    return x * factor


@typecheck
def first(items: "a non-empty sequence"):
    return items[0]


@typecheck
def broken_half(n: int) -> int:
    return n / 2
