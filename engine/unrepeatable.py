"""Calls whose result changes from run to run: the clock, unseeded randomness, process ids and fresh
ids. A generated exercise whose tests or reference make one cannot be graded the same way twice.

Calls are found by what they resolve to, however the module was imported: ``random.choice(...)``,
``from random import choice``, ``import random as r; r.choice(...)`` and ``from random import *``
are one call. Module-level ``random`` is fine once seeded (``random.seed(7)``), and so is a
``random.Random(7)`` of its own.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator

from engine import syntax

_CLOCK = {f"time.{name}" for name in ("time", "time_ns", "perf_counter", "perf_counter_ns", "monotonic",
                                      "monotonic_ns", "process_time", "process_time_ns")}
_ALWAYS = _CLOCK | {"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
                    "datetime.date.today", "uuid.uuid1", "uuid.uuid4", "os.urandom", "os.getpid",
                    "random.SystemRandom"}
_MODULES = ("random", "secrets", "time", "datetime", "uuid", "os")
_NOW_UNLESS_GIVEN = {"time.localtime": 1, "time.gmtime": 1, "time.ctime": 1, "time.asctime": 1, "time.strftime": 2}
_SEEDABLE_SAFE = {"random.seed", "random.getstate", "random.setstate"}  # none of them draws a number


def unrepeatable_calls(*codes: str) -> list[str]:
    """The unrepeatable calls in ``codes`` (a test file and its reference run in one process, so a
    seed in either seeds both), as ``"random.choice()"``, once each, in order. Code that does not
    parse has none to find: grading it fails anyway."""
    trees = []
    for code in codes:
        try:
            trees.append(syntax.parse(code))
        except SyntaxError:
            continue
    calls = [(name, call) for tree in trees for name, call in _calls(tree)]
    seeded = any(name == "random.seed" and _seeds(call) for name, call in calls)
    found = [f"{name}()" for name, call in calls if _unrepeatable(name, call, seeded)]
    return list(dict.fromkeys(found))


def _seeds(call: ast.Call) -> bool:
    """Whether a ``random.seed(...)`` call gives a seed: ``seed()`` and ``seed(None)`` seed from the system."""
    given = [*call.args, *(k.value for k in call.keywords if k.arg in (None, "a"))]
    return bool(given) and not (isinstance(given[0], ast.Constant) and given[0].value is None)


def _unrepeatable(name: str, call: ast.Call, seeded: bool) -> bool:
    if name in _ALWAYS or (name.startswith("secrets.") and name != "secrets.compare_digest"):
        return True
    if name in _NOW_UNLESS_GIVEN:  # the time now, unless given a time ("time.strftime(fmt)" reads the clock)
        return len(call.args) + len(call.keywords) < _NOW_UNLESS_GIVEN[name]
    if name == "random.Random":
        return not (call.args or call.keywords)  # with no seed, it seeds itself from the system
    return name.startswith("random.") and name not in _SEEDABLE_SAFE and not seeded


def _calls(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    """Each call in ``tree`` whose function resolves to a name in one of ``_MODULES``, with that name."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):  # imports anywhere count: tests often import inside a test function
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if alias.name == "*":
                    aliases.update({name: f"{node.module}.{name}" for name in _public_names(node.module)})
                else:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (name := _resolved(node.func, aliases)):
            if name.split(".")[0] in _MODULES:
                yield name, node


def _resolved(node: ast.expr, aliases: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return aliases.get(node.id)
    if isinstance(node, ast.Attribute) and (base := _resolved(node.value, aliases)):
        return f"{base}.{node.attr}"
    return None


def _public_names(module: str) -> list[str]:
    """What ``from module import *`` binds, for the modules watched here (others bind nothing we watch)."""
    if module.split(".")[0] not in _MODULES:
        return []
    try:
        loaded = importlib.import_module(module)
    except ImportError:  # no such module ("from time.clock import *"): the grading fails on it anyway
        return []
    return list(getattr(loaded, "__all__", [name for name in dir(loaded) if not name.startswith("_")]))
