"""The SQL console: read-only SQL over the analytics views, for one educator, with no way to secrets.

The console never touches the store's connection. ``Console.open`` copies the analytics tables
(``engine.views``: no password hashes, emails, join codes or learner code), scoped to what the
educator may see (their cohorts' learners), into a fresh in-memory DuckDB database of its own;
then it turns off every way out (files, network, extensions: ``enable_external_access``) and
locks the configuration, so no statement can switch them back on. Each statement is parsed
first, and anything but one SELECT is refused (PRAGMA, SET, COPY, ATTACH, INSTALL/LOAD, CREATE,
several statements...), as is a SELECT whose tree holds a data change (``WITH x AS (DELETE ...
RETURNING ...) SELECT ...``). Whatever gets past that still cannot change the copy: every query
runs in a transaction that is always rolled back. Results stop at a row limit, and a watchdog
interrupts a query that runs past its time limit. The copy is a snapshot: ``refreshed_at`` says
when it was taken, and ``scope_changed`` whether the educator's cohorts have gained or lost a
learner since (then the copy holds someone it should not, or misses someone: take a new one).

The server is protected too: a console has a memory limit and two threads, and never writes to
disk (no spilling: see ``CONFIG``); the settings that would name the server's folders point
nowhere. The user's SQL cannot change any of it: SET, RESET and PRAGMA are refused as statements,
and the configuration is locked in any case.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import polars as pl

from engine.bank import Bank
from engine.clock import utcnow
from engine.store import Store
from engine.views import VIEWS, exercises_table, scope_fingerprint, scoped_tables

DEFAULT_ROW_LIMIT = 10_000
DEFAULT_TIMEOUT_S = 10.0
# what a result may hold, beside its rows: a page shows it and offers it as CSV, and a larger one (a single
# text of 250 MB) took gigabytes of the server's memory and then showed nothing in the browser
MAX_RESULT_MB = 32
FETCH_ROWS = 64  # rows read at a time: what is held beyond the limit before it is noticed
MAX_SQL_CHARS = 20_000
# Per console, and the page caches up to 8 of them: 4 GB at worst. One educator's cohorts take a few MB
# (the demo's 12 learners and 4 weeks: under 1 MB), so 512 MB leaves room for any sensible query.
MEMORY_LIMIT_MB = 512
MEMORY_LIMIT = f"{MEMORY_LIMIT_MB}MB"
THREADS = 2  # a heavy query of one educator leaves the server's other cores to everyone else
NOWHERE = "/nonexistent"  # where the settings that would name the server's folders point instead

CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": MEMORY_LIMIT,
    "threads": THREADS,
    # No spilling to disk: an in-memory database spills into ``.tmp`` of the server's working directory
    # by default (the repository's folder, up to 90% of the disk). A query that needs more than
    # MEMORY_LIMIT over a copy of a few MB is a runaway (a join without its condition, say): it is
    # stopped with a message (``OUT_OF_MEMORY``) rather than given the server's disk.
    "temp_directory": "",
    # Secrets only in memory, and none there: ``duckdb_secrets()`` lists nothing instead of failing on
    # the home's secret folder, and neither it nor an error message names that folder.
    "allow_persistent_secrets": False,
    "secret_directory": NOWHERE,
    "extension_directory": NOWHERE,
}
OUT_OF_MEMORY = (f"The query needed more than the console's {MEMORY_LIMIT_MB} MB of memory and was "
                 "stopped. Filter or aggregate earlier (in a WITH), or join on a condition.")
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


class Console:
    """A locked, in-memory DuckDB database holding one educator's analytics tables."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, tables: dict[str, int], refreshed_at: datetime,
                 *, row_limit: int, timeout_s: float, scope: Callable[[], int | None] | None = None,
                 scope_copied: int | None = None) -> None:
        self._connection = connection
        self._lock = threading.Lock()  # one statement at a time on the connection
        self._closed = False
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
        connection = duckdb.connect(":memory:", config=CONFIG)
        # turned off here rather than in CONFIG: opened without access, DuckDB would allow (and list in
        # duckdb_settings) the paths of the database next to the server's working directory
        connection.execute("SET enable_external_access = false")
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
        connection.execute("SET lock_configuration = true")  # nothing below can turn access back on
        return cls(connection, tables, utcnow(), row_limit=row_limit, timeout_s=timeout_s, scope=scope,
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
        with self._lock:
            if self._closed:  # closed while the statement was checked
                self._connection.close()
                raise ConsoleError(REPLACED)
            cursor = self._connection.cursor()
            watchdog = threading.Timer(self.timeout_s, cursor.interrupt)
            cursor.execute("BEGIN TRANSACTION")  # rolled back below, whatever the statement did
            started = time.perf_counter()
            watchdog.start()
            try:
                relation = cursor.sql(statement).limit(limit + 1)
                frame = _fetched(_readable(relation))
                if beyond := _beyond_the_calendar(frame):  # rare: read again with those columns as text
                    frame = _fetched(_readable(relation, beyond))
            except duckdb.InterruptException:
                raise ConsoleError(f"The query ran longer than {self.timeout_s:g} seconds and was stopped. "
                                   "Filter or aggregate more, or add a LIMIT.") from None
            except duckdb.OutOfMemoryException:
                raise ConsoleError(OUT_OF_MEMORY) from None
            except duckdb.Error as exc:
                raise ConsoleError(_first_line(exc)) from None
            finally:
                watchdog.cancel()
                cursor.execute("ROLLBACK")
                cursor.close()
                if self._closed:  # closed while this query ran: done now that it is over
                    self._connection.close()
        elapsed = (time.perf_counter() - started) * 1000
        return ConsoleResult(frame.head(limit), frame.height > limit, limit, round(elapsed, 1))

    def schema(self) -> pl.DataFrame:
        """Every table and view of the console with its columns: for the page's reference."""
        return self.run("SELECT table_name AS name, string_agg(column_name || ' ' || data_type, ', ' "
                        "ORDER BY ordinal_position) AS columns FROM information_schema.columns "
                        "GROUP BY table_name ORDER BY table_name").frame

    def close(self) -> None:
        """Free the copy. Never waits: a query running on another thread finishes first, then it is closed."""
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._connection.close()
            finally:
                self._lock.release()

    def _checked(self, sql: str) -> str:
        if not (sql or "").strip():
            raise ConsoleError("Type a query, for example: SELECT verb, count(*) FROM events GROUP BY verb")
        if len(sql) > MAX_SQL_CHARS:
            raise ConsoleError(f"Queries are limited to {MAX_SQL_CHARS:,} characters.")
        text = _without_trailing_noise(sql)
        try:
            statements = self._connection.extract_statements(text)
        except duckdb.Error as exc:
            raise ConsoleError(_first_line(exc)) from None
        if not statements:
            raise ConsoleError("There is no statement to run: write a SELECT.")
        if len(statements) != 1:
            raise ConsoleError("One statement at a time, please.")
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
        with self._lock:
            cursor = self._connection.cursor()
            try:
                serialized = cursor.execute("SELECT json_serialize_sql(?)", [text]).fetchone()
            except duckdb.Error:
                return False  # DuckDB says what is wrong when the statement runs
            finally:
                cursor.close()
        tree = json.loads(serialized[0]) if serialized and serialized[0] else {}
        return any(kind in WRITING_NODES for kind in _node_types(tree))


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


def _first_word(sql: str) -> str:
    """The statement's first keyword as the user typed it (CHECKPOINT, not DuckDB's kind of it, CALL)."""
    word = re.match(r"\s*([A-Za-z_]+)", _COMMENTS.sub(" ", sql))
    return word[1].upper() if word else ""


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


# DuckDB types that Polars cannot take (INTERVAL, UNION) or takes only as raw bytes (VARIANT, BIT):
# they come back as DuckDB writes them as text ("3 days", "42")
AS_TEXT = ("INTERVAL", "UNION", "VARIANT", "BIT")


def _fetched(relation: duckdb.DuckDBPyRelation) -> pl.DataFrame:
    """The relation's rows, read a few at a time and refused (``ConsoleError``) once past ``MAX_RESULT_MB``: read
    whole first, 10,000 rows of long text took gigabytes of the server's memory before their size was known."""
    import pyarrow as pa

    batches, size = [], 0
    with relation.to_arrow_reader(FETCH_ROWS) as reader:
        try:
            for batch in reader:
                size += batch.nbytes
                if size > MAX_RESULT_MB * 2**20:
                    raise ConsoleError(f"The result holds more than the console shows ({MAX_RESULT_MB} MB). "
                                       "Select fewer rows or columns, or shorten long text (left(text, 200)).")
                batches.append(batch)
        except (OSError, pa.ArrowException) as exc:  # DuckDB's error once rows have come, as Arrow passes it on
            text = str(exc)
            kind = duckdb.InterruptException if "INTERRUPT" in text else \
                duckdb.OutOfMemoryException if "Out of Memory" in text else duckdb.Error
            raise kind(text) from None
        schema = reader.schema
    frame = pl.from_arrow(pa.Table.from_batches(batches, schema=schema))
    assert isinstance(frame, pl.DataFrame)
    return frame


def _readable(relation: duckdb.DuckDBPyRelation, also: Collection[int] = ()) -> duckdb.DuckDBPyRelation:
    """``relation`` with its columns of ``AS_TEXT`` types, and those at the positions ``also``, cast to
    text, and left as it is otherwise (a projection by name would fail on the duplicate names of
    ``SELECT a.*, b.*``)."""
    kinds = [str(t).split("(")[0] for t in relation.types]
    if not any(kind in AS_TEXT for kind in kinds) and not also:
        return relation
    quoted = ['"' + name.replace('"', '""') + '"' for name in relation.columns]
    return relation.project(", ".join(f"CAST({q} AS VARCHAR) AS {q}" if kind in AS_TEXT or i in also else q
                                      for i, (q, kind) in enumerate(zip(quoted, kinds, strict=True))))


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

