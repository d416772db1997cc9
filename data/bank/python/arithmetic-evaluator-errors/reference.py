class EvalError(Exception):
    """Base class for every error raised by evaluate()."""


class ParseError(EvalError):
    """The expression is malformed. Attribute: position (0-based index)."""

    def __init__(self, message, position):
        self.position = position
        super().__init__(f"{message} at position {position}")


class DivisionByZeroError(EvalError, ZeroDivisionError):
    """A '/' whose right side is zero. Attribute: position of that '/'."""

    def __init__(self, message, position):
        self.position = position
        super().__init__(f"{message} at position {position}")


OPERATORS = "+-*/()"


def _tokenize(text):
    """Return a list of (token, position); numbers are ints, the rest one-char strings."""
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit():
            start = i
            while i < len(text) and text[i].isdigit():
                i += 1
            tokens.append((int(text[start:i]), start))
            continue
        if ch in OPERATORS:
            tokens.append((ch, i))
        elif ch != " ":
            raise ParseError(f"unexpected character {ch!r}", i)
        i += 1
    tokens.append((None, len(text)))  # end of input
    return tokens


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    def peek(self):
        return self.tokens[self.index]

    def advance(self):
        token = self.tokens[self.index]
        self.index += 1
        return token

    def fail(self):
        token, position = self.peek()
        what = "end of expression" if token is None else repr(token)
        raise ParseError(f"unexpected {what}", position)

    def expression(self):
        node = self.term()
        while self.peek()[0] in ("+", "-"):
            op, position = self.advance()
            node = (op, node, self.term(), position)
        return node

    def term(self):
        node = self.factor()
        while self.peek()[0] in ("*", "/"):
            op, position = self.advance()
            node = (op, node, self.factor(), position)
        return node

    def factor(self):
        token, _ = self.peek()
        if token in ("+", "-"):
            self.advance()
            operand = self.factor()
            return ("neg", operand) if token == "-" else operand
        if isinstance(token, int):
            self.advance()
            return ("num", token)
        if token == "(":
            self.advance()
            node = self.expression()
            if self.peek()[0] != ")":
                self.fail()
            self.advance()
            return node
        self.fail()


def _evaluate(node):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "neg":
        return -_evaluate(node[1])
    op, left, right, position = node
    a, b = _evaluate(left), _evaluate(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        raise DivisionByZeroError("division by zero", position)
    return a // b


def evaluate(expression):
    """Evaluate an integer arithmetic expression with + - * / ( ) and unary signs."""
    if not isinstance(expression, str):
        raise TypeError(f"expression must be a str, not {type(expression).__name__}")
    parser = _Parser(_tokenize(expression))
    tree = parser.expression()
    if parser.peek()[0] is not None:
        parser.fail()
    return _evaluate(tree)
