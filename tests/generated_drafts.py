"""Exercise drafts as a language model would write them, for the generation tests: one good
draft, and the ways a draft goes wrong."""

from __future__ import annotations

import json
from typing import Any

STARTER = '''def count_vowels(text):
    """Return how many vowels (a, e, i, o, u, in either case) text holds."""
    raise NotImplementedError
'''
REFERENCE = '''def count_vowels(text):
    """Return how many vowels (a, e, i, o, u, in either case) text holds."""
    count = 0
    for char in text.lower():
        if char in "aeiou":
            count += 1
    return count
'''
TESTS = '''from solution import count_vowels


def test_a_word():
    got = count_vowels("banana")
    assert got == 3, f"expected 3, got {got!r}"


def test_capitals_count_too():
    got = count_vowels("ApplE")
    assert got == 2, f"expected 2, got {got!r}"


def test_no_vowels():
    got = count_vowels("rhythm")
    assert got == 0, f"expected 0, got {got!r}"


def test_empty_text():
    got = count_vowels("")
    assert got == 0, f"expected 0, got {got!r}"
'''
GOOD: dict[str, Any] = {
    "title": "Count the vowels",
    "skills": ["loops", "strings"],
    "difficulty": 2,
    "hints": [
        "Look at the text one character at a time.",
        "Keep a count that starts at zero and grows by one for each vowel you meet.",
        "Lower-case each character and ask whether it is one of the letters a, e, i, o and u.",
    ],
    "instructions": ("# Count the vowels\n\nWrite a function that counts the vowels in a text.\n\n"
                     "```python\ndef count_vowels(text: str) -> int:\n```\n\n## Examples\n\n"
                     "```python\ncount_vowels(\"banana\")  # 3\ncount_vowels(\"rhythm\")  # 0\n```\n"),
    "starter": STARTER,
    "reference": REFERENCE,
    "tests": TESTS,
}


def draft(**changes: Any) -> str:
    """The good draft with some fields changed, as the model's JSON answer."""
    return json.dumps({**GOOD, **changes})


def coin_tests(count: int = 24) -> str:
    """Tests that each pass or fail by the process's string-hash seed: two runs disagree (all
    ``count`` agreeing by chance has odds of 1 in 2**count), and no clock or random call shows."""
    tests = "from solution import count_vowels\n"
    for i in range(count):
        tests += f"\n\ndef test_coin_{i}():\n    assert count_vowels('a') == 1 and hash('coin {i}') % 2 == 0\n"
    return tests


RANDOM_TESTS = TESTS + '''

def test_a_random_word():
    import random
    word = "".join(random.choice("ab") for _ in range(4))
    assert count_vowels(word) == 2
'''
CLOCK_TESTS = TESTS + '''

def test_the_time():
    import time
    assert count_vowels("a" * (int(time.time()) % 3)) == 1
'''
WRONG_REFERENCE = REFERENCE.replace("return count", "return count + 1")
SOLVING_HINT = ("If you are stuck, this works:\n\n```python\ndef count_vowels(text):\n"
                "    return sum(ch in 'aeiou' for ch in text.lower())\n```")
SOLVING_LAMBDA = "count_vowels = lambda text: sum(c in 'aeiou' for c in text.lower())"
SOLVING_ONE_LINE = "def count_vowels(text): return sum(c in 'aeiou' for c in text.lower())"
