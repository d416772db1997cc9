"""Attempts: each graded submission or recorded outcome of a learner, and the drafts in progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

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
_DRAFT_WRITE_TRIES = 3

# every pause between actions up to IDLE_S counts as time on the task (``Draft.time_on_task``)
_UPSERT_DRAFT = """
INSERT INTO drafts AS d (user_id, exercise_id, code, hints_shown, started_at, updated_at, active_s)
VALUES (?, ?, ?, ?, ?, ?, 0)
ON CONFLICT (user_id, exercise_id) DO UPDATE SET
    code = coalesce(?, d.code),
    hints_shown = greatest(d.hints_shown, coalesce(?, 0)),
    active_s = coalesce(d.active_s, 0) + CASE
        WHEN epoch(excluded.updated_at - d.updated_at) BETWEEN 0 AND ? THEN epoch(excluded.updated_at - d.updated_at)
        ELSE 0 END,
    updated_at = excluded.updated_at
RETURNING code, hints_shown, started_at, updated_at, active_s
"""


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
        """Keep the learner's code (and hints shown) as of ``at``, their latest action on the exercise.
        A count of hints only ever goes up: a hint once shown stays shown."""
        return self._write_draft(user_id, exercise_id, code, code, hints_shown, at)

    def count_hints(self, user_id: int, exercise_id: str, hints_shown: int, starter: str,
                    at: datetime | None = None) -> Draft:
        """Count hints given beside the code (by the tutor), leaving the learner's code as it is; a
        draft begun by this holds ``starter``."""
        return self._write_draft(user_id, exercise_id, None, starter, hints_shown, at)

    def _write_draft(self, user_id: int, exercise_id: str, code: str | None, new_code: str,
                     hints_shown: int | None, at: datetime | None) -> Draft:
        """One statement, so that two writers of a draft (the code editor's saves, a tutor's reply
        ending in another thread) never undo each other: each sets only what it knows, on the row as
        it is. Reading the draft first and writing it back whole lost the other's newer code or hint.
        ``code`` None keeps the draft's code; ``new_code`` begins a draft that has none."""
        now = to_naive_utc(at or utcnow())
        for tries_left in reversed(range(_DRAFT_WRITE_TRIES)):
            try:
                row = self.store.one(_UPSERT_DRAFT, [user_id, exercise_id, new_code, hints_shown or 0, now, now,
                                                     code, hints_shown, IDLE_S])
                break
            except duckdb.TransactionException:  # the same draft written at this very moment: write again
                if not tries_left:
                    raise
        assert row is not None  # RETURNING gives the row written
        return Draft(row[0], row[1], to_aware_utc(row[2]), to_aware_utc(row[3]), row[4] or 0.0)

    def draft(self, user_id: int, exercise_id: str) -> Draft | None:
        row = self.store.one("SELECT code, hints_shown, started_at, updated_at, active_s FROM drafts "
                             "WHERE user_id = ? AND exercise_id = ?", [user_id, exercise_id])
        return Draft(row[0], row[1], to_aware_utc(row[2]), to_aware_utc(row[3]), row[4] or 0.0) if row else None

    def clear_draft(self, user_id: int, exercise_id: str) -> None:
        self.store.execute("DELETE FROM drafts WHERE user_id = ? AND exercise_id = ?", [user_id, exercise_id])
