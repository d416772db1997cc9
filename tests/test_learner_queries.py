"""The learner-scope analytics queries: each returns the same rows on DuckDB and on an SQLite copy
of the same log, answers for one learner only, and honours the time window."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import polars as pl
import pytest
from factories import PASSWORD, sqlite_twin
from practice_history import Try, daily, record

from engine import analytics
from engine.bank import Bank
from engine.events import Event
from engine.queries import learner as queries
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.workbench import Workbench

START = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)  # a Monday
SINCE = datetime(2026, 1, 12)
UNTIL = datetime(2026, 1, 26)


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory, sandbox: Sandbox, bank: Bank) -> Iterator[tuple[Workbench, dict[str, int]]]:
    """Two learners with weeks of varied practice, one with a single try; other verbs in between."""
    settings = Settings(home=tmp_path_factory.mktemp("home"), bcrypt_rounds=4)
    wb = Workbench(settings, store=Store(), sandbox=sandbox, bank=bank)
    users = {name: wb.register(name, f"{name}@example.org", name.title(), PASSWORD).id for name in ("ada", "bob", "cyd")}
    record(wb, users["ada"], START, daily([*range(0, 12), *range(20, 30)], per_day=3, seed=1))
    # seven clean passes in a row, then a hint: the clean-run query has something to find
    record(wb, users["ada"], START, [Try(30, minute=k) for k in range(7)] + [Try(30, hints=1, minute=8)])
    record(wb, users["bob"], START, daily(range(0, 40, 3), per_day=2, seed=2, pass_rate=0.5))
    record(wb, users["cyd"], START, [Try(3, "python/name-initials", passed=False, hints=2, duration_s=None)])
    wb.events.append_many([Event(users["ada"], "requested-hint", "python/digit-sum", {"hint": 1}, None, START),
                           Event(users["bob"], "logged-in", None, None, None, START + timedelta(days=2))])
    yield wb, users
    wb.close()


def plain(value: Any) -> Any:
    """A value as both engines can agree on it: dates and times as SQLite's text, floats rounded."""
    if isinstance(value, datetime | date):
        return str(value)
    if isinstance(value, float):
        return round(value, 9)
    return value


def duck_rows(store: Store, query: analytics.Query, params: dict[str, Any]) -> tuple[list[str], list[tuple]]:
    frame = analytics.run(store, query, **params)
    return frame.columns, [tuple(plain(v) for v in row) for row in frame.iter_rows()]


def lite_rows(lite: sqlite3.Connection, query: analytics.Query, params: dict[str, Any]) -> tuple[list[str], list[tuple]]:
    cursor = lite.execute(query.sqlite, {k: str(v) if isinstance(v, datetime) else v for k, v in params.items()})
    return [d[0] for d in cursor.description], [tuple(plain(v) for v in row) for row in cursor.fetchall()]


WINDOWS = {"all time": (None, None), "from a day": (SINCE, None), "until a day": (None, UNTIL),
           "two weeks": (SINCE, UNTIL)}


@pytest.mark.parametrize("window", WINDOWS, ids=list(WINDOWS))
@pytest.mark.parametrize("learner", ["ada", "bob", "cyd", "nobody"])
@pytest.mark.parametrize("query", queries.QUERIES, ids=[q.name for q in queries.QUERIES])
def test_duckdb_and_sqlite_return_the_same_rows(log, query: analytics.Query, learner: str, window: str) -> None:
    wb, users = log
    params = query.taking(queries.params(users.get(learner, 999), *WINDOWS[window], zone="UTC"))
    duck = duck_rows(wb.store, query, params)
    lite = lite_rows(sqlite_twin(wb.store), query, params)
    assert duck == lite


def test_every_learner_query_is_registered_with_the_same_parameters() -> None:
    names = [q.name for q in analytics.all_queries() if q.scope == "learner"]
    assert names == [q.name for q in queries.QUERIES]
    assert len(set(names)) == len(names)
    for query in queries.QUERIES:
        assert all(f"${p}" in query.duckdb and f":{p}" in query.sqlite for p in queries.PARAMS), query.name
        assert query.description


def frame(log, query: analytics.Query, learner: str, **window: datetime) -> pl.DataFrame:
    wb, users = log
    return analytics.run(wb.store, query, **query.taking(queries.params(users[learner], **window, zone="UTC")))


def test_exercises_count_tries_once_per_submission(log) -> None:
    wb, users = log
    [row] = frame(log, queries.EXERCISES, "cyd").rows(named=True)
    assert row == {"exercise_id": "python/name-initials", "attempts": 1, "passes": 0, "hints": 2,
                   "hints_per_attempt": 2.0, "minutes": 0.0, "last_at": datetime(2026, 1, 8, 8, 30)}
    attempts = wb.history(users["ada"], limit=1000)
    ada = frame(log, queries.EXERCISES, "ada")
    assert (ada["attempts"].sum(), ada["passes"].sum(), ada["hints"].sum()) == (
        len(attempts), sum(a.passed for a in attempts), sum(a.hints_used for a in attempts))
    assert ada["exercise_id"].to_list() == sorted({a.exercise_id for a in attempts})
    # each second once: an attempt's duration runs on from the one before it on the same exercise, until a pass
    added, before = 0.0, {}
    for a in sorted(attempts, key=lambda a: (a.submitted_at, a.id)):
        last = before.get(a.exercise_id)
        seconds = a.duration_s or 0
        added += seconds if last is None or last[1] or seconds < last[0] else seconds - last[0]
        before[a.exercise_id] = (seconds, a.passed)
    assert ada["minutes"].sum() == pytest.approx(added / 60)
    assert added < sum(a.duration_s or 0 for a in attempts), "the log holds retries whose time runs on"


def test_active_days_are_utc_days_with_tries(log) -> None:
    days = frame(log, queries.ACTIVE_DAYS, "bob")
    assert days["day"].to_list() == [date(2026, 1, 5) + timedelta(days=d) for d in range(0, 40, 3)]
    assert set(days["attempts"].to_list()) == {2}  # the log-in on a day without tries is not practice


def test_weeks_start_on_monday_and_respect_the_window(log) -> None:
    weeks = frame(log, queries.WEEKLY, "ada", since=SINCE, until=UNTIL)
    assert weeks["week"].to_list() == [date(2026, 1, 12), date(2026, 1, 19)]
    assert all(d.weekday() == 0 for d in frame(log, queries.WEEKLY, "bob")["week"].to_list())
    row = weeks.row(0, named=True)
    assert row["success_rate"] == pytest.approx(row["passes"] / row["attempts"])
    assert 1 <= row["mean_difficulty"] <= 3  # the exercises practised are of levels 1 to 3


def test_records_find_the_clean_runs_and_the_pass_milestones(log) -> None:
    wb, users = log
    records = frame(log, queries.RECORDS, "ada").row(0, named=True)
    assert records["longest_clean_run"] >= 7
    assert records["current_clean_run"] == 0  # the last try used a hint
    assert records["clean_run_reached_at"] <= datetime(2026, 2, 4, 8, 34)  # the fifth of the seven, or earlier
    passes = sorted(a.submitted_at.replace(tzinfo=None) for a in wb.history(users["ada"], limit=1000) if a.passed)
    for n in queries.SOLVED_MILESTONES:
        assert records[f"pass_{n}_at"] == (passes[n - 1] if n <= len(passes) else None), n
    nobody = analytics.run(wb.store, queries.RECORDS, **queries.params(999)).row(0, named=True)
    assert (nobody["longest_clean_run"], nobody["current_clean_run"], nobody["pass_1_at"]) == (0, 0, None)


def test_the_activity_version_moves_with_any_new_event(log) -> None:
    wb, users = log
    before = frame(log, queries.ACTIVITY_VERSION, "bob").item()
    wb.events.append(Event(users["ada"], "logged-in"))
    assert frame(log, queries.ACTIVITY_VERSION, "bob").item() == before, "another learner's event"
    wb.events.append(Event(users["bob"], "viewed", "python/digit-sum"))
    assert frame(log, queries.ACTIVITY_VERSION, "bob").item() > before
