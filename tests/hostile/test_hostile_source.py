"""Submissions the grader cannot load as Python, and messages that must not mislead the learner.

A syntax error, null bytes, an empty or whitespace-only file and a solution over the size limit must not
grade ``pass``, and each must be explained (the line of the syntax error, the limit that was passed). Some
submissions are graded correctly yet were once explained wrongly (``line None``; ``expected 5, got 5`` for an
object whose repr is ``5``): their messages are checked not to say so again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_cases import CORRECT, graded_without_a_pass, headline, src

from engine.grader import Grader

# --- the hostile submissions -------------------------------------------------------------------
# (code, statuses its headline may have, regular expression its headline message must match);
# the headline is the overall status and message when the code could not run at all, else the
# first test that did not pass (see ``hostile_cases.headline``).

SOURCE = [
    pytest.param(src("""
        # a comment

        def add(a, b)
            return a + b
        """), {"error"}, r"SyntaxError on line 3", id="syntax-error"),
    pytest.param("def add(a, b):\n    return a + b\x00\n", {"error"}, r"null bytes", id="null-bytes-in-source"),
    pytest.param("", {"error"}, r"empty", id="empty-solution"),
    pytest.param(" \n\t\n", {"error"}, r"empty", id="whitespace-only-solution"),
    pytest.param(CORRECT + "#" * (1024 * 1024) + "\n", {"error"}, r"1024 KB; the limit is 256 KB",
                 id="one-megabyte-solution"),
]

HOSTILE = SOURCE


# Submissions that are graded correctly (not ``pass``) but whose message misleads the learner:
# (code, a regular expression the headline message must NOT match).
MISLEADING = [
    pytest.param("def add(a, b):\n    return a + b\x00\n", r"line None", id="null-bytes-message-says-line-none"),
    pytest.param(src("""
        class Five:
            __repr__ = lambda self: "5"

        def add(a, b):
            return Five()
        """), r"^expected 5, got 5$", id="object-with-repr-5-reads-expected-5-got-5"),
]

# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "statuses", "pattern"), HOSTILE)
def test_hostile_submission_does_not_pass(grader: Grader, exercise: Path, code: str,
                                          statuses: set[str], pattern: str) -> None:
    graded_without_a_pass(grader, exercise, code, statuses, pattern)


@pytest.mark.parametrize(("code", "misleading"), MISLEADING)
def test_message_does_not_mislead(grader: Grader, exercise: Path, code: str, misleading: str) -> None:
    result = grader.grade(exercise, code)
    _status, message = headline(result)
    assert not re.search(misleading, message), f"misleading message {message!r}"
