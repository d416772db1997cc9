"""The activity log: an append-only table of who did what, when, with what result.

Every analytics query reads this table. Rows are written one at a time for the app's actions
and in batches by the bulk paths (imports, demo data), through the same ``Event`` shape.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import polars as pl

from engine.clock import to_naive_utc
from engine.store import Store

VERBS = (
    # accounts
    "registered", "logged-in", "login-failed", "logged-out", "changed-password", "deleted-account",
    "invited-educator", "revoked-invitation", "accepted-invitation",
    # practice
    "viewed", "ran-tests", "submitted", "completed", "failed", "requested-hint", "skipped",
    "level-changed", "answered-onboarding", "unlocked-achievement",
    # tutor and memory
    "asked-tutor", "tutor-replied", "remembered", "forgot", "generated-exercise", "rejected-exercise",
    # cohorts and data
    "created-cohort", "joined-cohort", "left-cohort", "renamed-cohort", "deleted-cohort",
    "exported-data", "queried-data", "loaded-demo",
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
        """The values of ``COLUMNS``: an attempt's hints and seconds twice, in its result and as columns
        (read on every attempt of a cohort, they are far faster to read as columns)."""
        result = self.result or {}
        hints, duration_s = result.get("hints"), result.get("duration_s")
        return (to_naive_utc(self.occurred_at), self.user_id, self.verb, self.object,
                json.dumps(self.result) if self.result is not None else None,
                json.dumps(self.context) if self.context is not None else None,
                None if hints is None else int(hints), None if duration_s is None else float(duration_s))


# a batch belongs to a store and a thread: every EventLog on the store (the memory keeps its own)
# joins it, and other threads (other sessions of the app) keep writing straight through
_BATCHES: weakref.WeakKeyDictionary[Store, threading.local] = weakref.WeakKeyDictionary()
_BATCHES_LOCK = threading.Lock()


def _batch_state(store: Store) -> threading.local:
    with _BATCHES_LOCK:
        state = _BATCHES.get(store)
        if state is None:
            state = _BATCHES[store] = threading.local()
        return state


BULK_ROWS = 20  # from this many rows on, one Arrow insert beats a statement with many VALUES
COLUMNS = ("occurred_at", "user_id", "verb", "object", "result", "context", "hints", "duration_s")  # an Event's row
_INSERT = f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES "
_ROW = "(" + ", ".join("?" * len(COLUMNS)) + ")"


class EventLog:
    """Appends to and reads the ``events`` table of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._local = _batch_state(store)  # each thread's pending rows while it writes in bulk

    def append(self, event: Event) -> None:
        if event.verb not in VERBS:
            raise ValueError(f"unknown verb {event.verb!r}")
        pending = getattr(self._local, "pending", None)
        if pending is not None:
            pending.append(event.row())
        else:
            self.store.execute(_INSERT + _ROW, event.row())

    def append_many(self, events: Iterable[Event]) -> int:
        """Append in one batch (DuckDB manages far more rows a second this way)."""
        rows = [e.row() for e in events]
        if any(r[2] not in VERBS for r in rows):
            raise ValueError("unknown verb in batch")
        pending = getattr(self._local, "pending", None)
        if pending is not None:
            pending.extend(rows)
        else:
            self._write(rows)
        return len(rows)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect this thread's appends and write them in one go when the block ends (an inner
        batch joins the outer one). Use around bulk work, inside a transaction; reads of the log
        inside the block do not see its rows yet. On an error the collected rows are dropped."""
        if getattr(self._local, "pending", None) is not None:
            yield
            return
        self._local.pending = []
        try:
            yield
            rows = self._local.pending
        finally:
            self._local.pending = None
        self._write(rows)

    def _write(self, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if len(rows) < BULK_ROWS:  # a few rows: one statement (executemany runs one per row)
            self.store.execute(_INSERT + ", ".join([_ROW] * len(rows)), [v for row in rows for v in row])
            return
        # many rows: one Arrow insert, with ids taken from the sequence in order, as one by one
        ids = sorted(r[0] for r in self.store.all("SELECT nextval('events_id_seq') FROM range(?)", [len(rows)]))
        frame = pl.DataFrame([(i, *row) for i, row in zip(ids, rows, strict=True)], orient="row", schema={
            "id": pl.Int64, "occurred_at": pl.Datetime("us"), "user_id": pl.Int32, "verb": pl.Utf8,
            "object": pl.Utf8, "result": pl.Utf8, "context": pl.Utf8, "hints": pl.Int32, "duration_s": pl.Float64})
        insert_frame(self.store, frame)

    def for_user(self, user_id: int, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.store.all(
            "SELECT occurred_at, verb, object, result, context FROM events WHERE user_id = ? "
            "ORDER BY occurred_at DESC, id DESC LIMIT ?", [user_id, limit])
        return [{"occurred_at": r[0], "verb": r[1], "object": r[2],
                 "result": json.loads(r[3]) if r[3] else None,
                 "context": json.loads(r[4]) if r[4] else None} for r in rows]


def insert_frame(store: Store, frame: pl.DataFrame) -> None:
    """Append the rows of ``frame`` (``id`` and ``COLUMNS``) in one Arrow insert: the log's bulk path, which the
    synthetic benchmark log takes too."""
    cursor = store.cursor()
    name = f"pending_events_{threading.get_ident()}"
    cursor.register(name, frame.to_arrow())
    columns = ", ".join(("id", *COLUMNS))
    try:
        cursor.execute(f"INSERT INTO events ({columns}) SELECT {columns} FROM {name}")
    finally:
        cursor.unregister(name)
