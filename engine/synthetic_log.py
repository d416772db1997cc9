"""A bulk synthetic activity log, for benchmarks: millions of events in minutes, reused afterwards.

``ensure_log(folder, events)`` builds (or finds, keyed by size, seed and schema) a real workbench DuckDB
file, a ``Store`` with every migration applied, holding a year of activity: registered learners
(marked ``is_demo``), an educator with one cohort of 1,000 of them, other learners outside it,
and events with the verbs and JSON the app writes ("logged-in", "ran-tests", "requested-hint",
"submitted" + "completed"/"failed", "skipped", "asked-tutor", onboarding). Learners differ in
ability, learning speed, habits (a two-state chain of practising and lapsed days gives streaks
and gaps), breaks and drop-outs. The same rows go into an SQLite file next to it (tables users,
cohorts, cohort_members, events; indexes on events(user_id, occurred_at) and cohort_members),
so a benchmark compares like with like. In SQLite, timestamps are ISO text
``YYYY-MM-DD HH:MM:SS`` (UTC) and JSON is text, as ``json_extract`` reads it.

This is not the demo data (``engine.demo``), which drives the real engine API: the log is
generated column-wise with NumPy and Polars and written in big Arrow batches, the only way to
write ten million rows in minutes.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import bcrypt
import numpy as np
import polars as pl

from engine.bank import Bank
from engine.level import expected_seconds
from engine.schema import MIGRATIONS
from engine.store import Store

VERSION = 2  # bump when the generated shape changes: cached logs of another version are rebuilt
END = datetime(2026, 1, 1)  # the log covers the year before this (naive UTC, as stored)
DAYS = 365
PASSWORD = "synthetic-learner"  # one cheap hash shared by every synthetic account
CHUNK = 500_000  # rows per write batch
BANK_DIR = Path(__file__).resolve().parent.parent / "data" / "bank"

Progress = Callable[[int, int], None]

# verb codes of the generated frame, in the order used to break ties at one timestamp
_VERBS = ("registered", "answered-onboarding", "logged-in", "skipped", "ran-tests", "requested-hint",
          "submitted", "completed", "failed", "asked-tutor")
_V = {verb: code for code, verb in enumerate(_VERBS)}
_STEPS = ("languages", "levels", "goals", "style", "time")

SQLITE_SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL, name TEXT NOT NULL,
    password_hash TEXT NOT NULL, role TEXT NOT NULL, is_demo INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
    logged_out_at TEXT);
CREATE TABLE cohorts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, educator_id INTEGER NOT NULL,
    join_code TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE cohort_members (cohort_id INTEGER NOT NULL, user_id INTEGER NOT NULL, joined_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id));
CREATE TABLE events (id INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL, user_id INTEGER, verb TEXT NOT NULL,
    object TEXT, result TEXT, context TEXT);
"""
SQLITE_INDEXES = """
CREATE INDEX events_user_time ON events (user_id, occurred_at);
CREATE INDEX cohort_members_user ON cohort_members (user_id);
"""


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
    people = _people(rng, learners, cohort_size)
    frame = _events(rng, people, bank, events)
    total = 2 * frame.height
    done = 0

    def advance(rows: int) -> None:
        nonlocal done
        done += rows
        if progress:
            progress(done, total)

    store = Store(duck_path)
    lite = sqlite3.connect(lite_path)
    try:
        lite.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SQLITE_SCHEMA)
        educator_id, cohort_id = _write_people(store, lite, people)
        for offset in range(0, frame.height, CHUNK):
            chunk = _rendered(frame.slice(offset, CHUNK), bank, offset)
            _write_duckdb(store, chunk)
            advance(chunk.height)
            _write_sqlite(lite, chunk)
            advance(chunk.height)
        # later appends by the app continue after the generated ids
        store.execute(f"SELECT max(nextval('events_id_seq')) FROM range({frame.height})")
        lite.executescript(SQLITE_INDEXES + "ANALYZE;")
        lite.commit()
        store.execute("CHECKPOINT")
    finally:
        store.close()
        lite.close()
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


# -- who: learners with their habits -------------------------------------------------------------

def _people(rng: np.random.Generator, learners: int, cohort_size: int) -> dict[str, np.ndarray]:
    """Per-learner traits. Ids: 1 is the educator, learners are 2..learners+1."""
    n = learners
    start = np.where(rng.random(n) < 0.6, rng.integers(0, 30, n), rng.integers(0, 300, n))
    drops = rng.random(n) < 0.35
    stop = np.where(drops, start + 7 + rng.exponential(60, n).astype(int), DAYS)
    has_break = rng.random(n) < 0.3
    break_start = start + rng.integers(10, 200, n)
    break_end = np.where(has_break, break_start + rng.integers(10, 40, n), break_start)
    ids = np.arange(2, n + 2)
    return {
        "id": ids, "start": start, "stop": np.minimum(stop, DAYS), "break_start": break_start,
        "break_end": break_end,
        "ability": rng.normal(0.0, 1.0, n), "gain": rng.lognormal(np.log(0.8), 0.5, n),
        "stay": rng.beta(8, 2, n), "come_back": rng.beta(2, 5, n), "intensity": rng.lognormal(0.0, 0.6, n),
        "reach": rng.normal(0.0, 0.8, n), "hinty": rng.beta(2, 4, n), "runs": rng.gamma(2.0, 0.6, n),
        "skippy": rng.beta(1, 15, n),
        "hour": (rng.choice([7.5, 12.5, 18.0, 21.0], n) + rng.normal(0, 1.2, n)).clip(5, 22.5),
        "cohort": np.sort(rng.choice(ids, cohort_size, replace=False)),
    }


def _active_days(rng: np.random.Generator, p: dict[str, np.ndarray]) -> np.ndarray:
    """A learners x days matrix of practising days: a two-state chain (in the habit or lapsed)
    inside each learner's span, with an occasional break, so streaks and gaps both happen."""
    n = len(p["id"])
    active = np.zeros((n, DAYS), dtype=bool)
    state = rng.random(n) < 0.7
    for day in range(DAYS):
        draw = rng.random(n)
        state = np.where(state, draw < p["stay"], draw < p["come_back"])
        inside = (day >= p["start"]) & (day < p["stop"]) & ~((day >= p["break_start"]) & (day < p["break_end"]))
        active[:, day] = state & inside
    active[np.arange(n), np.minimum(p["start"], DAYS - 1)] = True  # everyone practises on day one
    return active


# -- what: attempts and the events around them ---------------------------------------------------

def _events(rng: np.random.Generator, p: dict[str, np.ndarray], bank: Bank, target: int) -> pl.DataFrame:
    """Every event as numbers (rendered to JSON per chunk), sorted by time."""
    exercises = sorted(bank, key=lambda e: e.id)
    if not exercises:
        raise ValueError("the bank holds no exercises")
    difficulty = np.array([e.difficulty for e in exercises])
    n_tests = np.array([max(1, len(e.test_names)) for e in exercises])
    n_hints = np.array([len(e.hints) for e in exercises])
    active = _active_days(rng, p)
    learner, day = np.nonzero(active)  # learner-major, days ascending
    # attempts per practising day, scaled so the log comes out at about ``target`` events
    # (5 to 6 events an attempt, besides registration; the surplus is thinned out below)
    target -= (1 + len(_STEPS)) * len(p["id"])
    if target <= 0:
        raise ValueError("too few events for this many learners: registering them takes 6 events each")
    per_day = p["intensity"][learner]
    per_day = per_day * (target / 5.0 * 1.3) / per_day.sum()
    counts = rng.poisson(per_day)
    a_learner, a_day = np.repeat(learner, counts), np.repeat(day, counts)
    a = len(a_learner)
    if a == 0:
        raise ValueError("too few events asked for")
    first = np.searchsorted(a_learner, np.arange(len(p["id"])))
    done_before = np.arange(a) - first[a_learner]
    theta = p["ability"][a_learner] + p["gain"][a_learner] * np.sqrt(done_before / 150)
    # learners pick around their level, some stretching further than others
    reach = p["reach"][a_learner]
    wanted = np.clip(np.rint(5.5 + 1.6 * (theta + reach) + rng.normal(0, 1.3, a)), 1, 10).astype(int)
    ex = _pick_exercises(rng, difficulty, wanted)
    gap = theta - (difficulty[ex] - 5.5) / 1.6
    struggle = 1 / (1 + np.exp(gap))
    hints = rng.binomial(n_hints[ex], np.clip(p["hinty"][a_learner] * struggle * 1.5, 0, 1))
    passed = rng.random(a) < 1 / (1 + np.exp(-(1.1 * gap + 0.8 + 0.45 * hints)))
    duration = np.round(np.array([expected_seconds(int(d)) for d in range(11)])[difficulty[ex]]
                        * rng.lognormal(0, 0.45, a) * np.exp(-0.15 * gap), 1)
    runs = rng.poisson(p["runs"][a_learner] * (1 + struggle))
    tests_total = n_tests[ex]
    tests_passed = np.where(passed, tests_total, np.floor(rng.random(a) * tests_total)).astype(int)
    grade_ms = np.round(28 + rng.lognormal(2.5, 0.4, a), 1)
    # a session starts near the learner's hour; its attempts follow each other
    session_key = a_learner.astype(np.int64) * DAYS + a_day
    new_session = np.r_[True, session_key[1:] != session_key[:-1]]
    session_start = (a_day * 86400 + (p["hour"][a_learner] * 3600 + rng.normal(0, 1500, a)).clip(0, 80000))
    spent = duration + 40 + runs * 20
    cum = np.cumsum(spent)
    base = np.maximum.accumulate(np.where(new_session, np.arange(a), 0))
    offset = cum - spent - (cum[base] - spent[base])
    begin = (session_start[base] + offset).astype(np.int64)
    end = begin + duration.astype(np.int64)
    # thin the surplus evenly: an attempt brings its runs, hints, two results, sometimes a login
    expected = 2 + runs + hints + new_session * (1 + 3 * p["skippy"][a_learner]) + 0.15 * ~passed
    keep = rng.random(a) < min(1.0, target / expected.sum())
    epoch = int((END - timedelta(days=DAYS) - datetime(1970, 1, 1)).total_seconds())
    uid = p["id"][a_learner]

    parts = []

    def add(rows: np.ndarray | slice, verb: int | np.ndarray, at: np.ndarray, **columns: Any) -> None:
        frame = {"at": at + epoch, "user": uid[rows], "verb": verb, **columns}
        parts.append(pl.DataFrame({k: (np.full(len(at), v) if np.isscalar(v) else v) for k, v in frame.items()}))

    k = np.flatnonzero(keep)
    add(k, _V["submitted"], end[k], ex=ex[k], success=passed[k], hints=hints[k], dur=duration[k],
        tp=tests_passed[k], tt=tests_total[k], ms=grade_ms[k])
    add(k, np.where(passed[k], _V["completed"], _V["failed"]), end[k], ex=ex[k], success=passed[k], hints=hints[k],
        dur=duration[k], tp=tests_passed[k], tt=tests_total[k], ms=grade_ms[k])
    r = np.repeat(k, runs[k])  # "Run tests" before submitting, failing until the last
    step = np.arange(len(r)) - np.repeat(np.cumsum(runs[k]) - runs[k], runs[k]) + 1
    frac = step / (runs[r] + 1)
    add(r, _V["ran-tests"], begin[r] + (duration[r] * frac).astype(np.int64), ex=ex[r],
        tp=np.floor(tests_passed[r] * frac).astype(int), tt=tests_total[r], ms=grade_ms[r])
    h = np.repeat(k, hints[k])
    hint = np.arange(len(h)) - np.repeat(np.cumsum(hints[k]) - hints[k], hints[k]) + 1
    add(h, _V["requested-hint"], begin[h] + (duration[h] * hint / (hints[h] + 1.5)).astype(np.int64), ex=ex[h],
        hint=hint)
    tutor = k[~passed[k] & (rng.random(len(k)) < 0.15)]
    add(tutor, _V["asked-tutor"], end[tutor] + 30, ex=ex[tutor], n1=rng.integers(200, 900, len(tutor)),
        n2=rng.integers(20, 240, len(tutor)))
    s = np.flatnonzero(new_session & keep)
    add(s, _V["logged-in"], begin[s] - 30)
    skip = s[rng.random(len(s)) < p["skippy"][a_learner[s]] * 3]
    add(skip, _V["skipped"], begin[skip] - 10, ex=rng.integers(0, len(exercises), len(skip)))
    # registration and the onboarding interview, on each learner's first day
    joined = (p["start"] * 86400 + p["hour"] * 3600 - 900).astype(np.int64)
    parts.append(pl.DataFrame({"at": joined + epoch, "user": p["id"], "verb": np.full(len(joined), _V["registered"])}))
    for i in range(len(_STEPS)):
        parts.append(pl.DataFrame({"at": joined + epoch + 60 * (i + 1), "user": p["id"],
                                   "verb": np.full(len(joined), _V["answered-onboarding"]),
                                   "step": np.full(len(joined), i)}))
    frame = pl.concat(parts, how="diagonal_relaxed")
    return frame.with_columns(pl.col("verb").cast(pl.Int8)).sort(["at", "user", "verb"])


def _pick_exercises(rng: np.random.Generator, difficulty: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """For each wanted level, a random exercise of the nearest level the bank has."""
    levels = np.unique(difficulty)
    nearest = levels[np.abs(levels[None, :] - np.arange(11)[:, None]).argmin(axis=1)]
    table = [np.flatnonzero(difficulty == nearest[level]) for level in range(11)]
    sizes = np.array([len(t) for t in table])
    padded = np.zeros((11, sizes.max()), dtype=int)
    for level, members in enumerate(table):
        padded[level, : len(members)] = members
    column = (rng.random(len(wanted)) * sizes[wanted]).astype(int)
    return padded[wanted, column]


def _rendered(chunk: pl.DataFrame, bank: Bank, offset: int) -> pl.DataFrame:
    """A chunk of numeric events as table rows: the JSON the app writes, as text."""
    exercises = sorted(bank, key=lambda e: e.id)
    ids = pl.Series([e.id for e in exercises])
    contexts = pl.Series([json.dumps({"skills": list(e.skills), "difficulty": e.difficulty}) for e in exercises])
    verb, c = pl.col("verb"), pl.col

    def text(name: str) -> pl.Expr:
        return c(name).cast(pl.Utf8)

    status = pl.when(c("success")).then(pl.lit("pass")).otherwise(pl.lit("fail"))
    summary = [pl.lit('"status": "'), pl.when(verb == _V["ran-tests"]).then(
        pl.when(c("tp") == c("tt")).then(pl.lit("pass")).otherwise(pl.lit("fail"))).otherwise(status),
        pl.lit('", "tests_passed": '), text("tp"), pl.lit(', "tests_total": '), text("tt"),
        pl.lit(', "duration_ms": '), text("ms"), pl.lit("}")]
    submission = pl.concat_str([pl.lit('{"success": '), pl.when(c("success")).then(pl.lit("true")).otherwise(pl.lit("false")),
                                pl.lit(', "hints": '), text("hints"), pl.lit(', "duration_s": '), text("dur"),
                                pl.lit(", "), *summary])
    on_exercise = verb.is_in([_V[v] for v in ("submitted", "completed", "failed")])
    result = (pl.when(on_exercise).then(submission)
              .when(verb == _V["ran-tests"]).then(pl.concat_str([pl.lit("{"), *summary]))
              .when(verb == _V["requested-hint"]).then(pl.concat_str([pl.lit('{"hint": '), text("hint"), pl.lit("}")]))
              .when(verb == _V["asked-tutor"]).then(pl.concat_str([pl.lit('{"reply_chars": '), text("n1"), pl.lit("}")]))
              .when(verb == _V["answered-onboarding"]).then(
                  pl.when(c("step") == len(_STEPS) - 1).then(pl.lit('{"completed": true}'))
                  .otherwise(pl.lit('{"completed": false}'))))
    context = (pl.when(on_exercise).then(c("ex").replace_strict(range(len(exercises)), contexts, default=None))
               .when(verb == _V["registered"]).then(pl.lit('{"role": "learner"}'))
               .when(verb == _V["asked-tutor"]).then(pl.concat_str([pl.lit('{"message_chars": '), text("n2"), pl.lit("}")])))
    obj = (pl.when(verb == _V["answered-onboarding"]).then(c("step").replace_strict(range(len(_STEPS)), list(_STEPS),
                                                                                      default=None))
           .otherwise(c("ex").replace_strict(range(len(exercises)), ids, default=None)))
    return chunk.select(
        pl.int_range(offset + 1, offset + 1 + chunk.height, dtype=pl.Int64).alias("id"),
        pl.from_epoch(c("at"), time_unit="s").alias("occurred_at"),
        c("user").cast(pl.Int32).alias("user_id"),
        verb.replace_strict(range(len(_VERBS)), list(_VERBS), return_dtype=pl.Utf8).alias("verb"),
        obj.alias("object"), result.alias("result"), context.alias("context"))


# -- writing ---------------------------------------------------------------------------------------

def _write_people(store: Store, lite: sqlite3.Connection, p: dict[str, np.ndarray]) -> tuple[int, int]:
    """Users, the cohort and its members, with the same ids in both databases."""
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()
    first = END - timedelta(days=DAYS)
    joined = [first + timedelta(days=int(s), hours=float(h) - 0.25) for s, h in zip(p["start"], p["hour"], strict=True)]
    users = [(1, "synthetic-educator", "educator@example.org", "Synthetic Educator", hashed, "educator", True, first)]
    users += [(int(i), f"learner{i:06d}", f"learner{i}@example.org", f"Learner {i}", hashed, "learner", True, at)
              for i, at in zip(p["id"], joined, strict=True)]
    frame = pl.DataFrame(users, schema=["id", "username", "email", "name", "password_hash", "role", "is_demo",
                                        "created_at"], orient="row")
    cursor = store.cursor()
    cursor.register("new_users", frame.to_arrow())
    cursor.execute("INSERT INTO users (id, username, email, name, password_hash, role, is_demo, created_at) "
                   "SELECT * FROM new_users")
    cursor.unregister("new_users")
    store.execute(f"SELECT max(nextval('users_id_seq')) FROM range({len(users)})")
    cohort_id = int(store.scalar("INSERT INTO cohorts (name, educator_id, join_code, created_at) "
                                 "VALUES ('Synthetic cohort', 1, 'SYNTH-1000', ?) RETURNING id", [first]))
    when = dict(zip(p["id"].tolist(), joined, strict=True))
    members = [(cohort_id, int(u), when[int(u)]) for u in p["cohort"]]
    store.executemany("INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES (?, ?, ?)", members)
    lite.executemany("INSERT INTO users (id, username, email, name, password_hash, role, is_demo, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(*u[:6], int(u[6]), _iso(u[7])) for u in users])
    lite.execute("INSERT INTO cohorts VALUES (?, 'Synthetic cohort', 1, 'SYNTH-1000', ?)", [cohort_id, _iso(first)])
    lite.executemany("INSERT INTO cohort_members VALUES (?, ?, ?)", [(c, u, _iso(at)) for c, u, at in members])
    lite.commit()
    return 1, cohort_id


def _write_duckdb(store: Store, chunk: pl.DataFrame) -> None:
    cursor = store.cursor()
    cursor.register("new_events", chunk.to_arrow())
    cursor.execute("INSERT INTO events (id, occurred_at, user_id, verb, object, result, context) "
                   "SELECT id, occurred_at, user_id, verb, object, result, context FROM new_events")
    cursor.unregister("new_events")


def _write_sqlite(lite: sqlite3.Connection, chunk: pl.DataFrame) -> None:
    rows = chunk.with_columns(pl.col("occurred_at").dt.strftime("%Y-%m-%d %H:%M:%S")).iter_rows()
    lite.executemany("INSERT INTO events (id, occurred_at, user_id, verb, object, result, context) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    lite.commit()


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")
