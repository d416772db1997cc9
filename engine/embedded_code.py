"""Code in a text: where a tutor's reply, or a generated exercise's hint, carries Python, and where a line of it
not yet finished may start some.

Code comes as a fenced block (``` or ~~~, at the margin or indented inside a list item), a markdown block indented
four spaces, lines of Python between sentences, a one-line ``def``, or an inline span such as
`digit_sum = lambda n: ...`. ``code_blocks`` finds each, dedented, and keeps those that parse and could define
something: a bare expression (`n % 10`) cannot solve anything, unless it runs text as code (`exec("def ...")`).
``may_hold_code`` and ``prose_part`` tell, as a reply streams in, what may be shown before the rest is checked
(``engine.solution_guard``).
"""

from __future__ import annotations

import ast
import re
import textwrap

from engine import syntax

_FENCE = re.compile(r"`{3,}|~{3,}")
_LANGUAGE = re.compile(r"\s*[\w+#.-]*\s*")  # what may follow a fence's opening: ```python
_SPAN = re.compile(r"(?<!`)(`{1,2})(?!`)(.+?)(?<!`)\1(?!`)")
# What runs text as code: `exec("def digit_sum(n): ...")` or `eval("(digit_sum := lambda n: ...)")` is an expression,
# yet binds the exercise's function as surely as a def, called by any name or inside any expression
_RUNS_TEXT = frozenset({"exec", "eval"})
# A call that runs text as code, however it reaches exec or eval: `exec(`, `builtins.exec(`
_RUNS_TEXT_CALL = r"(?:\w+\.)*(?:exec|eval)\s*\("
# What a name bound mid-sentence starts code with: a lambda, or text run as code (`digit_sum = eval("lambda n: ...")`)
_BOUND_TO_CODE = rf"(?:lambda\b|{_RUNS_TEXT_CALL})"
_CODE_LINE = re.compile(
    rf"^\s*(?:(?:async\s+)?def\s|class\s|import\s|from\s+[\w.]+\s+import\s|return\b|@\w|{_RUNS_TEXT_CALL}|"
    r"(?:for|while|if|elif|with)\s.*:|(?:try|else|finally)\s*:|"
    # an assignment: `total = 0`, `digit_sum = lambda n: ...`, `a, b = ...`, `n //= 10`, `d[k] += 1`
    r"[A-Za-z_][\w.]*(?:\s*\[[^\]\n]*\])?(?:\s*,\s*[A-Za-z_][\w.]*)*\s*(?:[-+*/%&|^@]|//|\*\*|>>|<<)?=(?!=))")
_MID_LINE = re.compile(rf"\b(?:def\s+\w+\s*\(|[A-Za-z_]\w*\s*=\s*{_BOUND_TO_CODE}|{_RUNS_TEXT_CALL})")  # code mid-sentence
# An annotated assignment: `digit_sum: Callable[[int], int] = lambda n: ...`, at a line's start or mid-sentence. Kept
# apart from the patterns above, whose matches start runs of code: "Note: def f(n=0):" would start one at "Note".
_ANNOTATED = re.compile(r"^\s*[A-Za-z_][\w.]*(?:\s*\[[^\]\n]*\])?\s*:[^=\n]*=(?!=)")
_MID_ANNOTATED = re.compile(rf"\b[A-Za-z_]\w*\s*:[^=\n]*=\s*{_BOUND_TO_CODE}")
_MID_ANNOTATED_STARTS = re.compile(f"(?={_MID_ANNOTATED.pattern})")  # each, also "x: f = lambda" after "Note: "
# An unfinished line may be shown as it comes when it starts like a sentence ("Your function", "1. Try it")
# and not with a keyword that starts code; up to the first thing that may start code inside it.
_PROSE_START = re.compile(r"(?:\d+[.)] +|[-*+] +)?([^\W\d_]+)[,;:!?]? +(?:[^\W\d_]|[`'\"])")
_KEYWORDS = frozenset("def class import from return for while if elif else try except finally with lambda async await "
                      "global nonlocal raise assert del yield not and or in is match case type print".split())
_MAY_START_CODE = re.compile(r"`|~~~|" + _MID_LINE.pattern + "|" + _MID_ANNOTATED.pattern)


def code_blocks(text: str) -> list[str]:
    """The code ``text`` carries that could define something, dedented, each once: fenced blocks,
    indented blocks, runs of lines that read as Python, one-line defs and inline spans."""
    fenced, outside = split_fences(text.splitlines())
    found = fenced + _indented_blocks(outside) + _runs(outside) + _inline(outside)
    return list(dict.fromkeys(code for code in map(candidate, found) if code))


def may_hold_code(line: str) -> bool:
    """Whether one whole line of a reply may start code that solves: a def, an assignment, a fence,
    a one-line def or lambda mid-sentence, an inline span that defines something."""
    return bool(_CODE_LINE.match(line) or _ANNOTATED.match(line) or _FENCE.search(line) or _MID_LINE.search(line)
                or _MID_ANNOTATED.search(line)
                or any(candidate(span) for span in _spans(line)))


def prose_part(line: str) -> int:
    """How much of an unfinished line may be shown now: 0 unless it starts like a sentence, and only
    up to its last space before anything that may start code (the last word may still grow into one)."""
    start = _PROSE_START.match(line)
    if start is None or start.group(1) in _KEYWORDS:
        return 0
    code = _MAY_START_CODE.search(line)
    return line.rfind(" ", 0, code.start() if code else len(line)) + 1


def split_fences(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the fenced blocks, the lines outside them). A fence opens wherever ``` or ~~~ appears in a
    line, also indented in a list item or after a few words, and closes at the same mark or at the end."""
    blocks: list[str] = []
    outside: list[str] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.search(lines[i])
        if opening is None:
            outside.append(lines[i])
            i += 1
            continue
        outside.append(lines[i][:opening.start()])
        mark, rest = opening.group(), lines[i][opening.end():]
        if mark in rest:  # ```code``` on one line
            blocks.append(rest[:rest.index(mark)])
            outside.append(rest[rest.index(mark) + len(mark):])
            i += 1
            continue
        body = [] if _LANGUAGE.fullmatch(rest) else [rest]
        i += 1
        while i < len(lines) and mark not in lines[i]:
            body.append(lines[i])
            i += 1
        if i < len(lines):
            body.append(lines[i][:lines[i].index(mark)])
            i += 1
        blocks.append("\n".join(body))
    return blocks, outside


def _indented_blocks(lines: list[str]) -> list[str]:
    """Markdown's code blocks: lines indented four spaces or a tab, after a blank line."""
    blocks: list[list[str]] = []
    block: list[str] | None = None
    previous_blank = True
    for line in lines:
        indented = line.startswith(("    ", "\t")) and line.strip()
        if block is not None and (indented or not line.strip()):
            block.append(line)
        elif indented and previous_blank:
            block = [line]
            blocks.append(block)
        else:
            block = None
        previous_blank = not line.strip()
    return ["\n".join(b) for b in blocks]


def _runs(lines: list[str]) -> list[str]:
    """Runs of lines that read as Python, one line or more: each starts at a code line, or where a
    def or a lambda starts mid-sentence ("1. def digit_sum(n): ..."), and goes on while lines are indented."""
    runs: list[str] = []
    run: list[str] = []
    for line in lines + [""]:
        mid = _MID_LINE.search(line)
        if run and line[:1] in (" ", "\t") and line.strip():
            run.append(line)
            continue
        if run:
            runs.append("\n".join(run))
        run = [line] if _CODE_LINE.match(line) else [line[mid.start():]] if mid else []
    return runs


def _inline(lines: list[str]) -> list[str]:
    """Inline spans, and code that starts mid-sentence and ends before the sentence does ("So
    `digit_sum = lambda n: ...` would do", annotated too): its longest start that parses."""
    found = [span for line in lines for span in _spans(line)]
    for line in lines:
        starts = {m.start() for m in _MID_LINE.finditer(line)} | {m.start() for m in _MID_ANNOTATED_STARTS.finditer(line)}
        for start in sorted(starts):
            rest = line[start:]
            ends = [len(rest)] + [i for i in range(len(rest) - 1, 0, -1) if rest[i] == " "]
            found.extend(next(([rest[:end]] for end in ends if candidate(rest[:end])), []))
    return found


def _spans(line: str) -> list[str]:
    return [m.group(2).strip() for m in _SPAN.finditer(line)]


def candidate(code: str) -> str | None:
    """``code`` dedented, if it parses and could define something (a sentence's full stop may follow it)."""
    code = textwrap.dedent(code).strip("\n")
    for attempt in (code, code.rstrip(" .,;:!?")):
        if _could_define(attempt):
            return attempt + "\n"
    return None


def _could_define(code: str) -> bool:
    """Whether ``code`` parses and holds a statement that could define a name (not only expressions, bar those
    that run text as code)."""
    if not code.strip():
        return False
    try:
        compile(code, "<reply>", "exec", dont_inherit=True)  # also refuses what only parses (`return x` alone)
        tree = syntax.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return any(not isinstance(node, ast.Expr) or runs_text(node) for node in tree.body) or \
        any(isinstance(node, ast.NamedExpr) for node in ast.walk(tree))


def runs_text(node: ast.stmt) -> bool:
    """Whether a statement may run text as code (``_RUNS_TEXT``), whatever the text and wherever in the statement:
    `exec(src)`, `builtins.exec(src)`, `print(exec(src))`, `list(map(exec, parts))`; not a method of that name
    called with nothing (`model.eval()`), which runs no text."""
    named = [part for part in ast.walk(node) if isinstance(part, ast.Name) and part.id in _RUNS_TEXT
             or isinstance(part, ast.Attribute) and part.attr in _RUNS_TEXT]
    called_with_nothing = {id(part.func) for part in ast.walk(node)
                           if isinstance(part, ast.Call) and not part.args and not part.keywords}
    return any(id(part) not in called_with_nothing for part in named)
