"""The SQL console's worker: the child process that runs one console's queries, so that the server can kill one.

DuckDB looks for an interrupt only between chunks of rows, so a single costly call on a single row
(``levenshtein`` of two long texts, ``list_sort`` of a huge list) ran for minutes past the console's time
limit inside the server's process, and one huge text (``repeat('x', 2000000000)``) took gigabytes outside
DuckDB's memory limit. Here such a query takes down only this process: the server kills it once the time is
up (``engine.console_process``), and the address-space limit set below turns an allocation past it into
DuckDB's out-of-memory error. DuckDB's own security notes advise a separate process for untrusted SQL.

The worker is run as a script (``python -I console_worker.py``) in the snapshot's private folder, with no
environment but a PATH and that folder as its home: it imports the standard library, DuckDB and PyArrow,
never the engine (so no setting, secret or store of the server). It copies the snapshot into memory, turns
off every way out and locks the configuration (``CONFIG``), and answers requests until its input ends. It
ends only when the server is gone (a server done with a worker kills it): the worker then removes its folder,
which the server, killed outright, could not, leaving a copy of the learners' activity in the temp folder.
The protocol, on stdin and stdout, is messages framed by their length (``HEADER``): a request is
JSON ``{"sql", "limit", "as_text", "timeout_s"}``; an answer is JSON ``{"elapsed_ms"}`` followed by the
rows as an Arrow IPC stream, or JSON ``{"error": kind, "message"}``, and the worker says ``{"ready": true}``
once it has started. JSON and Arrow rather than pickle: the server reads what a process running
untrusted SQL wrote, and unpickling runs code.
"""

from __future__ import annotations

import resource

if __name__ == "__main__":  # in the worker only (the server imports this module for the protocol)
    # first, before anything is imported: a crash leaves no core dump, and no file is written (Python ignores
    # SIGXFSZ, so a write fails with EFBIG rather than killing the worker). The snapshot is only read.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

import json  # noqa: E402 (after the limits on purpose)
import os  # noqa: E402
import shutil  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Collection  # noqa: E402
from typing import IO, Any  # noqa: E402

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402

FOLDER_PREFIX = "workbench-console-"  # a worker's folder, made by the server
SNAPSHOT = "snapshot.duckdb"  # in the worker's folder; opened by this relative name, so no query sees the folder
HEADER = struct.Struct(">Q")  # a message's length, before it
MEMORY_LIMIT_MB = 512  # DuckDB's; the page caches up to 8 consoles: 4 GB at worst
# What the worker may map beyond what it holds once started (about 1 GB of address space, most of it
# reserved, not used): DuckDB's MEMORY_LIMIT_MB and as much again for what it allocates outside that limit
# (a long text's own buffer). ``repeat('x', 2000000000)`` asks 2 GB at once and fails as out of memory.
HEADROOM_MB = 2 * MEMORY_LIMIT_MB
THREADS = 2  # a heavy query of one educator leaves the server's other cores to everyone else
OPEN_FILES = 64  # the snapshot, and what DuckDB and Python open beside it
NOWHERE = "/nonexistent"  # where the settings that would name a folder point instead
# what a result may hold, beside its rows: a page shows it and offers it as CSV, and a larger one (a single
# text of 250 MB) took gigabytes of the server's memory and then showed nothing in the browser
MAX_RESULT_MB = 32
ERROR_LINES, ERROR_LINE_CHARS = 12, 300  # an error's message: enough for its help and the line it points at
FETCH_ROWS = 64  # rows read at a time: what is held beyond the limit before it is noticed
# DuckDB types that Polars cannot take (INTERVAL, UNION) or takes only as raw bytes (VARIANT, BIT):
# they come back as DuckDB writes them as text ("3 days", "42")
AS_TEXT = ("INTERVAL", "UNION", "VARIANT", "BIT")

CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": f"{MEMORY_LIMIT_MB}MB",
    "threads": THREADS,
    # No spilling to disk: a query that needs more than the memory limit over a copy of a few MB is a
    # runaway (a join without its condition, say): it is stopped with a message rather than given a disk.
    "temp_directory": "",
    # Secrets only in memory, and none there: ``duckdb_secrets()`` lists nothing instead of failing on
    # the home's secret folder, and neither it nor an error message names that folder.
    "allow_persistent_secrets": False,
    "secret_directory": NOWHERE,
    "extension_directory": NOWHERE,
}


class TooLarge(Exception):
    """The result holds more than ``MAX_RESULT_MB``."""


def send(stream: IO[bytes], message: bytes) -> None:
    stream.write(HEADER.pack(len(message)) + message)
    stream.flush()


def receive(stream: IO[bytes]) -> bytes | None:
    """The next message, or None once the input has ended (the server closed it, or is gone)."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    return stream.read(HEADER.unpack(header)[0])


def opened() -> duckdb.DuckDBPyConnection:
    """The snapshot, copied into memory and locked: nothing a query does can reach a file, the network or an
    extension."""
    connection = duckdb.connect(":memory:", config=CONFIG)
    # copied rather than opened in place: DuckDB shows the path of a database file (in duckdb_databases, and
    # in allowed_paths once access is off), while a copy in memory names no folder. A few MB take milliseconds
    # (a million events, 80 ms). A query that changes the copy is rolled back, and the file is left as it is.
    connection.execute(f"ATTACH '{SNAPSHOT}' AS snapshot (READ_ONLY)")
    connection.execute("COPY FROM DATABASE snapshot TO memory")
    connection.execute("DETACH snapshot")
    # turned off once the copy is in: off from the start, DuckDB would allow (and list) the file's paths
    connection.execute("SET enable_external_access = false")
    connection.execute("SET lock_configuration = true")  # nothing below can turn access back on
    return connection


def limit_memory() -> None:
    """Cap the address space at what the worker holds now and ``HEADROOM_MB`` more: called before the first
    query, once DuckDB and PyArrow have reserved what they reserve at start (more on a machine of more cores)."""
    with open("/proc/self/statm") as statm:
        held = int(statm.read().split()[0]) * resource.getpagesize()
    cap = held + HEADROOM_MB * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def answer(connection: duckdb.DuckDBPyConnection, request: dict[str, Any]) -> list[bytes]:
    """Run one request's SELECT in a transaction that is always rolled back, its rows as Arrow IPC."""
    cursor = connection.cursor()
    # DuckDB stops at the next chunk: most queries end here, and the worker lives on; one that does not
    # is killed by the server a little later
    watchdog = threading.Timer(float(request["timeout_s"]), cursor.interrupt)
    cursor.execute("BEGIN TRANSACTION")  # rolled back below, whatever the statement did
    started = time.perf_counter()
    watchdog.start()
    try:
        relation = cursor.sql(request["sql"]).limit(int(request["limit"]))
        table = _fetched(_readable(relation, request.get("as_text", ())))
    except duckdb.InterruptException:
        return [_json(error="interrupted", message="")]
    except (duckdb.OutOfMemoryException, MemoryError):
        return [_json(error="out_of_memory", message="")]
    except TooLarge:
        return [_json(error="too_large", message="")]
    except duckdb.Error as exc:
        return [_json(error="error", message=error_text(exc))]
    finally:
        watchdog.cancel()
        cursor.execute("ROLLBACK")
        cursor.close()
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return [_json(elapsed_ms=(time.perf_counter() - started) * 1000), sink.getvalue().to_pybytes()]


def _json(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def error_text(error: Exception) -> str:
    """What DuckDB says of an error, as it says it: its first line, then its help ("Did you mean "events"?",
    "Candidate bindings: "user_id"") and where in the query it is ("LINE 4:" and a caret), within bounds."""
    lines = str(error).strip().splitlines()[:ERROR_LINES]
    return "\n".join(line[:ERROR_LINE_CHARS] for line in lines).rstrip() or type(error).__name__


def _fetched(relation: duckdb.DuckDBPyRelation) -> pa.Table:
    """The relation's rows, read a few at a time and refused (``TooLarge``) once past ``MAX_RESULT_MB``: read
    whole first, 10,000 rows of long text took gigabytes of memory before their size was known."""
    batches, size = [], 0
    with relation.to_arrow_reader(FETCH_ROWS) as reader:
        try:
            for batch in reader:
                size += batch.nbytes
                if size > MAX_RESULT_MB * 2**20:
                    raise TooLarge
                batches.append(batch)
        except (OSError, pa.ArrowException) as exc:  # DuckDB's error once rows have come, as Arrow passes it on
            text = str(exc)
            kind = duckdb.InterruptException if "INTERRUPT" in text else \
                duckdb.OutOfMemoryException if "Out of Memory" in text else duckdb.Error
            raise kind(text) from None
        schema = reader.schema
    return pa.Table.from_batches(batches, schema=schema)


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


def main() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print cannot break the protocol
    try:
        send(answers, _json(ready=True))
        connection = None
        while (message := receive(requests)) is not None:
            if connection is None:  # on the first request: the server writes the snapshot while this one starts
                connection = opened()
                limit_memory()
            for part in answer(connection, json.loads(message)):
                send(answers, part)
    except BrokenPipeError:  # the server went while a query ran
        pass
    remove_own_folder()


def remove_own_folder() -> None:
    """Remove the folder the worker runs in, with the snapshot: the server that made it is gone."""
    folder = os.getcwd()
    if os.path.basename(folder).startswith(FOLDER_PREFIX):  # never another folder, whatever started the worker
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
