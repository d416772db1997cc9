"""The static checks a model's exercise draft passes before the sandbox sees it: unrepeatable calls
however imported, the solution hidden in the starter code, images and links out of the app, a title
free of markdown, and the README named by the title."""

from __future__ import annotations

import json

import pytest
from generated_drafts import GOOD, REFERENCE, STARTER

from engine.drafts import DraftError, parse_draft, titled
from engine.unrepeatable import unrepeatable_calls
from engine.verification import leaked_lines, links_out


@pytest.mark.parametrize("code, found", [
    ("import random\nrandom.choice('ab')", ["random.choice()"]),
    ("from random import choice\nchoice('ab')", ["random.choice()"]),
    ("from random import choice as pick\npick('ab')", ["random.choice()"]),
    ("import random as r\nr.random()", ["random.random()"]),
    ("from random import *\nshuffle(items)", ["random.shuffle()"]),
    ("from time import time\ntime()", ["time.time()"]),
    ("import time as clock\nclock.perf_counter()", ["time.perf_counter()"]),
    ("from datetime import datetime\ndatetime.now()", ["datetime.datetime.now()"]),
    ("import datetime\ndatetime.date.today()", ["datetime.date.today()"]),
    ("from datetime import *\ndate.today()", ["datetime.date.today()"]),
    ("import random\nrandom.SystemRandom().random()", ["random.SystemRandom()"]),
    ("import random\nrng = random.Random()\nrng.random()", ["random.Random()"]),
    ("import secrets\nsecrets.token_hex(4)", ["secrets.token_hex()"]),
    ("from uuid import uuid4\nuuid4()", ["uuid.uuid4()"]),
    ("def test_inside():\n    import os\n    os.urandom(4)", ["os.urandom()"]),
    ("import random\nrandom.seed(None)\nrandom.random()", ["random.random()"]),
    ("import random\nrandom.seed()\nrandom.random()", ["random.random()"]),
    ("import time\ntime.localtime()", ["time.localtime()"]),
    ("from time import strftime\nstrftime('%H')", ["time.strftime()"]),
])
def test_an_unrepeatable_call_is_found_however_it_was_imported(code, found):
    assert unrepeatable_calls(code) == found


@pytest.mark.parametrize("code", [
    "import random\nrandom.seed(7)\nrandom.choice('ab')",
    "from random import seed, choice\nseed(7)\nchoice('ab')",
    "import random\nrng = random.Random(7)\nrng.choice('ab')",
    "import time\ntime.sleep(0)",  # waits, and gives nothing back
    "from datetime import date\ndate(2024, 1, 1)",
    "import os\nos.path.join('a', 'b')",
    "def choice(items):\n    return items[0]\nchoice('ab')",  # the learner's own name, not random's
    "this is not python (",
    "import random\nrandom.seed(a=7)\nrandom.random()",
    "import time\ntime.localtime(0)",
    "import time\ntime.strftime('%H', time.gmtime(0))",
    "import secrets\nsecrets.compare_digest('a', 'a')",
    "from time.clock import *\nclock()",  # no such module: the grading fails on it, this check does not crash
])
def test_repeatable_code_has_no_unrepeatable_call(code):
    assert unrepeatable_calls(code) == []


def test_a_seed_in_the_tests_seeds_the_reference_run_beside_them():
    assert unrepeatable_calls("import random\nrandom.seed(1)", "import random\nrandom.random()") == []
    assert unrepeatable_calls("x = 1", "import random\nrandom.random()") == ["random.random()"]


BODY_AFTER_RAISE = STARTER + "".join(line + "\n" for line in REFERENCE.splitlines()[2:])
BODY_IN_COMMENTS = STARTER + "".join(f"    # {line.strip()}\n" for line in REFERENCE.splitlines()[2:])


@pytest.mark.parametrize("starter", [
    pytest.param(STARTER + "\n\n" + REFERENCE.replace("def count_vowels", "def _count"), id="as-a-helper"),
    pytest.param(BODY_AFTER_RAISE, id="dead-code-after-the-raise"),
    pytest.param(BODY_IN_COMMENTS, id="in-comments"),
])
def test_a_starter_holding_the_solution_gives_it_away(starter):
    assert leaked_lines(REFERENCE, starter, (), "").startswith("the starter code holds 3 of the reference's 3 lines")


ACCOUNT = '''class Account:
    def __init__(self, owner, balance, limit):
        self.owner = owner
        self.balance = balance
        self.limit = limit

    def can_withdraw(self, amount):
        {body}
'''


def test_a_starter_giving_scaffolding_in_place_gives_nothing_away():
    reference = ACCOUNT.format(body="return self.balance + self.limit >= amount")
    starter = ACCOUNT.format(body="raise NotImplementedError")
    assert leaked_lines(reference, starter, (), "") == ""


def test_the_solution_is_found_in_the_starter_however_its_lines_are_commented():
    reference = REFERENCE.replace("count = 0", "count = 0  # how many so far").replace(
        "count += 1", "count += 1  # one more vowel").replace('if char in "aeiou":', 'if char in "aeiou":  # a vowel')
    dead = STARTER + "".join(line.split("  #")[0] + "  # mine\n" for line in reference.splitlines()[2:])
    assert leaked_lines(reference, dead, (), "").startswith("the starter code holds 3 of the reference's 3 lines")


def test_a_starter_showing_the_signature_and_imports_gives_nothing_away():
    reference = "from collections import Counter\n\n\n" + REFERENCE.replace("count = 0", "count = Counter()['x']")
    starter = "from collections import Counter\n\n\n" + STARTER
    assert leaked_lines(reference, starter, tuple(GOOD["hints"]), GOOD["instructions"]) == ""


@pytest.mark.parametrize("text, says", [
    ("See ![diagram](diagram.png) above.", "the instructions load an image: `![diagram](diagram.png)`"),
    ("<img src=x onerror=alert(1)>", "the instructions load an image"),
    ("More at [the guide](https://evil.example/login).", "the instructions link out of the app: `https://evil.example"),
    ("More at https://evil.example/login today.", "the instructions link out of the app: `https://evil.example/login`"),
    ("More at <https://evil.example>.", "the instructions link out of the app"),
    ("More at www.evil.example.", "the instructions link out of the app"),
    ("Read [the guide](//evil.example/login).", "the instructions link out of the app: `//evil.example/login"),
    ("Read [the guide][g].\n\n[g]: //evil.example/login", "the instructions define a link: `[g]: //evil.example"),
    ("Read [the guide](&#104;ttps://evil.example).", "the instructions link out of the app: `&#104;ttps"),
    ("See ![d][p]\n\n[p]: diagram.png", "the instructions load an image"),
    ("| in | out |\n|---|---|\n| http://a.org/x | a.org |", "the instructions link out of the app: `http://a.org/x"),
])
def test_an_image_or_a_link_out_in_the_instructions_is_found(text, says):
    assert links_out(f"# Title\n\n{text}\n", ()).startswith(says)


def test_a_url_inside_code_or_at_an_example_domain_is_text_to_read_not_a_link():
    instructions = ("# Host name\n\n`host('https://evil.example/a')` returns `'evil.example'`, and "
                    "``host('http://x.org')`` returns `'x.org'`.\n\n"
                    "```python\nhost('http://www.python.org')  # 'www.python.org'\n```\n\n"
                    "````python\nhost('ftp://x.org')\n```\n````\n\nOr:\n\n    host('http://y.org')\n\n"
                    "Given an address like https://example.com/a?b=1 or http://www.example.org, return its host.\n")
    assert links_out(instructions, ("Split at `://` first.",)) == ""
    assert links_out("# T\n", ("Compare with http://evil.example",)).startswith("the hints link out of the app")


@pytest.mark.parametrize("title", ["Count **bold**", "A :red[red] title", "Sort :fire:", "An _italic_ word", "Use `len`",
                                   "Implement __str__", "[link](http://evil.example/)", "Two\nlines", "Cost in $",
                                   "<b>bold</b>", "# Heading", "A :material/home: icon", "See www.evil.example",
                                   "~~struck~~"])
def test_a_title_with_markdown_is_refused(title):
    with pytest.raises(DraftError, match="title: plain words only"):
        parse_draft(json.dumps({**GOOD, "title": title}))


@pytest.mark.parametrize("title", ["Strings: reverse words", "Is it 50% done?", "C++ style (sort of), part 2",
                                   "Convert snake_case to camelCase", "Parse HH:MM times", "Ratio 3:2", "Time: 12:30",
                                   "Celsius -> Fahrenheit", "Is a < b?", "C# style enums"])
def test_a_plain_title_is_taken(title):
    assert parse_draft(json.dumps({**GOOD, "title": title})).title == title


@pytest.mark.parametrize("instructions", [
    pytest.param("# Count the vowels\n\nWrite it.", id="its-own-heading"),
    pytest.param("# Vowel counter\n\nWrite it.", id="another-name"),
    pytest.param("Write it.", id="no-heading"),
    pytest.param("Vowel counter\n=============\n\nWrite it.", id="an-underlined-heading"),
])
def test_the_readme_is_headed_by_the_title(instructions):
    assert titled(instructions, "Count the vowels") == "# Count the vowels\n\nWrite it.\n"


def test_a_readme_starting_with_a_lower_heading_keeps_it_under_the_title():
    assert titled("## Task\n\nWrite it.", "Count the vowels") == "# Count the vowels\n\n## Task\n\nWrite it.\n"
