"""The visible level: a number from 1 to 10 that follows a simple, explainable rule.

It goes up after 3 successes in a row and down after 2 struggles in a row. A struggle is a fail,
a pass that needed 2 or more hints, or one that took more than twice the expected time. In the
original plan every exercise was at the learner's level; here the learner model chooses them (at a
chance of success of about 3 in 4, wherever their level is), so a success counts toward going up
only on an exercise at the level or above, and a struggle toward going down only at the level or
below. Otherwise the level would climb on easy successes alone, away from the exercises a learner
actually gets; this way it settles at the level of the exercises they pass. A
learner can override it: easier or harder (one level, and the planner aims accordingly), or pin
a level (the rule then leaves it alone). The learner model does the real estimation; the level
is the summary a learner can read and steer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

MIN_LEVEL, MAX_LEVEL = 1, 10
UP_AFTER = 3
DOWN_AFTER = 2
STRUGGLE_HINTS = 2
SLOW_FACTOR = 2.0
LOGITS_PER_LEVEL = 0.6  # one authored level on the model's logit scale
MAX_OFFSET_LEVELS = 3  # how far Easier and Harder may steer from what the results suggest


def level_difficulty(level: float) -> float:
    """An authored level on the logit scale: level 5.5 is even odds for a learner of ability 0."""
    return (level - 5.5) * LOGITS_PER_LEVEL


def expected_seconds(difficulty: int) -> float:
    """How long an exercise of an authored level should take: 4 minutes at level 1, 13 at 10."""
    return 60.0 * (3 + difficulty)


def comfortable_level(ability: float) -> int:
    """The level whose exercises a learner of this ability passes about 3 times in 4."""
    return clamp_level(round(ability / LOGITS_PER_LEVEL + 5.5 - 2))


def clamp_level(level: int) -> int:
    return max(MIN_LEVEL, min(MAX_LEVEL, int(level)))


def is_struggle(passed: bool, hints_used: int, duration_s: float | None, difficulty: int) -> bool:
    slow = duration_s is not None and duration_s > SLOW_FACTOR * expected_seconds(difficulty)
    return not passed or hints_used >= STRUGGLE_HINTS or slow


@dataclass(frozen=True)
class LevelChange:
    changed_at: datetime
    old_level: int
    new_level: int
    reason: str

    @property
    def up(self) -> bool:
        return self.new_level > self.old_level


@dataclass(frozen=True)
class Staircase:
    """The rule's state: the level and the current runs of successes and struggles."""

    level: int
    pinned: bool = False
    successes: int = 0
    struggles: int = 0

    def after(self, struggled: bool, exercise_level: int | None = None) -> tuple[Staircase, str | None]:
        """The state after one result on an exercise of ``exercise_level``, and why the level changed
        (None if it did not). A success below the level, or a struggle above it, ends the other run
        without adding to its own. ``exercise_level`` None: every result counts (the original plan)."""
        if struggled:
            counts = exercise_level is None or exercise_level <= self.level
            state = replace(self, successes=0, struggles=self.struggles + counts)
            if state.struggles >= DOWN_AFTER and not self.pinned and self.level > MIN_LEVEL:
                return replace(state, level=self.level - 1, struggles=0), f"{DOWN_AFTER} struggles in a row"
        else:
            counts = exercise_level is None or exercise_level >= self.level
            state = replace(self, successes=self.successes + counts, struggles=0)
            if state.successes >= UP_AFTER and not self.pinned and self.level < MAX_LEVEL:
                return replace(state, level=self.level + 1, successes=0), f"{UP_AFTER} successes in a row"
        return state, None
