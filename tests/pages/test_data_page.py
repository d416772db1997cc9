"""AppTest of the Data page: the read-only SQL console, its limits, the quick chart, the snapshot (a zip to
download, or a folder on the server)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import polars as pl
import pyarrow as pa
import pytest
from factories import REPO
from streamlit.testing.v1 import AppTest

APP = str(REPO / "app.py")
PAGE = "pages/data.py"
EXERCISE = "python/apply-n-times"


@pytest.fixture
def tess(wb):
    tess = wb.register("tess", "tess@example.org", "Tess Teacher", "password123", role="educator")
    cohort = wb.create_cohort(tess.id, "Spring")
    for name in ("ada", "bob"):
        learner = wb.register(name, f"{name}@example.org", name.title(), "password123")
        wb.join_cohort(learner.id, cohort.join_code)
        wb.record_result(learner.id, EXERCISE, name == "ada", duration_s=90)
    outsider = wb.register("cyd", "cyd@example.org", "Cyd", "password123")
    wb.record_result(outsider.id, EXERCISE, True)
    return tess


def open_page(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def run_sql(at: AppTest, sql: str) -> AppTest:
    at.text_area(key="sql").input(sql)
    at.button(key="FormSubmitter:query-Run").click().run()
    assert not at.exception, at.exception
    return at


def test_the_example_query_runs_with_a_table_download_and_chart(wb, tess):
    at = open_page(tess)
    assert [t.value for t in at.title] == ["Data"]
    assert "Analysts' guide (Markdown)" in [b.label for b in at.download_button]  # the columns and examples, in hand
    at.button(key="FormSubmitter:query-Run").click().run()
    table = at.dataframe[-1].value
    assert set(table.columns) == {"verb", "events"}
    assert dict(zip(table["verb"], table["events"], strict=True))["completed"] == 1  # ada's pass, not cyd's
    assert "Download CSV" in [b.label for b in at.download_button]
    assert len(at.get("vega_lite_chart")) == 1
    assert at.selectbox(key="chart_x").value == "verb" and at.selectbox(key="chart_y").value == "events"


def test_an_example_from_the_guide_fills_the_box_and_runs(wb, tess):
    at = open_page(tess)
    at.selectbox(key="example").select("Weekly active learners").run()
    assert not at.exception, at.exception
    assert at.text_area(key="sql").value.startswith("SELECT date_trunc('week', day) AS week")
    at.button(key="FormSubmitter:query-Run").click().run()
    assert list(at.dataframe[-1].value.columns) == ["week", "learners"]


def test_a_result_with_lists_and_structs_downloads_and_charts(wb, tess):
    at = run_sql(open_page(tess), "SELECT username, [1, 2] AS numbers, {'a': 1} AS pair, 2 AS two FROM users ORDER BY 1")
    assert not at.exception and not at.error
    assert "Download CSV" in [b.label for b in at.download_button]
    assert len(at.get("vega_lite_chart")) == 1
    assert "For notebooks" in [h.value for h in at.subheader], "the rest of the page is there"


@pytest.mark.parametrize(("sql", "text_column", "note"), [
    ("SELECT 42::VARIANT AS v, 1 AS n", "v", "1 row in"),  # DuckDB's VARIANT: Polars writes no CSV of it
    ("SELECT * FROM duckdb_settings() ORDER BY name LIMIT 5", "typed_value", "5 rows in"),  # a VARIANT and a list
    ("SELECT 'a'::BLOB AS b, 1 AS n", "b", "1 row in"),
    ("SELECT map([1], [2]) AS m, [1, 2]::INTEGER[2] AS pair, 1 AS n", "m", "1 row in"),
], ids=["variant", "duckdb-settings", "blob", "map-and-array"])
def test_a_result_of_types_csv_cannot_hold_shows_them_as_text(wb, tess, sql, text_column, note):
    at = run_sql(open_page(tess), sql)
    assert not at.exception and not at.error
    assert all(isinstance(v, str) for v in at.dataframe[-1].value[text_column]), "shown as text"
    assert "Download CSV" in [b.label for b in at.download_button]
    assert len(at.get("vega_lite_chart")) == 1
    assert any(c.value.startswith(note) for c in at.caption), "one row, not one rows"


@pytest.mark.parametrize(("sql", "x", "y"), [
    ("SELECT id, username FROM users", "username", "id"),  # one number: across goes the label
    ("SELECT id, username, 3 AS n FROM users", "username", "n"),
    ("SELECT 1 AS a, 2 AS b", "a", "b"),  # numbers only: the first across, another up
])
def test_the_quick_chart_chooses_a_label_across_and_a_number_up(wb, tess, sql, x, y):
    at = run_sql(open_page(tess), sql)
    assert (at.selectbox(key="chart_x").value, at.selectbox(key="chart_y").value) == (x, y)


def test_only_the_educators_cohort_is_there(wb, tess):
    at = run_sql(open_page(tess), "SELECT username FROM users ORDER BY 1")
    assert list(at.dataframe[-1].value["username"]) == ["ada", "bob"]


@pytest.mark.parametrize("sql,message", [
    ("SELECT password_hash FROM users", "password_hash"),
    ("DROP TABLE events", "refused"),
    ("SELECT 1; SELECT 2", "One statement"),
    ("SELECT * FROM read_text('/etc/passwd')", "disabled"),
])
def test_refusals_are_shown(wb, tess, sql, message):
    at = run_sql(open_page(tess), sql)
    assert message in at.error[0].value
    assert not any(b.label == "Download CSV" for b in at.download_button)


def test_a_big_result_stops_at_the_limit(wb, tess):
    at = run_sql(open_page(tess), "SELECT * FROM range(20000)")
    assert at.dataframe[-1].value.shape[0] == 10_000
    assert any("stopped at the limit of 10,000 rows" in c.value for c in at.caption)


def test_refresh_snapshot_sees_new_activity(wb, tess):
    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 2
    ada = wb.accounts.by_username("ada")
    wb.record_result(ada.id, EXERCISE, True)
    at = run_sql(at, "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 2, "a snapshot holds still"
    next(b for b in at.button if b.label == "Refresh snapshot").click().run()
    at = run_sql(at, "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 3


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes the page hands to its download buttons, by file name (AppTest keeps them in a media
    storage of its own, dropped after each run)."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    kept: dict[str, bytes] = {}

    class Keeping(MemoryMediaFileStorage):
        def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
            if isinstance(path_or_data, bytes) and filename:
                kept[filename] = path_or_data
            return super().load_and_get_id(path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Keeping)
    return kept


def test_the_parquet_snapshot_downloads_as_a_zip_of_the_educators_cohort(wb, tess, downloads, monkeypatch):
    import engine.clock

    now = engine.clock.utcnow()
    monkeypatch.setattr(engine.clock, "utcnow", lambda: now)  # the file's date, even at midnight
    at = open_page(tess)
    assert not any(b.label.startswith("Download workbench-activity") for b in at.download_button)
    assert not wb.store.scalar("SELECT count(*) FROM events WHERE object = 'parquet-zip'"), "built only when asked"
    at.button(key="prepare_zip").click().run()
    assert not at.exception, at.exception
    name = f"workbench-activity-{now:%Y-%m-%d}.zip"
    assert f"Download {name}" in [b.label for b in at.download_button]
    data = downloads[name]
    assert f"{len(data) / 1000:.1f} KB · prepared {now:%Y-%m-%d %H:%M} UTC" in [c.value for c in at.caption]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        users = pl.read_parquet(io.BytesIO(archive.read("users.parquet")))
        events = pl.concat(pl.read_parquet(io.BytesIO(archive.read(n))) for n in names if n.startswith("events/"))
        assert "README.txt" in names and "manifest.json" in names
    assert sorted(users["username"]) == ["ada", "bob"], "cyd, in no cohort of tess's, is not there"
    learners = {wb.accounts.by_username(n).id for n in ("ada", "bob")}
    assert set(events["user_id"]) == learners
    assert events.height == wb.store.scalar("SELECT count(*) FROM events WHERE user_id IN (SELECT unnest($ids))",
                                            {"ids": sorted(learners)})
    at = run_sql(at, "SELECT 1 AS n")
    assert f"Download {name}" in [b.label for b in at.download_button], "still there after another action"


def test_a_parquet_snapshot_written_on_the_server(wb, tess):
    at = open_page(tess)
    next(b for b in at.button if b.label == "Write a Parquet snapshot of my cohorts").click().run()
    folder = wb.settings.home / "snapshots" / f"educator-{tess.id}"
    assert (folder / "events").is_dir() and (folder / "users.parquet").exists()
    assert "Wrote 8 events" in at.success[0].value
    assert any(str(folder) in c.value for c in at.caption), "the caption says where on the server"


def test_an_educator_without_learners_is_told_the_download_would_be_empty(wb, tess):
    NO_LEARNERS = ":material/info: Your cohorts have no learners yet: a download would hold empty tables."
    assert NO_LEARNERS not in [c.value for c in open_page(tess).caption]
    uma = wb.register("uma", "uma@example.org", "Uma", "password123", role="educator")
    wb.create_cohort(uma.id, "Autumn")
    assert NO_LEARNERS in [c.value for c in open_page(uma).caption]


def test_learners_cannot_open_the_page(wb, tess):
    ada = wb.accounts.by_username("ada")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = ada.id
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def chart_data(at: AppTest) -> tuple[dict, dict[str, list]]:
    """The quick chart's spec and the data it draws."""
    chart = at.get("vega_lite_chart")[0].proto
    return json.loads(chart.spec), pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pydict()


@pytest.mark.parametrize(("sql", "labels"), [
    ("SELECT DATE '2026-03-02' + INTERVAL (7 * i) DAY AS week, i AS n FROM range(3) t(i)",
     ["2026-03-02", "2026-03-09", "2026-03-16"]),  # date + interval: timestamps, all at midnight
    ("SELECT DATE '2026-03-02' + INTERVAL (90 * i) MINUTE AS week, i AS n FROM range(2) t(i)",
     ["2026-03-02 00:00", "2026-03-02 01:30"]),
    ("SELECT (DATE '2026-03-02' + INTERVAL (7 * i) DAY)::DATE AS week, i AS n FROM range(2) t(i)",
     ["2026-03-02", "2026-03-09"]),
], ids=["midnights", "times", "dates"])
def test_bars_over_dates_are_one_per_row_labelled_by_date(wb, tess, sql, labels):
    spec, data = chart_data(run_sql(open_page(tess), sql))
    assert data["week"] == labels
    assert spec["encoding"]["x"]["type"] == "nominal", "a bar per row, not a thin bar on a time axis"


def test_a_line_over_dates_keeps_a_time_axis(wb, tess):
    at = run_sql(open_page(tess), "SELECT DATE '2026-03-02' + INTERVAL (7 * i) DAY AS week, i AS n FROM range(2) t(i)")
    at.button_group(key="chart_mark").set_value("line").run()
    spec, _ = chart_data(at)
    assert spec["encoding"]["x"]["type"] == "temporal"


def test_a_data_change_inside_a_query_is_refused_and_changes_nothing(wb, tess):
    at = run_sql(open_page(tess), "WITH x AS (DELETE FROM events RETURNING id) SELECT count(*) AS n FROM x")
    assert "Only queries run here: this statement changes data" in at.error[0].value
    at = run_sql(at, "SELECT count(*) AS n FROM events")
    assert at.dataframe[-1].value["n"][0] > 0


def test_a_comment_alone_is_no_statement(wb, tess):
    at = run_sql(open_page(tess), "-- nothing")
    assert "There is no statement to run: write a SELECT." in at.error[0].value


def test_dates_show_as_dates_in_the_table(wb, tess):
    at = run_sql(open_page(tess), "SELECT (DATE '2026-11-06' + INTERVAL 1 DAY)::DATE AS day, 1 AS n")
    assert json.loads(at.dataframe[-1].proto.columns)["day"]["type_config"]["type"] == "date", "not 2026-11-07 00:00:00"


@pytest.mark.parametrize(("sql", "column", "values"), [
    ("SELECT 'a' AS k, CAST(0.58 AS DECIMAL(4,2)) AS rate", "rate", [0.58]),  # was drawn as 58
    ("SELECT range AS i, range * 1.5 AS r FROM range(3)", "r", [0.0, 1.5, 3.0]),  # a DECIMAL in DuckDB: was drawn x10
    ("SELECT 'a' AS k, sum(range) AS total FROM range(4)", "total", [6.0]),  # HUGEINT
])
def test_decimals_are_drawn_at_their_value(wb, tess, sql, column, values):
    at = run_sql(open_page(tess), sql)
    _, data = chart_data(at)
    assert data[column] == pytest.approx(values)
    assert all(isinstance(v, float) for v in data[column]), "floats: the browser drops a decimal's scale"


def test_an_aggregate_of_nothing_charts_without_a_traceback(wb, tess):
    """An un-aliased aggregate that comes back NULL: Altair could not tell its type, and read its name as an aggregate."""
    at = run_sql(open_page(tess), "SELECT count(*) AS tries, min(id) FROM users WHERE id = -1")
    assert not at.exception
    assert "min(id)" not in at.selectbox(key="chart_y").options, "nothing to draw up"
    assert at.selectbox(key="chart_x").value == "tries", "nor across"
    spec, data = chart_data(at)
    assert spec["encoding"]["y"]["field"] == "tries" and data == {"tries": [0], "min(id)": [None]}
    at.selectbox(key="chart_x").select("min(id)").run()
    assert not at.exception and not at.get("vega_lite_chart"), "no wide bar labelled null"
    assert [i.value for i in at.info] == ["min(id) holds no values (all NULL): choose another X to draw along."]


def test_a_column_with_a_dot_in_its_name_is_charted(wb, tess):
    at = run_sql(open_page(tess), "SELECT 'x' AS \"a.b\", 1 AS \"n[0]\"")
    spec, data = chart_data(at)
    assert spec["encoding"]["x"]["field"] == "a\\.b" and spec["encoding"]["y"]["field"] == "n\\[0\\]"
    assert spec["encoding"]["x"]["title"] == "a.b"
    assert data == {"a.b": ["x"], "n[0]": [1]}


def test_a_chart_that_fails_says_so_briefly(wb, tess, monkeypatch):
    import ui.quick_chart

    def broken(*args, **kwargs):
        raise ValueError("no way\nto draw this")

    monkeypatch.setattr(ui.quick_chart, "build", broken)
    at = run_sql(open_page(tess), "SELECT verb, count(*) AS n FROM events GROUP BY verb")
    assert not at.exception
    assert [i.value for i in at.info] == ["This result can't be charted: no way"]
    assert "For notebooks" in [h.value for h in at.subheader]


PER_LEARNER = ("SELECT week::DATE AS week, name, pass_pct FROM (VALUES ('2026-03-02', 'ada', 50), "
               "('2026-03-02', 'bob', 100), ('2026-03-09', 'ada', 75), ('2026-03-09', 'bob', 25)) t(week, name, pass_pct)")


def test_rows_sharing_an_x_are_said_to_stack_until_a_colour_splits_them(wb, tess):
    at = run_sql(open_page(tess), PER_LEARNER)
    assert at.selectbox(key="chart_x").value == "week" and at.selectbox(key="chart_colour").value is None
    assert at.selectbox(key="chart_colour").options == ["name"]
    stacked = ("Several rows share each week: their bars are stacked: each bar is their sum. Choose a Colour (name) "
               "to tell them apart.")
    assert stacked in [c.value for c in at.caption]
    at.selectbox(key="chart_colour").select("name").run()
    spec, data = chart_data(at)
    assert spec["encoding"]["color"]["field"] == "name"
    assert spec["encoding"]["xOffset"]["field"] == "name", "side by side"
    assert not any("Several rows" in c.value for c in at.caption)
    at.button_group(key="chart_mark").set_value("line").run()
    spec, _ = chart_data(at)
    assert spec["encoding"]["color"]["field"] == "name" and "xOffset" not in spec["encoding"]


def test_a_line_over_repeated_x_says_so(wb, tess):
    at = run_sql(open_page(tess), PER_LEARNER)
    at.button_group(key="chart_mark").set_value("line").run()
    assert any(c.value.startswith("Several rows share each week: the line goes back and forth") for c in at.caption)


def test_the_chart_says_it_draws_only_the_first_rows(wb, tess):
    at = run_sql(open_page(tess), "SELECT range AS i, range * 2 AS r FROM range(20000)")
    assert "The chart draws the first 5,000 of the 10,000 rows." in [c.value for c in at.caption]
    _, data = chart_data(at)
    assert len(data["i"]) == 5_000


def test_refresh_takes_a_copy_of_its_own(wb, tess):
    """A refresh is never another session's copy: before, the first Refresh of any session got generation 1."""
    first = open_page(tess)
    next(b for b in first.button if b.label == "Refresh snapshot").click().run()
    ada = wb.accounts.by_username("ada")
    wb.record_result(ada.id, EXERCISE, True)
    second = open_page(tess)
    next(b for b in second.button if b.label == "Refresh snapshot").click().run()
    second = run_sql(second, "SELECT count(*) AS n FROM attempts")
    assert second.dataframe[-1].value["n"][0] == 3
    assert any(c.value.startswith("Snapshot taken ") and "(just now)" in c.value for c in second.caption)


def test_a_snapshot_is_taken_anew_once_it_is_old(wb, tess, monkeypatch):
    """A new session within minutes shares the snapshot; later it gets a new one, not one from a past login."""
    import engine.clock

    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    ada = wb.accounts.by_username("ada")
    wb.record_result(ada.id, EXERCISE, True)
    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 2, "shared while recent"
    later = engine.clock.utcnow() + timedelta(minutes=6)
    monkeypatch.setattr(engine.clock, "utcnow", lambda: later)
    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 3


def test_a_result_with_other_columns_gets_its_own_chart_defaults(wb, tess):
    at = run_sql(open_page(tess), "SELECT range AS i, range * 2 AS r FROM range(3)")
    assert (at.selectbox(key="chart_x").value, at.selectbox(key="chart_y").value) == ("i", "r")
    at = run_sql(at, "SELECT DATE '2026-03-02' AS day, 1 AS i")
    assert (at.selectbox(key="chart_x").value, at.selectbox(key="chart_y").value) == ("day", "i"), "not X = i kept"
    at.selectbox(key="chart_x").select("i").run()
    at = run_sql(at, "SELECT DATE '2026-03-09' AS day, 2 AS i")
    assert at.selectbox(key="chart_x").value == "i", "the same columns keep the choice"


def test_a_colour_that_becomes_x_is_dropped(wb, tess):
    at = run_sql(open_page(tess), PER_LEARNER)
    at.selectbox(key="chart_colour").select("name").run()
    at.selectbox(key="chart_x").select("name").run()
    assert not at.exception
    assert at.selectbox(key="chart_colour").value is None and at.selectbox(key="chart_colour").options == ["week"]
    spec, _ = chart_data(at)
    assert spec["encoding"]["x"]["field"] == "name" and "color" not in spec["encoding"]


def _leaves(wb):
    ada = wb.accounts.by_username("ada")
    wb.leave_cohort(ada.id, wb.cohort_book.of_learner(ada.id)[0][0].id)


def _cohort_deleted(wb):
    tess = wb.accounts.by_username("tess")
    wb.delete_cohort(tess.id, wb.cohorts(tess.id)[0].id)


def _joins(wb):
    tess = wb.accounts.by_username("tess")
    dan = wb.register("dan", "dan@example.org", "Dan", "password123")
    wb.join_cohort(dan.id, wb.cohorts(tess.id)[0].join_code)


@pytest.mark.parametrize(("change", "usernames"), [
    (_leaves, ["bob"]), (_cohort_deleted, []), (_joins, ["ada", "bob", "dan"]),
], ids=["a learner leaves", "the cohort is deleted", "a learner joins"])
@pytest.mark.parametrize("refreshed", [False, True], ids=["shared", "refreshed"])
def test_a_change_of_members_shows_at_once_in_every_session(wb, tess, change, usernames, refreshed):
    """The snapshot is shared for minutes, but not across a change of who is in the educator's cohorts:
    a learner who leaves is gone from the console at once, in a new login and in an open session alike."""
    before = open_page(tess)
    if refreshed:  # a session's own snapshot is no exception
        next(b for b in before.button if b.label == "Refresh snapshot").click().run()
    before = run_sql(before, "SELECT username FROM users ORDER BY 1")
    assert list(before.dataframe[-1].value["username"]) == ["ada", "bob"]
    change(wb)
    after = run_sql(open_page(tess), "SELECT username FROM users ORDER BY 1")
    assert list(after.dataframe[-1].value["username"]) == usernames, "a new login"
    before = run_sql(before, "SELECT username FROM users ORDER BY 1")
    assert list(before.dataframe[-1].value["username"]) == usernames, "the session open before"


RETENTION = "Retention: of the learners who started in a week, how many still practise N weeks later"
CURVE = "A learning curve: success by attempt number within a skill"


@pytest.fixture
def demo_tess(wb):
    """The demo's educator, with weeks of her cohorts' practice: what the examples are for."""
    return wb.load_demo(learners=3, days=15).educator


def chart_controls(at: AppTest) -> tuple:
    return (at.selectbox(key="chart_x").value, at.selectbox(key="chart_y").value,
            at.selectbox(key="chart_colour").value, at.button_group(key="chart_mark").value)


def run_example(at: AppTest, title: str) -> AppTest:
    at.selectbox(key="example").select(title).run()
    at.button(key="FormSubmitter:query-Run").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("title", "controls"), [
    (RETENTION, ("weeks_later", "learners", "cohort_week", "line")),  # stacked 57 learners in one week's bar
    (CURVE, ("attempt", "success", "skill", "line")),  # was X = skill, Y = n, stacked
    ("Weekly active learners", ("week", "learners", None, "line")),
    ("Authored against calibrated difficulty", ("authored", "calibrated", None, "point")),
])
def test_each_example_starts_from_its_own_chart(wb, demo_tess, title, controls):
    at = run_example(open_page(demo_tess), title)
    assert chart_controls(at) == controls
    spec, data = chart_data(at)
    assert not any(c.value.startswith("Several rows") for c in at.caption), "nothing stacked or back and forth"
    if controls[2]:
        assert spec["encoding"]["color"]["legend"]["symbolLimit"] >= len(set(data[controls[2]])), "every series listed"


def test_an_edited_example_gets_the_general_defaults_and_a_number_colour(wb, demo_tess):
    at = run_example(open_page(demo_tess), RETENTION)
    example = at.text_area(key="sql").value
    at = run_sql(at, example + " LIMIT 100")
    assert chart_controls(at)[:3] == ("cohort_week", "learners", None), "a query of the user's own"
    assert at.selectbox(key="chart_colour").options == ["weeks_later"], "a whole number of few values splits series"
    at.selectbox(key="chart_colour").select("weeks_later").run()
    spec, _ = chart_data(at)
    assert spec["encoding"]["color"] | {"legend": None} == {"field": "weeks_later", "type": "nominal",
                                                            "title": "weeks_later", "legend": None}
    at = run_sql(at, f"\n{example};\n")
    assert chart_controls(at)[:3] == ("weeks_later", "learners", "cohort_week"), "the example's again"
