"""The solution guard: code that would solve an exercise is never shown, in whatever shape it comes.

A tutor's reply, or a generated exercise's hint, may carry code in many shapes: fenced, indented, between
sentences, inline (``engine.embedded_code`` finds each block that could define something).
``solving_code`` grades them against the exercise's tests, one by one and all together: code that passes is
the solution, and so is code that passes all of three or more tests but one (`return sum(map(int, str(abs(n))))`, which only
misses the check for negative numbers), unless the learner's own code passes as many already. All the
code of a reply is also graded as one module (``salvaged``), each statement kept from stopping the rest:
a block whose last line calls ``input()``, an interactive session, a solution split over blocks. The
learner's own code quoted back is no news when it passes (a review of code that passes): its statements,
compared as parsed, are left out of what is graded, and only code of the model's own is judged. Only code
that may bind a name the tests import is graded (``may_bind``): nothing else can pass them, and each grading
is a run in the sandbox. Code is graded as the learner could fix it in a moment (``engine.missing_names``): what it
uses and never imports nor defines is supplied, where it would crash the definitions and fail every test.

``guard`` streams a model's reply through that check: prose as it comes; from the first line that
may hold code on, the rest is held until the whole reply is in and checked. A question outside any
exercise is checked against the exercises whose function it names (``engine.exercise_names``).
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

from engine import embedded_code, missing_names, syntax
from engine.grader import GradeResult

# Code blocks graded one by one in a text, among those that may bind a name the tests import (``may_bind``): a
# text with more than that holds back its code unchecked. Each costs a run in the sandbox, and a block graded only
# with the others may be undone by them (a decorator no block imports, a wrong version after it).
MAX_BLOCKS = 6
NEAR_TESTS = 3  # from this many tests on, code that fails only one of them is the solution bar a line or two

_PROMPT = re.compile(r"^([ \t]*)(?:>>>|\.\.\.)(?: |$)", re.MULTILINE)  # an interactive session's prompts
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom, ast.Assign,
                ast.AnnAssign)
_CONTINUES = ("else", "elif", "except", "finally", ")", "]", "}")
# What code may bind a name with, spelled in a string: run code (exec), write a namespace (globals(), __dict__,
# a frame's or a function's globals, sys.modules, setattr), reach those by name (getattr, builtins), answer any
# name (a module's __getattr__), or take every name of another module (import *)
_BINDS_BY_STRING = frozenset({
    "exec", "eval", "compile", "globals", "locals", "vars", "getattr", "setattr", "attrgetter", "__getattr__",
    "__getattribute__", "__setattr__", "__dict__", "__globals__", "__builtins__", "builtins", "__import__",
    "import_module", "importlib", "modules", "f_globals", "f_locals", "get_referrers", "gc", "ctypes", "*"})


def solving_code(text: str, grade: Callable[[str], GradeResult], known: int = 0,
                 own: Sequence[str] = (), names: Collection[str] | None = None) -> str | None:
    """The code in ``text`` (a block, or all blocks together) that gives the solution away, if any, or the
    first block past ``MAX_BLOCKS`` of those that may (not graded: too many to grade one by one).
    ``known``: how many tests the learner's own code passes (their near-solution quoted back is no news);
    ``own``: the learner's own code (their latest run's, their draft): when it passes, its statements quoted
    back are no news either, and the rest of the reply's code is graded without them;
    ``names``: the names the tests import from the learner's module (``exercise_names.tested_names``); None: unknown."""
    found = _solving_code(text, grade, known, frozenset(), names)
    if found is None or not own:
        return found
    mine = _own_passing_statements(own, grade)  # graded only now: most replies give nothing away
    return _solving_code(text, grade, known, mine, names) if mine else found


def _own_passing_statements(own: Sequence[str], grade: Callable[[str], GradeResult]) -> frozenset[str]:
    """The top-level statements, as ``ast.dump`` (blind to comments, spacing and quotes), of the learner's
    own code that passes. Only passing code: a learner whose code fails must never be shown a part of it
    that passes (their right function without the line after it that breaks it), nor it completed."""
    return frozenset(statement for code in own if (found := _statements(code)) and grade(code).passed
                     for statement in found)


def _solving_code(text: str, grade: Callable[[str], GradeResult], known: int, mine: frozenset[str],
                  names: Collection[str] | None) -> str | None:
    found = (_without(block, mine) for block in embedded_code.code_blocks(text))
    blocks = list(dict.fromkeys(code for code in found if code))
    alone = [block for block in blocks if may_bind(block, names)]  # the others cannot pass on their own
    if len(alone) > MAX_BLOCKS:
        return alone[MAX_BLOCKS]
    together = ["\n\n".join(blocks)] if len(blocks) > 1 else []
    whole = salvaged(text, mine)
    together += [whole] if whole is not None and whole not in together else []
    # together, only what may bind a tested name: a prose line that parses ("Note: x = 5") costs no run
    candidates = alone + [code for code in together if code not in alone and may_bind(code, names)]
    return next((code for code in candidates if gives_away(grade(missing_names.graded_form(code)), known)), None)


def _statements(code: str) -> list[str]:
    """Each top-level statement of ``code`` as ``ast.dump``; none if it does not parse."""
    try:
        return [ast.dump(node) for node in syntax.parse(textwrap.dedent(code)).body]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []


def _without(code: str, mine: frozenset[str]) -> str | None:
    """``code`` without the learner's own statements (``mine``), if what is left could still define something."""
    if not mine or not mine.intersection(_statements(code)):
        return code
    left = [ast.unparse(node) for node in syntax.parse(code).body if ast.dump(node) not in mine]
    return embedded_code.candidate("\n\n".join(left)) if left else None


def salvaged(text: str, mine: frozenset[str] = frozenset()) -> str | None:
    """All the code in ``text`` as one module that runs to its end, or None if it defines nothing: each
    top-level statement that parses, in order, definitions as written and anything else (a call that prints
    or raises, ``input()``) kept from stopping the rest. Graded whole, a block failed at its first crashing
    line, and a REPL session, an output line left in a block or a blank line inside an unfenced function
    split the solution into pieces that each failed. ``mine``: the learner's own statements, left out."""
    fenced, outside = embedded_code.split_fences(text.splitlines())
    statements, defines = [], False
    for piece in [*fenced, "\n".join(outside)]:
        for group in _top_level_groups(textwrap.dedent(_PROMPT.sub(r"\1", piece))):
            try:
                tree = syntax.parse(group)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            for node in (node for node in tree.body if ast.dump(node) not in mine):
                code = ast.unparse(node)
                defines = defines or _defines(node)
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    statements.append(code)
                else:  # an import or assignment too: `import numpy` or `result = digit_sum(345)` before its def
                    statements.append("try:\n" + textwrap.indent(code, "    ") + "\nexcept BaseException:\n    pass")
    return "\n\n".join(statements) + "\n" if defines else None


def may_bind(code: str, names: Collection[str] | None) -> bool:
    """Whether ``code`` could bind one of ``names`` in the learner's module, which it must to pass a test (or to
    fail one only): it binds one (by def, class, assignment, import, loop, ``global``...), or it may bind any name
    by a string (``exec``, ``globals()``, ``setattr``, a module's ``__getattr__``, ``import *``...). With
    ``names`` None, whether it binds anything. Names are compared as parsed: ``ｄigit_sum`` is ``digit_sum``."""
    try:
        tree = syntax.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    bound, used = missing_names.names_of(tree)
    if (used | bound) & _BINDS_BY_STRING:
        return True
    return bool(bound) if names is None else bool(bound.intersection(names))


def _defines(node: ast.stmt) -> bool:
    """Whether a top-level statement may define something: not an annotation alone ("Answer: 42" in a reply's
    prose parses as one, and binds nothing)."""
    return isinstance(node, _DEFINITIONS) and not (isinstance(node, ast.AnnAssign) and node.value is None) or \
        embedded_code.runs_text(node)


def _top_level_groups(code: str) -> list[str]:
    """``code`` cut where a line starts at the margin: each piece one top-level statement with its indented
    lines and blank lines (a decorator, ``else:`` and closing brackets stay with what they belong to)."""
    groups: list[list[str]] = []
    for line in code.splitlines():
        starts = line[:1] not in ("", " ", "\t") and not line.startswith(_CONTINUES)
        if starts and not (groups and groups[-1][-1].startswith("@")) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return ["\n".join(group) for group in groups]


def solves(text: str, grade: Callable[[str], GradeResult], known: int = 0, own: Sequence[str] = (),
           names: Collection[str] | None = None) -> bool:
    """Whether any code in ``text`` gives the solution away, or may and is too much to check (``solving_code``)."""
    return solving_code(text, grade, known, own, names) is not None


def gives_away(result: GradeResult, known: int = 0) -> bool:
    """Whether graded code is the solution: it passes, or fails one test only of ``NEAR_TESTS`` or more
    and passes more than the learner's own code (``known`` tests)."""
    passed = result.tests_passed
    return result.passed or (len(result.tests) >= NEAR_TESTS and passed == len(result.tests) - 1 and passed > known)


def has_code(text: str) -> bool:
    """Whether ``text`` carries code worth grading (cheap: nothing is run), in any shape ``solving_code`` grades."""
    return bool(embedded_code.code_blocks(text)) or salvaged(text) is not None


def guard(chunks: Iterable[str], grade: Callable[[str], GradeResult], record: dict[str, Any],
          known: int = 0, own: Sequence[str] = (), names: Collection[str] | None = None) -> Iterator[str]:
    """Stream a reply's ``chunks``: prose as it comes, a line once it cannot start code; from the first
    line that may, hold the rest until the whole reply is in, then show it only if no code in the
    reply gives the solution away (``solving_code``; ``record["blocked"]`` says when it did)."""
    text, shown, line_start, held = "", 0, 0, False
    for chunk in chunks:
        text += chunk
        if held:
            continue
        while (end := text.find("\n", line_start)) >= 0:
            if embedded_code.may_hold_code(text[line_start:end]):
                held = True
                break
            line_start = end + 1
        safe = line_start if held else line_start + embedded_code.prose_part(text[line_start:])
        if safe > shown:
            yield text[shown:safe]
            shown = safe
    if solves(text, grade, known, own, names):
        record["blocked"] = True
        return
    if len(text) > shown:
        yield text[shown:]


