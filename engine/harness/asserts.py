"""Readable assertion messages without pytest: ``assert got == 6`` fails with
"expected 6, got 5". The test module's syntax tree is rewritten so each operand is evaluated
once, kept, and described when the comparison fails.

Standard library only: this runs inside the sandbox.
"""

from __future__ import annotations

import ast
import re

import calls

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


MAX_SHOWN = 200
MAX_STEP = 120  # characters of a test's step quoted in an error
TESTS_FILE = "test_exercise.py"

_SYMBOLS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}


def shown(value: Any) -> str:
    """A value as the learner should see it in a message: its repr, shortened. An object of the
    learner's is labelled as such, since its repr is the learner's to choose ("got 5" would lie)."""
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    text = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
    meta = getattr(value, "_wb_meta", None) if hasattr(type(value), "_wb_ref") else None
    if isinstance(meta, dict):
        name = str(meta.get("name", "non-plain"))
        article = "an" if name[:1].lower() in "aeiou" else "a"
        text = f"{article} {name} object ({text}), not a plain value"
    return text


def explain(left: Any, symbol: str, right: Any, message: Any, call: str | None = None) -> str:
    """A failed comparison's message: the test's own, or "expected X, got Y", after the ``call`` that
    gave the value compared (see ``calls``), unless the test's own message shows a call of that
    function already ("add(2, 3): expected 5, got 4"; "largest([0, 0]): only empty lots give 0";
    "add(2, 3): add must sum its arguments"; but "add(2, 3) should be 5" as written). A message that
    names the function without its arguments still leaves the learner to guess the input."""
    text = str(message) if message is not None else _expected(left, symbol, right)
    return f"{call}: {text}" if call and (text.startswith("expected") or not _shows_call(text, call)) else text


def _shows_call(text: str, call: str) -> bool:
    """Whether ``text`` shows a call of the function of ``call`` ("withdraw(" of "acc.withdraw(30)")."""
    function = call.split("(", 1)[0].rsplit(".", 1)[-1]
    return bool(function) and re.search(rf"\b{re.escape(function)}\s*\(", text) is not None


def explain_call(left: Any, symbol: str, right: Any, message: Any, function: str, sources: list[str],
                 values: list[Any], keywords: list[str]) -> str:
    """``explain``, naming the call that gave ``left`` with the values of its arguments."""
    return explain(left, symbol, right, message, calls.called(function, sources, values, keywords, shown))


def _expected(left: Any, symbol: str, right: Any) -> str:
    if symbol in ("==", "is"):
        return f"expected {shown(right)}, got {shown(left)}"
    if symbol in ("!=", "is not"):
        return f"expected something other than {shown(right)}"
    if symbol == "in":
        return f"expected {shown(left)} to be in {shown(right)}"
    if symbol == "not in":
        return f"expected {shown(left)} not to be in {shown(right)}"
    return f"expected {shown(left)} {symbol} {shown(right)}"


def explain_truth(value: Any, source: str, message: Any) -> str:
    if message is not None:
        return str(message)
    return f"expected `{source}` to be true, got {shown(value)}"


class _Rewriter(ast.NodeTransformer):
    def __init__(self, source: str, assigned: dict[int, str]) -> None:
        self.source = source
        self.assigned = assigned  # asserts comparing a name given a call's result: that call, as written
        self.count = 0

    def visit_Assert(self, node: ast.Assert) -> Any:
        self.count += 1
        n = self.count
        message = node.msg if node.msg is not None else ast.Constant(None)
        test = node.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _SYMBOLS:
            left, right = f"_wb_left_{n}", f"_wb_right_{n}"
            head = [_load(left), ast.Constant(_SYMBOLS[type(test.ops[0])]), _load(right), message]
            if isinstance(test.left, ast.Call) and calls.naming(test.left):
                statements, explanation = self._named_call(n, test.left, left, head)
            else:
                explanation = _raise("_wb_explain", head + [ast.Constant(self.assigned.get(id(node)))])
                statements = [_assign(left, test.left)]
            statements += [
                _assign(right, test.comparators[0]),
                ast.If(test=ast.UnaryOp(ast.Not(), ast.Compare(_load(left), test.ops, [_load(right)])),
                       body=[explanation], orelse=[]),
            ]
        else:
            value = f"_wb_value_{n}"
            source = ast.get_source_segment(self.source, test) or "the condition"
            statements = [
                _assign(value, test),
                ast.If(
                    test=ast.UnaryOp(ast.Not(), _load(value)),
                    body=[_raise("_wb_explain_truth", [_load(value), ast.Constant(source), message])],
                    orelse=[],
                ),
            ]
        for statement in statements:
            ast.copy_location(statement, node)
        return statements


    def _named_call(self, n: int, call: ast.Call, left: str, head: list[ast.expr]) -> tuple[list[ast.stmt], ast.Raise]:
        """``left = call``, with the call's parts kept (in the order Python evaluates them: the
        function, then its arguments) to name it with its arguments' values if the comparison fails."""
        function, arguments = f"_wb_function_{n}", [f"_wb_argument_{n}_{i}" for i in range(len(call.args))]
        keywords = [f"_wb_keyword_{n}_{i}" for i in range(len(call.keywords))]
        values = [*call.args, *(k.value for k in call.keywords)]
        evaluated: list[ast.stmt] = [_assign(function, call.func)] + [
            _assign(name, value) for name, value in zip(arguments + keywords, values, strict=True)]
        computed = ast.Call(func=_load(function), args=[_load(a) for a in arguments],
                            keywords=[ast.keyword(k.arg, _load(name)) for k, name in zip(call.keywords, keywords, strict=True)])
        explanation = _raise("_wb_explain_call", head + [
            ast.Constant(ast.get_source_segment(self.source, call.func) or "the function"),
            ast.List([ast.Constant(ast.get_source_segment(self.source, v) or "…") for v in values], ast.Load()),
            ast.List([_load(name) for name in arguments + keywords], ast.Load()),
            ast.List([ast.Constant(k.arg) for k in call.keywords], ast.Load())])
        return [*evaluated, _assign(left, computed)], explanation


def _assign(name: str, value: ast.expr) -> ast.Assign:
    return ast.Assign(targets=[ast.Name(name, ast.Store())], value=value)


def _load(name: str) -> ast.Name:
    return ast.Name(name, ast.Load())


def _raise(helper: str, args: list[ast.expr]) -> ast.Raise:
    call = ast.Call(func=_load(helper), args=args, keywords=[])
    return ast.Raise(exc=ast.Call(func=_load("AssertionError"), args=[call], keywords=[]), cause=None)


def compile_tests(source: str, filename: str = TESTS_FILE) -> Any:
    """Compile a test file with assertions rewritten; run it in a namespace from ``helpers()``."""
    tree = ast.parse(source, filename)
    tree = _Rewriter(source, calls.assigned_calls(tree, source)).visit(tree)
    return compile(ast.fix_missing_locations(tree), filename, "exec")


def helpers() -> dict[str, Any]:
    return {"_wb_explain": explain, "_wb_explain_call": explain_call, "_wb_explain_truth": explain_truth}


def test_names(source: str) -> list[str]:
    """The test functions of a file, in file order (the first definition fixes the place)."""
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test") and node.name not in names:
            names.append(node.name)
    return names


def running_step(exc: BaseException, source: str, filename: str = TESTS_FILE) -> str | None:
    """The test's own step that was running when ``exc`` came up, as written (see ``step_at``): a
    crash deep in the learner's class then says which call led to it, as a failed comparison does."""
    line = None
    tb = exc.__traceback__
    while tb is not None:  # the innermost frame of the tests' file: a helper of theirs, or the test
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return step_at(source, line) if line is not None else None


def step_at(source: str, line: int) -> str | None:
    """The innermost statement of ``source`` on ``line``, on one line: an assertion's condition, a
    block's header ("for x in items"), or the statement itself."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    around = [n for n in ast.walk(tree) if isinstance(n, ast.stmt) and not isinstance(n, (ast.FunctionDef, ast.ClassDef))
              and n.lineno <= line <= (n.end_lineno or n.lineno)]
    if not around:
        return None
    node = max(around, key=lambda n: (n.lineno, -(n.end_lineno or n.lineno)))

    def segment(part: ast.AST) -> str:
        return ast.get_source_segment(source, part) or ""

    if isinstance(node, ast.Assert):
        text = segment(node.test)
    elif isinstance(node, (ast.If, ast.While)):
        text = f"{'if' if isinstance(node, ast.If) else 'while'} {segment(node.test)}"
    elif isinstance(node, ast.For):
        text = f"for {segment(node.target)} in {segment(node.iter)}"
    elif isinstance(node, ast.With):
        text = "with " + ", ".join(segment(item.context_expr) for item in node.items)
    elif hasattr(node, "body"):  # any other block (try): the line that ran
        text = source.splitlines()[line - 1].strip().removesuffix(":")
    else:
        text = segment(node)
    text = " ".join(text.split())
    return (text[:MAX_STEP] + "…" if len(text) > MAX_STEP else text) or None
