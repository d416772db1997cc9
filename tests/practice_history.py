"""Learners with a practice history, recorded through the real engine (``Workbench.record_result``),
for the tests of progress, charts, achievements, exports and the Progress page."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

# exercises of the real bank, one or two skills each, easiest first
EXERCISES = ("python/digit-sum", "python/countdown-to-liftoff", "python/caesar-cipher", "python/name-initials",
             "python/apply-n-times")


@dataclass(frozen=True)
class Try:
    """One result to record: ``day`` days after the start, ``minute`` minutes into that day's session."""

    day: int
    exercise_id: str = EXERCISES[0]
    passed: bool = True
    hints: int = 0
    duration_s: float | None = 300.0
    minute: int = 0


def record(wb, user_id: int, start: datetime, tries: Iterable[Try]) -> None:
    """Record each try at ``start + day days + minute minutes`` (``start``: timezone-aware)."""
    for t in tries:
        wb.record_result(user_id, t.exercise_id, t.passed, hints_used=t.hints, duration_s=t.duration_s,
                         at=start + timedelta(days=t.day, minutes=t.minute))


def daily(days: Iterable[int], per_day: int = 2, *, seed: int = 7, pass_rate: float = 0.75,
          hint_rate: float = 0.3) -> list[Try]:
    """``per_day`` varied tries on each of ``days`` (offsets from the start), reproducibly random."""
    rng = random.Random(seed)
    return [Try(day, rng.choice(EXERCISES), rng.random() < pass_rate,
                rng.choice((1, 2)) if rng.random() < hint_rate else 0, float(rng.randint(60, 900)), minute=10 * k)
            for day in days for k in range(per_day)]
