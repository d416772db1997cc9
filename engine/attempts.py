"""Attempts: each graded submission or recorded outcome of a learner, and the drafts in progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from engine.clock import day_bounds, to_aware_utc, to_naive_utc, utcnow
from engine.level import LevelChange
from engine.store import Store


@dataclass(frozen=True)
class Attempt:
    id: int
    user_id: int
    exercise_id: str
    submitted_at: datetime
    passed: bool
    status: str
    tests_passed: int | None
    tests_total: int | None
    hints_used: int
    duration_s: float | None
    level_change: LevelChange | None = None  # set when this result moved the level


@dataclass(frozen=True)
class Draft:
    """Code in progress, and the time on the task so far: ``active_s`` up to ``updated_at``, the
    learner's last action on the exercise (opening it, typing, a hint)."""

    code: str
    hints_shown: int
    started_at: datetime
    updated_at: datetime
    active_s: float = 0.0

    def time_on_task(self, now: datetime) -> float:
        """Seconds spent on the exercise until ``now``: every pause between the learner's actions on it
        counts, up to ``IDLE_S``; a longer one was time away (a break, another exercise, the next day)."""
        pause = (now - self.updated_at).total_seconds()
        return self.active_s + (pause if 0 <= pause <= IDLE_S else 0.0)


IDLE_S = 600.0  # a pause longer than this between actions on an exercise is time away from it


_COLUMNS = ("id, user_id, exercise_id, submitted_at, passed, status, tests_passed, tests_total, "
            "hints_used, duration_s")


def _attempt(row: tuple) -> Attempt:  # type: ignore[type-arg]
    values = list(row)
    values[3] = to_aware_utc(values[3])
    return Attempt(*values)


class Attempts:
    """Reads and writes attempts and drafts in a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, user_id: int, exercise_id: str, *, passed: bool, status: str,
               tests_passed: int | None = None, tests_total: int | None = None, hints_used: int = 0,
               duration_s: float | None = None, code: str | None = None,
               at: datetime | None = None) -> Attempt:
        row = self.store.one(
            f"INSERT INTO attempts (user_id, exercise_id, submitted_at, passed, status, tests_passed, "
            f"tests_total, hints_used, duration_s, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            f"RETURNING {_COLUMNS}",
            [user_id, exercise_id, to_naive_utc(at), passed, status, tests_passed, tests_total,
             hints_used, duration_s, code])
        assert row is not None
        return _attempt(row)

    def history(self, user_id: int, limit: int = 200) -> list[Attempt]:
        """The user's attempts, newest first."""
        rows = self.store.all(f"SELECT {_COLUMNS} FROM attempts WHERE user_id = ? "
                              f"ORDER BY submitted_at DESC, id DESC LIMIT ?", [user_id, limit])
        return [_attempt(r) for r in rows]

    def code(self, user_id: int, attempt_id: int) -> str | None:
        """The code submitted in one of the user's attempts (None if it is not theirs, or none was kept)."""
        return self.store.scalar("SELECT code FROM attempts WHERE id = ? AND user_id = ?", [attempt_id, user_id])

    def solved(self, user_id: int, exercise_id: str) -> bool:
        """Whether the user has submitted a passing solution of the exercise."""
        return bool(self.store.scalar("SELECT count(*) FROM attempts WHERE user_id = ? AND exercise_id = ? AND passed",
                                      [user_id, exercise_id]))

    def passed_on(self, user_id: int, exercise_id: str, day: date, time_zone: str | None = None) -> bool:
        """Whether the user passed the exercise on ``day``, a day of their ``time_zone`` (None: UTC)."""
        start, end = day_bounds(day, time_zone)
        return bool(self.store.scalar("SELECT count(*) FROM attempts WHERE user_id = ? AND exercise_id = ? AND passed "
                                      "AND submitted_at >= ? AND submitted_at < ?", [user_id, exercise_id, start, end]))

    def last_seen(self, user_id: int) -> dict[str, datetime]:
        rows = self.store.all("SELECT exercise_id, max(submitted_at) FROM attempts WHERE user_id = ? "
                              "GROUP BY exercise_id", [user_id])
        return {r[0]: to_aware_utc(r[1]) for r in rows}

    # -- drafts -------------------------------------------------------------------------------

    def save_draft(self, user_id: int, exercise_id: str, code: str, hints_shown: int | None = None,
                   at: datetime | None = None) -> Draft:
        """Keep the learner's code (and hints shown) as of ``at``, their latest action on the exercise."""
        now = at or utcnow()
        current = self.draft(user_id, exercise_id)
        hints = hints_shown if hints_shown is not None else (current.hints_shown if current else 0)
        started = current.started_at if current else now
        active = current.time_on_task(now) if current else 0.0
        self.store.execute(
            "INSERT OR REPLACE INTO drafts (user_id, exercise_id, code, hints_shown, started_at, updated_at, active_s) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [user_id, exercise_id, code, hints, to_naive_utc(started), to_naive_utc(now), active])
        return Draft(code, hints, started, now, active)

    def draft(self, user_id: int, exercise_id: str) -> Draft | None:
        row = self.store.one("SELECT code, hints_shown, started_at, updated_at, active_s FROM drafts "
                             "WHERE user_id = ? AND exercise_id = ?", [user_id, exercise_id])
        return Draft(row[0], row[1], to_aware_utc(row[2]), to_aware_utc(row[3]), row[4] or 0.0) if row else None

    def clear_draft(self, user_id: int, exercise_id: str) -> None:
        self.store.execute("DELETE FROM drafts WHERE user_id = ? AND exercise_id = ?", [user_id, exercise_id])
