"""A bulk synthetic activity log, for benchmarks: millions of events in minutes, reused afterwards.

``ensure_log(folder, events)`` builds (or finds, keyed by size, seed and schema) a real workbench DuckDB
file, a ``Store`` with every migration applied, holding a year of activity: registered learners
(marked ``is_demo``), an educator with one cohort of 1,000 of them, other learners outside it,
and events with the verbs and JSON the app writes ("logged-in", "ran-tests", "requested-hint",
"submitted" + "completed"/"failed", "skipped", "asked-tutor" + "tutor-replied", onboarding). Learners differ in
ability, learning speed, habits (a two-state chain of practising and lapsed days gives streaks
and gaps), breaks and drop-outs. The same rows go into an SQLite file next to it (tables users,
cohorts, cohort_members, events; indexes on events(user_id, occurred_at) and cohort_members),
so a benchmark compares like with like. In SQLite, timestamps are ISO text
``YYYY-MM-DD HH:MM:SS`` (UTC) and JSON is text, as ``json_extract`` reads it.

This is not the demo data (``engine.demo``), which drives the real engine API: the log is
generated column-wise with NumPy and Polars and written in big Arrow batches, the only way to
write ten million rows in minutes.

This module is where a log is stored and when it is rebuilt; the log itself is made in
``engine.synthetic``: who the learners are (``people``), what they did (``activity``), as the
rows the app writes (``rows``), written to both databases (``writer``).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import sqlite3
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from engine.bank import Bank
from engine.schema import MIGRATIONS
from engine.store import Store
from engine.synthetic.activity import EVENTS_TO_REGISTER, draw_events, too_few_events
from engine.synthetic.people import DAYS, END, draw_people
from engine.synthetic.writer import Progress, write_log

VERSION = 4  # bump when the generated shape changes: cached logs of another version are rebuilt
BANK_DIR = Path(__file__).resolve().parent.parent / "data" / "bank"


@dataclass(frozen=True)
class SyntheticLog:
    """A built log: where its two databases are and who is in it."""

    duckdb_path: Path
    sqlite_path: Path
    events: int  # rows in ``events`` (about the size asked for)
    learners: int
    cohort_id: int
    cohort_size: int
    educator_id: int
    sample_learner_id: int  # a cohort learner at the 90th percentile of activity: a busy learner
    seed: int
    first_at: datetime
    last_at: datetime
    build_s: float  # how long the build took (when reused: the original build's)

    def store(self) -> Store:
        """Open the DuckDB file as a workbench store (migrations still to come are applied)."""
        return Store(self.duckdb_path)

    def sqlite(self) -> sqlite3.Connection:
        return sqlite3.connect(self.sqlite_path)


def ensure_log(folder: str | Path, events: int = 10_000_000, *, seed: int = 7, cohort_size: int = 1000,
               learners: int | None = None, bank: Bank | None = None, progress: Progress | None = None) -> SyntheticLog:
    """The log of about ``events`` events for ``seed`` in ``folder``: reused when built before,
    else built (a few minutes for ten million). ``learners``: default one per 2,000 events, at
    least a quarter more than the cohort. ``progress(done, total)`` follows the rows written."""
    if events < 100:
        raise ValueError("events must be at least 100")
    learners = learners or max(cohort_size + cohort_size // 4, events // 2000)
    if learners < cohort_size:
        raise ValueError("learners must be at least the cohort size")
    if events <= EVENTS_TO_REGISTER * learners:  # refused before the folder and its lock file are made
        raise ValueError(too_few_events(learners))
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    # the schema is part of the key: a log built before a migration changed is rebuilt, not reused
    schema = hashlib.sha1("\n".join(MIGRATIONS).encode()).hexdigest()[:8]
    stem = f"log-{events}-s{seed}-c{cohort_size}-l{learners}-v{VERSION}-{schema}"
    manifest = folder / f"{stem}.json"
    with open(folder / f"{stem}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second process asking for the same log waits, then reuses it
        if manifest.exists():
            log = _load(manifest)
            if log.duckdb_path.exists() and log.sqlite_path.exists():
                return log
        return _build(folder, stem, events, seed, cohort_size, learners, bank or Bank(BANK_DIR), progress)


def _load(manifest: Path) -> SyntheticLog:
    data = json.loads(manifest.read_text())
    for key in ("duckdb_path", "sqlite_path"):
        data[key] = manifest.parent / data[key]
    for key in ("first_at", "last_at"):
        data[key] = datetime.fromisoformat(data[key])
    return SyntheticLog(**data)


def _build(folder: Path, stem: str, events: int, seed: int, cohort_size: int, learners: int, bank: Bank,
           progress: Progress | None) -> SyntheticLog:
    started = time.perf_counter()
    duck_path, lite_path = folder / f"{stem}.duckdb", folder / f"{stem}.sqlite"
    for path in (duck_path, lite_path, Path(f"{duck_path}.wal"), Path(f"{lite_path}-journal")):
        path.unlink(missing_ok=True)  # a build interrupted earlier: start again
    rng = np.random.default_rng(seed)
    people = draw_people(rng, learners, cohort_size)
    frame = draw_events(rng, people, bank, events)
    educator_id, cohort_id = write_log(duck_path, lite_path, people, frame, bank, progress)
    counts = frame.filter(pl.col("user").is_in(people["cohort"].tolist())).group_by("user").len()
    sample = int(counts.sort("len")["user"][int(0.9 * (counts.height - 1))]) if counts.height else int(people["cohort"][0])
    log = SyntheticLog(duckdb_path=duck_path, sqlite_path=lite_path, events=frame.height, learners=learners,
                       cohort_id=cohort_id, cohort_size=cohort_size, educator_id=educator_id,
                       sample_learner_id=sample, seed=seed, first_at=END - timedelta(days=DAYS), last_at=END,
                       build_s=round(time.perf_counter() - started, 1))
    data: dict[str, Any] = asdict(log)
    data.update(duckdb_path=duck_path.name, sqlite_path=lite_path.name,
                first_at=log.first_at.isoformat(), last_at=log.last_at.isoformat())
    manifest = folder / f"{stem}.json"
    partial = manifest.with_suffix(".json.part")
    partial.write_text(json.dumps(data, indent=2))
    partial.replace(manifest)  # the manifest appears last: a log with one is complete
    return log
