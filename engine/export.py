"""Exports of the activity log for analysts: Parquet (a snapshot notebooks read) and xAPI statements.

``export_parquet`` writes the analytics tables of ``engine.views`` (no secrets) to a folder:
``events/month=YYYY-MM/data.parquet`` (Hive-style partitions, one per month, so a reader can
skip months) and one ``<table>.parquet`` per other table, plus ``exercises.parquet`` from the
bank. It writes into a temporary folder and swaps it in whole, so a notebook reading the
snapshot never sees half of one: DuckDB lets only one process open the database for writing,
and the app holds it, so analysts work on this copy and refresh it when they want newer rows.

``parquet_zip`` packs that same snapshot (same files, same scope) into one zip in memory, with a
README.txt, for a download in the browser. Unzipped, it is a snapshot folder like any other.

``export_xapi`` writes one xAPI 1.0.3 statement per event as JSON lines (``xapi_gzip``: the same,
gzipped in memory for a download; both scoped to an educator's cohorts when asked): the actor an account
on the workbench's home page, ADL verbs where one exists (passed, failed, attempted...) and the
workbench's own IRIs otherwise, the result with success and an ISO 8601 duration, UTC
timestamps with milliseconds, and ids that are UUIDs derived from the event id (exporting twice
gives the same ids, so a learning record store can drop duplicates).
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

import duckdb

from engine.bank import Bank
from engine.clock import utcnow
from engine.store import Store
from engine.views import TABLES, VIEW_DESCRIPTIONS, exercises_table, scoped_select, visible_users

Progress = Callable[[int, int], None]
DEFAULT_BASE_IRI = "http://localhost:8501"
XAPI_VERSION = "1.0.3"
_NAMESPACE = uuid.UUID("5b0b8f5e-4c1e-4f51-9c1a-3f1e6d0b2a77")  # fixed: the same event gives the same id
ADL = "http://adlnet.gov/expapi/verbs/"
VERB_IRIS = {  # the app's verb: the IRI of the xAPI verb it maps to, and that verb's own display name
    "completed": (ADL + "passed", "passed"),  # the app's "completed" is a passing submission
    "failed": (ADL + "failed", "failed"),
    "submitted": (ADL + "attempted", "attempted"),
    "registered": (ADL + "registered", "registered"),
    "asked-tutor": (ADL + "asked", "asked"),
    "answered-onboarding": (ADL + "answered", "answered"),
    "logged-in": ("https://w3id.org/xapi/adl/verbs/logged-in", "logged-in"),
    "logged-out": ("https://w3id.org/xapi/adl/verbs/logged-out", "logged-out"),
    "viewed": ("http://id.tincanapi.com/verb/viewed", "viewed"),
    "skipped": ("http://id.tincanapi.com/verb/skipped", "skipped"),
    "unlocked-achievement": ("https://w3id.org/xapi/medbiq/verbs/achieved", "achieved"),
    "joined-cohort": ("http://activitystrea.ms/schema/1.0/join", "joined"),
    "left-cohort": ("http://activitystrea.ms/schema/1.0/leave", "left"),
}
GRADED = ("completed", "failed")  # the statements that carry a graded try's result (its "attempted" twin does not)
EXERCISE_VERBS = {"viewed", "ran-tests", "submitted", "completed", "failed", "requested-hint", "skipped",
                  "generated-exercise", "asked-tutor", "tutor-replied"}  # whose object is an exercise (rejected: a skill)
COHORT_VERBS = {"created-cohort", "joined-cohort", "left-cohort", "renamed-cohort", "deleted-cohort"}


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


def export_xapi(store: Store, bank: Bank, path: str | Path, *, base_iri: str = DEFAULT_BASE_IRI,
                educator_id: int | None = None, progress: Progress | None = None, batch: int = 50_000) -> int:
    """Write every event with a user as one xAPI statement per line; returns how many. ``educator_id``:
    only the events that educator may see (their cohorts' learners, as the Parquet snapshot has them)."""
    base = xapi_base(base_iri)
    target = _replaceable_file(Path(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    try:
        with open(partial, "w", encoding="utf-8") as out:
            written = write_statements(out, store, bank, base=base, educator_id=educator_id, progress=progress,
                                       batch=batch)
        partial.replace(target)
    except BaseException:  # an interrupted or failed export leaves nothing behind
        partial.unlink(missing_ok=True)
        raise
    return written


def _replaceable_file(target: Path) -> Path:
    """Where the statements go: ``target``, or the file a link there names. The statements are written beside
    it and then put in its place whole, so ``ExportError`` for what must not be replaced: a folder, a device
    or a pipe (``/dev/stdout`` was swapped for a plain file, and nothing reached the pipe), or a file that is
    not an earlier export."""
    if not target.name or target.is_dir():
        raise ExportError(f"{target} is a folder: name the file to write in it, as in statements.jsonl")
    if target.exists() and not target.is_file():
        raise ExportError(f"{target} is not a plain file (a device or a pipe): name a file to write, then copy or "
                          "send it on from there")
    target = target.resolve() if target.is_symlink() else target
    if target.is_file() and not _an_export(target):
        raise ExportError(f"{target} is there already and is not an xAPI export: name another file, or remove it first")
    return target


def _an_export(path: Path) -> bool:
    """Whether the file is empty or an earlier export: its first line an xAPI statement."""
    with open(path, "rb") as file:
        first = file.readline(1 << 16)
    if not first.strip():
        return True
    try:
        statement = json.loads(first)
    except ValueError:
        return False
    return isinstance(statement, dict) and {"actor", "verb", "object"} <= statement.keys()


def xapi_gzip(store: Store, bank: Bank, *, base_iri: str = DEFAULT_BASE_IRI, educator_id: int | None = None,
              progress: Progress | None = None) -> tuple[bytes, int]:
    """The statements of ``export_xapi`` as the bytes of one gzip file (JSON lines compress about tenfold),
    for a browser to download; and how many there are."""
    base = xapi_base(base_iri)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as packed, io.TextIOWrapper(packed, encoding="utf-8") as out:
        written = write_statements(out, store, bank, base=base, educator_id=educator_id, progress=progress)
    return buffer.getvalue(), written


def xapi_base(base_iri: str) -> str:
    """The app's address as the base of the statements' IRIs, without its last slash; ``ExportError`` unless it is
    an absolute http(s) address with a host and nothing after its path, since IRIs are made by adding to it."""
    parts = urlsplit(base_iri.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment or " " in base_iri.strip():
        raise ExportError(f"{base_iri!r} is not the app's address: give it as http://host:port or https://host/path, "
                          "as learners open the app, since it names the accounts and the activities")
    return base_iri.strip().rstrip("/")


def write_statements(out: TextIO, store: Store, bank: Bank, *, base: str, educator_id: int | None,
                     progress: Progress | None, batch: int = 50_000) -> int:
    """Write the statements, oldest first, to ``out``; how many. ``base``: the app's address (``xapi_base``)."""
    titles = {e.id: e.title for e in bank}
    namespace = statement_namespace(store, base)
    events = next(t for t in TABLES if t.name == "events")
    rows = scoped_select(events, educator_id, visible_users(store, educator_id), "user_id IS NOT NULL")
    total = int(store.cursor().execute(f"SELECT count(*) FROM ({rows})").fetchone()[0])  # type: ignore[index]
    cursor = store.cursor()
    cursor.execute(f"SELECT id, occurred_at, user_id, verb, object, CAST(result AS VARCHAR), CAST(context AS VARCHAR) "
                   f"FROM ({rows}) ORDER BY occurred_at, id")
    written = 0
    while chunk := cursor.fetchmany(batch):
        out.write("".join(json.dumps(statement(row, base, titles, namespace), separators=(",", ":")) + "\n"
                          for row in chunk))
        written += len(chunk)
        if progress:
            progress(written, total)
    return written


def statement_namespace(store: Store, base: str) -> uuid.UUID:
    """What a statement's id is made from besides its event's: this installation and the address its IRIs
    name. The same event exported again keeps its id (a learning record store takes it once); another
    installation's event of the same number, or this one's under another address (other IRIs: another
    statement), gets another (a store refuses two different statements with one id)."""
    installation = store.scalar("SELECT CAST(id AS VARCHAR) FROM installation")
    return uuid.uuid5(_NAMESPACE, f"{installation}|{base}")


def statement(row: tuple[Any, ...], base: str, titles: dict[str, str], namespace: uuid.UUID) -> dict[str, Any]:
    """One event row (id, occurred_at, user_id, verb, object, result, context) as an xAPI statement; ``namespace``
    (``statement_namespace``) makes its id."""
    event_id, occurred_at, user_id, verb, obj, result_json, context_json = row
    result = json.loads(result_json) if result_json else {}
    context = json.loads(context_json) if context_json else {}
    verb_iri, display = VERB_IRIS.get(verb, (f"{base}/xapi/verbs/{verb}", verb))
    made: dict[str, Any] = {
        "id": str(uuid.uuid5(namespace, f"event:{event_id}")),
        "version": XAPI_VERSION,
        "actor": {"objectType": "Agent", "account": {"homePage": base, "name": str(user_id)}},
        "verb": {"id": verb_iri, "display": {"en-US": display}},
        "object": _object(verb, obj, base, titles),
        "timestamp": occurred_at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{occurred_at.microsecond // 1000:03d}Z",
        "context": {"platform": "Workbench", "extensions": {f"{base}/xapi/extensions/event-id": event_id}},
    }
    if verb in GRADED and result:  # once a try: a store counting successes counted each pass twice
        made["result"] = _result(result, base)
    if context.get("skills") is not None:
        made["context"]["extensions"][f"{base}/xapi/extensions/skills"] = context["skills"]
        made["context"]["extensions"][f"{base}/xapi/extensions/difficulty"] = context.get("difficulty")
    return made


def _object(verb: str, obj: str | None, base: str, titles: dict[str, str]) -> dict[str, Any]:
    if obj and verb in EXERCISE_VERBS:
        return {"objectType": "Activity", "id": f"{base}/exercises/{quote(obj, safe='/')}",
                "definition": {"name": {"en-US": titles.get(obj, obj)},
                               "type": "http://adlnet.gov/expapi/activities/assessment"}}
    if obj and verb in COHORT_VERBS:
        return {"objectType": "Activity", "id": f"{base}/cohorts/{quote(obj, safe='')}",
                "definition": {"type": "http://id.tincanapi.com/activitytype/group"}}
    if obj:
        return {"objectType": "Activity", "id": f"{base}/activities/{quote(verb, safe='')}/{quote(obj, safe='')}"}
    return {"objectType": "Activity", "id": base, "definition": {"name": {"en-US": "Workbench"}}}


def _result(result: dict[str, Any], base: str) -> dict[str, Any]:
    made: dict[str, Any] = {"success": bool(result.get("success")), "completion": True}
    duration = result.get("duration_s")
    if isinstance(duration, int | float) and duration >= 0:
        made["duration"] = iso_duration(float(duration))
    extensions = {f"{base}/xapi/extensions/{key}": result[key] for key in ("hints", "tests_passed", "tests_total")
                  if result.get(key) is not None}
    if extensions:
        made["extensions"] = extensions
    if result.get("tests_total"):
        made["score"] = {"raw": result.get("tests_passed") or 0, "min": 0, "max": result["tests_total"],
                         "scaled": round((result.get("tests_passed") or 0) / result["tests_total"], 4)}
    return made


def iso_duration(seconds: float) -> str:
    """Seconds as an ISO 8601 duration (xAPI keeps 0.01 s precision): 754.5 -> "PT12M34.5S"."""
    centis = round(seconds * 100)
    hours, rest = divmod(centis, 360_000)
    minutes, centis = divmod(rest, 6_000)
    text = f"{centis / 100:.2f}".rstrip("0").rstrip(".")
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{text}S"
