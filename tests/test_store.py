"""The store: migrations, schema version, a cursor per thread, transactions."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from engine.schema import MIGRATIONS
from engine.store import Store

TABLES = {"schema_migrations", "users", "login_failures", "attempts", "drafts", "events", "skill_ratings"}


def tables(store: Store) -> set[str]:
    return {r[0] for r in store.all("SELECT table_name FROM information_schema.tables")}


def versions(store: Store) -> list[int]:
    return [r[0] for r in store.all("SELECT version FROM schema_migrations ORDER BY version")]


@pytest.mark.parametrize("where", ["memory", "file"])
def test_migrations_create_every_table(where: str, tmp_path: Path) -> None:
    store = Store() if where == "memory" else Store(tmp_path / "deep" / "folder" / "wb.duckdb")
    try:
        assert TABLES <= tables(store)
        assert versions(store) == list(range(1, len(MIGRATIONS) + 1))
    finally:
        store.close()


def test_file_store_creates_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "wb.duckdb"
    Store(path).close()
    assert path.is_file()


def test_migrate_returns_the_schema_version(store: Store) -> None:
    assert store.migrate() == len(MIGRATIONS) >= 1


def test_migrate_twice_is_a_no_op(store: Store) -> None:
    store.execute("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'viewed')")
    assert store.migrate() == len(MIGRATIONS)
    assert versions(store) == list(range(1, len(MIGRATIONS) + 1))
    assert store.scalar("SELECT count(*) FROM events") == 1


def test_reopening_a_file_store_keeps_data_and_applies_nothing_again(tmp_path: Path) -> None:
    path = tmp_path / "wb.duckdb"
    first = Store(path)
    first.execute("INSERT INTO events (occurred_at, verb, object) VALUES (current_timestamp, 'viewed', 'x')")
    applied = first.all("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    first.close()

    second = Store(path)
    try:
        assert second.all("SELECT version, applied_at FROM schema_migrations ORDER BY version") == applied
        assert second.scalar("SELECT object FROM events") == "x"
        assert TABLES <= tables(second)
    finally:
        second.close()


def test_an_older_database_is_upgraded_in_place(tmp_path: Path) -> None:
    """A database that recorded no migrations yet gets all of them on open."""
    path = tmp_path / "old.duckdb"
    raw = duckdb.connect(str(path))
    raw.execute("CREATE TABLE keep_me (x INTEGER)")
    raw.execute("INSERT INTO keep_me VALUES (42)")
    raw.close()
    store = Store(path)
    try:
        assert store.scalar("SELECT x FROM keep_me") == 42
        assert versions(store) == list(range(1, len(MIGRATIONS) + 1))
    finally:
        store.close()


@pytest.mark.parametrize(
    ("method", "sql", "params", "expected"),
    [
        ("scalar", "SELECT 1 + ?", [1], 2),
        ("scalar", "SELECT 1 WHERE false", None, None),
        ("one", "SELECT ?, ?", ["a", 2], ("a", 2)),
        ("one", "SELECT 1 WHERE false", None, None),
        ("all", "SELECT * FROM range(3)", None, [(0,), (1,), (2,)]),
        ("all", "SELECT $x * 2", {"x": 21}, [(42,)]),
    ],
    ids=["scalar", "scalar-no-row", "one", "one-no-row", "all", "all-named-params"],
)
def test_query_helpers(store: Store, method: str, sql: str, params: object, expected: object) -> None:
    assert getattr(store, method)(sql, params) == expected


def test_executemany_inserts_every_row_and_accepts_none(store: Store) -> None:
    sql = "INSERT INTO events (occurred_at, verb, object) VALUES (current_timestamp, 'viewed', ?)"
    store.executemany(sql, [["a"], ["b"], ["c"]])
    store.executemany(sql, [])
    assert store.scalar("SELECT count(*) FROM events") == 3


def test_each_thread_gets_its_own_cursor(store: Store) -> None:
    seen: dict[str, object] = {}

    def grab(name: str) -> None:
        seen[name] = store.cursor()
        assert store.cursor() is seen[name]  # stable within a thread

    threads = [threading.Thread(target=grab, args=(f"t{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.cursor() is store.cursor()
    assert len({id(c) for c in seen.values()} | {id(store.cursor())}) == 5


@pytest.mark.parametrize("where", ["memory", "file"])
def test_many_threads_write_and_read_at_once(where: str, tmp_path: Path) -> None:
    store = Store() if where == "memory" else Store(tmp_path / "wb.duckdb")
    threads_n, rows_each = 8, 40
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads_n)

    def work(n: int) -> None:
        try:
            barrier.wait()
            for i in range(rows_each):
                store.execute("INSERT INTO events (occurred_at, user_id, verb, object) "
                              "VALUES (current_timestamp, ?, 'viewed', ?)", [n, f"e{i}"])
                assert store.scalar("SELECT count(*) FROM events WHERE user_id = ?", [n]) == i + 1
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(threads_n)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors, errors
        assert store.scalar("SELECT count(*) FROM events") == threads_n * rows_each
    finally:
        store.close()


def test_transaction_commits(store: Store) -> None:
    with store.transaction() as cursor:
        cursor.execute("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'viewed')")
        store.execute("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'skipped')")
    assert store.scalar("SELECT count(*) FROM events") == 2


@pytest.mark.parametrize("error", [ValueError, KeyboardInterrupt], ids=["exception", "keyboard-interrupt"])
def test_transaction_rolls_back_and_reraises(store: Store, error: type[BaseException]) -> None:
    store.execute("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'viewed')")
    with pytest.raises(error):
        with store.transaction() as cursor:
            cursor.execute("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'skipped')")
            store.execute("DELETE FROM events WHERE verb = 'viewed'")
            raise error()
    assert store.all("SELECT verb FROM events") == [("viewed",)]
    # the store is usable afterwards (no transaction left open)
    with store.transaction():
        store.execute("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'skipped')")
    assert store.scalar("SELECT count(*) FROM events") == 2


def test_transaction_rolls_back_a_failed_statement(store: Store) -> None:
    with pytest.raises(duckdb.Error):
        with store.transaction():
            store.execute("INSERT INTO users (username, email, name, password_hash, role, created_at) "
                          "VALUES ('ada', 'a@b.c', 'Ada', 'x', 'learner', current_timestamp)")
            store.execute("INSERT INTO users (username, email, name, password_hash, role, created_at) "
                          "VALUES ('bob', 'a@b.c', 'Bob', 'x', 'superuser', current_timestamp)")  # CHECK fails
    assert store.scalar("SELECT count(*) FROM users") == 0


@pytest.mark.parametrize(
    ("sql", "ids"),
    [
        ("INSERT INTO events (occurred_at, verb) VALUES (current_timestamp, 'viewed') RETURNING id", (1, 2)),
        ("INSERT INTO attempts (user_id, exercise_id, submitted_at, passed, status) "
         "VALUES (1, 'python/x', current_timestamp, true, 'pass') RETURNING id", (1, 2)),
    ],
    ids=["events", "attempts"],
)
def test_ids_come_from_sequences(store: Store, sql: str, ids: tuple[int, int]) -> None:
    assert (store.scalar(sql), store.scalar(sql)) == ids


def test_a_log_from_before_the_attempt_columns_gets_them_from_its_results(tmp_path: Path) -> None:
    """Migration 13: the hints and seconds of the attempts already in the log are copied into their columns,
    as the log writes them from then on (other events keep them NULL)."""
    path = tmp_path / "twelve.duckdb"
    raw = duckdb.connect(str(path))
    raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for version, sql in enumerate(MIGRATIONS[:12], start=1):
        raw.execute(sql)
        raw.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
    raw.execute("""INSERT INTO events (occurred_at, user_id, verb, object, result) VALUES
        ('2026-03-02 09:00', 1, 'failed', 'python/digit-sum', '{"success": false, "hints": 2, "duration_s": 80.5}'),
        ('2026-03-02 09:05', 1, 'completed', 'python/digit-sum', '{"success": true, "hints": 0, "duration_s": null}'),
        ('2026-03-02 09:06', 1, 'requested-hint', 'python/fizzbuzz', '{"hint": 1}'),
        ('2026-03-02 09:07', 1, 'logged-in', NULL, NULL)""")
    raw.close()
    store = Store(path)
    try:
        assert store.all("SELECT verb, hints, duration_s FROM events ORDER BY id") == [
            ("failed", 2, 80.5), ("completed", 0, None), ("requested-hint", None, None), ("logged-in", None, None)]
    finally:
        store.close()
