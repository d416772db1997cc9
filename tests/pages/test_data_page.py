"""AppTest of the Data page's read-only SQL console: results, downloads, refusals, limits, who may open it."""

from __future__ import annotations

import json

import pytest
from data_console import APP, PAGE, open_page, run_sql, shown
from streamlit.testing.v1 import AppTest

from ui.markdown import literal


def test_the_example_query_runs_with_a_table_download_and_chart(wb, tess):
    at = open_page(tess)
    assert [t.value for t in at.title] == ["Data"]
    assert "Analysts' guide (Markdown)" in [b.label for b in at.download_button]  # the columns and examples, in hand
    at.button(key="run_sql").click().run()
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
    assert at.text_area(key="sql").value.startswith("SELECT CAST(date_trunc('week', day) AS DATE) AS week")
    at.button(key="run_sql").click().run()
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
    assert message in shown(at.error[0].value)
    assert not any(b.label == "Download CSV" for b in at.download_button)


def test_a_big_result_stops_at_the_limit(wb, tess):
    at = run_sql(open_page(tess), "SELECT * FROM range(20000)")
    assert at.dataframe[-1].value.shape[0] == 10_000
    assert any("stopped at the limit of 10,000 rows" in c.value for c in at.caption)


def test_learners_cannot_open_the_page(wb, tess):
    ada = wb.accounts.by_username("ada")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = ada.id
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_a_data_change_inside_a_query_is_refused_and_changes_nothing(wb, tess):
    at = run_sql(open_page(tess), "WITH x AS (DELETE FROM events RETURNING id) SELECT count(*) AS n FROM x")
    assert "Only queries run here: this statement changes data" in shown(at.error[0].value)
    at = run_sql(at, "SELECT count(*) AS n FROM events")
    assert at.dataframe[-1].value["n"][0] > 0


def test_a_comment_alone_is_no_statement(wb, tess):
    at = run_sql(open_page(tess), "-- nothing")
    assert "There is no statement to run: write a SELECT." in shown(at.error[0].value)


def test_dates_show_as_dates_in_the_table(wb, tess):
    at = run_sql(open_page(tess), "SELECT (DATE '2026-11-06' + INTERVAL 1 DAY)::DATE AS day, 1 AS n")
    assert json.loads(at.dataframe[-1].proto.columns)["day"]["type_config"]["type"] == "date", "not 2026-11-07 00:00:00"


def test_a_typed_query_and_its_result_are_still_there_after_another_page(wb, tess):
    typed = "SELECT user_id, count(*) AS n FROM events GROUP BY user_id"
    at = run_sql(open_page(tess), typed)
    at.switch_page("pages/cohorts.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.text_area(key="sql").value == typed
    assert list(at.dataframe[-1].value.columns) == ["user_id", "n"]


def test_an_example_chosen_over_a_typed_query_can_be_undone(wb, tess):
    typed = "SELECT user_id, count(*) AS n FROM events GROUP BY user_id"
    at = run_sql(open_page(tess), typed)
    at.selectbox(key="example").select("Weekly active learners").run()
    assert at.text_area(key="sql").value.startswith("SELECT CAST(date_trunc('week', day) AS DATE) AS week")
    assert any("replaced the query you had typed" in c.value for c in at.caption)
    at.button(key="put_back_sql").click().run()
    assert at.text_area(key="sql").value == typed
    assert not any(b.key == "put_back_sql" for b in at.button), "nothing left to put back"
    at.button(key="run_sql").click().run()
    assert list(at.dataframe[-1].value.columns) == ["user_id", "n"]


def test_an_example_chosen_again_after_an_edit_or_a_put_back_is_the_example_again(wb, tess):
    """The box went on naming the example chosen last, and choosing it again changed nothing."""
    at = open_page(tess)
    at.selectbox(key="example").select("Weekly active learners").run()
    example = at.text_area(key="sql").value
    assert at.selectbox(key="example").value is None, "back to its placeholder"
    at.text_area(key="sql").input(example + " LIMIT 1").run()
    at.selectbox(key="example").select("Weekly active learners").run()
    assert at.text_area(key="sql").value == example
    at.button(key="put_back_sql").click().run()
    assert at.text_area(key="sql").value == example + " LIMIT 1"
    at.selectbox(key="example").select("Weekly active learners").run()
    assert at.text_area(key="sql").value == example


def test_a_query_run_after_the_example_is_not_lost_to_putting_back(wb, tess):
    """The example edited into a query of the analyst's own and run: the query the example replaced stayed on offer,
    and putting it back overwrote the new one, kept nowhere."""
    at = run_sql(open_page(tess), "SELECT user_id, count(*) AS n FROM events GROUP BY user_id")
    at.selectbox(key="example").select("Weekly active learners").run()
    at = run_sql(at, "SELECT verb FROM events")
    assert not any(b.key == "put_back_sql" for b in at.button), "nothing to put back over the query just run"
    assert at.text_area(key="sql").value == "SELECT verb FROM events"


def test_choosing_one_example_after_another_offers_nothing_to_put_back(wb, tess):
    at = open_page(tess)
    at.selectbox(key="example").select("Weekly active learners").run()
    assert not any(b.key == "put_back_sql" for b in at.button), "the page's first query is no work of the analyst's"


def test_a_query_plan_shows_as_drawn(wb, tess):
    at = run_sql(open_page(tess), "EXPLAIN SELECT verb, count(*) FROM events GROUP BY verb")
    assert not at.error and not [d for d in at.dataframe if "explain_value" in d.value.columns]
    assert "Physical plan" in [c.value for c in at.caption]
    assert "─" in at.code[0].value and "\n" in at.code[0].value


@pytest.mark.parametrize(("sql", "first", "rest"), [
    ("SELECT *\nFROM event", "Catalog Error: Table with name event does not exist!", 'Did you mean "events"?'),
    ("SELECT usr_id FROM events", 'Binder Error: Referenced column "usr_id" not found in FROM clause!',
     'Candidate bindings: "user_id"'),
    ("SELECT verb\nFROM events\nGROUP BY\nORDER BY 1", 'Parser Error: syntax error at or near "ORDER"',
     "LINE 4: ORDER BY 1\n        ^^^^^"),
])
def test_an_error_keeps_duckdbs_help_and_the_place_in_the_query_it_points_at(wb, tess, sql, first, rest):
    """Only its first line was shown: a mistyped name without "Did you mean", a syntax error without its line."""
    at = run_sql(open_page(tess), sql)
    assert shown(at.error[0].value) == first
    [where] = [c.value for c in at.code]
    assert where.startswith(rest), where


@pytest.mark.parametrize("sql", [
    "PIVOT events ON verb USING count(*)",
    'SELECT * FROM "$a$ and $b$ __bold__ *it*"',
])
def test_an_error_shows_as_duckdb_wrote_it_not_as_markdown(wb, tess, sql):
    at = run_sql(open_page(tess), sql)
    message = at.error[0].value
    assert message == literal(shown(message)), "every markdown character escaped: no italics, no maths"
    assert "count(*)" in shown(message) or "$a$ and $b$ __bold__ *it*" in shown(message)


def test_every_table_and_view_is_listed_with_what_it_holds_and_its_columns(wb, tess):
    at = open_page(tess)
    [reference] = [e for e in at.expander if e.label == "Tables and views"]
    names = [m.value for m in reference.markdown]
    assert any(n.startswith("**`events`**: ") for n in names) and any(n.startswith("**`users`**") for n in names)
    assert any(shown(c.value).startswith("id BIGINT, ") and "user_id INTEGER" in shown(c.value) for c in reference.caption)
