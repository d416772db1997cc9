"""Verification of a generated exercise before anyone sees it.

A draft written to a folder is accepted only when, in this order:

1. it loads as a valid exercise, with the very validation the bank uses, and its tests import
   the learner's module ``solution``;
2. neither its hints, its instructions nor its starter code (comments and dead code included)
   carry the reference solution's code;
3. its instructions and hints neither load images nor link out of the app (outside code);
4. its tests and reference read no clock or unseeded randomness (a run could not repeat them);
5. in the sandbox, the reference gives the same result twice and passes every test;
6. in the sandbox, the starter gives the same result twice and fails;
7. no code in the hints or the instructions solves the exercise, in whatever shape (a fenced block,
   a one-line ``def``, a lambda in backticks...), nor fails only one of its tests: a hint may
   illustrate, never solve (the tutor's own check, ``engine.solution_guard``).

Each failure is a ``Verdict`` with a reason code from ``REASONS`` and a detail for reviewers.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engine import exercise_names, missing_names, solution_guard, syntax
from engine.bank import Exercise, ExerciseError, load_exercise
from engine.grader import Grader, GradeResult
from engine.unrepeatable import unrepeatable_calls

REASONS = {
    "malformed": "the model's answer was not an exercise in the expected shape",
    "invalid": "the exercise breaks the bank's format",
    "leaks-solution": "the hints, the instructions or the starter code give the solution away",
    "links-out": "the instructions or the hints load an image or link out of the app",
    "flaky": "the tests do not give the same result every time",
    "reference-fails": "the reference solution does not pass its own tests",
    "starter-passes": "the starter code already passes the tests",
}

_TRIVIAL = {"pass", "return", "break", "continue", "else:", "try:", "finally:", "return none", "return true",
            "return false", "return 0", "return []", "return {}", "return ''", 'return ""'}
_GIVEN = ("def ", "async def ", "class ", "import ", "from ", "@")  # what a starter shows of the reference
# code, where a URL is text to read (an exercise may parse one), not a link: fenced blocks, code spans of any
# number of backticks, and blocks indented by four spaces after a blank line
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1|(`+)(?!`).+?(?<!`)\2(?!`)|(?<=\n\n)(?:(?: {4}|\t).*(?:\n|$))+",
                   re.S | re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\s*(?:\([^)]*\)|\[[^\]]*\])|<img\b[^>]*>", re.I)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+", re.M)  # "[g]: //evil.example", used as [text][g]
# an address that leaves the page: with a scheme, protocol-relative, "www.", or an entity hiding the scheme
_ADDRESS = re.compile(r"(?:\b[a-z][\w+.-]*://|\b(?:mailto|javascript|data|tel):|(?<=\()\s*//|\bwww\.|&#)"
                      r"([^\s/?#)\]\"'<>|`]*)", re.I)
_EXAMPLE_HOST = re.compile(r"(?:[\w-]+\.)*example\.(?:com|org|net)(?::\d+)?", re.I)  # reserved for examples
MIN_LEAK_CHARS = 12  # shorter reference lines ("n //= 10") are fragments every hint may name
LEAK_SHARE = 2 / 3


@dataclass(frozen=True)
class Verdict:
    """The outcome of verification: ``reason`` is "" when accepted, else a key of ``REASONS``."""

    reason: str = ""
    detail: str = ""

    @property
    def accepted(self) -> bool:
        return not self.reason


Progress = Callable[[str], None]


def verify(folder: Path, grader: Grader, progress: Progress | None = None) -> tuple[Exercise | None, Verdict]:
    """Check the exercise in ``folder``; the exercise (when it loads) and the verdict."""
    say = progress or (lambda _step: None)
    say("Checking the format, the hints and the tests…")
    try:
        exercise = load_exercise(folder, language="python")
    except ExerciseError as exc:
        return None, Verdict("invalid", str(exc).replace(f"{folder}: ", "").replace(str(folder), "the draft"))
    if not _imports_solution(exercise.tests):
        return exercise, Verdict("invalid", "the tests never import from the module `solution`, so they cannot "
                                            "test the learner's code")
    reference = exercise.reference
    leak = leaked_lines(reference, exercise.starter, exercise.hints, exercise.instructions)
    if leak:
        return exercise, Verdict("leaks-solution", leak)
    outside = links_out(exercise.instructions, exercise.hints)
    if outside:
        return exercise, Verdict("links-out", outside)
    unrepeatable = unrepeatable_calls(exercise.tests, reference)
    if unrepeatable:
        return exercise, Verdict("flaky", f"the tests depend on {', '.join(unrepeatable)}, whose result changes "
                                          "from run to run")

    say("Running the reference solution in the sandbox, twice…")
    first, second = grader.grade(exercise, reference), grader.grade(exercise, reference)
    if _outcome(first) != _outcome(second):
        return exercise, Verdict("flaky", f"graded twice, the reference gave different results: {_differences(first, second)}")
    if not first.passed:
        failure = first.first_failure()
        detail = first.message or (f"{failure.name}: {failure.message or failure.status}" if failure else first.status)
        return exercise, Verdict("reference-fails", f"{first.tests_passed} of {len(first.tests)} tests pass; {detail}")

    say("Running the starter code in the sandbox, twice…")
    first, second = grader.grade(exercise, exercise.starter), grader.grade(exercise, exercise.starter)
    if _outcome(first) != _outcome(second):
        return exercise, Verdict("flaky", f"graded twice, the starter gave different results: {_differences(first, second)}")
    if first.passed:
        return exercise, Verdict("starter-passes", f"all {len(first.tests)} tests pass on the starter code")

    leak = _given_away(exercise, grader, say)
    if leak:
        return exercise, Verdict("leaks-solution", leak)
    return exercise, Verdict()


def _given_away(exercise: Exercise, grader: Grader, say: Progress) -> str:
    """Where code in the hints or the instructions gives the solution away, and which ("" when none)."""
    graded: dict[str, GradeResult] = {}

    def grade(code: str) -> GradeResult:
        graded[code] = grader.grade(exercise, code)
        return graded[code]

    names = exercise_names.tested_names([exercise])
    for place, text in (("the hints", "\n\n".join(exercise.hints)), ("the instructions", exercise.instructions)):
        if solution_guard.has_code(text):
            say(f"Checking that no code in {place} solves the exercise…")
            code = solution_guard.solving_code(text, grade, names=names)
            if code is not None:
                shown = " ".join(code.split())
                result = graded.get(missing_names.graded_form(code))  # graded in that form
                return f"code in {place} {_what_it_does(result)}: `{shown[:80]}{'…' if len(shown) > 80 else ''}`"
    return ""


def _what_it_does(result: GradeResult | None) -> str:
    """What code the guard found does with the tests; None: it was not graded, one piece too many."""
    if result is None:
        return f"comes after {solution_guard.MAX_BLOCKS} other pieces that may define the function, more than are checked"
    return "passes the tests" if result.passed else f"passes {result.tests_passed} of the {len(result.tests)} tests"


def _imports_solution(tests: str) -> bool:
    try:
        tree = syntax.parse(tests)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "solution":
            return True
        if isinstance(node, ast.Import) and any(alias.name == "solution" for alias in node.names):
            return True
    return False


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("`", "")).strip().lower()


def significant_lines(reference: str, starter: str) -> list[str]:
    """The reference's lines that are its own: not blank, comments, docstrings, what the starter gives in
    place (``given_in_place``: the signature, scaffolding such as an ``__init__``) or one-word statements;
    normalised for comparison, without their trailing comments."""
    shown = given_in_place(starter, reference)
    lines = []
    in_docstring = False
    for raw in reference.splitlines():
        line = _normal(_without_comment(raw))
        quotes = line.count('"""') + line.count("'''")
        if in_docstring or line.startswith(('"""', "'''")):
            in_docstring = (quotes % 2 == 1) != in_docstring
            continue
        if not line or line.startswith("#") or line in shown or line in _TRIVIAL or len(line) < MIN_LEAK_CHARS:
            continue
        lines.append(line)
    return list(dict.fromkeys(lines))


def given_in_place(starter: str, reference: str) -> set[str]:
    """The starter's live code where the reference has it too, as normalised lines: module level, and the
    functions and classes the reference also defines, up to a ``raise`` or ``return`` that ends their body.
    A function of the starter's own (a helper holding the solution), the dead code after that ``raise`` and
    comments are not given: they are where a solution hides. A starter that does not parse gives its
    signatures, imports and decorators."""
    try:
        tree, defined = syntax.parse(starter), _defined(syntax.parse(reference))
    except SyntaxError:
        return {line for line in map(_normal, starter.splitlines()) if line.startswith(_GIVEN)}
    lines = starter.splitlines()
    given: list[str] = []

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                given.extend(lines[node.lineno - 1:node.end_lineno])
                continue
            name = prefix + node.name
            if name not in defined:
                continue
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            given.extend(lines[first - 1:node.body[0].lineno - 1])  # decorators and signature
            if isinstance(node, ast.ClassDef):
                walk(node.body, name + ".")
                continue
            for statement in node.body:
                given.extend(lines[statement.lineno - 1:statement.end_lineno])
                if isinstance(statement, ast.Raise | ast.Return):
                    break

    walk(tree.body, "")
    return {_normal(_without_comment(line)) for line in given}


def _defined(tree: ast.Module) -> set[str]:
    """The dotted names of the functions and classes ``tree`` defines, at module level and in classes."""
    names: set[str] = set()

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(prefix + node.name)
                if isinstance(node, ast.ClassDef):
                    walk(node.body, f"{prefix}{node.name}.")

    walk(tree.body, "")
    return names


def _without_comment(line: str) -> str:
    """``line`` without a trailing ``# comment``; a ``#`` inside quotes is kept (the quotes before it do not
    pair up), and so is a line that is all comment."""
    for at in (i for i, char in enumerate(line) if char == "#"):
        before = line[:at]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return before.rstrip() if before.strip() else line
    return line


def leaked_lines(reference: str, starter: str, hints: tuple[str, ...], instructions: str) -> str:
    """Where the reference's code shows ("" when nowhere): the hints together, the instructions or the
    starter code (its comments and dead code too) holding all of its lines, or at least three and
    ``LEAK_SHARE`` of them. (A last hint may name a step or two of the solution in words, as the
    authored bank's do.)"""
    lines = significant_lines(reference, starter)
    for place, text in (("the hints", "\n".join(hints)), ("the instructions", instructions),
                        ("the starter code", starter.replace("#", " "))):
        normal = _normal(text)
        found = [line for line in lines if line in normal]
        if found and (len(found) == len(lines) or (len(found) >= 3 and len(found) >= LEAK_SHARE * len(lines))):
            return f"{place} hold{'s' if place.endswith('code') else ''} {len(found)} of the reference's {len(lines)} " \
                   f"lines of code, such as `{found[0]}`"
    return ""


def links_out(instructions: str, hints: tuple[str, ...]) -> str:
    """The first image, or link out of the app, in the instructions or hints outside code ("" when
    none): a model's exercise must not load a tracking pixel nor send a learner to a page of its
    choosing. Addresses at example.com, .org and .net, reserved for examples, are fine."""
    for place, text in (("the instructions", instructions), ("the hints", "\n".join(hints))):
        prose = _CODE.sub(" ", text)
        if found := _IMAGE.search(prose):
            return f"{place} load an image: `{found.group()[:60]}`"
        if found := _REFERENCE.search(prose):
            return f"{place} define a link: `{found.group()[:60]}`"
        for found in _ADDRESS.finditer(prose):
            if found.group().startswith("&#") or not _EXAMPLE_HOST.fullmatch(found.group(1)):
                return f"{place} link out of the app: `{prose[found.start():found.start() + 60].split()[0]}`"
    return ""


def _outcome(result: GradeResult) -> tuple[str, tuple[tuple[str, str], ...]]:
    return result.status, tuple((t.name, t.status) for t in result.tests)


def _differences(first: GradeResult, second: GradeResult) -> str:
    changed = [f"{a.name} {a.status} then {b.status}" for a, b in zip(first.tests, second.tests, strict=False)
               if a.status != b.status]
    shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return shown or f"{first.status} then {second.status}"
