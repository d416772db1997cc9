"""The offline tutor: grounded, Socratic replies without a language model.

It answers from what the workbench knows for sure: the failing test of the learner's latest run
(explained in plain words by ``diagnosis``), the exercise's hint ladder (one rung further each
time it gives a hint), the concept note of the exercise's skill (the idea, an example, a common
mistake that matches, a question to ask yourself) and what it remembers of the learner ("this
came up before"). It adapts to the learner's level and learning style, asks exactly one question
per reply (the last paragraph), and never writes the exercise's code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from engine import intents
from engine.bank import Exercise
from engine.clock import to_aware_utc
from engine.concepts import Concept, Concepts
from engine.diagnosis import Diagnosis, diagnose
from engine.grader import GradeResult
from engine.intents import Intent


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


@dataclass(frozen=True)
class TutorContext:
    """Everything a reply is grounded in. ``rung``: hints of the ladder the learner has seen;
    ``style``: "examples" | "theory" | "challenges" | None; ``level``: 1..10;
    ``skills``: skill id -> name; ``checked_examples``: concept examples safe to show here."""

    exercise: Exercise | None
    latest: GradeResult | None
    rung: int = 0
    style: str | None = None
    level: int = 5
    memories: Sequence[Remembered] = ()
    skills: Mapping[str, str] = field(default_factory=dict)
    now: datetime | None = None
    safe_example: bool = True


@dataclass(frozen=True)
class OfflineReply:
    """The reply in paragraphs (the last one is the question); ``hint``: the rung given, if any."""

    paragraphs: tuple[str, ...]
    intent: str
    hint: int | None = None
    used_memory: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


REFUSAL = ("I won't write the solution for you: working it out is where the learning happens, and I'd "
           "rather help you get there yourself.")
INJECTION_REFUSAL = ("I can't change how I work or reveal the solution, the reference code or hidden tests. "
                     "I can help you find the answer yourself, though.")


def reply(message: str, context: TutorContext, concepts: Concepts, *, injection: bool = False) -> OfflineReply:
    """A grounded reply to ``message``: what went wrong, what to think about, one question."""
    intent = Intent("answer") if injection else intents.recognise(message, context.skills)
    exercise = context.exercise
    diagnosis = diagnose(context.latest, exercise.tests if exercise else "")
    topic = intent.topic if intent.topic in context.skills else None
    concept = concepts.get(topic) if topic else None
    if concept is None and exercise is not None:
        concept = next((c for c in map(concepts.get, exercise.skills) if c is not None), None)
    parts: list[str] = []
    hint: int | None = None
    question: str | None = None
    used_here = False

    if injection:
        parts.append(INJECTION_REFUSAL)
    elif intent.kind == intents.ANSWER:
        parts.append(REFUSAL)
    elif intent.kind == intents.THANKS:
        return OfflineReply(("Glad that helped. Run the tests again when you have changed something, and ask "
                             "whenever you get stuck. What will you try next?",), intent.kind)

    if exercise is None:
        return _without_exercise(parts, intent, concept, context)
    used = _memory(context, exercise)

    if context.latest is not None and context.latest.passed and intent.kind != intents.CONCEPT:
        parts.append(f"Your last run passes all {len(context.latest.tests)} tests: well done. Submit it when you "
                     "are ready.")
        question = "Looking back, which case was the hardest to get right, and why?"
    elif intent.kind == intents.CONCEPT and concept is not None:
        parts.extend(_teach(concept, context, full=True))
        question = _concept_question(concept, context.rung)
    elif intent.kind == intents.APPROACH:
        parts.append(_progress(context.latest, diagnosis))
        if diagnosis is not None:
            parts.append(diagnosis.explanation)
        question = ("Before changing anything: can you say in one sentence what your code does, step by step, "
                    "for the smallest example in the instructions?")
    else:  # stuck, error, answer, other: what went wrong, then one rung further up the ladder
        if diagnosis is not None:
            parts.append(_failure(diagnosis))
            mistake = concept.matching_mistake(diagnosis.summary, diagnosis.explanation, message) if concept else None
            if mistake and context.level <= 7:
                parts.append(f"A common slip here: {mistake}")
        elif context.latest is None and intent.kind in (intents.ERROR, intents.STUCK, "other"):
            parts.append("I haven't seen a run of your code yet: press **Run tests** and I can tell you which test "
                         "fails and what it means.")
        if concept is not None and context.level <= 3 and intent.kind != intents.ERROR:
            parts.extend(_teach(concept, context, full=False))
        if used:
            parts.append(used)
            used_here = True
        if not injection and (intent.kind != intents.ERROR or diagnosis is None):
            hint = min(context.rung + 1, len(exercise.hints))
            text = exercise.hints[hint - 1]
            last = " (that is the last hint I have)" if hint == len(exercise.hints) else ""
            if context.style == "challenges" and hint > 1:
                parts.append(f"Try once more on your own first; if you want the nudge, here it is{last}: {text}")
            else:
                parts.append(f"Hint {hint} of {len(exercise.hints)}{last}: {text}")
            if text.rstrip().endswith("?"):
                question = ""  # the hint is the question
    if used and not used_here:
        parts.append(used)
    if question is None:
        question = _question(diagnosis, concept, context)
    if question:
        parts.append(question)
    elif parts and not parts[-1].rstrip().endswith("?"):
        parts.append(_question(diagnosis, concept, context))
    return OfflineReply(tuple(_one_question(parts)), intent.kind, hint, used_memory=bool(used))


def _without_exercise(parts: list[str], intent: Intent, concept: Concept | None,
                      context: TutorContext) -> OfflineReply:
    if concept is not None and intent.kind in (intents.CONCEPT, "other", intents.STUCK):
        parts.extend(_teach(concept, context, full=True))
        parts.append(_concept_question(concept, context.rung))
    else:
        used = _memory(context, None)
        if used:
            parts.append(used)
        parts.append("Open an exercise on the Practice page and ask me about it there, or ask me to explain a "
                     "topic (for example \"explain recursion\"). What are you working on?")
    return OfflineReply(tuple(_one_question(parts)), intent.kind, None)


def _teach(concept: Concept, context: TutorContext, *, full: bool) -> list[str]:
    """The concept in the learner's preferred order: example first, idea first, or just the idea."""
    paragraphs = concept.idea.split("\n\n")
    # the whole idea for those who like theory first; two paragraphs (or one, in passing) for the others
    idea = "\n\n".join(paragraphs if full and context.style == "theory" else paragraphs[:2 if full else 1]).strip()
    example = (f"For example:\n\n```python\n{concept.example}\n```"
               if concept.example and context.safe_example else "")
    lead = f"**{concept.name}.** "
    if context.style == "examples" and example:
        return [lead + "Here is a small example first." + "\n\n" + example[len("For example:\n\n"):], idea]
    if context.style == "challenges" or not example or (not full and context.level > 3):
        return [lead + idea]
    return [lead + idea, example]


def _concept_question(concept: Concept, rung: int) -> str:
    if concept.questions:
        return concept.questions[rung % len(concept.questions)]
    return f"Where in your own code would {concept.name.lower()} help?"


def _failure(d: Diagnosis) -> str:
    if d.kind == "could-not-run":
        return f"Your last run could not start: {d.explanation}"
    said = f" (the test says: {d.summary})" if d.summary and d.kind != "not-written" else ""
    head = f"Your last run fails the test **{d.test}**{said}." if d.test else "Your last run did not pass."
    return f"{head} {d.explanation}"


def _progress(latest: GradeResult | None, diagnosis: Diagnosis | None) -> str:
    if latest is None:
        return ("I can't see a run of your code yet. The quickest check of an approach is the tests: press "
                "**Run tests** and tell me what you expected to happen.")
    if latest.passed:
        return f"Your last run passes all {len(latest.tests)} tests, so your approach works. Submit when you're ready."
    total = len(latest.tests)
    passed = latest.tests_passed
    if passed and diagnosis is not None:
        return (f"You're partly there: {passed} of {total} tests pass, so the core idea holds. "
                f"What remains is the case in **{diagnosis.test}**.")
    return f"None of the {total} tests pass yet, so something basic is off before the approach itself."


def _question(diagnosis: Diagnosis | None, concept: Concept | None, context: TutorContext) -> str:
    if diagnosis is not None and diagnosis.call and diagnosis.kind == "mismatch":
        return (f"If you run `{diagnosis.call}` yourself and follow your code line by line, where does it "
                "go a different way from what you expect?")
    if diagnosis is not None and diagnosis.kind in ("error", "could-not-run"):
        return "Which line does the message point to, and what is the value of each name on that line?"
    if diagnosis is not None and diagnosis.kind == "not-written":
        return "What is the very first small step your function needs to do?"
    if concept is not None and concept.questions:
        return _concept_question(concept, context.rung)
    return "What do you expect your code to return for the smallest example in the instructions?"


def _memory(context: TutorContext, exercise: Exercise | None) -> str:
    """One relevant memory in a sentence ("Back on 2 March, ..."), preferring past mistakes in this skill."""
    skills = set(exercise.skills) if exercise else set()
    # today's notes on this very exercise repeat what the latest run already says: leave them out
    memories = [m for m in context.memories if not (exercise and m.exercise_id == exercise.id
                                                    and _when(m.created_at, context.now) == "earlier today")]
    if not memories:
        return ""
    ranked = sorted(memories, key=lambda m: (m.kind != "mistake", (m.skill or "") not in skills))
    chosen = ranked[0]
    when = _when(chosen.created_at, context.now)
    text = chosen.text.strip().rstrip(".")
    if chosen.kind == "goal":
        return f"Keep your goal in mind: {text}."
    if chosen.kind == "mistake":
        return f"This looks like something from {when}, when you also had trouble: {text}."
    return f"We talked about something close to this {when}: {text}."


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


def _one_question(parts: list[str]) -> list[str]:
    """Every paragraph but the last is a statement: a hint or note phrased as a question loses its "?"
    only when it is not the last, so the learner meets one question at a time."""
    out = [p for p in parts if p]
    for i, paragraph in enumerate(out[:-1]):
        if paragraph.rstrip().endswith("?"):
            out[i] = paragraph.rstrip()[:-1] + "."
    return out
