"""The analytics views: what analysts may see of the store, without secrets, scoped to a viewer.

One list decides it for the SQL console, the Parquet export and the snapshot notebooks read:
``TABLES`` names each table analysts get and the columns copied (never ``password_hash``,
``email``, ``logged_out_at``, join codes, learner code, drafts or login throttling), and
``VIEWS`` defines the convenience views over them, the same in every place. ``docs/data.md``
documents both. ``scoped_tables`` reads the tables for one educator (their cohorts' learners)
or, with no educator, for everyone (the command line, run by whoever runs the server).
``open_snapshot`` puts the same tables and views over a Parquet snapshot: the notebooks' setup.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from engine.bank import Bank
from engine.chart_words import count, timed
from engine.clock import to_aware_utc, utcnow
from engine.queries.hints import hints_used
from engine.queries.verbs import PRACTICE, TRIES
from engine.store import Store


@dataclass(frozen=True)
class Table:
    name: str
    select: str  # from the store
    user_column: str | None  # the column scoping rows to visible learners (None: not learner data)
    description: str


TABLES: tuple[Table, ...] = (
    Table("users", "SELECT id, username, name, role, is_demo, created_at FROM users", "id",
          "Accounts, without email, password hash or session data."),
    Table("events", "SELECT id, occurred_at, user_id, verb, object, result, context, hints, duration_s FROM events",
          "user_id", "The activity log: who did what, when, with what result (JSON) in what context (JSON); an "
          "attempt's hints and seconds as columns too."),
    Table("attempts", "SELECT id, user_id, exercise_id, submitted_at, passed, status, tests_passed, tests_total, "
          "hints_used, duration_s FROM attempts", "user_id", "Every graded submission or recorded result, without the code."),
    Table("cohorts", "SELECT id, name, educator_id, created_at FROM cohorts", None, "Cohorts, without join codes."),
    Table("cohort_members", "SELECT cohort_id, user_id, joined_at FROM cohort_members", "user_id",
          "Who is in which cohort, since when."),
    Table("learner_state", "SELECT user_id, ability, variance, evidence, level, level_pinned, last_result_at "
          "FROM learner_state", "user_id", "The learner model: general ability (logits) and the visible level."),
    Table("skill_ratings", "SELECT user_id, skill, deviation, variance, evidence FROM skill_ratings", "user_id",
          "The learner model: each learner's deviation from their general ability per skill."),
    Table("exercise_ratings", "SELECT exercise_id, difficulty, variance, evidence FROM exercise_ratings", None,
          "The model's calibrated difficulty of each exercise (logits), from every learner's results."),
)

MEMBERSHIP_VERBS = ("joined-cohort", "left-cohort")  # events whose object is a cohort a learner is or was in


# the graded attempts, JSON flattened; ``shown``, the log's running count of hints (repeated on a retry),
# becomes ``hints`` beside ``new_hints``, each hint counted once as the cohort dashboard counts them
_GRADED = f"""
        SELECT id, occurred_at, user_id, object AS exercise_id, verb = 'completed' AS passed,
               hints AS hints_shown, coalesce(hints, 0) AS shown, duration_s,
               CAST(context->>'difficulty' AS INTEGER) AS difficulty,
               CAST(context->'skills' AS VARCHAR[]) AS skills
        FROM events WHERE verb IN {TRIES}"""

VIEWS: dict[str, str] = {
    "submissions": f"""
        SELECT g.id, g.occurred_at, g.user_id, g.exercise_id, g.passed, g.hints_shown AS hints, g.hints AS new_hints,
               g.duration_s, g.difficulty, g.skills
        FROM ({hints_used(f"({_GRADED})", "exercise_id", greatest="greatest")}) AS g""",
    "daily_activity": f"""
        SELECT user_id, CAST(occurred_at AS DATE) AS day, count(*) AS events,
               count(*) FILTER (WHERE verb IN {PRACTICE}) AS practice,
               count(*) FILTER (WHERE verb IN {TRIES}) AS attempts,
               count(*) FILTER (WHERE verb = 'completed') AS passes
        FROM events WHERE user_id IS NOT NULL GROUP BY ALL""",
}
VIEW_DESCRIPTIONS = {
    "submissions": "One row per graded attempt, JSON flattened: passed, hints (shown so far, repeated on retries), "
                   "new_hints (each hint counted once, as the dashboard does), seconds, authored difficulty, skills.",
    "daily_activity": "Events, practice events (as the dashboard counts activity), attempts and passes per learner "
                      "per UTC day.",
    "exercises": "The exercise bank: id, title, skills, authored difficulty (1-10).",
}


def scope_fingerprint(store: Store, educator_id: int | None) -> int | None:
    """A number that changes whenever what ``educator_id`` may see changes: a learner joins or leaves one
    of their cohorts (leaving and joining again too: the join's time differs), a cohort of theirs is
    created, renamed or deleted. One small query on the cohort tables, cheap enough to ask on every use
    of a cached copy (the Data page's console); None with no educator (everyone is seen anyway)."""
    if educator_id is None:
        return None
    return int(store.scalar(
        "SELECT hash(list((c.id, c.name, m.user_id, m.joined_at) ORDER BY c.id, m.user_id)) "
        "FROM cohorts c LEFT JOIN cohort_members m ON m.cohort_id = c.id WHERE c.educator_id = ?", [educator_id]))


def visible_users(store: Store, educator_id: int | None) -> list[int] | None:
    """The learners an educator may see (their cohorts' members); None: everyone (no educator)."""
    if educator_id is None:
        return None
    rows = store.all("SELECT DISTINCT m.user_id FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id "
                     "WHERE c.educator_id = ? ORDER BY 1", [educator_id])
    return [r[0] for r in rows]


def scope(table: Table, educator_id: int | None, users: list[int] | None) -> list[str]:
    """The conditions that keep a table's rows to what ``educator_id`` may see (``users``, from
    ``visible_users``); none with no educator. Ids are integers from the store, written inline, as
    COPY takes no parameters."""
    if educator_id is None or users is None:
        return []
    own_cohorts = f"SELECT id FROM cohorts WHERE educator_id = {int(educator_id)}"
    if table.name == "cohorts":
        return [f"id IN ({own_cohorts})"]
    if table.name == "cohort_members":  # where else their learners are is not theirs to read
        return [f"cohort_id IN ({own_cohorts})"]
    if table.user_column is None:
        return []
    visible = [f"{table.user_column} IN ({', '.join(str(int(u)) for u in users) or 'NULL'})"]
    if table.name == "events":  # nor when their learners joined or left another educator's cohort
        verbs = ", ".join(f"'{verb}'" for verb in MEMBERSHIP_VERBS)
        visible.append(f"(verb NOT IN ({verbs}) OR object IN (SELECT CAST(id AS VARCHAR) FROM ({own_cohorts})))")
    return visible


def scoped_select(table: Table, educator_id: int | None, users: list[int] | None, *more: str) -> str:
    """The table's rows that ``educator_id`` may see, and that meet ``more`` conditions."""
    conditions = [*scope(table, educator_id, users), *more]
    return f"SELECT * FROM ({table.select}) AS t" + (f" WHERE {' AND '.join(conditions)}" if conditions else "")


def scoped_tables(store: Store, educator_id: int | None) -> Iterator[tuple[Table, pa.Table]]:
    """Each analytics table as Arrow, holding only what ``educator_id`` may see (all with None)."""
    users = visible_users(store, educator_id)
    for table in TABLES:
        yield table, store.cursor().sql(scoped_select(table, educator_id, users)).to_arrow_table()


def exercises_table(bank: Bank) -> pa.Table:
    exercises = sorted(bank, key=lambda e: e.id)
    return pa.table({"id": [e.id for e in exercises], "title": [e.title for e in exercises],
                     "skills": [list(e.skills) for e in exercises], "difficulty": [e.difficulty for e in exercises]})


# -- over a Parquet snapshot (the notebooks) ----------------------------------------------------

# the events of a snapshot without any (an educator whose cohorts are empty): no partition to read
_NO_EVENTS = ("SELECT NULL::BIGINT AS id, NULL::TIMESTAMP AS occurred_at, NULL::INTEGER AS user_id, NULL::VARCHAR AS verb, "
              "NULL::VARCHAR AS object, NULL::JSON AS result, NULL::JSON AS context, NULL::INTEGER AS hints, "
              "NULL::DOUBLE AS duration_s, NULL::VARCHAR AS month WHERE false")
# JSON again, as in the store, whether the snapshot wrote it as text (today) or as JSON (before)
_AS_JSON = "* REPLACE (CAST(result AS JSON) AS result, CAST(context AS JSON) AS context)"
# a snapshot written before the log kept an attempt's hints and seconds as columns too: read out of its result
_FROM_RESULT = ("* EXCLUDE (month), CAST(result->>'hints' AS INTEGER) AS hints, "
                "CAST(result->>'duration_s' AS DOUBLE) AS duration_s, month")  # the columns in today's order


def open_snapshot(folder: str | Path, *, home: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection (in memory) over the Parquet snapshot in ``folder``, as the SQL console
    has it: a view per analytics table (``TABLES``; ``events`` across its monthly partitions, with
    their ``month``), ``exercises``, and the convenience ``VIEWS`` (``submissions``,
    ``daily_activity``). What a notebook's setup cell calls; the snapshot's files are only read.

    With no snapshot in ``folder`` and a ``home`` given, takes one first from the workbench there
    (``Workbench.snapshot``), with demo data on an empty install. That opens the store, so it works
    only while the app is stopped; with the app running, write one from the Data page instead."""
    folder = Path(folder)
    if not (folder / "manifest.json").exists():
        if home is None:
            raise FileNotFoundError(f"No snapshot in {folder}: write one with \"Write a Parquet snapshot\" on the "
                                    "Data page, or `python -m engine export --parquet DIR`.")
        _take_snapshot(Path(home), folder)
    con = duckdb.connect()
    partitions = folder / "events" / "*" / "*.parquet"
    events = _NO_EVENTS
    if any(folder.glob("events/*/*.parquet")):
        source = f"read_parquet('{_quoted(partitions)}', hive_partitioning = true)"
        columns = {column for column, *_ in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        events = f"SELECT {'*' if 'hints' in columns else _FROM_RESULT} FROM (SELECT {_AS_JSON} FROM {source})"
    con.execute(f"CREATE VIEW events AS {events}")
    for name in [t.name for t in TABLES if t.name != "events"] + ["exercises"]:
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{_quoted(folder / f'{name}.parquet')}')")
    for name, sql in VIEWS.items():
        con.execute(f"CREATE VIEW {name} AS {sql}")
    return con


def snapshot_summary(con: duckdb.DuckDBPyConnection, folder: str | Path | None = None, *,
                     now: datetime | None = None) -> str:
    """What an ``open_snapshot`` connection holds, for a notebook's setup to print: "1,234 tries by 12
    learners.", saying so when every learner in it is a demo account. With its ``folder``, two more lines
    say when the snapshot was taken (its manifest), how long before ``now``, and how to take it again:
    a snapshot is a copy, and stays as it was however the data changes after it."""
    [(tries, learners)] = con.sql("SELECT count(*), count(DISTINCT user_id) FROM submissions").fetchall()
    summary = f"{tries:,} {'try' if tries == 1 else 'tries'} by {learners:,} {'learner' if learners == 1 else 'learners'}."
    [(demo, real)] = con.sql("SELECT count(*) FILTER (WHERE is_demo), count(*) FILTER (WHERE NOT is_demo) "
                             "FROM users WHERE role = 'learner'").fetchall()
    if demo and not real:
        summary += " Demo data: every learner in it is a demo account."
    if folder is None:
        return summary
    folder = Path(folder)
    taken = snapshot_taken_at(folder)
    when = ("Taken at a time its manifest does not say" if taken is None
            else f"Taken {timed(taken)}, {_ago(taken, now or utcnow())}")
    return f"{summary}\n{when}: what changed since is not in it.\n{_how_to_refresh(folder)}"


def snapshot_taken_at(folder: str | Path) -> datetime | None:
    """When the snapshot in ``folder`` was written (aware, UTC), from its manifest.json; None when the
    manifest does not say. The moment its data ends: the week that holds it was not over yet."""
    try:
        written = json.loads((Path(folder) / "manifest.json").read_text()).get("written_at")
        return to_aware_utc(datetime.fromisoformat(written)) if isinstance(written, str) else None
    except (OSError, ValueError):
        return None


def _ago(moment: datetime, now: datetime) -> str:
    seconds = (now - moment).total_seconds()
    for unit, length in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= length:
            return f"{count(int(seconds // length), unit)} ago"
    return "just now"


def _how_to_refresh(folder: Path) -> str:
    """How to take the snapshot in ``folder`` again, as its manifest and name tell what wrote it: the Data page
    (an educator's, written on the server or downloaded and unzipped) or the command line (everyone's)."""
    try:
        educator = json.loads((folder / "manifest.json").read_text()).get("educator_id")
    except (OSError, ValueError):
        educator = None
    if educator is not None and folder.name == f"educator-{educator}":
        return ("To refresh it, press \"Write a Parquet snapshot of my cohorts\" on the Data page (under \"On the "
                "server instead\"): it rewrites this folder.")
    if educator is not None and (folder / "README.txt").is_file():  # the zip's README: a download, unzipped
        return (f"To refresh it, \"Prepare download\" on the Data page and unzip the new zip in place of {folder}, or "
                "press \"Write a Parquet snapshot of my cohorts\" there (under \"On the server instead\") and set "
                "WORKBENCH_SNAPSHOT to the folder the page names.")
    if educator is not None:
        return ("To refresh it, take it again from the Data page: \"Write a Parquet snapshot of my cohorts\" (under \"On "
                "the server instead\") writes a folder the page names, \"Prepare download\" a zip to unzip; set "
                "WORKBENCH_SNAPSHOT to that folder.")
    home = folder.parent.parent if folder.parent.name == "snapshots" else None
    export = f"python -m engine export --parquet {shlex.quote(str(folder))}"
    command = (f"`WORKBENCH_HOME={shlex.quote(str(home))} {export}`" if home else
               f"`{export}` with WORKBENCH_HOME set to the app's home")
    return (f"To refresh it, stop the app and run {command}, or delete the folder and run this setup again (it takes "
            "a new one). While the app runs, \"Write a Parquet snapshot of my cohorts\" on its Data page (under \"On "
            "the server instead\") writes your cohorts' activity to a folder it names: set WORKBENCH_SNAPSHOT to it.")


def _take_snapshot(home: Path, folder: Path) -> None:
    """Take the snapshot ``open_snapshot`` found missing, from the workbench in ``home``, and say so. An empty
    install gets demo data first, and a ``home`` with no workbench yet (a mistyped WORKBENCH_HOME: opening
    it makes a new one) is said loudly, naming the folder, as its figures are then made up."""
    from engine.workbench import Workbench  # here, not above: the workbench itself reads this module

    new = not (home / "workbench.duckdb").is_file()
    try:
        wb = Workbench.open(home)
    except duckdb.IOException as exc:  # most often the app, which holds the database while it runs
        raise FileNotFoundError(f"No snapshot in {folder}, and the workbench in {home} cannot be opened to take one "
                                f"({exc}). While the app runs, press \"Write a Parquet snapshot of my cohorts\" on its "
                                "Data page (under \"On the server instead\") and set WORKBENCH_SNAPSHOT to the folder "
                                "the page names.") from exc
    with wb:
        loaded = wb.load_demo(learners=12, days=28) if wb.accounts.count() == 0 else None
        wb.snapshot(folder)
    if loaded is None:
        print(f"No snapshot in {folder} yet: took one now from the workbench in {home}.")
        return
    made_up = (f"demo data ({len(loaded.learners)} made-up learners over {loaded.days} days): the figures below are not "
               f"anyone's real work, and the snapshot {folder} holds them.")
    if new:
        print(f"WARNING: there was no workbench in {home}, so a new one was created there and filled with {made_up} Is "
              "WORKBENCH_HOME mistyped? It should name the app's home, the folder holding workbench.duckdb; delete "
              f"{home} if it was a slip.", file=sys.stderr)
    else:
        print(f"WARNING: the workbench in {home} had no accounts, so it was filled with {made_up} Remove them with "
              f"`WORKBENCH_HOME={shlex.quote(str(home))} python -m engine demo --remove`, and delete that folder.",
              file=sys.stderr)


def _quoted(path: Path) -> str:
    """A path inside a SQL string literal."""
    return str(path).replace("'", "''")
