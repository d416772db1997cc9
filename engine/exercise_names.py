"""Which names an exercise's tests take from the learner's module ``solution``: what code must bind to pass
them (``tested_names``), and which exercises a text names or a piece of code defines (``named_exercises``,
``defining_exercises``). The tutor's guard grades a reply's code against those exercises only.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from engine import syntax
from engine.bank import Exercise


def tested_names(exercises: Iterable[Exercise]) -> frozenset[str] | None:
    """The names the exercises' tests take from the learner's module ``solution``; None when a test reaches the
    module otherwise (``import solution``, ``from solution import *``), and any name may be one."""
    names: set[str] = set()
    for exercise in exercises:
        found = _imported_names(exercise.tests)
        if found is None:
            return None
        names |= found
    return frozenset(names)


def defining_names(exercises: Iterable[Exercise]) -> frozenset[str]:
    """The names by which ``defining_exercises`` tells which exercises a piece of code defines."""
    return frozenset(name for exercise in exercises for name in _solution_names(exercise.tests))


def defining_exercises(code: str, exercises: Sequence[Exercise]) -> list[Exercise]:
    """The exercises whose function (or class) ``code`` defines at its top level, by the names their tests import."""
    try:
        tree = syntax.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    defined = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    defined |= {target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets
                if isinstance(target, ast.Name)}
    return [exercise for exercise in exercises if defined & set(_solution_names(exercise.tests))]


def named_exercises(text: str, exercises: Sequence[Exercise]) -> list[Exercise]:
    """The exercises whose function (or class) ``text`` names as code: `flatten`, flatten(, or a name no
    word is spelled like (digit_sum, LRUCache). A word alone ("flatten a list", "Store it") names nothing."""
    words = set(re.findall(r"\w+", text))
    return [exercise for exercise in exercises if any(
        name in words and ("_" in name or any(c.isupper() for c in name[1:]) or f"`{name}`" in text
                           or re.search(rf"\b{re.escape(name)}\s*\(", text))
        for name in _solution_names(exercise.tests))]


@lru_cache(maxsize=1024)
def _imported_names(tests: str) -> frozenset[str] | None:
    """All the names ``tests`` take from the module ``solution``, or None if they may take any (see ``tested_names``)."""
    try:
        tree = syntax.parse(tests)
    except SyntaxError:
        return None
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "solution" for alias in node.names):
            return None
        if _reaches_by_name(node):  # importlib.import_module("solution"), sys.modules["solution"]
            return None
        if isinstance(node, ast.ImportFrom) and node.module == "solution":
            names.update(alias.name for alias in node.names)
    return frozenset(names) if names and "*" not in names else None


def _reaches_by_name(node: ast.AST) -> bool:
    """Whether ``node`` reaches the module by its name as text: a call or a lookup given "solution". The name
    elsewhere (`type(e).__module__ not in ("builtins", "solution")`, telling whose exception it is) takes nothing."""
    if isinstance(node, ast.Call):
        given = [*node.args, *(keyword.value for keyword in node.keywords)]
    elif isinstance(node, ast.Subscript):
        given = [node.slice]
    else:
        return False
    return any(isinstance(value, ast.Constant) and value.value == "solution" for value in given)


@lru_cache(maxsize=1024)
def _solution_names(tests: str) -> tuple[str, ...]:
    """The names an exercise's tests import from the learner's module ``solution``."""
    try:
        tree = syntax.parse(tests)
    except SyntaxError:
        return ()
    return tuple(alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module == "solution"
                 for alias in node.names)
