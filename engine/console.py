"""The SQL console: read-only SQL over the analytics views, for one educator, with no way to secrets.

The console never touches the store's connection. ``Console.open`` copies the analytics tables
(``engine.views``: no password hashes, emails, join codes or learner code), scoped to what the
educator may see (their cohorts' learners), into a DuckDB file of its own in a private temporary
folder; its queries run in a child process (``engine.console_worker``), which loads that file into an
in-memory database, turns off every way out (files, network, extensions: ``enable_external_access``)
and locks the configuration, so no statement can switch them back on. Each statement is parsed
first, here, and anything but one SELECT is refused (PRAGMA, SET, COPY, ATTACH, INSTALL/LOAD, CREATE,
several statements...), as is a SELECT whose tree holds a data change (``WITH x AS (DELETE ...
RETURNING ...) SELECT ...``). Whatever gets past that still cannot change the copy: every query
runs in a transaction that is always rolled back. Results stop at a row limit. A
query past its time limit is interrupted, and killed with its process if DuckDB does not stop (one
costly call on one row, such as ``levenshtein`` of two long texts); the next query starts a new
process on the same copy. The copy is a snapshot: ``refreshed_at`` says when it was taken, and
``scope_changed`` whether the educator's cohorts have gained or lost a learner since (then the copy
holds someone it should not, or misses someone: take a new one).

The server is protected too: the worker has a memory limit and two threads, a cap on its address
space (a huge text fails as out of memory rather than taking the server's), and never writes to
disk (no spilling; no file at all); it gets none of the server's environment or open files, and the
settings that would name the server's folders point nowhere. The user's SQL cannot change any of
it: SET, RESET and PRAGMA are refused as statements, and the configuration is locked in any case.
"""

from __future__ import annotations

import atexit
import json
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import duckdb
import polars as pl

from engine import console_worker
from engine.bank import Bank
from engine.clock import utcnow
from engine.console_process import WorkerGone, WorkerProcess, WorkerTimeout, started_worker
from engine.console_worker import error_text
from engine.store import Store
from engine.views import VIEWS, exercises_table, scope_fingerprint, scoped_tables

DEFAULT_ROW_LIMIT = 10_000
DEFAULT_TIMEOUT_S = 10.0
MAX_SQL_CHARS = 20_000
MEMORY_LIMIT_MB = console_worker.MEMORY_LIMIT_MB
MAX_RESULT_MB = console_worker.MAX_RESULT_MB
OUT_OF_MEMORY = (f"The query needed more than the console's {MEMORY_LIMIT_MB} MB of memory and was "
                 "stopped. Filter or aggregate earlier (in a WITH), or join on a condition.")
TOO_LARGE = (f"The result holds more than the console shows ({MAX_RESULT_MB} MB). Select fewer rows or columns, "
             "or shorten long text (left(text, 200)).")
GONE = ("The console's process ended during the query (it ran out of memory, or was stopped from outside). "
        "The next query starts a new one.")
REPLACED = "This snapshot was replaced by a newer one: run the query again."
PIVOT_REFUSED = ("PIVOT without an IN list is not supported here (DuckDB runs it as several statements). Name the "
                 "values, as in PIVOT events ON verb IN ('completed', 'failed') USING count(*) GROUP BY user_id, or "
                 "count them with FILTER: SELECT user_id, count(*) FILTER (WHERE verb = 'completed') AS completed "
                 "FROM events GROUP BY user_id.")


class ConsoleError(ValueError):
    """A statement was refused or failed; the message says why, for the analyst."""


@dataclass(frozen=True)
class ConsoleResult:
    frame: pl.DataFrame
    truncated: bool  # more rows than the limit: only the first ``limit`` are here
    limit: int
    elapsed_ms: float
    # before it ran: another query on the same console (the educator's other tab) ran first, up to its time limit
    waited_ms: float = 0.0


class Console:
    """One educator's analytics tables in a DuckDB copy of their own, queried in a child process."""

    def __init__(self, worker: WorkerProcess, tables: dict[str, int], refreshed_at: datetime, *, row_limit: int,
                 timeout_s: float, scope: Callable[[], int | None] | None = None,
                 scope_copied: int | None = None) -> None:
        self._worker = worker
        self._lock = threading.Lock()  # one statement at a time on the worker
        self._closed = False
        # the worker and the copy's folder go with the console, closed or not: the Data page's cache drops a
        # console without closing it (another session's run may be halfway through it)
        self._free = weakref.finalize(self, worker.close)
        self.tables = tables  # name -> rows copied
        self.refreshed_at = refreshed_at
        self.row_limit = row_limit
        self.timeout_s = timeout_s
        self._scope = scope  # the store's fingerprint of what the copy's educator may see, as of now ...
        self._scope_copied = scope_copied  # ... and as of the copy

    @classmethod
    def open(cls, store: Store, bank: Bank, educator_id: int | None, *, row_limit: int = DEFAULT_ROW_LIMIT,
             timeout_s: float = DEFAULT_TIMEOUT_S) -> Console:
        """Copy what ``educator_id`` may see (everything when None) into a new locked console."""
        # the scope is read before the tables: a learner who joins or leaves meanwhile makes the copy stale
        def scope() -> int | None:
            return scope_fingerprint(store, educator_id)

        copied = scope()
        worker = started_worker()  # it loads the copy on its first query
        try:
            tables = _copied(store, bank, educator_id, worker.folder / console_worker.SNAPSHOT)
        except BaseException:
            worker.close()
            raise
        return cls(worker, tables, utcnow(), row_limit=row_limit, timeout_s=timeout_s, scope=scope,
                   scope_copied=copied)

    def scope_changed(self) -> bool:
        """Whether the educator's cohorts have changed since the copy (a learner joined or left one, a
        cohort was created, renamed or deleted): then the copy shows someone they may no longer see, or
        misses someone, and a new console should be opened. Cheap: one small query on the store. A
        store that cannot answer (closed) counts as a change."""
        if self._scope is None:
            return False
        try:
            return self._scope() != self._scope_copied
        except duckdb.Error:
            return True

    def run(self, sql: str, limit: int | None = None) -> ConsoleResult:
        """Run one SELECT; at most ``limit`` rows come back (``truncated`` says if there were more)."""
        limit = min(limit or self.row_limit, self.row_limit)
        if self._closed:
            raise ConsoleError(REPLACED)
        statement = self._checked(sql)
        asked = time.perf_counter()
        with self._lock:
            waited_ms = (time.perf_counter() - asked) * 1000
            if self._closed:  # closed while the statement was checked
                self._free()
                raise ConsoleError(REPLACED)
            try:
                frame, elapsed = self._ask(statement, limit + 1)
                if beyond := _beyond_the_calendar(frame):  # rare: read again with those columns as text
                    frame, again = self._ask(statement, limit + 1, beyond, max(self.timeout_s - elapsed / 1000, 0.1))
                    elapsed += again
            finally:
                if self._closed:  # closed while this query ran: freed now that it is over
                    self._free()
        return ConsoleResult(frame.head(limit), frame.height > limit, limit, round(elapsed, 1), round(waited_ms, 1))

    def schema(self) -> pl.DataFrame:
        """Every table and view of the console with its columns: for the page's reference."""
        return self.run("SELECT table_name AS name, string_agg(column_name || ' ' || data_type, ', ' "
                        "ORDER BY ordinal_position) AS columns FROM information_schema.columns "
                        "GROUP BY table_name ORDER BY table_name").frame

    def close(self) -> None:
        """Free the copy and its worker. Never waits: a query running on another thread finishes (or is killed
        at its time limit) first, then they are freed."""
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._free()
            finally:
                self._lock.release()

    def _ask(self, statement: str, rows: int, as_text: list[int] | None = None,
             timeout_s: float | None = None) -> tuple[pl.DataFrame, float]:
        """The worker's rows for ``statement`` (at most ``rows``, the columns at ``as_text`` as text) and the
        milliseconds it took, or its refusal as a ``ConsoleError``."""
        timeout_s = timeout_s or self.timeout_s
        request = {"sql": statement, "limit": rows, "as_text": as_text or [], "timeout_s": timeout_s}
        try:
            answer, rows_ipc = self._worker.ask(request, timeout_s)
        except WorkerTimeout:
            raise ConsoleError(self._timed_out()) from None
        except WorkerGone:
            raise ConsoleError(GONE) from None
        error = answer.get("error")
        if error == "out_of_memory":
            self._worker.stop()  # DuckDB may be short of memory after an allocation failed at the cap: a new one
            raise ConsoleError(OUT_OF_MEMORY)
        if error or rows_ipc is None:
            raise ConsoleError({"interrupted": self._timed_out(), "too_large": TOO_LARGE}.get(
                str(error), str(answer.get("message") or "The query failed.")))
        return _frame(rows_ipc), float(answer["elapsed_ms"])

    def _timed_out(self) -> str:
        return (f"The query ran longer than {self.timeout_s:g} seconds and was stopped. "
                "Filter or aggregate more, or add a LIMIT.")

    def _checked(self, sql: str) -> str:
        if not (sql or "").strip():
            raise ConsoleError("Type a query, for example: SELECT verb, count(*) FROM events GROUP BY verb")
        if len(sql) > MAX_SQL_CHARS:
            raise ConsoleError(f"Queries are limited to {MAX_SQL_CHARS:,} characters.")
        text = _without_trailing_noise(sql)
        try:
            statements = _parsed(lambda parser: parser.extract_statements(text))
        except duckdb.Error as exc:
            raise ConsoleError(error_text(exc)) from None
        if not statements:
            raise ConsoleError("There is no statement to run: write a SELECT.")
        if len(statements) != 1:
            raise ConsoleError("One statement at a time, please.")
        if statements[0].type == duckdb.StatementType.EXPLAIN:
            # the plan of a query (ANALYZE: run, and timed): read-only when what it explains is one SELECT
            explained = _EXPLAIN.sub("", _COMMENTS.sub(" ", text), count=1)
            self._checked(explained)
            return text
        if statements[0].type != duckdb.StatementType.SELECT:
            typed = _first_word(text)
            if typed == "PIVOT":
                raise ConsoleError(PIVOT_REFUSED)
            raise ConsoleError(f"Only queries (SELECT) run here: {typed or 'this statement'} is refused. "
                               "The console is read-only.")
        if self._changes_data(text):
            raise ConsoleError("Only queries run here: this statement changes data (an INSERT, UPDATE, DELETE, "
                               "MERGE or COPY inside it). The console is read-only.")
        return text

    def _changes_data(self, text: str) -> bool:
        """Whether the statement's parse tree holds a data change (a CTE that deletes, say). A guard for
        the message only: ``run`` rolls back whatever a statement did in any case."""
        try:
            serialized = _parsed(lambda parser: parser.execute("SELECT json_serialize_sql(?)", [text]).fetchone())
        except duckdb.Error:
            return False  # DuckDB says what is wrong when the statement runs
        tree = json.loads(serialized[0]) if serialized and serialized[0] else {}
        return any(kind in WRITING_NODES for kind in _node_types(tree))


def _copied(store: Store, bank: Bank, educator_id: int | None, path: Path) -> dict[str, int]:
    """Write what ``educator_id`` may see, with the exercises and the views, to a new DuckDB file at ``path``;
    the rows copied per table. The worker loads it into memory."""
    connection = duckdb.connect(str(path), config=console_worker.CONFIG)
    try:
        connection.execute("BEGIN TRANSACTION")  # one commit, one sync to disk: each statement's took 10-20 ms
        tables = {}
        for table, arrow in scoped_tables(store, educator_id):
            connection.register("incoming", arrow)
            columns = ", ".join(f"CAST({c} AS JSON) AS {c}" if c in ("result", "context") else c
                                for c in arrow.column_names)
            connection.execute(f"CREATE TABLE {table.name} AS SELECT {columns} FROM incoming")
            connection.unregister("incoming")
            tables[table.name] = arrow.num_rows
        connection.register("incoming", exercises_table(bank))
        connection.execute("CREATE TABLE exercises AS SELECT * FROM incoming")
        connection.unregister("incoming")
        tables["exercises"] = len(bank)
        for name, sql in VIEWS.items():
            connection.execute(f"CREATE VIEW {name} AS {sql}")
        connection.execute("COMMIT")
    finally:
        connection.close()  # written whole (checkpointed): the worker reads the file alone
    return tables


def _frame(rows_ipc: bytes) -> pl.DataFrame:
    import pyarrow as pa

    frame = pl.from_arrow(pa.ipc.open_stream(rows_ipc).read_all())
    assert isinstance(frame, pl.DataFrame)
    return frame


# DuckDB's parser, for the checks made before a statement goes to the worker: an empty in-memory database that
# only splits and serializes the user's SQL, never runs it. One for the server, one thread at a time (a
# connection is not thread-safe; a check takes under a millisecond).
T = TypeVar("T")
_parser: list[duckdb.DuckDBPyConnection] = []
_parsing = threading.Lock()


@atexit.register
def _close_the_parser() -> None:
    # closed before the interpreter tears down: left to the end, DuckDB's bindings report it as leaked
    with _parsing:
        while _parser:
            _parser.pop().close()


def _parsed(job: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    with _parsing:
        if not _parser:
            _parser.append(duckdb.connect(":memory:", config=console_worker.CONFIG))
            _parser[0].execute("SET enable_external_access = false")
            _parser[0].execute("SET lock_configuration = true")
        return job(_parser[0])


# the statement nodes of DuckDB's parse tree (``json_serialize_sql``) that change data or write files
WRITING_NODES = frozenset({"INSERT_QUERY_NODE", "UPDATE_QUERY_NODE", "DELETE_QUERY_NODE", "MERGE_QUERY_NODE",
                           "MERGE_INTO_QUERY_NODE", "COPY_QUERY_NODE", "STATEMENT_NODE"})


def _node_types(tree: object) -> Iterator[str]:
    """Every ``type`` in a serialized parse tree: of its query nodes, expressions and table references."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("type"), str):
                yield node["type"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _without_trailing_noise(sql: str) -> str:
    """``sql`` without the semicolons, comments and blanks that end it: the statement runs wrapped in a
    subquery (for the row limit), where a ``;`` is a syntax error. Found by DuckDB's tokenizer, so a
    ``;`` or ``--`` inside a string or a quoted name is left alone; a ``;`` between two statements is
    too, and the check for several statements still sees it."""
    try:
        tokens = duckdb.tokenize(sql)
    except (duckdb.Error, RuntimeError):
        return sql.strip()  # the parser says what is wrong
    if not tokens:
        return sql.strip()
    ends = [start for start, _ in tokens[1:]] + [len(sql)]
    cut = len(sql)
    for (start, kind), end in reversed(list(zip(tokens, ends, strict=True))):
        if not (kind == duckdb.token_type.comment or set(sql[start:end].strip()) == {";"}):
            break
        cut = start
    return sql[:cut].strip()


_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)


_EXPLAIN = re.compile(r"^\s*EXPLAIN\s+(ANALY[SZ]E\s+)?", re.IGNORECASE)


def _first_word(sql: str) -> str:
    """The statement's first keyword as the user typed it (CHECKPOINT, not DuckDB's kind of it, CALL)."""
    word = re.match(r"\s*([A-Za-z_]+)", _COMMENTS.sub(" ", sql))
    return word[1].upper() if word else ""


# the days (since 1970) that Python's dates, the browser and Polars' CSV writer all take: years 1 to 9999
_CALENDAR = ((date(1, 1, 1) - date(1970, 1, 1)).days, (date(9999, 12, 31) - date(1970, 1, 1)).days)
_PER_DAY = {"ns": 86_400 * 10**9, "us": 86_400 * 10**6, "ms": 86_400 * 10**3}


def _beyond_the_calendar(frame: pl.DataFrame) -> list[int]:
    """The positions of the columns holding a date or time beyond the years 1 to 9999, such as DuckDB's
    'infinity', nested or not: Polars panics writing them out, and the page's table could not draw them."""
    return [i for i, column in enumerate(frame.get_columns()) if _beyond(column)]


def _beyond(series: pl.Series) -> bool:
    dtype = series.dtype
    if isinstance(dtype, pl.Struct):
        return any(_beyond(field) for field in series.struct.unnest().get_columns())
    if isinstance(dtype, pl.Map):
        return _beyond(series.map.keys()) or _beyond(series.map.values())
    if isinstance(dtype, pl.List):
        return _beyond(series.list.explode())
    if isinstance(dtype, pl.Array):
        return _beyond(series.arr.explode())
    if isinstance(dtype, pl.Date):
        days = series.to_physical()
    elif isinstance(dtype, pl.Datetime):
        days = series.to_physical() // _PER_DAY[dtype.time_unit or "us"]
    else:
        return False
    return bool(((days < _CALENDAR[0]) | (days > _CALENDAR[1])).any())

