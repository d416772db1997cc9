"""The visible level: a number from 1 to 10 that follows a simple, explainable rule.

It goes up after 3 successes in a row and down after 2 struggles in a row. A struggle is a fail,
a pass that needed 2 or more hints, or one that took more than twice the expected time. A
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

    def after(self, struggled: bool) -> tuple[Staircase, str | None]:
        """The state after one result, and why the level changed (None if it did not)."""
        if struggled:
            state = replace(self, successes=0, struggles=self.struggles + 1)
            if state.struggles >= DOWN_AFTER and not self.pinned and self.level > MIN_LEVEL:
                return replace(state, level=self.level - 1, struggles=0), f"{DOWN_AFTER} struggles in a row"
        else:
            state = replace(self, successes=self.successes + 1, struggles=0)
            if state.successes >= UP_AFTER and not self.pinned and self.level < MAX_LEVEL:
                return replace(state, level=self.level + 1, successes=0), f"{UP_AFTER} successes in a row"
        return state, None
