"""``ast.parse`` that threads can share.

CPython 3.11 counts how deep the syntax tree it is building is in state that every thread shares, and
gives up the lock between threads while it builds (an allocation may run the garbage collector). Two
threads parsing at once (two learners graded together, a new exercise checked while the tutor's reply
is being written) then fail with "SystemError: AST constructor recursion depth mismatch"
(python/cpython#106905), seen in a test that grades four submissions at once. One parse at a time:
each takes about a millisecond for code the size of an exercise.
"""

from __future__ import annotations

import ast
import threading

_ONE_AT_A_TIME = threading.Lock()


def parse(source: str) -> ast.Module:
    """``ast.parse(source)``, one thread at a time; a ``SyntaxError`` as ``ast.parse`` raises it."""
    with _ONE_AT_A_TIME:
        return ast.parse(source)


def literal(source: str) -> object:
    """``ast.literal_eval(source)`` (which parses too), one thread at a time; its errors as it raises them."""
    with _ONE_AT_A_TIME:
        tree = ast.parse(source.lstrip(" \t"), mode="eval")
    return ast.literal_eval(tree)
