"""Which call of the learner's code a failed comparison is about, so its message can name it:
"primes_up_to(13): expected [2, 3, 5, 7, 11, 13], got [2, 3, 5, 7, 11]" rather than leaving the
learner to guess the input. Two cases are read from the test:

- the compared value is a call (``assert f(n) == 6``): the call is named with the values its
  arguments had, so a test looping over cases names the case that failed;
- the compared value is a name given a call's result before, in the same block (``got = f(13)``,
  then ``assert got == 6``): the call is named as written.

Standard library only: this runs inside the sandbox.
"""

from __future__ import annotations

import ast

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

MAX_CALL = 200  # characters of a named call
PLAIN = (int, float, complex, str, bytes, bool, type(None), list, tuple, dict, set, frozenset)


def naming(call: ast.Call) -> bool:
    """Whether a call can be named with its argument values: no ``*args`` or ``**kwargs``."""
    return not any(isinstance(a, ast.Starred) for a in call.args) and all(k.arg for k in call.keywords)


def called(function: str, sources: list[str], values: list[Any], keywords: list[str], show: Callable[[Any], str]) -> str:
    """A call as the learner should read it: ``function`` with its arguments, each shown (by
    ``show``) as its value when it is plain data and as its source otherwise (a lambda, an object of
    theirs). The last ``len(keywords)`` arguments are keyword arguments."""
    shown = [show(v) if type(v) in PLAIN else s for s, v in zip(sources, values, strict=True)]
    positional = len(shown) - len(keywords)
    parts = shown[:positional] + [f"{k}={a}" for k, a in zip(keywords, shown[positional:], strict=True)]
    text = f"{function}({', '.join(parts)})"
    return text if len(text) <= MAX_CALL else text[:MAX_CALL] + "…"


def assigned_calls(tree: ast.AST, source: str) -> dict[int, str]:
    """For each ``assert`` comparing a name (by the id of its node): the call, as written, that
    gave the name its value before, in the same block (nothing since having bound the name again)."""
    found: dict[int, str] = {}
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and all(isinstance(s, ast.stmt) for s in block):
                _scan(block, source, found)
    return found


def _scan(block: list[ast.stmt], source: str, found: dict[int, str]) -> None:
    calls: dict[str, str] = {}
    for statement in block:
        if isinstance(statement, ast.Assert) and isinstance(statement.test, ast.Compare):
            left = statement.test.left
            if isinstance(left, ast.Name) and left.id in calls:
                found[id(statement)] = calls[left.id]
            continue
        for target in _targets(statement):
            calls.pop(target, None)
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            value = statement.value
            if isinstance(value, ast.Call) and naming(value):
                text = ast.get_source_segment(source, value)
                if text and "\n" not in text and len(text) <= MAX_CALL:
                    calls[statement.targets[0].id] = text


def _targets(statement: ast.stmt) -> set[str]:
    """Every name a statement may bind (an assignment, a loop's target, ``with … as``, ``del``…)."""
    names = set()
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
    return names
