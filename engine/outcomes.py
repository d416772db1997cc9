"""Outcomes of practice: each graded submission, or result graded elsewhere, recorded in one move.

Recording an outcome writes the attempt, its two events ("submitted", then "completed" or
"failed"), the exercise's review card and the learner model's update in one transaction, so the
log, the review schedule and the estimates never disagree about what happened. A pass also
clears the exercise's draft. Use ``Workbench.submit`` or ``Workbench.record_result``.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime
from typing import Any

from engine.accounts import Accounts
from engine.attempts import Attempt, Attempts
from engine.bank import Exercise
from engine.clock import local_day
from engine.events import Event, EventLog
from engine.grader import GradeResult
from engine.learner import LearnerModel
from engine.level import LevelChange, expected_seconds
from engine.review import Reviews, rating
from engine.store import Store


class Outcomes:
    """Records outcomes: attempts, their events, review cards and the learner model, together."""

    def __init__(self, store: Store, accounts: Accounts, attempts: Attempts, events: EventLog, reviews: Reviews,
                 model: LearnerModel) -> None:
        self.store = store
        self.accounts = accounts
        self.attempts = attempts
        self.events = events
        self.reviews = reviews
        self.model = model

    def record_graded(self, user_id: int, exercise: Exercise, result: GradeResult, code: str, hints_used: int,
                      duration_s: float | None, at: datetime) -> Attempt:
        """Record a submission graded here: its status, tests passed and code are kept with it."""
        return self.record(user_id, exercise, result.passed, hints_used, duration_s, at, status=result.status,
                           tests_passed=result.tests_passed, tests_total=len(result.tests), code=code,
                           summary=result_summary(result))

    def record(self, user_id: int, exercise: Exercise, passed: bool, hints_used: int,
               duration_s: float | None, at: datetime, *, status: str, tests_passed: int | None = None,
               tests_total: int | None = None, code: str | None = None,
               summary: dict[str, Any] | None = None) -> Attempt:
        """Record one outcome (``AccountError`` for no such user); the attempt returned carries the
        level change it caused, if any. ``summary``: what the log keeps of a grade result."""
        zone = self.accounts.require(user_id).time_zone
        hints_used = max(0, int(hints_used))
        if duration_s is not None and not (math.isfinite(duration_s) and duration_s >= 0):
            raise ValueError(f"duration_s must be a number of seconds, 0 or more, not {duration_s!r}")
        result = {"success": passed, "hints": hints_used, "duration_s": duration_s, **(summary or {})}
        context = {"skills": list(exercise.skills), "difficulty": exercise.difficulty}
        with self.store.transaction():  # the attempt, its events and the model move together
            card, failed_before, last_seen = self.reviews.card(user_id, exercise.id)
            day = local_day(at, zone)  # the learner's own day
            tried_today = last_seen is not None and local_day(last_seen, zone) == day
            passed_today = tried_today and self.attempts.passed_on(user_id, exercise.id, day, zone)
            attempt = self.attempts.record(user_id, exercise.id, passed=passed, status=status,
                                           tests_passed=tests_passed, tests_total=tests_total,
                                           hints_used=hints_used, duration_s=duration_s, code=code, at=at)
            self.events.append_many([
                Event(user_id, "submitted", exercise.id, result, context, at),
                Event(user_id, "completed" if passed else "failed", exercise.id, result, context, at),
            ])
            # another try the same day continues the same struggle or success: the level counts each
            # exercise once a day, by its first try (a fail, then a pass with help, is one struggle;
            # three passes in a row, one success). A later day's first try counts again, failed before
            # or not, as the rule on the Profile page says: failing it again is a second struggle, and
            # solving it cleanly at last is a success
            retry = tried_today
            # once passed today, trying again says nothing new of ability: the answer is known, and
            # nothing new of memory either, so a failing experiment after the pass is no lapse that
            # brings the exercise back tomorrow (recalibration leaves such a try out the same way)
            change = None
            if not passed_today:
                change = self.model.update(user_id, exercise, passed, hints_used, duration_s, failed_before, at,
                                           counts_for_level=not retry, time_zone=zone)
                self.reviews.record(user_id, exercise.id, card, passed,
                                    rating(passed, hints_used, duration_s, expected_seconds(exercise.difficulty)), at)
            if change is not None:
                self.events.append(level_changed(user_id, change))
            if passed:
                self.attempts.clear_draft(user_id, exercise.id)
        return replace(attempt, level_change=change)


def level_changed(user_id: int, change: LevelChange) -> Event:
    """The "level-changed" event of a change, by the rule or by the learner's own steering."""
    return Event(user_id, "level-changed", str(change.new_level),
                 {"from": change.old_level, "to": change.new_level}, {"reason": change.reason},
                 change.changed_at)


def result_summary(result: GradeResult) -> dict[str, Any]:
    """What the log keeps of a grade result: its status, the tests passed of how many, the time taken."""
    return {"status": result.status, "tests_passed": result.tests_passed, "tests_total": len(result.tests),
            "duration_ms": round(result.duration_ms, 1)}
