class EvalError(Exception):
    """Base class for every error raised by evaluate()."""


class ParseError(EvalError):
    """The expression is malformed. Attribute: position (0-based index)."""

    def __init__(self, message, position):
        raise NotImplementedError("write ParseError.__init__")


class DivisionByZeroError(EvalError, ZeroDivisionError):
    """A '/' whose right side is zero. Attribute: position of that '/'."""

    def __init__(self, message, position):
        raise NotImplementedError("write DivisionByZeroError.__init__")


def evaluate(expression):
    """Evaluate an integer arithmetic expression with + - * / ( ) and unary signs."""
    raise NotImplementedError("write evaluate")
