"""The learner's hand on the level: easier, harder, a pinned level, or back to automatic.

The level (``engine.level``) follows the results; steering moves it, and unpinned it also aims the
planner one level's worth (``LOGITS_PER_LEVEL``) the same way, up to ``MAX_OFFSET_LEVELS`` from what
the results suggest. This module decides the new state; ``LearnerModel.steer`` saves it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from engine.level import (
    LOGITS_PER_LEVEL,
    MAX_LEVEL,
    MAX_OFFSET_LEVELS,
    MIN_LEVEL,
    LevelChange,
    clamp_level,
    comfortable_level,
)
from engine.whole_numbers import is_whole

if TYPE_CHECKING:  # the learner model imports this module
    from engine.learner import LearnerState

ACTIONS = ("easier", "harder", "pin", "auto")


@dataclass(frozen=True)
class Level:
    value: int
    pinned: bool
    offset_levels: int  # how many levels harder (> 0) or easier the learner asked for
    history: list[LevelChange]

    def can_steer(self, action: str) -> bool:
        """Whether "easier" or "harder" would change anything: not at the end of the scale, nor
        (unpinned) further than MAX_OFFSET_LEVELS from what the results suggest."""
        direction = -1 if action == "easier" else 1
        if clamp_level(self.value + direction) == self.value:
            return False
        return self.pinned or abs(self.offset_levels + direction) <= MAX_OFFSET_LEVELS


def in_levels(offset: float) -> int:
    """A steering offset (logits) as whole levels."""
    return round(offset / LOGITS_PER_LEVEL)


def steered(state: LearnerState, action: str, level: int | None = None) -> tuple[LearnerState, str] | None:
    """The learner's state after their override, and its reason for the level's history; None when
    it changes nothing. ``action`` is "easier", "harder", "pin" (at ``level``) or "auto".

    Unpinned, easier and harder move the level and aim the planner one level's worth the same way,
    so the level shown and "n levels easier than your results suggest" stay in step; at the end of
    the scale they change nothing. Pinned, they move the pinned level. Back to automatic returns to
    the level the results suggest: the rule's level without the steering, or after a pin (during
    which results did not move it) the rule's level when the pin began."""
    stair, offset, before_pin = state.staircase, state.offset, state.level_before_pin
    if action in ("easier", "harder"):
        if not Level(stair.level, stair.pinned, in_levels(offset), []).can_steer(action):
            return None
        direction = -1 if action == "easier" else 1
        stair = replace(stair, level=stair.level + direction)
        if stair.pinned:
            reason = f"you asked for {action}: pinned at level {stair.level}"
        else:
            offset, reason = offset + direction * LOGITS_PER_LEVEL, f"you asked for {action}"
    elif action == "pin":
        if not is_whole(level) or not MIN_LEVEL <= level <= MAX_LEVEL:
            raise ValueError(f"pin needs a whole level from {MIN_LEVEL} to {MAX_LEVEL}, not {level!r}")
        if not stair.pinned:
            before_pin = clamp_level(stair.level - in_levels(offset))
        stair, offset, reason = replace(stair, level=int(level), pinned=True), 0.0, f"you pinned level {level}"
    elif action == "auto":
        if stair.pinned and before_pin is not None:
            suggested, why = before_pin, "where your results put you before the pin"
        elif stair.pinned:  # pinned before the level was kept
            suggested, why = comfortable_level(state.general.mean), "where your results put you"
        else:
            suggested, why = clamp_level(stair.level - in_levels(offset)), "your level without the steering"
        reason = f"back to automatic: level {suggested}, {why}"
        stair, offset, before_pin = replace(stair, level=suggested, pinned=False), 0.0, None
    else:
        raise ValueError(f"unknown level action {action!r}: {', '.join(ACTIONS[:-1])} or {ACTIONS[-1]}")
    if (stair.level, stair.pinned, offset) == (state.staircase.level, state.staircase.pinned, state.offset):
        return None  # nothing to change: automatic when already so, pinning the pinned level
    return replace(state, staircase=replace(stair, successes=0, struggles=0), offset=offset,
                   level_before_pin=before_pin), reason
