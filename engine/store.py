"""The store: the DuckDB database that is the system of record.

One connection per process and a cursor per thread (a DuckDB connection is not thread-safe, its
cursors are). The schema is built by numbered migrations (``engine/schema.py``), applied in
order and recorded in ``schema_migrations``, so an existing database upgrades in place.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from engine.schema import MIGRATIONS


class Store:
    """A DuckDB database: ``Store(path)`` for a file, ``Store()`` for a fresh in-memory one."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else ":memory:"
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._connection = duckdb.connect(self.path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self.migrate()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the shared connection."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            with self._lock:
                cursor = self._connection.cursor()
            self._local.cursor = cursor
        return cursor

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        return self.cursor().execute(sql, params) if params is not None else self.cursor().execute(sql)

    def all(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> tuple[Any, ...] | None:
        cursor = self.execute(sql, params)
        row = cursor.fetchone()
        cursor.complete()  # DuckDB 2 refuses cursor.sql() (``frame``) while a result is left unread
        return row

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def frame(self, sql: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
        """A query's rows as a Polars frame (through Arrow, without an extra copy)."""
        return self.cursor().sql(sql, params=params).pl()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.cursor().executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction on this thread's cursor. Nested inside another (a bulk write wrapping
        many single actions), it joins the outer one, which commits or rolls back everything."""
        cursor = self.cursor()
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield cursor
            finally:
                self._local.depth -= 1
            return
        cursor.execute("BEGIN TRANSACTION")
        self._local.depth = 1
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        finally:
            self._local.depth = 0
        cursor.execute("COMMIT")

    def migrate(self) -> int:
        """Apply the migrations not yet applied; return the schema version."""
        cursor = self._connection.cursor()
        cursor.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                       "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {row[0] for row in cursor.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, sql in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            cursor.execute("BEGIN TRANSACTION")
            try:
                cursor.execute(sql)
                cursor.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            cursor.execute("COMMIT")
        return len(MIGRATIONS)

    def close(self) -> None:
        self._connection.close()
