"""AppTest of the Data page's quick chart: the columns it chooses, dates, decimals, colours, the examples' charts."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from data_console import open_page, run_sql, shown
from streamlit.testing.v1 import AppTest

from ui.markdown import literal


@pytest.mark.parametrize(("sql", "x", "y"), [
    ("SELECT id, username FROM users", "username", "id"),  # one number: across goes the label
    ("SELECT id, username, 3 AS n FROM users", "username", "n"),
    ("SELECT 1 AS a, 2 AS b", "a", "b"),  # numbers only: the first across, another up
])
def test_the_quick_chart_chooses_a_label_across_and_a_number_up(wb, tess, sql, x, y):
    at = run_sql(open_page(tess), sql)
    assert (at.selectbox(key="chart_x").value, at.selectbox(key="chart_y").value) == (x, y)


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
    assert [shown(i.value) for i in at.info] == ["min(id) holds no values (all NULL): choose another X to draw along."]


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
    assert [shown(i.value) for i in at.info] == ["This result can't be charted: no way"]
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
    at.button(key="run_sql").click().run()
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


def test_the_chart_is_as_it_was_after_a_visit_to_another_page(wb, demo_tess):
    """Streamlit forgets the widgets of a page while another runs: the chart came back as the boxes' first
    options, X = cohort_week and Y = weeks_later, bars stacked."""
    at = run_example(open_page(demo_tess), RETENTION)
    at.button_group(key="chart_mark").set_value("point").run()
    at.switch_page("pages/cohorts.py").run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    assert chart_controls(at) == ("weeks_later", "learners", "cohort_week", "point")


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


def test_column_names_in_the_charts_notes_show_as_named(wb, tess):
    at = run_sql(open_page(tess), 'SELECT * FROM (VALUES (\'a\', 1), (\'a\', 2)) t("__v__ $x$", n)')
    said = [c.value for c in at.caption if "Several rows share each" in shown(c.value)]
    assert said and "Several rows share each __v__ $x$" in shown(said[0])
    assert literal("__v__ $x$") in said[0], "the name escaped: not bold, no maths"
