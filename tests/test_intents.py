"""What a message asks, recognised by words: a question about what an exception is is a concept
question, an exception the learner ran into is an error; the exercise's own tests are no concept."""

from __future__ import annotations

import pytest

from engine.intents import asked_term, recognise

SKILLS = {"strings": "Strings", "loops": "Loops", "functions": "Functions", "exceptions": "Exceptions",
          "recursion": "Recursion", "generators": "Iterators and generators"}


@pytest.mark.parametrize("message", [
    pytest.param("what is an exception?", id="what-is-an"),
    pytest.param("What's an exception", id="whats"),
    pytest.param("what are exceptions?", id="what-are"),
    pytest.param("what does exception mean?", id="what-does-mean"),
    pytest.param("how does an exception work?", id="how-does-work"),
    pytest.param("how does exception handling work?", id="exception-handling"),
    pytest.param("explain exceptions", id="explain"),
    pytest.param("Can you explain what an exception is?", id="explain-what"),
    pytest.param("I don't understand what an exception is", id="dont-understand-what"),
    pytest.param("tell me about exceptions and try/except", id="tell-me-about"),
])
def test_asking_what_an_exception_is_is_a_concept_question(message):
    intent = recognise(message, SKILLS)
    assert (intent.kind, intent.topic) == ("concept", "exceptions")


@pytest.mark.parametrize("message", [
    pytest.param("I get an exception", id="i-get"),
    pytest.param("my code raises an exception", id="raises"),
    pytest.param("what does this exception mean?", id="this-exception"),
    pytest.param("what does the exception mean?", id="the-exception"),
    pytest.param("I get an exception, what is it?", id="then-what-is-it"),
    pytest.param("what is an exception? my code fails", id="and-a-failure"),
    pytest.param("what is a KeyError?", id="named-error"),
    pytest.param("What does this TypeError mean?", id="this-named-error"),
    pytest.param("TypeError: unsupported operand type(s) for +: 'int' and 'str'", id="error-line"),
    pytest.param("Traceback (most recent call last):\n  File \"solution.py\", line 3\nValueError: bad", id="traceback"),
    pytest.param("how do exceptions work when my test fails?", id="concept-then-failure"),
])
def test_an_exception_the_learner_ran_into_stays_an_error(message):
    assert recognise(message, SKILLS).kind == "error"


def test_a_word_for_an_error_asked_about_is_a_term_to_look_up():
    intent = recognise("what is a traceback?", SKILLS)
    assert (intent.kind, intent.term) == ("concept", "traceback")


@pytest.mark.parametrize("message", [
    pytest.param("what does the test for retries expect?", id="the-test-for"),
    pytest.param("what does the test expect?", id="the-test"),
    pytest.param("what is a test?", id="a-test"),
    pytest.param("I don't know what the tests want", id="the-tests"),
    pytest.param("what does this exercise mean?", id="the-exercise"),
    pytest.param("what is the task here?", id="the-task"),
    pytest.param("I'm not sure what the instructions mean", id="the-instructions"),
    pytest.param("What does my code return for banana?", id="my-code-return"),
    pytest.param("what does my function give for 'Apple Pie'?", id="my-function-give"),
    pytest.param("what does my code do wrong?", id="my-code-do"),
])
def test_the_exercise_and_its_tests_are_not_a_term_to_explain(message):
    assert asked_term(message) is None
    assert recognise(message, SKILLS).kind != "concept"


@pytest.mark.parametrize("message, kind, topic, term", [
    pytest.param("what is a function?", "concept", "functions", "function", id="function-is-a-skill"),
    pytest.param("what is a run?", "concept", None, "run", id="a-word-of-the-instructions"),
    pytest.param("what does test_gives_up_with_details mean?", "concept", None, "test_gives_up_with_details",
                 id="a-test-by-name"),
])
def test_words_of_skills_and_names_stay_terms(message, kind, topic, term):
    intent = recognise(message, SKILLS)
    assert (intent.kind, intent.topic, intent.term) == (kind, topic, term)


@pytest.mark.parametrize(("message", "stuck"), [
    ("how do I start?", True),
    ("How can I fix this?", True),
    ("how do i get this to pass", True),
    ("how do I get better at Python for data analysis?", False),
    ("how can I learn more about sorting?", False),
], ids=["start", "fix", "get-this-to-pass", "get-better-at-python", "learn-more"])
def test_how_do_i_is_a_plea_for_help_only_about_the_task(message, stuck):
    """A general question must not cost the learner a hint: the tutor gives one to the stuck."""
    intent = recognise(message, SKILLS)
    assert (intent.kind == "stuck" or intent.help) == stuck, intent


@pytest.mark.parametrize("message, term", [
    pytest.param("what does yield do?", "yield", id="what-does-it-do"),
    pytest.param("what does *args mean?", "*args", id="starred"),
    pytest.param("what does **kwargs do?", "**kwargs", id="double-starred"),
    pytest.param("what is `__init__`?", "__init__", id="as-code"),
    pytest.param("what are dunder methods in Python?", "dunder methods", id="in-python"),
])
def test_a_word_written_as_code_or_asked_what_it_does_is_a_term(message, term):
    intent = recognise(message, SKILLS)
    assert (intent.kind, intent.term) == ("concept", term)
