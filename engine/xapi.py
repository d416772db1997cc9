"""The activity log as xAPI 1.0.3 statements, for a learning record store.

``export_xapi`` writes one statement per event as JSON lines (``xapi_gzip``: the same, gzipped in memory
for a download; both scoped to an educator's cohorts when asked): the actor an account on the
workbench's home page, ADL verbs where one exists (passed, failed, attempted...) and the workbench's
own IRIs otherwise, the result with success and an ISO 8601 duration, UTC timestamps with
milliseconds, and ids that are UUIDs derived from the event id, the installation and the address
(exporting twice gives the same ids, so a learning record store can drop duplicates; another
installation's never collide).
"""

from __future__ import annotations

import gzip
import io
import json
import uuid
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

from engine.bank import Bank
from engine.export import ExportError, Progress
from engine.store import Store
from engine.views import TABLES, scoped_select, visible_users

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
