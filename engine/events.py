"""The activity log: an append-only table of who did what, when, with what result.

Every analytics query reads this table. Rows are written one at a time for the app's actions
and in batches by the bulk paths (imports, demo data), through the same ``Event`` shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engine.clock import to_naive_utc
from engine.store import Store

VERBS = (
    # accounts
    "registered", "logged-in", "login-failed", "logged-out",
    # practice
    "viewed", "ran-tests", "submitted", "completed", "failed", "requested-hint", "skipped",
    "level-changed", "answered-onboarding", "unlocked-achievement",
    # tutor and memory
    "asked-tutor", "tutor-replied", "remembered", "forgot", "generated-exercise", "rejected-exercise",
    # cohorts and data
    "created-cohort", "joined-cohort", "left-cohort", "exported-data", "queried-data", "loaded-demo",
)


@dataclass(frozen=True)
class Event:
    """One entry of the log. ``verb`` is one of ``VERBS``; ``object`` usually an exercise id."""

    user_id: int | None
    verb: str
    object: str | None = None
    result: dict[str, Any] | None = None
    context: dict[str, Any] | None = None
    occurred_at: datetime | None = field(default=None)

    def row(self) -> tuple[Any, ...]:
        return (to_naive_utc(self.occurred_at), self.user_id, self.verb, self.object,
                json.dumps(self.result) if self.result is not None else None,
                json.dumps(self.context) if self.context is not None else None)


_INSERT = "INSERT INTO events (occurred_at, user_id, verb, object, result, context) VALUES (?, ?, ?, ?, ?, ?)"


class EventLog:
    """Appends to and reads the ``events`` table of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def append(self, event: Event) -> None:
        if event.verb not in VERBS:
            raise ValueError(f"unknown verb {event.verb!r}")
        self.store.execute(_INSERT, event.row())

    def append_many(self, events: Iterable[Event]) -> int:
        """Append in one batch (DuckDB manages far more rows a second this way)."""
        rows = [e.row() for e in events]
        if any(r[2] not in VERBS for r in rows):
            raise ValueError("unknown verb in batch")
        self.store.executemany(_INSERT, rows)
        return len(rows)

    def for_user(self, user_id: int, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.store.all(
            "SELECT occurred_at, verb, object, result, context FROM events WHERE user_id = ? "
            "ORDER BY occurred_at DESC, id DESC LIMIT ?", [user_id, limit])
        return [{"occurred_at": r[0], "verb": r[1], "object": r[2],
                 "result": json.loads(r[3]) if r[3] else None,
                 "context": json.loads(r[4]) if r[4] else None} for r in rows]
