"""Code in a text: the blocks a reply carries that could define something, and what of a line streaming in may show."""

from __future__ import annotations

import textwrap

import pytest

from engine import embedded_code

DEF = "def twice(x):\n    return 2 * x\n"


@pytest.mark.parametrize("text, block", [
    pytest.param(f"Here:\n```python\n{DEF}```\nSee?", DEF, id="fenced"),
    pytest.param("1. Write this:\n" + textwrap.indent(f"```python\n{DEF}```\n", "   "), DEF, id="fenced-in-a-list-item"),
    pytest.param("Here:\n\n" + textwrap.indent(DEF, "    ") + "\nSee?", DEF, id="indented-block"),
    pytest.param(f"Try this:\n{DEF}Does it make sense?", DEF, id="lines-between-sentences"),
    pytest.param("So `twice = lambda x: 2 * x` would do.", "twice = lambda x: 2 * x\n", id="inline-span"),
    pytest.param("So twice = lambda x: 2 * x would do.", "twice = lambda x: 2 * x\n", id="mid-sentence"),
    pytest.param("Run builtins.exec(src) then.", "builtins.exec(src)\n", id="text-run-as-code"),
    pytest.param("Look at `n % 10` and `model.eval()`.", None, id="expressions-define-nothing"),
    pytest.param("Answer: it doubles. Why?", None, id="prose"),
])
def test_code_blocks(text: str, block: str | None) -> None:
    found = embedded_code.code_blocks(text)
    assert block in found if block is not None else found == []


@pytest.mark.parametrize("line, shown", [
    pytest.param("Your function retur", "Your function ", id="a-sentence-up-to-its-last-word"),
    pytest.param("So twice = lambda", "So ", id="up-to-code-mid-sentence"),
    pytest.param("def twice(x", "", id="code"),
    pytest.param("return 2 * x", "", id="a-keyword"),
])
def test_prose_part(line: str, shown: str) -> None:
    assert line[:embedded_code.prose_part(line)] == shown
