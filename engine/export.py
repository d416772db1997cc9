"""Exports of the activity log for analysts: the Parquet snapshot notebooks read.

``export_parquet`` writes the analytics tables of ``engine.views`` (no secrets) to a folder:
``events/month=YYYY-MM/data.parquet`` (Hive-style partitions, one per month, so a reader can
skip months) and one ``<table>.parquet`` per other table, plus ``exercises.parquet`` from the
bank. It writes into a temporary folder and swaps it in whole, so a notebook reading the
snapshot never sees half of one: DuckDB lets only one process open the database for writing,
and the app holds it, so analysts work on this copy and refresh it when they want newer rows.

``parquet_zip`` packs that same snapshot (same files, same scope) into one zip in memory, with a
README.txt, for a download in the browser. Unzipped, it is a snapshot folder like any other.

The xAPI statements are ``engine.xapi``'s.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb

from engine.bank import Bank
from engine.clock import utcnow
from engine.store import Store
from engine.views import TABLES, VIEW_DESCRIPTIONS, exercises_table, scoped_select, visible_users

Progress = Callable[[int, int], None]


# -- Parquet -----------------------------------------------------------------------------------


class ExportError(ValueError):
    """A snapshot cannot go where it was asked to."""


# an event's result and context as JSON text: Parquet's JSON type reads as bytes in Polars and pyarrow
JSON_AS_TEXT = "* REPLACE (CAST(result AS VARCHAR) AS result, CAST(context AS VARCHAR) AS context)"
MANIFEST = "manifest.json"  # what a snapshot says of itself: its tables' rows, its scope, when it was written
README = "README.txt"  # what the downloaded zip adds: kept, rewritten, when its unzipped folder is refreshed
SNAPSHOT_FILES = {MANIFEST, README, "exercises.parquet", *(f"{t.name}.parquet" for t in TABLES if t.name != "events")}


def export_parquet(store: Store, bank: Bank, directory: str | Path, *, educator_id: int | None = None,
                   progress: Progress | None = None) -> dict[str, int]:
    """Write the analytics tables to ``directory`` (replaced whole); rows written per table.
    ``educator_id``: only what that educator may see; None: everyone. Refuses a ``directory`` holding
    anything but an earlier snapshot, so that nothing else is ever lost in the swap. An earlier snapshot
    that was a download, unzipped, keeps its README, rewritten to say what the new one holds."""
    target = Path(directory).resolve()
    _check_replaceable(target)
    with_readme = (target / README).is_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    users = visible_users(store, educator_id)
    cursor = store.cursor()
    events = next(t for t in TABLES if t.name == "events")
    try:
        months = [r[0] for r in cursor.execute(
            f"SELECT DISTINCT strftime(occurred_at, '%Y-%m') FROM ({scoped_select(events, educator_id, users)}) ORDER BY 1"
        ).fetchall()]
        others = [t for t in TABLES if t.name != "events"]
        total, done, counts = len(months) + len(others) + 1, 0, {"events": 0}
        for month in months:
            folder = staging / "events" / f"month={month}"
            folder.mkdir(parents=True)
            rows = scoped_select(events, educator_id, users, f"strftime(occurred_at, '%Y-%m') = '{month}'")
            rows = f"SELECT {JSON_AS_TEXT} FROM ({rows})"
            counts["events"] += _copy(cursor, rows, folder / "data.parquet")
            done += 1
            if progress:
                progress(done, total)
        for table in others:
            counts[table.name] = _copy(cursor, scoped_select(table, educator_id, users), staging / f"{table.name}.parquet")
            done += 1
            if progress:
                progress(done, total)
        scratch = duckdb.connect()
        scratch.register("exercises", exercises_table(bank))
        scratch.execute(f"COPY exercises TO '{_path(staging / 'exercises.parquet')}' (FORMAT parquet)")
        scratch.close()
        counts["exercises"] = len(bank)
        if progress:
            progress(total, total)
        (staging / MANIFEST).write_text(json.dumps({"tables": counts, "educator_id": educator_id,
                                                           "written_at": datetime.now().astimezone().isoformat()},
                                                          indent=2))
        if with_readme:
            (staging / README).write_text(_readme(counts, _educator_name(store, educator_id), utcnow()))
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return counts


def _copy(cursor: duckdb.DuckDBPyConnection, sql: str, path: Path) -> int:
    row = cursor.execute(f"COPY ({sql}) TO '{_path(path)}' (FORMAT parquet, COMPRESSION zstd)").fetchone()
    return int(row[0]) if row else 0


def _path(path: Path) -> str:
    return str(path).replace("'", "''")


def _check_replaceable(target: Path) -> None:
    """Raise ``ExportError`` unless ``target`` is absent, an empty folder, or a folder holding only what a
    snapshot writes (an earlier one, to refresh): the swap deletes what was there."""
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportError(f"{target} is a file, not a folder: choose a new or empty folder for the snapshot")
    entries = list(target.iterdir())
    foreign = _not_from_a_snapshot(entries)
    if entries and not foreign and not (target / MANIFEST).is_file():
        foreign = entries  # every snapshot has its manifest: without one, nothing here is ours
    if foreign:
        names = sorted(str(p.relative_to(target)) for p in foreign)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise ExportError(f"{target} holds files a snapshot did not write ({shown}), and a snapshot replaces "
                          "its folder whole: choose a new or empty folder, or one an earlier snapshot went to")


def _not_from_a_snapshot(entries: list[Path]) -> list[Path]:
    """Of a folder's entries, those a snapshot does not write: its tables' own names, not any Parquet file (an
    analyst's own data kept beside it would go with it), and events/month=…/data.parquet. Looked at only to the
    depth a snapshot writes, so a wrong folder as big as a home is not walked whole."""
    foreign = []
    for path in entries:
        if path.name == "events" and path.is_dir():
            for month in path.iterdir():
                if month.name.startswith("month=") and month.is_dir():
                    foreign += [f for f in month.iterdir() if f.name != "data.parquet" or not f.is_file()]
                else:
                    foreign.append(month)
        elif path.name not in SNAPSHOT_FILES or not path.is_file():
            foreign.append(path)
    return foreign


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` where ``target`` is, replacing it: readers see the old or the new, never half."""
    if target.exists():
        old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


# -- the snapshot as one zip, for a download ----------------------------------------------------


def parquet_zip(store: Store, bank: Bank, *, educator_id: int | None = None, progress: Progress | None = None,
                taken_at: datetime | None = None) -> tuple[bytes, dict[str, int]]:
    """The Parquet snapshot of ``export_parquet`` as the bytes of one zip: the very same files, with the
    same scope (``educator_id``: only what that educator may see; None: everyone), plus README.txt
    saying what each file holds and how to read it. Use it to hand a snapshot to a browser, a
    notebook or a script on another machine; unzipped, it is a folder the notebooks read. Returns
    the bytes and the rows per table."""
    taken_at = taken_at or utcnow()
    with tempfile.TemporaryDirectory(prefix="workbench-zip-") as scratch:
        folder = Path(scratch) / "snapshot"
        counts = export_parquet(store, bank, folder, educator_id=educator_id, progress=progress)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(README, _readme(counts, _educator_name(store, educator_id), taken_at))
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                # Parquet is compressed already (zstd): deflating it again costs time and saves nothing
                kind = zipfile.ZIP_STORED if path.suffix == ".parquet" else zipfile.ZIP_DEFLATED
                archive.write(path, path.relative_to(folder).as_posix(), compress_type=kind)
    return buffer.getvalue(), counts


def _educator_name(store: Store, educator_id: int | None) -> str | None:
    return store.scalar("SELECT name FROM users WHERE id = ?", [educator_id]) if educator_id is not None else None


def _readme(counts: dict[str, int], educator: str | None, taken_at: datetime) -> str:
    described = {t.name: t.description for t in TABLES} | VIEW_DESCRIPTIONS
    scope = (f"the learners of {educator}'s cohorts only, as on the Data page" if educator is not None
             else "every learner")
    files = [("events/month=YYYY-MM/data.parquet", "events")] + [
        (f"{name}.parquet", name) for name in counts if name != "events"]
    width = max(len(path) for path, _ in files)
    lines = [f"  {path:<{width}}  {counts[name]:>9,} {'row ' if counts[name] == 1 else 'rows'}  {described.get(name, '')}"
             for path, name in files]
    return "\n".join([
        "Workbench activity: a Parquet snapshot",
        "",
        f"Taken {taken_at:%Y-%m-%d %H:%M} UTC. Holds {scope}. No passwords, emails, join codes or learner code.",
        "Timestamps are UTC; result and context are JSON text.",
        "",
        "Files (events has one file per month, Hive-style):",
        *lines,
        f"  {'manifest.json':<{width}}  {'':>14}  Rows per table, when written.",
        *([] if counts.get("events") else ["No events yet, so there is no events folder: the events examples below find",
                                           "no files until a snapshot holds some."]),
        "",
        "Read it from this folder, for example:",
        "  DuckDB:  SELECT * FROM read_parquet('events/*/*.parquet', hive_partitioning = true);",
        "           SELECT * FROM 'users.parquet';",
        "  Polars:  pl.read_parquet('events/*/*.parquet', hive_partitioning=True)",
        "The workbench's notebooks read this folder as it is: set WORKBENCH_SNAPSHOT to it.",
        "docs/data.md in the workbench's repository describes every column, the console's views",
        "(submissions, daily_activity) and example queries.",
        "",
    ])


# -- xAPI ----------------------------------------------------------------------------------------
