"""Which questions of a concept note fit an exercise: the tutor closes a reply with one only when
it does, so that "Are you allowed to change the dictionary …?" does not close a reply on a prime
sieve. A word-overlap rule, measured on the bank: of the 594 pairs of an exercise and a question
of its first skill's note, 223 fit."""

from __future__ import annotations

import re
from collections.abc import Mapping

from engine.bank import Exercise
from engine.concepts import Concept
from engine.glossary import stem


def fitting_questions(concept: Concept, exercise: Exercise, skills: Mapping[str, str]) -> list[str]:
    """The note's questions that fit the exercise. The note must be about it: its skill is one of the
    exercise's, or the exercise's text names the skill. Then a question fits when its own words (the
    ones besides question words and names of skills) are none at all ("What do you return when the
    input is empty?") or one of them is in the instructions, starter code or tests; two of them for a
    note of a skill the exercise is not tagged with. So "Are you allowed to change the dictionary …?"
    does not close a reply on a prime sieve, nor "… the last run, line or group …"."""
    used = _stems(" ".join((exercise.title, exercise.instructions, exercise.starter, exercise.tests)))
    own_skill = concept.skill in exercise.skills
    if not own_skill and not (_stems(f"{concept.skill} {concept.name}") - _QUESTION_WORDS) & used:
        return []
    names = _stems(" ".join([concept.skill, concept.name, *skills, *skills.values()]))
    evidence = 1 if own_skill else 2  # a skill the exercise is not tagged with needs more than a word in common
    return [q for q in concept.questions
            if not (own := _stems(q) - names - _QUESTION_WORDS) or len(own & used) >= evidence]


def _stems(text: str) -> set[str]:
    """The words of ``text``, each cut to a stem, so "included" meets "including" and "values" "value"."""
    return {stem(w) for w in re.findall(r"[a-z_][a-z0-9_]+", text.lower())}


# the words of asking, words most exercises use, and the names of types that every starter code has:
# sharing one tells nothing about whether a question fits an exercise
_QUESTION_WORDS = frozenset(stem(w) for w in """
    what which where when whose how why who does do did should could would must might can will may is are was were be
    been being has have had not no the and or but for of to in on at by as if it its this that these those they them
    up down so an me my we us am go off too very also just than over under about
    their your you yours one two new say any all some more most few much many each every only still once without into
    from with here there then make sure happen first last second time right exact exactly whole really need know get
    take come went go done find thing case same different other another both either way made return input output result
    empty value code function help answer look able item want like now never end out give given after before name left
    work include change call try set python test data part mean turn ask allow inside between keep approach bad read
    next order type range text negative check pass length rule already always small smaller smallest reach wrong repeat
    through matter twice problem fail exist early best lead create leave replace compute stop size move
    str int float bool list dict none true false self def assert import pytest solution raise error""".split())
