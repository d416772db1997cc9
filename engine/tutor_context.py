"""What the tutor's reply is grounded in, and what its last replies said.

A reply says nothing the last replies of the conversation said word for word (``unsaid``), and asks
a question they did not ask when it has one (``ask``): the learner reads on, not the same again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from engine.bank import Exercise
from engine.grader import GradeResult
from engine.tutor_recall import Remembered


@dataclass(frozen=True)
class TutorContext:
    """Everything a reply is grounded in. ``rung``: hints of the ladder the learner has seen;
    ``style``: "examples" | "theory" | "challenges" | None; ``level``: 1..10;
    ``skills``: skill id -> name; ``safe_example``: the concept's example is safe to show here;
    ``said``: the tutor's last replies in this conversation, oldest first (not said again word for word);
    ``solved``: the learner has submitted a passing solution of the exercise already;
    ``own_code``: the learner's own code for the exercise, their latest run's and their draft."""

    exercise: Exercise | None
    latest: GradeResult | None
    rung: int = 0
    style: str | None = None
    level: int = 5
    memories: Sequence[Remembered] = ()
    skills: Mapping[str, str] = field(default_factory=dict)
    now: datetime | None = None
    safe_example: bool = True
    said: Sequence[str] = ()
    solved: bool = False
    own_code: tuple[str, ...] = ()

    def unsaid(self, paragraphs: Sequence[str]) -> list[str]:
        """The paragraphs that none of the last replies already says word for word (up to a final "?",
        which the reply turns into a full stop when the paragraph is not its last)."""
        return [p for p in paragraphs if p and not any(p.rstrip().rstrip("?.") in said for said in self.said)]

    def ask(self, questions: Sequence[str]) -> str:
        """The first of ``questions`` that the last replies did not ask (the first, if they asked them all)."""
        return next((q for q in questions if self.unsaid([q])), questions[0])
