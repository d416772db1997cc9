"""The SQL console: one educator's cohorts, read-only, no way to a secret, limited in rows and time."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from factories import PASSWORD

from engine.cohorts import AccessDenied
from engine.console import Console, ConsoleError
from engine.spreadsheets import csv_bytes

EXERCISE = "python/apply-n-times"


@pytest.fixture
def setup(wb):
    """tess teaches ada; uma teaches cy; both learners have results; a cookie key is in the home."""
    from engine.accounts import cookie_key

    tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    uma = wb.register("uma", "uma@example.org", "Uma", PASSWORD, role="educator")
    spring, autumn = wb.create_cohort(tess.id, "Spring"), wb.create_cohort(uma.id, "Autumn")
    ada = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    cy_ = wb.register("cy_", "cy@example.org", "Cy", PASSWORD)
    wb.join_cohort(ada.id, spring.join_code)
    wb.join_cohort(cy_.id, autumn.join_code)
    for learner in (ada, cy_):
        wb.submit(learner.id, EXERCISE, "def apply_n_times(f, n, v):\n    return v\n")
    key = cookie_key(None, wb.settings.home)
    console = wb.data_console(tess.id, row_limit=50, timeout_s=1.0)
    yield wb, console, {"tess": tess, "uma": uma, "ada": ada, "cy_": cy_, "spring": spring}, key
    console.close()


def rows(console: Console, sql: str) -> list[tuple]:
    return console.run(sql).frame.rows()


def test_the_console_holds_only_the_educators_learners(setup):
    wb, console, who, _ = setup
    assert rows(console, "SELECT DISTINCT user_id FROM events ORDER BY 1") == [(who["ada"].id,)]
    assert rows(console, "SELECT id FROM users") == [(who["ada"].id,)]
    assert rows(console, "SELECT name FROM cohorts") == [("Spring",)]
    assert rows(console, "SELECT count(*) FROM attempts") == [(1,)]
    assert rows(console, "SELECT count(*) FROM submissions WHERE NOT passed") == [(1,)]
    assert rows(console, "SELECT count(*) FROM exercises")[0][0] == len(wb.exercises())


def test_learners_get_no_console(setup):
    wb, _, who, _ = setup
    with pytest.raises(AccessDenied):
        wb.data_console(who["ada"].id)


SECRETS = {
    "password hash": "SELECT password_hash FROM users",
    "email": "SELECT email FROM users",
    "join code": "SELECT join_code FROM cohorts",
    "learner code": "SELECT code FROM attempts",
    "read the cookie key": "SELECT * FROM read_text('{home}/cookie_key')",
    "read_csv the cookie key": "SELECT * FROM read_csv('{home}/cookie_key', header=false)",
    "cte around read_text": "WITH k AS (SELECT * FROM read_text('{home}/cookie_key')) SELECT * FROM k",
    "subquery reading the store": "SELECT * FROM (SELECT * FROM read_parquet('{home}/*.parquet'))",
    "glob the home": "SELECT * FROM glob('{home}/*')",
    "attach the main file": "ATTACH '{home}/workbench.duckdb' AS main_db",
    "query() attach": "SELECT * FROM query('ATTACH ''{home}/workbench.duckdb''')",
    "copy out": "COPY (SELECT * FROM users) TO '{home}/leak.csv'",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "pragma": "PRAGMA database_list",
    "set": "SET enable_external_access = true",
    "reset": "RESET lock_configuration",
    "two statements": "SELECT 1; SELECT password_hash FROM users",
    "environment": "SELECT getenv('WORKBENCH_COOKIE_KEY')",
}


@pytest.mark.parametrize("sql", SECRETS.values(), ids=SECRETS.keys())
def test_no_secret_is_reachable(setup, sql):
    wb, console, _, key = setup
    home = wb.settings.home
    with pytest.raises(ConsoleError):
        console.run(sql.format(home=home))
    assert not (home / "leak.csv").exists()


def test_the_catalog_shows_no_secret(setup):
    _, console, _, key = setup
    everything = str(rows(console, "SELECT * FROM duckdb_tables()")) + str(rows(console, "SELECT * FROM duckdb_columns()"))
    assert "password_hash" not in everything and "join_code" not in everything and "email" not in everything
    assert "workbench.duckdb" not in str(rows(console, "SELECT * FROM duckdb_databases()"))
    dumped = str(rows(console, "SELECT * FROM events")) + str(rows(console, "SELECT * FROM users"))
    assert key not in dumped and PASSWORD not in dumped


WRITES = {
    "insert": "INSERT INTO events (id, verb) VALUES (1, 'x')",
    "update": "UPDATE users SET name = 'x'",
    "delete": "DELETE FROM events",
    "drop": "DROP TABLE events",
    "create": "CREATE TABLE t AS SELECT 1",
    "create view": "CREATE VIEW v AS SELECT 1",
    "query() drop": "SELECT * FROM query('DROP TABLE events')",
    "explain analyze delete": "EXPLAIN ANALYZE DELETE FROM events",
    "explain a cte that deletes": "EXPLAIN ANALYZE WITH x AS (DELETE FROM events RETURNING id) SELECT count(*) FROM x",
    "explain, commented": "/* plan */ EXPLAIN -- of\nANALYZE DROP TABLE events",
    "checkpoint": "CHECKPOINT",
    "export": "EXPORT DATABASE '/tmp/x'",
}


@pytest.mark.parametrize("sql", WRITES.values(), ids=WRITES.keys())
def test_nothing_but_a_query_runs(setup, sql):
    wb, console, who, _ = setup
    before = wb.store.scalar("SELECT count(*) FROM events")
    with pytest.raises(ConsoleError):
        console.run(sql)
    assert rows(console, "SELECT count(*) FROM users") == [(1,)]
    assert wb.store.scalar("SELECT count(*) FROM events") == before


@pytest.mark.parametrize("sql", ["EXPLAIN SELECT verb, count(*) FROM events GROUP BY verb",
                                 "explain analyze SELECT count(*) FROM events", "-- why slow?\nEXPLAIN\nSELECT 1"])
def test_the_plan_of_a_query_is_a_query_too(setup, sql):
    """EXPLAIN was refused as if it wrote data: an analyst reads the plan of a slow query."""
    _, console, _, _ = setup
    result = console.run(sql)
    assert result.frame.columns == ["explain_key", "explain_value"]
    assert "─" in result.frame["explain_value"][0], "the plan, drawn in boxes"


CTE_WRITES = {
    "delete": "WITH x AS (DELETE FROM events RETURNING id) SELECT count(*) FROM x",
    "update": "WITH x AS (UPDATE learner_state SET level = 10 RETURNING 1) SELECT * FROM x",
    "insert": "WITH x AS (INSERT INTO users (id, username) VALUES (999, 'mallory') RETURNING 1) SELECT * FROM x",
    "second cte": "WITH a AS (SELECT 1), x AS (DELETE FROM attempts RETURNING id) SELECT count(*) FROM x",
    "copy": "WITH x AS (COPY (SELECT 1) TO '{home}/leak.csv') SELECT * FROM x",
}
COUNTS = ("SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM users) AS users, "
          "(SELECT count(*) FROM attempts) AS attempts, (SELECT max(level) FROM learner_state) AS level")


@pytest.mark.parametrize("sql", CTE_WRITES.values(), ids=CTE_WRITES.keys())
def test_a_data_change_inside_a_query_is_refused(setup, sql):
    wb, console, _, _ = setup
    before = rows(console, COUNTS)
    with pytest.raises(ConsoleError, match="Only queries run here: this statement changes data"):
        console.run(sql.format(home=wb.settings.home))
    assert rows(console, COUNTS) == before
    assert not (wb.settings.home / "leak.csv").exists()


@pytest.mark.parametrize("sql", list(CTE_WRITES.values())[:4], ids=list(CTE_WRITES)[:4])
def test_a_data_change_that_gets_past_the_check_is_rolled_back(setup, monkeypatch, sql):
    """Every query runs in a transaction that is rolled back: the copy holds even if the parse check missed one."""
    _, console, _, _ = setup
    monkeypatch.setattr(Console, "_changes_data", lambda self, text: False, raising=False)
    before = rows(console, COUNTS)
    assert console.run(sql).frame.height == 1, "it ran"
    assert rows(console, COUNTS) == before
    assert rows(console, "SELECT count(*) FROM users WHERE username = 'mallory'") == [(0,)]


def test_queries_still_run_limited_in_the_transaction(setup):
    _, console, who, _ = setup
    assert rows(console, "WITH u AS (SELECT id FROM users) SELECT id FROM u") == [(who["ada"].id,)]
    assert console.run("SELECT * FROM range(1000)").truncated
    with pytest.raises(ConsoleError, match="longer than 1 seconds"):
        console.run("SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b")
    assert rows(console, "SELECT count(*) FROM users") == [(1,)], "the transaction of the stopped query is gone"


def test_errors_after_the_first_rows_are_said_as_any_other(setup):
    wb, _, who, _ = setup
    console = wb.data_console(who["tess"].id, timeout_s=1.0)  # rows enough for some to come before the error
    try:
        with pytest.raises(ConsoleError, match="late"):  # the error reached us through Arrow
            console.run("SELECT CASE WHEN i > 9000 THEN error('late') ELSE i END FROM range(20000) t(i)")
        with pytest.raises(ConsoleError, match="longer than 1 seconds"):  # rows trickling in when the time is up
            console.run("SELECT a.i FROM range(3000000000) a(i) WHERE a.i % 1000000 = 0")
        assert rows(console, "SELECT 1") == [(1,)]
    finally:
        console.close()


def test_a_stopped_data_change_is_rolled_back_too(setup, monkeypatch):
    _, console, _, _ = setup
    monkeypatch.setattr(Console, "_changes_data", lambda self, text: False, raising=False)
    before = rows(console, COUNTS)
    with pytest.raises(ConsoleError, match="longer than 1 seconds"):
        console.run("WITH x AS (DELETE FROM events RETURNING id) "
                    "SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b, x")
    assert rows(console, COUNTS) == before


def test_rows_are_limited(setup):
    _, console, _, _ = setup
    result = console.run("SELECT * FROM range(1000)")
    assert result.frame.height == 50 and result.truncated
    small = console.run("SELECT * FROM range(10) ORDER BY range DESC")
    assert small.frame["range"].to_list() == list(range(9, -1, -1)) and not small.truncated


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT max(submitted_at) - max(submitted_at) AS spent FROM attempts", [("00:00:00",)]),
    ("SELECT INTERVAL 3 DAY AS spent, 1 AS n", [("3 days", 1)]),
    ("SELECT union_value(num := 2) AS u", [("2",)]),
    ("SELECT 42::VARIANT AS v", [("42",)]),
    ("SELECT '101'::BIT AS b", [("101",)]),
    ("SELECT 1 AS a, 2 AS a", [(1, 2)]),
], ids=["interval-of-a-difference", "interval", "union", "variant", "bit", "duplicate-names"])
def test_types_polars_cannot_take_come_back_as_text(setup, sql, expected):
    _, console, _, _ = setup
    assert rows(console, sql) == expected


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT 'infinity'::DATE AS d, DATE '2026-11-25' AS ok", [("infinity", date(2026, 11, 25))]),
    ("SELECT '-infinity'::TIMESTAMP AS t, 1 AS n", [("-infinity", 1)]),
    ("SELECT 'infinity'::TIMESTAMPTZ AS a, 'infinity'::TIMESTAMPTZ AS a", [("infinity", "infinity")]),
    ("SELECT DATE '5881580-07-10' AS far", [("5881580-07-10",)]),
    ("SELECT DATE '0001-01-01' AS first, TIMESTAMP '9999-12-31 23:59:59' AS last",
     [(date(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59))]),
    ("SELECT {'d': 'infinity'::DATE} AS s", [("{'d': infinity}",)]),
    ("SELECT [DATE '2026-11-25', 'infinity'::DATE] AS l", [("[2026-11-25, infinity]",)]),
    ("SELECT MAP {'a': 'infinity'::TIMESTAMP} AS m", [("{a=infinity}",)]),
    ("SELECT ['infinity'::DATE, NULL]::DATE[2] AS a", [("[infinity, NULL]",)]),
], ids=["infinite-date", "infinite-timestamp", "infinite-duplicates", "far-future", "the-calendars-ends", "in-a-struct",
        "in-a-list", "in-a-map", "in-an-array"])
def test_dates_beyond_the_calendar_come_back_as_text_and_write_to_csv(setup, sql, expected):
    """Polars panicked writing 'infinity' to CSV, which hung the Data page; the page's table could not
    draw it either. Dates within the years 1 to 9999 stay dates."""
    _, console, _, _ = setup
    assert rows(console, sql) == expected
    assert csv_bytes(console.run(sql).frame)


def test_a_long_query_is_stopped(setup):
    _, console, _, _ = setup
    with pytest.raises(ConsoleError, match="longer than 1 seconds"):
        console.run("SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b")
    assert rows(console, "SELECT 1") == [(1,)], "the console still works afterwards"


def test_queries_are_logged_without_their_rows(setup):
    wb, console, who, _ = setup
    wb.query_data(who["tess"].id, console, "SELECT count(*) FROM events")
    with pytest.raises(ConsoleError):
        wb.query_data(who["tess"].id, console, "DROP TABLE events")
    logged = wb.store.all("SELECT verb, context FROM events WHERE user_id = ? AND verb = 'queried-data' ORDER BY id",
                          [who["tess"].id])
    assert len(logged) == 2 and "DROP TABLE events" in logged[1][1]


@pytest.mark.parametrize("sql,message", [
    ("", "Type a query"),
    ("-- nothing", "There is no statement to run: write a SELECT"),
    ("/* a comment */ ;", "There is no statement to run"),
    ("SELEC 1", "Parser Error"),
    ("SELECT nope FROM events", "Binder Error"),
])
def test_mistakes_are_explained(setup, sql, message):
    _, console, _, _ = setup
    with pytest.raises(ConsoleError, match=message):
        console.run(sql)


def test_every_example_of_the_guide_runs_in_the_console(setup):
    """docs/data.md's example queries, as the Data page offers them: each one runs."""
    from engine.example_queries import example_queries
    from engine.workbench import DATA_DIR

    _, console, _, _ = setup
    examples = example_queries(DATA_DIR.parent / "docs" / "data.md")
    assert len(examples) >= 5 and "Weekly active learners" in examples
    for title, sql in examples.items():
        try:
            console.run(sql)
        except ConsoleError as exc:  # the message names the example that broke
            raise AssertionError(f"{title}: {exc}") from None


# -- a copy that outlives a change of the educator's cohorts (the Data page shares one between sessions)

def _leave(wb, who):
    wb.leave_cohort(who["ada"].id, who["spring"].id)


def _join(wb, who):
    wb.join_cohort(wb.register("eve", "eve@example.org", "Eve", PASSWORD).id, who["spring"].join_code)


def _leave_and_join_again(wb, who):
    _leave(wb, who)
    wb.join_cohort(who["ada"].id, who["spring"].join_code)


def _delete(wb, who):
    wb.delete_cohort(who["tess"].id, who["spring"].id)


def _new_cohort(wb, who):
    wb.create_cohort(who["tess"].id, "Summer")


def _rename(wb, who):
    wb.rename_cohort(who["tess"].id, who["spring"].id, "Spring term")


SCOPE_CHANGES = {"a learner leaves": _leave, "a learner joins": _join, "leaves and joins again": _leave_and_join_again,
                 "the cohort is deleted": _delete, "a cohort is created": _new_cohort, "the cohort is renamed": _rename}


@pytest.mark.parametrize("change", SCOPE_CHANGES.values(), ids=SCOPE_CHANGES.keys())
def test_a_change_of_the_educators_cohorts_makes_the_copy_stale(setup, change):
    wb, console, who, _ = setup
    assert not console.scope_changed()
    change(wb, who)
    assert console.scope_changed()
    fresh = wb.data_console(who["tess"].id)
    try:
        assert not fresh.scope_changed()
    finally:
        fresh.close()


OTHER_CHANGES = {
    "new activity": lambda wb, who: wb.submit(who["ada"].id, EXERCISE, "def apply_n_times(f, n, v):\n    return v\n"),
    "another educators learner leaves": lambda wb, who: wb.leave_cohort(who["cy_"].id, wb.cohorts(who["uma"].id)[0].id),
    "another educators new cohort": lambda wb, who: wb.create_cohort(who["uma"].id, "Winter"),
    "a learner of no cohort registers": lambda wb, who: wb.register("zed", "zed@example.org", "Zed", PASSWORD),
}


@pytest.mark.parametrize("change", OTHER_CHANGES.values(), ids=OTHER_CHANGES.keys())
def test_other_changes_keep_the_copy(setup, change):
    """New activity waits for the snapshot's age or a refresh: the copy is shared to be cheap."""
    wb, console, who, _ = setup
    change(wb, who)
    assert not console.scope_changed()


def test_a_learner_who_left_is_gone_from_the_next_copy(setup):
    wb, console, who, _ = setup
    _leave(wb, who)
    fresh = wb.data_console(who["tess"].id)
    try:
        assert rows(fresh, "SELECT id FROM users") == []
        assert rows(fresh, "SELECT count(*) FROM events") == [(0,)]
    finally:
        fresh.close()


def test_a_closed_console_says_it_was_replaced(setup):
    wb, _, who, _ = setup
    console = wb.data_console(who["tess"].id)
    console.close()
    with pytest.raises(ConsoleError, match="replaced by a newer one"):
        console.run("SELECT 1")
    console.close()  # twice is fine


# -- membership events of other educators' cohorts (another educator's cohort ids)

def test_the_console_leaves_out_joining_and_leaving_other_educators_cohorts(setup):
    wb, _, who, _ = setup
    autumn = wb.cohorts(who["uma"].id)[0]
    wb.join_cohort(who["ada"].id, autumn.join_code)
    wb.leave_cohort(who["ada"].id, autumn.id)
    console = wb.data_console(who["tess"].id)
    try:
        assert rows(console, "SELECT verb, object FROM events WHERE verb LIKE '%cohort' ORDER BY id") == [
            ("joined-cohort", str(who["spring"].id))]
        assert rows(console, "SELECT count(*) FROM events WHERE verb = 'submitted'") == [(1,)], "the rest stays"
    finally:
        console.close()


# -- the server: memory, threads, no files written, no folder named, nothing the SQL can change

SETTINGS = "SELECT current_setting('memory_limit'), current_setting('threads'), current_setting('temp_directory')"
CHANGE_SETTINGS = {
    "set memory": "SET memory_limit = '100GB'",
    "set temp": "SET temp_directory = '/tmp/spill'",
    "set threads": "SET threads = 64",
    "reset memory": "RESET memory_limit",
    "pragma memory": "PRAGMA memory_limit = '100GB'",
    "query() set": "SELECT * FROM query('SET memory_limit = ''100GB''')",
}


@pytest.mark.parametrize("sql", CHANGE_SETTINGS.values(), ids=CHANGE_SETTINGS.keys())
def test_the_limits_cannot_be_changed(setup, sql):
    _, console, _, _ = setup
    assert rows(console, SETTINGS) == [("488.2 MiB", 2, "")]
    with pytest.raises(ConsoleError):
        console.run(sql)
    assert rows(console, SETTINGS) == [("488.2 MiB", 2, "")]


def test_a_query_past_the_memory_limit_is_stopped_without_writing_to_disk(setup, tmp_path, monkeypatch):
    """DuckDB spilled into ``.tmp`` of the working directory (the repository's folder, on the server)."""
    wb, _, who, _ = setup
    server = tmp_path / "server"
    server.mkdir()
    monkeypatch.chdir(server)
    console = wb.data_console(who["tess"].id, timeout_s=60)
    try:
        with pytest.raises(ConsoleError, match="more than the console's 512 MB of memory"):
            console.run("SELECT count(*) FROM (SELECT range, range::VARCHAR || repeat('x', 40) AS s "
                        "FROM range(40000000) ORDER BY s DESC)")
        assert list(server.rglob("*")) == [], "nothing spilled"
        assert rows(console, "SELECT 1") == [(1,)], "the console still works afterwards"
    finally:
        console.close()


def test_a_result_too_large_to_show_is_refused_with_what_to_do(setup):
    _, console, _, _ = setup
    with pytest.raises(ConsoleError, match=r"The result holds more than the console shows \(32 MB\)"):
        console.run("SELECT repeat('x', 45000000) AS s, 1 AS n")
    with pytest.raises(ConsoleError, match=r"more than the console shows"):  # many rows, each well within the limit
        console.run("SELECT repeat('x', 1000000) AS s FROM range(10000)")
    assert rows(console, "SELECT length(repeat('x', 1000000))") == [(1000000,)], "a large text within the limit shows"


def test_the_settings_name_no_folder_of_the_server(setup):
    import os
    import tempfile
    from pathlib import Path

    wb, console, _, _ = setup
    settings = str(rows(console, "SELECT * FROM duckdb_settings()"))
    for folder in (os.getcwd(), str(Path.home()), tempfile.gettempdir(), str(wb.settings.home)):
        assert folder not in settings
    assert rows(console, "SELECT * FROM duckdb_secrets()") == []
    assert rows(console, "SELECT * FROM which_secret('s3://bucket/x', 's3')") == []


@pytest.mark.parametrize(("sql", "message"), [
    ("PIVOT events ON verb USING count(*) GROUP BY user_id", "PIVOT without an IN list is not supported here"),
    ("CHECKPOINT", "CHECKPOINT is refused"),
    ("-- first a comment\nFORCE CHECKPOINT", "FORCE is refused"),
    ("VACUUM", "VACUUM is refused"),
    ("/* x */ USE memory", "USE is refused"),
])
def test_refusals_name_what_was_typed(setup, sql, message):
    _, console, _, _ = setup
    with pytest.raises(ConsoleError, match=message):
        console.run(sql)


def test_a_pivot_with_its_values_named_runs(setup):
    _, console, who, _ = setup
    assert rows(console, "PIVOT events ON verb IN ('submitted', 'failed') USING count(*) GROUP BY user_id") == [
        (who["ada"].id, 1, 1)]


@pytest.mark.parametrize("sql", [
    "SELECT 1 AS x;\n-- done",
    "SELECT 1 AS x; /* done */ ;\n\n",
    "SELECT 1 AS x -- one\n;;",
    "-- first\nSELECT 1 AS x;",
])
def test_semicolons_and_comments_may_end_a_query(setup, sql):
    _, console, _, _ = setup
    assert rows(console, sql) == [(1,)]


def test_text_that_looks_like_an_ending_inside_a_string_is_kept(setup):
    _, console, _, _ = setup
    assert rows(console, "SELECT 'a; -- b' AS s, \"x;\" FROM (SELECT 1 AS \"x;\"); -- c") == [("a; -- b", 1)]


@pytest.mark.parametrize("sql,message", [
    ("SELECT 1; SELECT password_hash FROM users; -- done", "One statement"),
    ("SELECT 1; -- first\nDROP TABLE events;", "One statement"),
    ("DROP TABLE events; -- done", "DROP is refused"),
    ("WITH x AS (DELETE FROM events RETURNING id) SELECT count(*) FROM x; -- done", "changes data"),
    ("SELECT * FROM read_text('/etc/passwd'); /* done */", "disabled"),
])
def test_a_comment_at_the_end_lets_no_refused_statement_through(setup, sql, message):
    _, console, _, _ = setup
    with pytest.raises(ConsoleError, match=message):
        console.run(sql)
