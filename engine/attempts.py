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
    learner's last action on the exercise (opening it, typing, a hint), or up to ``away_since``, when
    they went to another page of the app, until they are back on it."""

    code: str
    hints_shown: int
    started_at: datetime
    updated_at: datetime
    active_s: float = 0.0
    away_since: datetime | None = None

    def time_on_task(self, now: datetime) -> float:
        """Seconds spent on the exercise until ``now``: every pause between the learner's actions on it
        counts, up to ``IDLE_S``; a longer one was time away (a break, another exercise, the next day), and
        so is time on another page."""
        if self.away_since is not None:
            return self.active_s
        pause = (now - self.updated_at).total_seconds()
        return self.active_s + (pause if 0 <= pause <= IDLE_S else 0.0)


IDLE_S = 600.0  # a pause longer than this between actions on an exercise is time away from it
_DRAFT_WRITE_TRIES = 3

# every pause between actions up to IDLE_S counts as time on the task (``Draft.time_on_task``), but one that
# began on another page, counted up to then (``_STEP_AWAY``); the learner's action ends it, a tutor's hint
# given meanwhile does not (``keep_away``)
_UPSERT_DRAFT = """
INSERT INTO drafts AS d (user_id, exercise_id, code, hints_shown, started_at, updated_at, active_s)
VALUES ($user_id, $exercise_id, $new_code, coalesce($hints_shown, 0), $now, $now, 0)
ON CONFLICT (user_id, exercise_id) DO UPDATE SET
    code = coalesce($code, d.code),
    hints_shown = greatest(d.hints_shown, coalesce($hints_shown, 0)),
    active_s = coalesce(d.active_s, 0) + CASE
        WHEN d.away_since IS NULL AND epoch(excluded.updated_at - d.updated_at) BETWEEN 0 AND $idle_s
        THEN epoch(excluded.updated_at - d.updated_at) ELSE 0 END,
    updated_at = excluded.updated_at,
    away_since = CASE WHEN $keep_away THEN d.away_since END
RETURNING code, hints_shown, started_at, updated_at, active_s, away_since
"""
_STEP_AWAY = """
UPDATE drafts SET
    active_s = coalesce(active_s, 0) + least(epoch(CAST($now AS TIMESTAMP) - updated_at), $idle_s),
    away_since = $now
WHERE user_id = $user_id AND away_since IS NULL AND updated_at BETWEEN CAST($now AS TIMESTAMP) - to_seconds($idle_s) AND $now
"""
_DRAFT = "code, hints_shown, started_at, updated_at, active_s, away_since"


_COLUMNS = ("id, user_id, exercise_id, submitted_at, passed, status, tests_passed, tests_total, "
            "hints_used, duration_s")


def _draft(row: tuple) -> Draft:  # type: ignore[type-arg]
    code, hints_shown, started_at, updated_at, active_s, away_since = row
    return Draft(code, hints_shown, to_aware_utc(started_at), to_aware_utc(updated_at), active_s or 0.0,
                 to_aware_utc(away_since) if away_since is not None else None)


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
        return self._write_draft(user_id, exercise_id, code, code, hints_shown, at, keep_away=False)

    def count_hints(self, user_id: int, exercise_id: str, hints_shown: int, starter: str,
                    at: datetime | None = None) -> Draft:
        """Count hints given beside the code (by the tutor), leaving the learner's code as it is; a
        draft begun by this holds ``starter``."""
        return self._write_draft(user_id, exercise_id, None, starter, hints_shown, at, keep_away=True)

    def step_away(self, user_id: int, at: datetime | None = None) -> None:
        """The learner is on another page of the app as of ``at``: the exercises they worked on count their
        time up to then, and no more until they are back on one (``save_draft``)."""
        now = to_naive_utc(at or utcnow())
        self.store.execute(_STEP_AWAY, {"now": now, "idle_s": IDLE_S, "user_id": user_id})

    def _write_draft(self, user_id: int, exercise_id: str, code: str | None, new_code: str,
                     hints_shown: int | None, at: datetime | None, keep_away: bool) -> Draft:
        """One statement, so that two writers of a draft (the code editor's saves, a tutor's reply
        ending in another thread) never undo each other: each sets only what it knows, on the row as
        it is. Reading the draft first and writing it back whole lost the other's newer code or hint.
        ``code`` None keeps the draft's code; ``new_code`` begins a draft that has none."""
        now = to_naive_utc(at or utcnow())
        for tries_left in reversed(range(_DRAFT_WRITE_TRIES)):
            try:
                row = self.store.one(_UPSERT_DRAFT, {"user_id": user_id, "exercise_id": exercise_id, "new_code": new_code,
                                                     "code": code, "hints_shown": hints_shown, "now": now,
                                                     "idle_s": IDLE_S, "keep_away": keep_away})
                break
            except duckdb.TransactionException:  # the same draft written at this very moment: write again
                if not tries_left:
                    raise
        assert row is not None  # RETURNING gives the row written
        return _draft(row)

    def draft(self, user_id: int, exercise_id: str) -> Draft | None:
        row = self.store.one(f"SELECT {_DRAFT} FROM drafts WHERE user_id = ? AND exercise_id = ?", [user_id, exercise_id])
        return _draft(row) if row else None

    def clear_draft(self, user_id: int, exercise_id: str) -> None:
        self.store.execute("DELETE FROM drafts WHERE user_id = ? AND exercise_id = ?", [user_id, exercise_id])
