"""The offline tutor answers the question asked: hints only on request, no sentence said twice,
memories only when they fit, follow-up questions that fit the exercise. Cases from a reviewer's
session on Run-length codec, whose tests timed out, graded once in the real sandbox."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest
from factories import START, answer_interview, new_learner

from engine.concepts import FIRST_EXAMPLE_WIDTH, Concepts
from engine.diagnosis import PastedError, diagnose, diagnose_test, pasted_error
from engine.grader import Grader, GradeResult
from engine.grader import TestResult as Graded  # not a pytest class
from engine.intents import recognise
from engine.memory import Memory
from engine.offline_tutor import TutorContext, reply
from engine.workbench import DATA_DIR

RLE = "python/run-length-codec"
ENDLESS = "def compress(text):\n    while True:\n        pass\n\n\ndef expand(encoded):\n    while True:\n        pass\n"
UNCHANGED = "def compress(text):\n    return text\n\n\ndef expand(encoded):\n    return encoded\n"  # fails fast
CAESAR_QUESTION = "Which characters must change, and which must come out exactly as they went in?"
CONCEPTS = Concepts(DATA_DIR / "concepts")


@pytest.fixture(scope="module")
def timed_out(sandbox, bank) -> GradeResult:
    """Run-length codec with endless loops: every test runs out of time (about 10 s, once)."""
    result = Grader(sandbox).grade(bank.get(RLE), ENDLESS)
    assert result.tests[0].message == "Took longer than 2 s: is there an endless loop?"
    return result


@pytest.fixture
def context(wb, timed_out) -> TutorContext:
    """What the tutor knows on Run-length codec after that run: no hint seen yet, no memories."""
    return TutorContext(exercise=wb.exercise(RLE), latest=timed_out, now=START,
                        skills={s: wb.skill_name(s) for s in wb.curriculum.skills})


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# -- A: a hint only when the learner asks for one -------------------------------------------------

@pytest.mark.parametrize("message", [
    pytest.param("Can I have a hint?", id="hint"),
    pytest.param("give me a hint please", id="hint-please"),
    pytest.param("I'm stuck", id="stuck"),
    pytest.param("help", id="help"),
    pytest.param("What should I do now?", id="what-now"),
    pytest.param("no idea where to start", id="where-to-start"),
    pytest.param("My code fails and I don't understand why. Can you help?", id="error-and-help"),
    pytest.param("I'm stuck, what is a run?", id="stuck-and-term"),
])
def test_asking_for_help_gives_the_next_hint(context, message):
    answer = reply(message, context, CONCEPTS)
    assert answer.hint == 1 and f"Hint 1 of 3: {context.exercise.hints[0]}" in answer.text


@pytest.mark.parametrize("message", [
    pytest.param("Why do my tests time out?", id="why-time-out"),
    pytest.param("What is a run?", id="what-is"),
    pytest.param("what's a run", id="whats"),
    pytest.param("What does 'bare character' mean?", id="what-does-mean"),
    pytest.param("I don't know what a run is", id="dont-know-what"),
    pytest.param("Can you help me understand what a run is?", id="help-me-understand"),
    pytest.param("Why does expand need a buffer?", id="why-does"),
    pytest.param("why can't I use split?", id="why-cant"),
    pytest.param("what is going on?", id="going-on"),
    pytest.param("it doesn't work", id="doesnt-work"),
    pytest.param("hello", id="other"),
])
def test_a_question_is_answered_without_a_hint(context, message):
    answer = reply(message, context, CONCEPTS)
    assert answer.hint is None and "Hint" not in answer.text, answer.text
    assert answer.text.rstrip().endswith("?")


def test_the_reviewers_questions_count_no_hint_until_one_is_asked_for(wb):
    learner = new_learner(wb)
    wb.run_tests(learner, RLE, UNCHANGED)
    conversation = wb.start_conversation(learner, exercise_id=RLE)
    first, second = ("".join(wb.tutor_reply(learner, q, RLE, conversation.id))
                     for q in ["Why do my tests time out?", "What is a run?"])
    assert "Hint" not in first + second
    assert wb.draft(learner, RLE) is None, "the Show-a-hint button stays at (1 of 3)"
    assert "each run is written as its length followed by the character" in second
    assert paragraphs(first)[0] not in second, "the failing test is not explained again"

    third = "".join(wb.tutor_reply(learner, "Can I have a hint?", RLE, conversation.id))
    assert f"Hint 1 of 3: {wb.exercise(RLE).hints[0]}" in third
    assert wb.draft(learner, RLE).hints_shown == 1
    replied = [e["result"].get("hint") for e in wb.events.for_user(learner) if e["verb"] == "tutor-replied"]
    assert sorted(replied, key=bool) == [None, None, 1]


# -- B: no paragraph said twice in a row; memories that fit ----------------------------------------

def test_a_word_is_explained_from_the_instructions_or_the_note(context):
    run = reply("What is a run?", context, CONCEPTS).text
    assert "> Run-length encoding shortens text with long runs of the same character" in run
    assert "Runs of length 1 are written as the bare character." in run
    assert "Took longer" not in run, "the question is answered, not the failing test"
    ascii_ = reply("what is ASCII?", context, CONCEPTS).text  # no definition: the paragraph of the note that uses it
    assert ascii_.startswith("From my notes on Strings:") and "the 26 ASCII letters" in ascii_
    unknown = reply("what is a frobnicator?", context, CONCEPTS).text
    assert unknown.startswith("I can't find “frobnicator” in the instructions or in my notes on Strings or Loops.")


def test_a_word_quoted_from_two_places_of_the_instructions_reads_as_two(wb, context):
    """"A custom exception … with three attributes:" and a bullet "Stores owner and balance as
    attributes." came out spliced into one sentence; a list's lead-in comes last, if at all."""
    account = replace(context, exercise=wb.exercise("python/bank-account-overdraft"), latest=None)
    quoted = paragraphs(reply("what's an attribute?", account, CONCEPTS).text)[2]  # after the definition and a lead-in
    first, second = quoted.split("\n>\n")
    assert first.startswith("> Stores `owner` and `balance` as attributes.")
    assert second == "> A custom exception (a subclass of `Exception`) with three attributes:"


def test_the_failing_test_is_not_explained_again_on_the_next_turn(context):
    first = reply("Why do my tests time out?", context, CONCEPTS).text
    again = reply("why does it time out?", replace(context, said=(first,)), CONCEPTS).text
    assert paragraphs(again)[0] == "Your last run still fails the test **compress mixed runs**, as I said above."
    assert "did not finish in time" not in again
    assert paragraphs(again)[-1] != paragraphs(first)[-1], "nor the same question asked twice"
    hinted = reply("Can I have a hint?", replace(context, said=(first,)), CONCEPTS).text
    assert paragraphs(hinted)[0].startswith("Hint 1 of 3"), "asked for a hint: the hint, not a reminder"


def test_a_paragraph_that_lost_its_question_mark_is_still_recognised_as_said(context):
    """A paragraph ending in "?" reads with a full stop when it is not the reply's last; said so,
    it is still said, and not explained again on the next turn."""
    failing = replace(context, latest=GradeResult("fail", "", (Graded("test_half", "fail", "ZeroDivisionError: "
                                                                      "division by zero"),)))
    first = reply("why?", failing, CONCEPTS).text
    assert "which input makes the divisor 0." in first, "not the reply's last paragraph: a statement"
    again = reply("why does it fail?", replace(failing, said=(first,)), CONCEPTS).text
    assert paragraphs(again)[0].endswith("as I said above.") and "divisor" not in again


def test_after_the_last_hint_asking_again_points_to_it_rather_than_pasting_it(context):
    last = context.exercise.hints[-1]
    shown = reply("help", replace(context, rung=len(context.exercise.hints) - 1), CONCEPTS)
    assert shown.hint == len(context.exercise.hints) and last in shown.text
    again = reply("help", replace(context, rung=len(context.exercise.hints), said=(shown.text,)), CONCEPTS)
    assert last not in again.text and again.hint is None
    assert "That was my last hint, in my reply above: you have seen all 3." in again.text
    fresh = reply("help", replace(context, rung=len(context.exercise.hints)), CONCEPTS)  # a new conversation
    assert last in fresh.text


def test_a_concept_asked_about_twice_is_not_taught_twice(wb):
    context = TutorContext(exercise=None, latest=None, now=START, skills={s: wb.skill_name(s) for s in wb.curriculum.skills})
    first = reply("what is a dictionary?", context, CONCEPTS).text
    assert first.startswith("**Dictionaries.**") and "```python" in first
    again = reply("what is a dictionary?", replace(context, said=(first,)), CONCEPTS).text
    assert again.startswith("I went through dictionaries in my reply above") and "```" not in again
    assert paragraphs(again)[-1] != paragraphs(first)[-1], "another question"


def test_a_missing_raise_is_explained_as_a_statement_the_question_follows():
    found = diagnose_test(Graded("test_rejects_negative", "fail", "expected ValueError for a negative number"),
                          "def test_rejects_negative():\n    with pytest.raises(ValueError):\n        digit_sum(-5)\n")
    assert found.explanation.endswith("but it returned normally: nothing on the way raised it for that input.")


@pytest.mark.parametrize("message, explained", [
    pytest.param("why is the length wrong?", "empty string", id="a-one-word-name-is-too-common-a-word"),
    pytest.param("and test_length?", "length", id="a-one-word-name-by-its-function"),
    pytest.param("the empty string one, why?", "empty string", id="by-its-words"),
    pytest.param("what about the one word test", "empty string", id="a-passing-test-is-not-explained"),
    pytest.param("why do the empty string and the empty string twice tests fail", "empty string twice",
                 id="the-longest-name-named"),
])
def test_a_failing_test_is_chosen_by_the_name_the_message_gives(message, explained):
    result = GradeResult("fail", tests=(Graded("test_one_word", "pass"),
                                        Graded("test_empty_string", "fail", "expected 0, got 1"),
                                        Graded("test_length", "fail", "expected 3, got 2"),
                                        Graded("test_empty_string_twice", "fail", "expected 0, got 2")))
    found = diagnose(result, asked=message)
    assert found is not None and found.test == explained


@pytest.mark.parametrize("message", [
    "share_pizza(8, 3): expected (2, 2), got (2.6666666666666665, 2)",
    "expected (2, 2), got (2.6666666666666665, 2)",
], ids=["call-named-in-the-message", "bare"])
def test_a_mismatch_is_read_with_or_without_the_call_in_front(message):
    found = diagnose_test(Graded("test_eight_between_three", "fail", message),
                          "from solution import share_pizza\n\n\n"
                          "def test_eight_between_three():\n    got = share_pizza(8, 3)\n    assert got == (2, 2)\n")
    assert found.kind == "mismatch"
    assert found.call == "share_pizza(8, 3)"
    assert "it wants `(2, 2)` but your code gave `(2.6666666666666665, 2)`" in found.explanation


@pytest.mark.parametrize(("message", "step"), [
    ("AttributeError: 'Tally' object has no attribute 'seen' (your code, line 3), while the test ran t.add(\"x\") == 1",
     't.add("x") == 1'),
    ("AttributeError: 'Tally' object has no attribute 'seen' (your code, line 3)", None),  # from before steps were named
    ("RecursionError: maximum recursion depth exceeded (your code, line 2), while the test ran t.add(\"x\") == 1. "
     "Does the recursion reach a base case?", 't.add("x") == 1'),
], ids=["step-named", "older-message", "with-advice"])
def test_an_error_is_explained_with_the_step_of_the_test_that_ran(message, step):
    found = diagnose_test(Graded("test_counts", "error", message),
                          "from solution import Tally\n\n\ndef test_counts():\n    t = Tally()\n    assert t.add(\"x\") == 1\n")
    assert found.kind == "error"
    if message.startswith("AttributeError"):
        assert found.explanation.startswith("`AttributeError` on line 3 of your code: the code asked an object for "
                                            "something it does not have ('Tally' object has no attribute 'seen').")
    if step:
        assert found.call == step
        assert found.explanation.endswith(f"It happened while the test ran `{step}`.")
    else:
        assert found.call == "Tally()"  # the test's first call: all an older message tells
        assert "while the test ran" not in found.explanation


PASTED = """Traceback (most recent call last):
  File "/home/lee/votes.py", line 6, in <module>
    print(counts["pear"])
KeyError: 'pear'
why does this happen?"""


@pytest.mark.parametrize(("message", "error"), [
    pytest.param(PASTED, PastedError("KeyError: 'pear'", 6), id="traceback"),
    pytest.param("I get\nZeroDivisionError: division by zero", PastedError("ZeroDivisionError: division by zero", None),
                 id="error-line-only"),
    pytest.param('  File "/usr/lib/python3.12/json/decoder.py", line 355, in raw_decode\n'
                 "json.decoder.JSONDecodeError: Expecting value", PastedError("JSONDecodeError: Expecting value", None),
                 id="python-own-module-no-line"),
    pytest.param('  File "<stdin>", line 1, in <module>\nNameError: name \'x\' is not defined',
                 PastedError("NameError: name 'x' is not defined", None), id="typed-at-the-prompt-no-line"),
    pytest.param("what is a KeyError?", None, id="asks-about-an-error"),
    pytest.param("KeyError when I run it", None, id="names-an-error-in-a-sentence"),
])
def test_the_error_line_of_a_pasted_traceback_is_found(message, error):
    assert pasted_error(message) == error


@pytest.mark.parametrize("latest", [
    pytest.param(GradeResult("pass", tests=(Graded("test_a", "pass"), Graded("test_b", "pass"))), id="last-run-passes"),
    pytest.param(GradeResult("fail", tests=(Graded("test_a", "fail", "tally(['a']): expected {'a': 1}, got None"),)),
                 id="last-run-fails-otherwise"),
    pytest.param(None, id="no-run"),
])
def test_a_pasted_traceback_is_explained_whatever_the_last_run_did(wb, latest):
    context = TutorContext(exercise=wb.exercise("python/tally-votes"), latest=latest)
    said = paragraphs(reply(PASTED, context, CONCEPTS).text)
    assert said[0].startswith("The error you pasted: `KeyError` on line 6 of your code: a dictionary was asked for a key "
                              "it does not hold ('pear').")
    if latest is not None and latest.passed:
        assert said[1] == "Your last run passes all 2 tests, so that error came from running your code some other way."
        assert not any("Submit" in p or "hint" in p for p in said)
    elif latest is not None:
        assert "fails the test **a**" in said[1] and "The test wants `{'a': 1}`" in said[1], "the failing test follows"


def test_a_pasted_error_the_failing_test_raised_too_is_explained_once(wb):
    failing = GradeResult("error", tests=(Graded("test_counts", "error", "KeyError: 'pear' (your code, line 6), "
                                                 "while the test ran tally(['pear'])"),))
    text = reply(PASTED, TutorContext(exercise=wb.exercise("python/tally-votes"), latest=failing), CONCEPTS).text
    assert "The error you pasted" not in text
    assert text.count("a dictionary was asked for a key it does not hold") == 1


def memory(text: str, skill: str | None, exercise_id: str | None, days_ago: int, kind: str = "mistake") -> Memory:
    return Memory("m", 1, kind, text, skill, exercise_id, START - timedelta(days=days_ago))


@pytest.mark.parametrize("remembered, recalled", [
    pytest.param(memory("Failed Caesar cipher (Strings): the code did not run: Your code must define `caesar`",
                        "strings", "python/caesar-cipher", 3), False, id="same-skill-other-trouble"),
    pytest.param(memory("Failed Caesar cipher (Strings): the test “shift” crashed: Took longer than 2 s: is there an "
                        "endless loop?", "strings", "python/caesar-cipher", 3), True, id="same-skill-same-trouble"),
    pytest.param(memory("Failed Run-length codec (Strings): the test “expand basic” failed", "strings", RLE, 8),
                 True, id="same-exercise-last-week"),
    pytest.param(memory("Failed Tally votes (Dictionaries): the test “ties” crashed: Took longer than 2 s", "dicts",
                        "python/tally-votes", 3), False, id="other-skill"),
    pytest.param(memory("Goals: Interviews", None, None, 3, kind="goal"), False, id="goal"),
    pytest.param(memory("Needed hint 1 on Caesar cipher (Strings): took longer than 2 s, an endless loop", "strings",
                        "python/caesar-cipher", 3, kind="hint"), False, id="a-hint-on-another-exercise"),
])
def test_a_memory_is_recalled_only_when_it_fits(context, remembered, recalled):
    answer = reply("I'm stuck", replace(context, memories=(remembered,)), CONCEPTS)
    assert answer.used_memory is recalled
    assert (remembered.text.rstrip(".?") in answer.text) is recalled, answer.text


@pytest.mark.parametrize(("message", "remembered", "recalled"), [
    ("just give me the solution to the caesar cipher",
     memory("Failed Name initials (Strings): the test “two words” failed", "strings", "python/name-initials", 1), False),
    ("I'm stuck", memory("Failed Name initials (Strings): the test “two words” failed", "strings",
                         "python/name-initials", 1), False),
    ("I keep getting an IndexError", memory("Failed Name initials (Strings): the test “empty” crashed: IndexError: "
                                            "string index out of range", "strings", "python/name-initials", 1), True),
    ("hello", memory("Goals: Job interviews", None, None, 3, kind="goal"), True),
], ids=["another-exercise", "nothing-to-match", "the-same-error", "the-goal"])
def test_without_an_exercise_only_a_memory_about_the_message_is_recalled(wb, message, remembered, recalled):
    context = TutorContext(exercise=None, latest=None, now=START, memories=(remembered,),
                           skills={s: wb.skill_name(s) for s in wb.curriculum.skills})
    answer = reply(message, context, CONCEPTS)
    assert (remembered.text.rstrip(".") in answer.text) is recalled, answer.text


def test_a_recalled_goal_reads_as_the_learner_typed_it(wb):
    # the reply is markdown: "C#" stays a hash, "<b>" stays text, "__main__" keeps its underscores
    typed = memory("Goal: “pass the exam & write __main__ blocks in <b>C#</b>”", None, None, 3, kind="goal")
    context = TutorContext(exercise=None, latest=None, now=START, memories=(typed,),
                           skills={s: wb.skill_name(s) for s in wb.curriculum.skills})
    text = reply("hello", context, CONCEPTS).text
    assert r"pass the exam \& write \_\_main\_\_ blocks in \<b\>C#\</b\>" in text, text


def test_a_memory_is_not_recalled_twice_in_a_row_nor_for_a_question_about_a_word(context):
    remembered = memory("Failed Caesar cipher (Strings): the test “shift” crashed: Took longer than 2 s", "strings",
                        "python/caesar-cipher", 3)
    with_memory = replace(context, memories=(remembered,))
    first = reply("Why do my tests time out?", with_memory, CONCEPTS)
    assert first.used_memory
    assert not reply("why does it time out?", replace(with_memory, said=(first.text,)), CONCEPTS).used_memory
    assert not reply("What is a run?", with_memory, CONCEPTS).used_memory


# -- C: a follow-up question that fits the exercise --------------------------------------------------

@pytest.mark.parametrize("rung", [0, 1, 2])
def test_after_a_timeout_the_question_is_about_the_loop_not_another_exercise(context, rung):
    said: tuple[str, ...] = ()
    for message in ["Why do my tests time out?", "What is a run?", "Can I have a hint?"]:
        text = reply(message, replace(context, rung=rung, said=said), CONCEPTS).text
        assert CAESAR_QUESTION not in text
        said = (*said, text)
    assert paragraphs(said[0])[-1].startswith("Which loop in your code could keep going for ever")


# -- D: a timeout is said once ---------------------------------------------------------------------

def test_a_timeout_is_said_once_and_in_plain_words(context):
    text = reply("Why do my tests time out?", context, CONCEPTS).text
    assert text.count("Took longer than 2 s") == 1 and "The test says" not in text and "?." not in text
    assert "did not finish in time" in text


@pytest.mark.parametrize("message, kind, explanation", [
    pytest.param("Took longer than 2 s: is there an endless loop?", "timeout", "did not finish in time", id="timeout"),
    pytest.param("compress('') should be ''", "other", "The test says: compress('') should be ''.", id="assert-note"),
    pytest.param("is the order right?", "other", "The test says: is the order right?", id="no-stray-full-stop"),
    pytest.param("largest_billboard([0, 0, 0]): only empty lots should give 0", "other",
                 "When the test calls `largest_billboard([0, 0, 0])`, it says: only empty lots should give 0.",
                 id="note-after-the-call"),
    pytest.param("count_words('a: b'): got None", "mismatch",
                 "When the test calls `count_words('a: b')`, your function gave back `None`", id="got-after-the-call"),
])
def test_a_test_message_is_explained_once(message, kind, explanation):
    found = diagnose_test(Graded("test_empty_both_ways", "error", message))
    assert found.kind == kind and explanation in found.explanation and "?." not in found.explanation


def test_code_that_takes_too_long_to_load_is_a_timeout_not_a_crash():
    result = GradeResult("error", "Your code took longer than 2 s to load (an endless loop at the top level?)",
                         (Graded("test_a", "error", "not run"),))
    found = diagnose(result)
    assert found is not None and found.kind == "timeout" and "did not finish in time" in found.explanation


# -- the words that decide ---------------------------------------------------------------------------

@pytest.mark.parametrize("message, kind, term, help_", [
    pytest.param("Why do my tests time out?", "error", None, False, id="why-capitalised"),
    pytest.param("What is a run?", "concept", "run", False, id="what-is"),
    pytest.param("What does 'bare character' mean?", "concept", "bare character", False, id="what-does-mean"),
    pytest.param("What does this TypeError mean?", "error", None, False, id="error-name"),
    pytest.param("what is this?", "other", None, False, id="vague"),
    pytest.param("Can you help me understand what a run is?", "concept", "run", False, id="help-me-understand"),
    pytest.param("My code fails. Can you help?", "error", None, True, id="error-and-help"),
    pytest.param("Can I have a hint?", "stuck", None, True, id="hint"),
    pytest.param("what should I do now?", "other", None, True, id="what-now"),
])
def test_what_a_message_asks(wb, message, kind, term, help_):
    intent = recognise(message, {s: wb.skill_name(s) for s in wb.curriculum.skills})
    assert (intent.kind, intent.term if term else None, intent.help) == (kind, term, help_)


@pytest.mark.parametrize("style", ["examples", "theory", None])
def test_a_beginner_stuck_gets_the_idea_in_passing_not_a_long_example(context, style):
    """Beside a failing test the note's idea is enough: a full example buried the diagnosis."""
    concept = CONCEPTS.get(context.exercise.skills[0])
    text = reply("I'm stuck", replace(context, style=style, level=2), CONCEPTS).text
    assert concept is not None and f"**{concept.name}.**" in text
    assert "```" not in text and concept.example.splitlines()[0] not in text


def test_a_talk_is_recalled_as_said_to_the_learner(context):
    from engine.tutor_recall import recall

    talk = memory("On Run-length codec, learner was stuck while the test 'expand basic' failed (expected 'aab'); "
                  "tutor gave hint 1 of 3.", "strings", RLE, 3, kind="exchange")
    said = recall([talk], context.exercise, None, "I'm stuck", START, [])
    assert said == ("We talked about something close to this 3 days ago: on Run-length codec, you were stuck while the "
                    "test 'expand basic' failed (expected 'aab'); I gave hint 1 of 3.")


# -- E: a question about a concept named like an error; a question about the exercise's tests ----------

RETRY = "python/retry-flaky-calls"
RETRY_FAILS = GradeResult("fail", "", (Graded("test_succeeds_after_failures", "fail",
                                              "assert 'gave up' == 'ok'"),))


@pytest.mark.parametrize("on_exercise", [True, False], ids=["on-retry", "no-exercise"])
@pytest.mark.parametrize("message", ["what is an exception?", "What does exception mean?",
                                     "how does an exception work?"])
def test_what_an_exception_is_is_taught_from_the_note(wb, message, on_exercise):
    context = TutorContext(exercise=wb.exercise(RETRY) if on_exercise else None, latest=None, now=START,
                           skills={s: wb.skill_name(s) for s in wb.curriculum.skills})
    text = reply(message, context, CONCEPTS).text
    assert text.startswith("**Exceptions.** When something goes wrong, Python raises an exception"), text
    assert "ask me for a hint" not in text and "Open an exercise" not in text


@pytest.mark.parametrize("latest, first", [
    pytest.param(None, "I haven't seen a run of your code yet", id="no-run"),
    pytest.param(RETRY_FAILS, "Your last run fails the test **succeeds after failures**", id="failing"),
])
def test_a_question_about_the_exercises_tests_is_answered_from_the_run(wb, latest, first):
    """"What does the test for retries expect?" is about the tests, not a concept called "test"."""
    context = TutorContext(exercise=wb.exercise(RETRY), latest=latest, now=START,
                           skills={s: wb.skill_name(s) for s in wb.curriculum.skills})
    answer = reply("what does the test for retries expect?", context, CONCEPTS)
    assert answer.text.startswith(first) and answer.hint is None, answer.text
    assert "From my notes" not in answer.text and "“test”" not in answer.text


# -- F: a word is explained, then shown in the instructions -------------------------------------------

ACCOUNT = "python/bank-account-overdraft"
SIEVE = "python/sieve-of-primes"


def on(wb, exercise_id: str | None, **changes) -> TutorContext:
    """What the tutor knows on an exercise (or none) before any run."""
    return TutorContext(exercise=wb.exercise(exercise_id) if exercise_id else None, latest=None, now=START,
                        skills={s: wb.skill_name(s) for s in wb.curriculum.skills}, **changes)


@pytest.mark.parametrize("message, heading", [
    pytest.param("what's an attribute?", "**Attribute**:", id="attribute"),
    pytest.param("what are attributes?", "**Attribute**:", id="plural"),
    pytest.param("what does iterable mean?", "**Iterable**:", id="iterable"),
    pytest.param("what is an iterable?", "**Iterable**:", id="article"),
    pytest.param("what are dunder methods?", "**Dunder method**:", id="dunder-methods"),
    pytest.param("what does *args mean?", "**`*args`**:", id="starred"),
    pytest.param("what does yield do?", "**`yield`**:", id="what-does-it-do"),
    pytest.param("what is a keyword argument?", "**Keyword argument**:", id="keyword-not-key"),
    pytest.param("what is recursion depth?", "**Recursion depth**:", id="names-a-skill-but-is-a-word"),
    pytest.param("what is a lambda function?", "**Lambda**:", id="variant-naming-a-skill"),
])
def test_a_word_is_defined_first(wb, message, heading):
    answer = reply(message, on(wb, ACCOUNT), CONCEPTS)
    assert answer.text.startswith(heading) and answer.hint is None, answer.text
    assert answer.text.rstrip().endswith("?") and answer.text.count("?") == 1


def test_the_definition_comes_first_then_the_instructions_then_a_question(wb):
    definition, lead_in, quote, question = paragraphs(reply("what's an attribute?", on(wb, ACCOUNT), CONCEPTS).text)
    assert definition.startswith("**Attribute**: a name stored on an object")
    assert lead_in == "Here is how the instructions use “attribute”:" and quote.startswith("> Stores `owner`")
    assert question == "How would you explain “attribute” in your own words, using the first example in the instructions?"


def test_a_word_the_exercise_never_uses_gets_a_question_of_the_learners_own(wb):
    """A bank account has no iterable: "where in this exercise could it come in?" would send the learner
    looking for one."""
    definition, question = paragraphs(reply("what is an iterable?", on(wb, ACCOUNT), CONCEPTS).text)
    assert definition.startswith("**Iterable**:")
    assert question == "Can you write one line of your own that uses “iterable”, and say what it does?"


def test_a_word_the_exercises_code_uses_gets_a_question_about_the_exercise(wb):
    """The account's starter writes ``def __init__(self, owner, balance=0)``, though its instructions never say it."""
    definition, question = paragraphs(reply("what is __init__?", on(wb, ACCOUNT), CONCEPTS).text)
    assert definition.startswith("**`__init__`**:")
    assert question == "Where in this exercise could “__init__” come in, and what would it do for you there?"


@pytest.mark.parametrize("again", ["what's an attribute?", "what are attributes?"], ids=["same-words", "plural"])
def test_a_definition_is_not_given_twice_in_a_row(wb, again):
    first = reply("what's an attribute?", on(wb, ACCOUNT), CONCEPTS).text
    second = reply(again, on(wb, ACCOUNT, said=(first,)), CONCEPTS).text
    assert "a name stored on an object" not in second and "> Stores `owner`" not in second
    assert second.startswith("I explained “") and "in my reply above." in second
    assert paragraphs(second)[-1] != paragraphs(first)[-1], "another question"


def test_a_word_asked_about_again_is_put_another_way(wb):
    """Asked twice, the word gets a paragraph of the notes that uses it, not only a pointer to the definition."""
    first = reply("what's an attribute?", on(wb, ACCOUNT), CONCEPTS).text
    second = reply("what's an attribute?", on(wb, ACCOUNT, said=(first,)), CONCEPTS).text
    pointer, quote, _question = paragraphs(second)
    assert pointer == "I explained “attribute” in my reply above. Put another way, from my notes on Exceptions:"
    assert quote.startswith("> ") and "attributes" in quote


def test_a_word_nobody_knows_asked_again_gets_other_words(wb):
    first = reply("what is a monad?", on(wb, ACCOUNT), CONCEPTS).text
    second = reply("what is a monad?", on(wb, ACCOUNT, said=(first,)), CONCEPTS).text
    assert first.startswith("I can't find “monad”") and not second.startswith("I can't find")
    assert "paste that message here" in second and paragraphs(second)[-1] != paragraphs(first)[-1]


@pytest.mark.parametrize("message, heading", [
    pytest.param("what is an iterable?", "**Iterable**:", id="iterable"),
    pytest.param("what does mutable mean?", "**Mutable**:", id="mutable"),
    pytest.param("what's a base case?", "**Base case**:", id="base-case"),
])
def test_a_word_is_defined_without_an_exercise(wb, message, heading):
    text = reply(message, on(wb, None), CONCEPTS).text
    assert text.startswith(heading) and "Open an exercise" not in text, text
    assert len(paragraphs(text)) == 2 and text.rstrip().endswith("?")


@pytest.mark.parametrize("exercise_id, says", [
    pytest.param(RLE, "a character sits in a string", id="strings-exercise"),
    pytest.param("python/transpose-matrix", "an item in a list", id="lists-exercise"),
])
def test_a_word_two_notes_define_comes_from_the_exercises_skill(wb, exercise_id, says):
    assert says in reply("what is an index?", on(wb, exercise_id), CONCEPTS).text


@pytest.mark.parametrize("message, lead", [
    pytest.param("what is recursion?", "**Recursion.**", id="recursion"),
    pytest.param("what are dictionaries?", "**Dictionaries.**", id="dictionaries"),
])
def test_a_word_that_names_a_skill_is_taught_from_the_whole_note(wb, message, lead):
    assert reply(message, on(wb, ACCOUNT), CONCEPTS).text.startswith(lead)


# -- G: closing questions that fit the exercise --------------------------------------------------------

@pytest.mark.parametrize("rung", range(6))
def test_a_note_of_a_skill_the_exercise_lacks_does_not_close_the_reply(wb, rung):
    """On a prime sieve a learner wonders about a dictionary: the dictionaries note's questions
    ("Are you allowed to change the dictionary …?") are about inputs the sieve does not have."""
    text = reply("I'm stuck, would a dictionary help?", on(wb, SIEVE, rung=rung), CONCEPTS).text
    dicts = CONCEPTS.get("dicts")
    assert dicts is not None and not any(q in text for q in dicts.questions), text
    assert text.rstrip().endswith("?")


def test_explaining_a_skill_the_exercise_lacks_asks_where_it_would_help(wb):
    text = reply("explain dictionaries", on(wb, SIEVE), CONCEPTS).text
    assert text.startswith("**Dictionaries.**")
    assert paragraphs(text)[-1] == "Where in your own code would dictionaries help?"


LAST_GROUP = "What happens to the last run, line or group when the loop ends?"


@pytest.mark.parametrize("exercise_id, asked", [
    pytest.param("python/longest-dry-spell", True, id="a-dry-spell-is-a-run"),
    pytest.param(SIEVE, False, id="a-sieve-has-no-runs"),
])
def test_a_note_question_closes_the_reply_only_where_it_fits(wb, exercise_id, asked):
    said: tuple[str, ...] = ()
    for rung in range(5):  # the question moves on with the hint ladder: every question of the note comes round
        said = (*said, reply("hello", on(wb, exercise_id, rung=rung), CONCEPTS).text)
    assert any(LAST_GROUP in text for text in said) is asked, said



# -- H: a beginner's example fits the tutor's column ----------------------------------------------------

TALLY = "python/tally-votes"  # skills: dicts, loops
DOLLS = "python/nesting-dolls-colours"  # skills: recursion, dicts
CODE_BLOCK = re.compile(r"```python\n(.*?)\n```", re.DOTALL)


def code_lines(text: str) -> list[str]:
    """The lines of every fenced python block of a reply."""
    return [line for block in CODE_BLOCK.findall(text) for line in block.splitlines()]


@pytest.mark.parametrize("message, exercise_id, skill", [
    pytest.param("what is a dictionary?", TALLY, "dicts", id="dictionary"),
    pytest.param("what is recursion?", DOLLS, "recursion", id="recursion"),
])
def test_a_beginner_who_likes_examples_gets_the_short_one_first(wb, message, exercise_id, skill):
    """The reviewer's Beginner got the 25-line example, its output comments cut off in the tutor's
    column, and the definition only after it."""
    note = CONCEPTS.get(skill)
    assert note is not None and note.first_example
    text = reply(message, on(wb, exercise_id, level=2, style="examples"), CONCEPTS).text
    small = f"**{note.name}.** Here is a small example first.\n\n```python\n{note.first_example}\n```"
    assert text.startswith(f"{small}\n\n{note.idea.split(chr(10) * 2)[0]}"), text[:300]
    assert code_lines(text) == note.first_example.splitlines(), "the short example alone, not the long one"
    assert max(map(len, code_lines(text))) <= FIRST_EXAMPLE_WIDTH
    assert text.rstrip().endswith("?") and text.count("?") == 1


@pytest.mark.parametrize("level, style, order", [
    pytest.param(2, "examples", ["first example", "idea"], id="beginner-examples"),
    pytest.param(2, "theory", ["idea", "first example"], id="beginner-theory"),
    pytest.param(3, None, ["idea", "first example"], id="beginner-no-style"),
    pytest.param(1, "challenges", ["idea"], id="beginner-challenges"),
    pytest.param(4, "examples", ["first example", "idea", "example"], id="examples"),
    pytest.param(6, "theory", ["idea", "example"], id="theory"),
    pytest.param(6, None, ["idea", "example"], id="no-style"),
    pytest.param(6, "challenges", ["idea"], id="challenges"),
])
def test_what_is_a_dictionary_is_taught_for_the_level_and_style(wb, level, style, order):
    """A beginner (level 3 or below) gets the first example in place of the full one, whatever their
    style; the others keep the full example, and those who like examples see the short one first.
    Those who like challenges work the example out themselves, at any level."""
    note = CONCEPTS.get("dicts")
    assert note is not None
    text = reply("what is a dictionary?", on(wb, TALLY, level=level, style=style), CONCEPTS).text
    found = {"idea": text.find(note.idea.split(". ")[0]), "first example": text.find(note.first_example),
             "example": text.find(note.example)}
    assert sorted((at, part) for part, at in found.items() if at >= 0) == [(found[part], part) for part in order]


def test_a_beginner_gets_no_example_that_is_not_safe_to_show(wb):
    text = reply("what is a dictionary?", on(wb, TALLY, level=2, style="examples", safe_example=False), CONCEPTS).text
    assert "```" not in text and text.startswith("**Dictionaries.** A dictionary maps keys to values")


def test_the_reviewers_beginner_gets_the_short_example_through_the_workbench(wb):
    """A learner who rated themselves Beginner and likes examples, on a dictionary exercise."""
    learner = new_learner(wb)
    answer_interview(wb, learner)  # Beginner everywhere, examples first
    assert wb.level(learner).value <= 3 and wb.profile(learner).style == "examples"
    text = wb.ask_tutor(learner, "what is a dictionary?", TALLY)
    note = CONCEPTS.get("dicts")
    assert note is not None and text.startswith("**Dictionaries.** Here is a small example first.")
    assert code_lines(text) == note.first_example.splitlines()
