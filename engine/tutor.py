"""The tutor: Socratic help on an exercise, offline from the exercise's own material.

Without a language model it answers from what the workbench knows for sure: the exercise's
hint ladder (one rung further each time the learner asks), the failing test of the learner's
latest run and its message. It asks one question at a time and never shows the solution.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.bank import Exercise
from engine.grader import GradeResult

MAX_MESSAGE = 5000


@dataclass(frozen=True)
class TutorContext:
    exercise: Exercise | None
    latest: GradeResult | None
    asked_before: int


def offline_reply(message: str, context: TutorContext) -> str:
    """A grounded reply: where the latest run went wrong, the next hint, and one question."""
    exercise = context.exercise
    if exercise is None:
        return ("Pick an exercise on the Practice page and ask me about it: I can point you to "
                "the failing test and give you a nudge. What are you working on?")
    parts = []
    failure = context.latest.first_failure() if context.latest else None
    if context.latest is not None and context.latest.message and context.latest.status == "error":
        parts.append(f"Your last run could not start: **{context.latest.message}**. "
                     "Fix that first; what does that line look like?")
    elif failure is not None:
        readable = failure.name.removeprefix("test_").replace("_", " ")
        parts.append(f"Your last run failed **{readable}**: {failure.message or 'it did not pass'}.")
    hint = exercise.hints[min(context.asked_before, len(exercise.hints) - 1)]
    parts.append(f"Here is something to think about: {hint}")
    parts.append("What do you expect your code to return for the smallest example in the instructions?")
    return "\n\n".join(parts)
