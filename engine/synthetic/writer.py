"""Writing the synthetic log: its people and events into a workbench DuckDB file (a ``Store``
with every migration applied) and the same rows into an SQLite file next to it, in big Arrow
batches, the only way to write ten million rows in minutes.

In SQLite, timestamps are ISO text ``YYYY-MM-DD HH:MM:SS`` (UTC) and JSON is text, as
``json_extract`` reads it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import bcrypt
import polars as pl

from engine.bank import Bank
from engine.events import insert_frame
from engine.store import Store
from engine.synthetic.people import DAYS, END, People
from engine.synthetic.rows import rendered

PASSWORD = "synthetic-learner"  # one cheap hash shared by every synthetic account
CHUNK = 500_000  # rows per write batch

Progress = Callable[[int, int], None]

SQLITE_SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, email TEXT NOT NULL, name TEXT NOT NULL,
    password_hash TEXT NOT NULL, role TEXT NOT NULL, is_demo INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
    logged_out_at TEXT);
CREATE TABLE cohorts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, educator_id INTEGER NOT NULL,
    join_code TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE cohort_members (cohort_id INTEGER NOT NULL, user_id INTEGER NOT NULL, joined_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id));
CREATE TABLE events (id INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL, user_id INTEGER, verb TEXT NOT NULL,
    object TEXT, result TEXT, context TEXT, hints INTEGER, duration_s REAL);
"""
SQLITE_INDEXES = """
CREATE INDEX events_user_time ON events (user_id, occurred_at);
CREATE INDEX cohort_members_user ON cohort_members (user_id);
"""


def write_log(duck_path: Path, lite_path: Path, p: People, frame: pl.DataFrame, bank: Bank,
              progress: Progress | None) -> tuple[int, int]:
    """Write the people and the events (``frame``, from ``activity``) into new files at both paths,
    ``CHUNK`` events at a time; ``progress(done, total)`` follows the rows written to either.
    Returns the educator's id and the cohort's."""
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
        educator_id, cohort_id = write_people(store, lite, p)
        for offset in range(0, frame.height, CHUNK):
            chunk = rendered(frame.slice(offset, CHUNK), bank, offset)
            insert_frame(store, chunk)  # the app's bulk path
            advance(chunk.height)
            write_sqlite(lite, chunk)
            advance(chunk.height)
        # later appends by the app continue after the generated ids
        store.execute(f"SELECT max(nextval('events_id_seq')) FROM range({frame.height})")
        lite.executescript(SQLITE_INDEXES + "ANALYZE;")
        lite.commit()
        store.execute("CHECKPOINT")
    finally:
        store.close()
        lite.close()
    return educator_id, cohort_id


def write_people(store: Store, lite: sqlite3.Connection, p: People) -> tuple[int, int]:
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


def write_sqlite(lite: sqlite3.Connection, chunk: pl.DataFrame) -> None:
    rows = chunk.with_columns(pl.col("occurred_at").dt.strftime("%Y-%m-%d %H:%M:%S")).iter_rows()
    lite.executemany(f"INSERT INTO events ({', '.join(chunk.columns)}) VALUES ({', '.join('?' * chunk.width)})", rows)
    lite.commit()


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")
