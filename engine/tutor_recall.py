"""What the offline tutor recalls of a learner: at most one memory a reply, and only one that fits
the exercise at hand and the trouble the learner is in now (``recall``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from engine.bank import Exercise
from engine.clock import to_aware_utc
from engine.diagnosis import Diagnosis
from engine.markdown_text import authored


class Remembered(Protocol):
    """What the tutor reads of a memory (see ``engine.memory``)."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def skill(self) -> str | None: ...
    @property
    def exercise_id(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...


def recall(memories: Sequence[Remembered], exercise: Exercise | None, diagnosis: Diagnosis | None, message: str,
           now: datetime | None, skill_names: Iterable[str]) -> str:
    """One relevant memory in a sentence ("This looks like something from last week, ..."),
    preferring past mistakes in this exercise, then in its skills; "" when none is relevant.
    ``skill_names``: the curriculum's, which say nothing about a kind of trouble."""
    names = list(skill_names)
    memories = [m for m in memories if _relevant(m, exercise, diagnosis, message, now, names)]
    if not memories:
        return ""
    skills = set(exercise.skills) if exercise else set()
    ranked = sorted(memories, key=lambda m: (m.kind != "mistake", not exercise or m.exercise_id != exercise.id,
                                             (m.skill or "") not in skills))
    chosen = ranked[0]
    when = _when(chosen.created_at, now)
    text = authored(chosen.text.strip().rstrip("."))  # the reply is markdown; a goal is as the learner typed it
    if chosen.kind == "goal":
        sentence = f"Keep your goal in mind: {text}."
    elif chosen.kind == "mistake":
        sentence = f"This looks like something from {when}, when you also had trouble: {text}."
    else:
        sentence = f"We talked about something close to this {when}: {_said_to_learner(text)}."
    return sentence


def _said_to_learner(note: str) -> str:
    """A note of the engine's, which speaks of the learner ("On Loops, learner was stuck …; tutor gave
    hint 1 of 3"), as the tutor says it to them ("on Loops, you were stuck …; I gave hint 1 of 3")."""
    for said, to_them in (("learner was", "you were"), ("learner", "you"), ("their", "your"), ("tutor gave", "I gave")):
        note = re.sub(rf"\b{said}\b", to_them, note, flags=re.IGNORECASE)
    return note[:1].lower() + note[1:]


def _relevant(memory: Remembered, exercise: Exercise | None, diagnosis: Diagnosis | None, message: str,
              now: datetime | None, skill_names: list[str]) -> bool:
    """Worth recalling here: about this exercise (but not from today: the latest run says it better),
    or a mistake in one of its skills and, when a test fails now, the same kind of trouble (a shared
    word such as "string", "None" or "NameError"). A hint or a talk about another exercise is not:
    that it shares a skill says little about this one. Without an exercise: a goal, or a memory that
    shares such a word with the message."""
    if exercise is None:  # a general question: the learner's goal, or a memory about what the message is about
        return memory.kind == "goal" or bool(_trouble_words(message) & _trouble_words(memory.text))
    if memory.exercise_id == exercise.id:
        return _when(memory.created_at, now) != "earlier today"
    if memory.skill not in exercise.skills or memory.kind != "mistake":
        return False
    if diagnosis is None:
        return True
    ignore = {w for name in skill_names for w in _trouble_words(name)} | _trouble_words(exercise.title)
    trouble = _trouble_words(" ".join([diagnosis.summary, diagnosis.explanation, message])) - ignore
    return bool(trouble & _trouble_words(memory.text))


_TROUBLE_STOP = frozenset("failed fail fails test tests code your that this with from when what which where wants want "
                          "gave give gives given expected the learner tutor asked while hint needed crashed didn "
                          "does into only have than then there them they will would should could".split())


def _trouble_words(text: str) -> set[str]:
    return {w.removesuffix("s") for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w not in _TROUBLE_STOP}


def _when(moment: datetime, now: datetime | None) -> str:
    if now is None:
        return "before"
    days = (to_aware_utc(now) - to_aware_utc(moment)).days  # memories may be stored without a zone
    if days < 1:
        return "earlier today"
    if days < 2:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    if days < 14:
        return "last week"
    return f"{days // 7} weeks ago"
