"""Notes worth remembering about a learner, in plain words: what the facade stores as memories.

Each function turns one moment of practice into a short sentence the tutor can recall later
(and the learner can read on the Memory page): a failed submission, a hint needed, the goals
of the profile. Short and concrete: which exercise and skill, which test, what went wrong.
``NoteTaker`` remembers them as practice happens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from engine.bank import Exercise
from engine.grader import GradeResult
from engine.profile import GOALS, Profile

if TYPE_CHECKING:
    from engine.memory import MemoryStore

log = logging.getLogger(__name__)

MAX_DETAIL = 160  # characters of a grader message kept in a note


def mistake(title: str, skill: str, result: GradeResult) -> str | None:
    """The note for a failed submission: which test failed and why; None if nothing failed."""
    if result.passed:
        return None
    failure = result.first_failure()
    where = f"{title} ({skill})"
    if failure is None or (result.status == "error" and result.message and failure.status == "error"):
        detail = _short(result.message or (failure.message if failure else "")) or "the code did not run"
        return f"Failed {where}: the code did not run: {detail}"
    detail = _short(failure.message)
    test = _plain_test_name(failure.name)
    if failure.status == "error":
        return f"Failed {where}: the test “{test}” crashed" + (f": {detail}" if detail else "")
    return f"Failed {where}: the test “{test}” failed" + (f": {detail}" if detail else "")


def hint(title: str, skill: str, shown: int) -> str:
    """The note for a hint revealed: "Needed hint 2 on Digit sum (Loops)"."""
    return f"Needed hint {shown} on {title} ({skill})"


def goals(profile: Profile) -> str | None:
    """The note for the profile's goals, chosen and in the learner's words; None if there are none."""
    chosen = [GOALS.get(goal, goal) for goal in profile.goals]
    parts = []
    if chosen:
        parts.append("Goals: " + ", ".join(chosen[:1] + [c.lower() for c in chosen[1:]]))
    if profile.goal_note.strip():
        lead = "Described as" if chosen else "Goal"  # neutral words: the learner reads them, the tutor recalls them
        parts.append(f"{lead}: “{' '.join(profile.goal_note.split())}”")
    return ". ".join(parts) if parts else None


class NoteTaker:
    """Remembers these notes about a learner from the interactive paths: a failed submission, a
    hint revealed, the goals of the profile."""

    def __init__(self, memory: Callable[[], MemoryStore], skill_name: Callable[[str], str], *,
                 enabled: bool = True) -> None:
        """``memory``: the memory, opened when first asked for. ``enabled``: False keeps nothing
        (simulations and benchmarks, whose made-up learners have no tutor to remember for)."""
        self.memory = memory
        self.skill_name = skill_name
        self.enabled = enabled

    def remember_mistake(self, user_id: int, exercise: Exercise, result: GradeResult) -> None:
        skill = exercise.skills[0] if exercise.skills else None
        text = mistake(exercise.title, self.skill_name(skill) if skill else "", result)
        if text:
            self._remember_quietly(user_id, "mistake", text, skill, exercise.id)

    def remember_hint(self, user_id: int, exercise: Exercise, shown: int) -> None:
        skill = exercise.skills[0] if exercise.skills else None
        text = hint(exercise.title, self.skill_name(skill) if skill else "", shown)
        self._remember_quietly(user_id, "hint", text, skill, exercise.id, replace=True)  # hint 2 supersedes hint 1

    def remember_goals(self, user_id: int, profile: Profile) -> None:
        text = goals(profile)
        if text:
            self._remember_quietly(user_id, "goal", text, None, None, replace=True)  # the new goals replace the old

    def _remember_quietly(self, user_id: int, kind: str, text: str, skill: str | None, exercise_id: str | None,
                          replace: bool = False) -> None:
        """Remember from the interactive paths; a failure is logged, never lost work: the
        submission, hint or profile answer it comes from is already saved."""
        if not self.enabled:
            return
        try:
            self.memory().remember(user_id, kind, text, skill=skill, exercise_id=exercise_id, replace=replace)
        except Exception as exc:  # noqa: BLE001 - memory helps the tutor; it must not break practice
            log.warning("could not remember a %s for user %s: %s", kind, user_id, exc)


def _plain_test_name(name: str) -> str:
    """"test_empty_list" -> "empty list"."""
    words = name.removeprefix("test_").removeprefix("test").replace("_", " ").strip()
    return words or name


def _short(message: str) -> str:
    """The first line of a grader message, cut to a sentence's length."""
    line = next((part.strip() for part in (message or "").splitlines() if part.strip()), "")
    return line if len(line) <= MAX_DETAIL else line[:MAX_DETAIL - 1].rstrip() + "…"
