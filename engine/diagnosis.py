"""Diagnosis: a failing test explained in the learner's terms.

The grader says "expected 6, got '123'" or "NameError: name 'totl' is not defined (your code,
line 4), while the test ran total(3)" (older results: "solution.py, line 4", and no step). The
tutor says what that means: which call the test made, what came back and how it differs from what
was wanted (a string where a number belongs, ``None`` because nothing was returned, the right
items in the wrong order), or what the error usually points to.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any

from engine import syntax
from engine.grader import GradeResult, TestResult

# "expected 6, got 0", or with the call first: "digit_sum(123): expected 6, got 0"
_EXPECTED_GOT = re.compile(r"^(?:(?P<call>.+?): )?expected (?P<expected>.+?), got (?P<got>.+)$", re.DOTALL)
_ERROR = re.compile(r"^(?P<kind>[A-Z][A-Za-z]*(?:Error|Exception|Exit|Interrupt|Iteration))(?: on line (?P<at>\d+))?"
                    r"(?::\s*(?P<detail>.*?))?(?:\s*\((?:your code|solution\.py), line (?P<line>\d+)\))?$", re.DOTALL)
_NOTE = re.compile(r"\s*\(([^()]*)\)$")
# a traceback pasted into a message: its error line ("KeyError: 'b'") and the frames above it
_PASTED_ERROR = re.compile(r"^\s*(?:[a-z_]\w*\.)*"  # json.decoder.JSONDecodeError: the module goes
                           r"(?P<error>[A-Z][A-Za-z]*(?:Error|Exception|Exit|Interrupt|Iteration)(?::.*)?)\s*$", re.M)
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]*)", line (?P<line>\d+)', re.M)
# the harness's: the test's step that crashed, before its advice on two errors
# a message of the test's own after the call that gave the value: "largest([0, 0]): only empty lots give 0"
_CALLED = re.compile(r"^(?P<call>[A-Za-z_][\w.]*\(.*?\)): (?P<said>.+)$", re.DOTALL)
_RAN = re.compile(r", while the test ran (?P<step>.+?)(?:\. (?:Does the recursion|The code used more memory).*)?$", re.DOTALL)

_ERRORS = {
    "NameError": "Python met a name it does not know{detail}. Usually a typo, or a variable used before "
                 "it is given a value (or only given one inside an `if` that did not run).",
    "TypeError": "a value of the wrong type reached an operation{detail}: for example adding a number to "
                 "a string, calling something that is not a function, or a function getting more or fewer "
                 "arguments than it takes.",
    "AttributeError": "the code asked an object for something it does not have{detail}. Check the spelling, "
                      "and that it was set (for a class: in `__init__`, on `self`).",
    "IndexError": "the code reached past the end of a list or string{detail}. With n items the last index "
                  "is n - 1; an empty list has none at all.",
    "KeyError": "a dictionary was asked for a key it does not hold{detail}. `.get(key, default)` or a check "
                "with `in` first avoids it.",
    "ValueError": "a function got a value of the right type but the wrong content{detail}.",
    "ZeroDivisionError": "something was divided by zero{detail}: which input makes the divisor 0?",
    "RecursionError": "the function kept calling itself and never reached a case that stops{detail}.",
    "RuntimeError": "the code stopped with a run-time error{detail}.",
    "SyntaxError": "Python could not read the code{detail}: a missing `:` or bracket, or a quote not closed, "
                   "is the usual cause. The line it names is where it noticed, sometimes just after the slip.",
    "IndentationError": "the indentation does not line up{detail}: the body of a `def`, `if` or loop is "
                        "indented one step more than its first line, all by the same amount.",
    "UnboundLocalError": "a variable was used in a function before it was given a value there{detail}.",
    "StopIteration": "an iterator ran out of items{detail}: `next()` was called once too often.",
    "TimeoutError": "the code took too long{detail}: a loop that never ends?",
}


TIMEOUT = "Your code did not finish in time: a loop whose condition never becomes false is the usual cause."


@dataclass(frozen=True)
class Diagnosis:
    """What went wrong in one test: ``test`` readable ("three digits"), ``call`` the call the test
    made (when it can be read from the test), ``summary`` the grader's words, ``explanation``
    plain words, ``kind`` "mismatch" | "error" | "not-written" | "could-not-run" | "other"."""

    test: str
    call: str | None
    summary: str
    explanation: str
    kind: str


def readable(test_name: str) -> str:
    return test_name.removeprefix("test_").replace("_", " ")


def diagnose(result: GradeResult | None, tests_source: str = "", asked: str = "") -> Diagnosis | None:
    """The failing test of ``result`` that the learner's message ``asked`` names explained, else the first
    failing one; None when everything passed (or no run)."""
    if result is None or result.passed:
        return None
    if result.status == "error" and result.message:
        if _timed_out(result.message):  # the code loaded but never finished: a loop, not a crash
            return Diagnosis(test="", call=None, summary=result.message, kind="timeout", explanation=TIMEOUT)
        return Diagnosis(test="", call=None, summary=result.message, kind="could-not-run",
                         explanation=explain_error(result.message) or f"Your code could not run: {result.message}.")
    failure = asked_about(result, asked) or result.first_failure()
    if failure is None:
        return None
    # a count one short in one test and 5 short in another is no loop stopping a step early: say what it is
    far_off = any(abs(gap) > 1 for t in result.tests if not t.passed and (gap := _numeric_gap(t)) is not None)
    return diagnose_test(failure, tests_source, off_by_one=not far_off)


_QUOTED = re.compile(r"'([^'\n]{3,40})'|\"([^\"\n]{3,40})\"")  # a text a failure quotes, long enough to be told apart


def asked_about(result: GradeResult, message: str) -> TestResult | None:
    """The failing test ``message`` names, by its function's name ("test_empty_list"), by every word of its
    readable name ("why does the empty list one fail?") or by a text its failure quotes ("what does my code
    return for 'Apple Pie'?"); the one with the longest name when several do. A name of one word ("length")
    is too common a word to be taken for the test's alone."""
    text = message.lower()
    words = set(re.findall(r"[a-z0-9]+", text))

    def named(test: TestResult) -> bool:
        name_words = set(readable(test.name).lower().split())
        quoted = {a or b for a, b in _QUOTED.findall(test.message or "")}
        return (test.name.lower() in text or (len(name_words) > 1 and name_words <= words)
                or any(re.search(rf"(?<!\w){re.escape(q.lower())}(?!\w)", text) for q in quoted))

    asked = [test for test in result.tests if not test.passed and named(test)]
    return max(asked, key=lambda test: len(readable(test.name).split()), default=None)


def diagnose_test(test: TestResult, tests_source: str = "", *, off_by_one: bool = True) -> Diagnosis:
    """``test`` explained; ``off_by_one``: a number one away from the one wanted may be called off by one
    (not when another failing test of the run is further off)."""
    message = (test.message or "").strip()
    call = call_in_test(tests_source, test.name)
    name = readable(test.name)
    if message.startswith("NotImplementedError"):
        return Diagnosis(name, call, message,
                         explanation="The function still raises `NotImplementedError`: that line is the starter's placeholder. "
                         "Replace it with your own code.", kind="not-written")
    matched = _EXPECTED_GOT.match(message)
    if matched:
        call = matched.group("call") or call  # the message's own: the very call that failed, with its arguments
        return Diagnosis(name, call, message, _explain_mismatch(matched.group("expected"), matched.group("got"), call,
                                                                off_by_one=off_by_one), kind="mismatch")
    called = _CALLED.match(message)  # "largest([0, 0]): only empty lots give 0": the call, then the test's words
    if called:
        return _diagnose_words(name, called.group("call"), called.group("said"), message)
    return _diagnose_words(name, call, message, message)


def _diagnose_words(name: str, call: str | None, said: str, message: str) -> Diagnosis:
    """A failure the test put in words of its own (``said``, the ``message`` without the call in front)."""
    if said.startswith("expected") and "Error" in said:  # "expected ValueError for a negative number"
        wanted = said.removeprefix("expected ").strip()
        return Diagnosis(name, call, message, kind="mismatch", explanation=
                         f"The test expected your code to raise {wanted}"
                         + (f" when it calls `{call}`" if call else "")
                         + ", but it returned normally: nothing on the way raised it for that input.")
    if said.startswith("got "):  # the test says only what came back: "got None"
        got = said.removeprefix("got ").strip()
        asked = f"When the test calls `{call}`" if call else "In this test"
        text = (f"{asked}, your function gave back `None`: Python's answer when a function ends without `return` "
                "(or only prints)." if got == "None" else f"{asked}, your code gave `{got}`, which is not what it wants.")
        return Diagnosis(name, call, message, text, kind="mismatch")
    if _timed_out(message):
        return Diagnosis(name, call, message, TIMEOUT, kind="timeout")
    ran = _RAN.search(message)
    error = explain_error(message[:ran.start()] if ran else message)
    if error:
        step = ran.group("step") if ran else None
        return Diagnosis(name, step or call, message, error + (f" It happened while the test ran `{step}`." if step else ""),
                         kind="error")
    plain = _sentence(said or "it did not pass")
    if said != message:  # the message named the call it is about
        return Diagnosis(name, call, message, f"When the test calls `{call}`, it says: {plain}", kind="other")
    return Diagnosis(name, call, message, f"The test says: {plain}", kind="other")


def _timed_out(message: str) -> bool:
    """The harness's and grader's words for code that ran out of time ("Took longer than 2 s: ...")."""
    text = message.lower()
    return "took longer than" in text or "timed out" in text


def _sentence(text: str) -> str:
    """``text`` ending with one full stop, or with the "?" or "!" it already has."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def call_in_test(tests_source: str, test_name: str) -> str | None:
    """The first call in the test function that is not an assertion helper: what the test asked."""
    if not tests_source:
        return None
    try:
        tree = syntax.parse(tests_source)
    except SyntaxError:
        return None
    imported = {alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom)
                and node.module == "solution" for alias in node.names}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == test_name:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _called_name(inner.func) in imported:
                    text = ast.get_source_segment(tests_source, inner)
                    if text and len(text) <= 120:
                        return text
            return None
    return None


def _called_name(func: ast.expr) -> str | None:
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


def _literal(text: str) -> tuple[bool, Any]:
    """(True, value) when ``text`` is a Python literal (a trailing "(note)" is ignored)."""
    text = _NOTE.sub("", text.strip())
    try:
        return True, syntax.literal(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None


def _kind(value: Any) -> str:
    names = {str: "a string (text)", int: "a whole number", float: "a decimal number", bool: "True/False",
             list: "a list", tuple: "a tuple", dict: "a dictionary", set: "a set", type(None): "None"}
    return names.get(type(value), f"a {type(value).__name__}")


def _numbers(expected_text: str, got_text: str) -> tuple[float, float] | None:
    """The number a test expected and the one it got, when both are numbers (a bool is not one here)."""
    (ok_expected, expected), (ok_got, got) = _literal(expected_text), _literal(got_text)
    if all(ok and isinstance(v, (int, float)) and not isinstance(v, bool)
           for ok, v in ((ok_expected, expected), (ok_got, got))):
        return expected, got
    return None


def _numeric_gap(test: TestResult) -> float | None:
    """How far the number a failing test got is from the one it expected; None when it is no such failure."""
    matched = _EXPECTED_GOT.match((test.message or "").strip())
    numbers = _numbers(matched.group("expected"), matched.group("got")) if matched else None
    return numbers[1] - numbers[0] if numbers else None


def _explain_mismatch(expected_text: str, got_text: str, call: str | None, *, off_by_one: bool = True) -> str:
    asked = f"When the test calls `{call}`" if call else "In this test"
    lead = f"{asked}, it wants `{expected_text}` but your code gave `{got_text}`."
    ok_expected, expected = _literal(expected_text)
    ok_got, got = _literal(got_text)
    if not (ok_expected and ok_got):
        return lead
    if got is None and expected is not None:
        return (f"{asked}, your function gave back `None`: Python's answer when a function ends without "
                f"`return` (or only prints). The test wants `{expected_text}`.")
    if type(got) is not type(expected) and not (isinstance(got, (int, float)) and isinstance(expected, (int, float))):
        same_text = str(got) == str(expected)
        detail = (" They look alike when printed, but the types differ." if same_text else "")
        return f"{lead} That is {_kind(got)}, where the test wants {_kind(expected)}.{detail}"
    if _numbers(expected_text, got_text):
        gap = got - expected
        if abs(gap) == 1 and off_by_one:
            return (f"{lead} That is off by one ({'one too many' if gap > 0 else 'one too few'}): "
                    "check where a loop or a range starts and stops.")
        if expected != 0 and got == 0:
            return f"{lead} A 0 often means a total was never added to, or was reset inside the loop."
        return f"{lead.removesuffix('.')}: {'too big' if gap > 0 else 'too small'} by {abs(gap):g}."
    if isinstance(expected, (list, tuple)) and isinstance(got, (list, tuple)):
        if len(got) != len(expected):
            return f"{lead} Yours has {len(got)} item(s), the test wants {len(expected)}."
        try:
            if sorted(got) == sorted(expected):
                return f"{lead} The items are right but in a different order."
        except TypeError:
            pass
        first = next(i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b)
        return (f"{lead} They differ first at position {first}: "
                f"`{expected[first]!r}` wanted, `{got[first]!r}` given.")
    if isinstance(expected, str) and isinstance(got, str):
        if got.strip() == expected.strip():
            return f"{lead} Only spaces at the start or end differ."
        if got.lower() == expected.lower():
            return f"{lead} Only upper and lower case differ."
    if isinstance(expected, dict) and isinstance(got, dict):
        missing = [k for k in expected if k not in got]
        extra = [k for k in got if k not in expected]
        if missing or extra:
            parts = ([f"missing key(s) {', '.join(map(repr, missing[:3]))}"] if missing else []) + \
                    ([f"unexpected key(s) {', '.join(map(repr, extra[:3]))}"] if extra else [])
            return f"{lead} The dictionary has {' and '.join(parts)}."
        wrong = next(k for k in expected if expected[k] != got[k])
        return f"{lead} The keys are right; the value for {wrong!r} differs."
    return lead


@dataclass(frozen=True)
class PastedError:
    """The error of a traceback pasted into a message: its error line ("KeyError: 'pear'") and the line
    of the learner's code its last frame names (None when that frame is Python's own, or there is none)."""

    error: str
    line: int | None

    @property
    def kind(self) -> str:
        return self.error.split(":")[0]

    def explained(self) -> str | None:
        return explain_error(self.error + (f" (your code, line {self.line})" if self.line else ""))


def pasted_error(message: str) -> PastedError | None:
    """The last error line of a traceback pasted into ``message``, if it holds one."""
    errors = list(_PASTED_ERROR.finditer(message))
    if not errors:
        return None
    error = errors[-1]
    frames = list(_FRAME.finditer(message, 0, error.start()))
    own = frames and not re.search(r"[/\\]lib[/\\]python|^<", frames[-1].group("file"))
    return PastedError(error.group("error").strip(), int(frames[-1].group("line")) if own else None)


def explain_error(message: str) -> str | None:
    """What an error line ("KeyError: 'b' (your code, line 4)") usually points to; None if it is none."""
    matched = _ERROR.match(message.strip())
    if not matched:
        return TIMEOUT if _timed_out(message) else None
    kind, detail = matched.group("kind"), (matched.group("detail") or "").strip()
    line = matched.group("line") or matched.group("at")
    where = f" on line {line} of your code" if line else ""
    shown = f" ({detail})" if detail else ""
    template = _ERRORS.get(kind)
    if template is None:
        return f"Your code stopped with {kind}{where}{shown}."
    text = template.format(detail=shown)
    return f"`{kind}`{where}: {text}"
