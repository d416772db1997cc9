"""A comparison ("what's the difference between a list and a tuple?") is answered about both
sides, from the notes, not from the first note that one side names."""

from __future__ import annotations

import pytest

from engine.concepts import Concepts
from engine.intents import compared_pair, recognise
from engine.offline_tutor import TutorContext, reply
from engine.tutor_compare import SIDE_BY_SIDE
from engine.workbench import DATA_DIR

CONCEPTS = Concepts(DATA_DIR / "concepts")


@pytest.fixture
def skills(wb) -> dict[str, str]:
    return {s: wb.skill_name(s) for s in wb.curriculum.skills}


def paragraphs(message: str, skills: dict[str, str], said: tuple[str, ...] = ()) -> list[str]:
    return list(reply(message, TutorContext(exercise=None, latest=None, skills=skills, said=said), CONCEPTS).paragraphs)


@pytest.mark.parametrize(("message", "pair"), [
    ("What's the difference between a list and a tuple?", ("list", "tuple")),
    ("difference between `append` and `extend`?", ("append", "extend")),
    ("list vs dict", ("list", "dict")),
    ("Could you compare lists with dictionaries?", ("lists", "dictionaries")),
    ("how is a generator different from a list?", ("generator", "list")),
    ("difference between for and while loops", ("for", "while loops")),
    ("my code is different from the example", None),  # no two things to teach
    ("what is different from yesterday?", None),
    ("what's the difference between this and that?", None),
    ("explain recursion", None),
])
def test_the_two_sides_of_a_comparison_are_found(message, pair):
    assert compared_pair(message) == pair


def test_a_comparison_is_a_concept_question_even_with_a_why(skills):
    intent = recognise("why is a tuple different from a list?", skills)
    assert (intent.kind, intent.pair) == ("concept", ("tuple", "list"))
    assert recognise("what's the difference between a list and a tuple? I get a TypeError", skills).kind == "error"


def test_list_and_tuple_are_both_answered(skills):
    said = paragraphs("What's the difference between a list and a tuple?", skills)
    text = "\n\n".join(said)
    lists = CONCEPTS.get("lists")
    assert lists is not None and "**Lists.** " + lists.idea.split(". ")[0] in text
    assert said[0].startswith(SIDE_BY_SIDE) and "A tuple is a list that cannot change" in said[0]
    assert said[-1] == "In your own words: when would you reach for “list”, and when for “tuple”?"
    assert [p for p in said if p.rstrip().endswith("?")] == [said[-1]], "one question, the last paragraph"


def test_two_skills_are_each_taught_from_their_own_note(skills):
    text = "\n\n".join(paragraphs("list vs dict?", skills))
    assert "**Lists.**" in text and "**Dictionaries.**" in text


def test_sides_that_are_no_skill_come_from_the_notes_that_use_them(skills):
    said = paragraphs("what's the difference between yield and return?", skills)
    assert said[0].startswith("**Yield**, from my notes on Iterators and generators:") and "`yield`" in said[0]
    assert said[1].startswith("**Return**, from my notes on ") and "return" in said[1]


def test_a_sentence_that_writes_both_as_code_says_it_all(skills):
    said = paragraphs("difference between sort and sorted?", skills)
    assert said[0].startswith(SIDE_BY_SIDE) and "`items.sort()`" in said[0] and "`sorted(items)`" in said[0]
    assert len(said) == 2, "each side is in that sentence: nothing more to add before the question"


def test_a_short_word_counts_only_as_code(skills):
    said = paragraphs("difference between for and while loops", skills)
    assert said[0].startswith("**Loops.**") and "`for`" in said[0]
    assert all("for `==`" not in p for p in said), "a `for` between two code spans is no code"


def test_asked_again_it_points_to_the_reply_above(skills):
    message = "What's the difference between a list and a tuple?"
    first = paragraphs(message, skills)
    again = paragraphs(message, skills, said=("\n\n".join(first),))
    assert again[0].startswith("I set “list” and “tuple” side by side in my reply above.")
    assert again[-1] == first[-1]


def test_a_comparison_the_notes_know_nothing_of_is_not_pretended(skills):
    text = "\n\n".join(paragraphs("difference between a monad and a functor?", skills))
    assert SIDE_BY_SIDE not in text and "monad" not in text.lower()


def test_a_side_no_note_mentions_is_said_to_be_unknown(skills):
    said = paragraphs("difference between a list and a monad?", skills)
    assert said[0].startswith("**Lists.**")
    assert said[1] == "**Monad**: I have no note on “monad” yet; the Python documentation has it."


def test_on_an_exercise_the_comparison_is_answered_too(wb):
    learner = wb.register("ada", "ada@example.org", "Ada", "tidy-otter-93").id
    text = wb.ask_tutor(learner, "what's the difference between append and extend?", "python/sum-list-recursively")
    assert text.startswith(SIDE_BY_SIDE) and "`append(x)`" in text and "`extend(more)`" in text
