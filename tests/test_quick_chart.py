"""The Data page's quick chart, without a page: field names, field types, axes, what the caption says."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import polars as pl
import pytest

from ui.quick_chart import build, chart_axes, colour_choices, field, kind, notes


@pytest.mark.parametrize(("name", "escaped"), [
    ("rate", "rate"),
    ("a.b", "a\\.b"),
    ("n[0]", "n\\[0\\]"),
    ("min(id)", "min(id)"),  # parentheses mean nothing to Vega-Lite; only Altair's shorthand read them
    ("back\\slash", "back\\\\slash"),
])
def test_field_names_are_escaped_for_vega_lite(name, escaped):
    assert field(name) == escaped


def test_field_types_are_explicit():
    frame = pl.DataFrame({"n": [1], "d": [date(2026, 3, 2)], "s": ["x"], "nothing": [None],
                          "nulls": pl.Series([None], dtype=pl.Int64)})
    assert [kind(frame[c]) for c in frame.columns] == ["quantitative", "temporal", "nominal", "nominal", "nominal"]


def test_a_number_column_of_nulls_is_no_y_nor_x():
    frame = pl.DataFrame({"tries": [0], "min(id)": pl.Series([None], dtype=pl.Int64)})
    columns, x, numeric, y = chart_axes(frame)
    assert (columns[x], numeric, numeric[y]) == ("tries", ["tries"], "tries")


def test_a_column_of_nulls_is_no_default_x_nor_colour():
    """It drew one wide bar labelled "null"."""
    frame = pl.DataFrame({"nothing": [None, None], "verb": ["a", "b"], "n": [3, 4], "user_id": [1, 2]})
    columns, x, numeric, y = chart_axes(frame)
    assert (columns[x], numeric[y]) == ("verb", "n")
    assert colour_choices(frame, "verb", "n") == ["user_id"]


@pytest.mark.parametrize(("columns", "expected_y"), [
    ({"id": [1, 2], "user_id": [3, 4], "verb": ["a", "b"], "duration_s": [5.0, 6.0], "exercise_id": [7, 8]}, "duration_s"),
    ({"id": [1, 2], "username": ["ada", "bo"]}, "id"),  # nothing else to draw
], ids=["a-measure-beside-ids", "ids-only"])
def test_ids_are_no_default_y_beside_a_measure(columns, expected_y):
    """SELECT * FROM events drew the sum of user ids."""
    frame = pl.DataFrame(columns)
    _, _, numeric, y = chart_axes(frame)
    assert numeric[y] == expected_y


def test_colours_are_the_labels_other_than_x_and_y():
    frame = pl.DataFrame({"week": [date(2026, 3, 2)], "name": ["ada"], "verb": ["x"], "n": [1]})
    assert colour_choices(frame, "week", "n") == ["name", "verb"]


def test_whole_numbers_of_few_values_are_colours_too():
    """weeks_later, attempt, user_id: series of a retention curve, a learning curve, a learner each."""
    frame = pl.DataFrame({"weeks_later": [0, 1, 2] * 10, "many": list(range(30)), "rate": [0.5] * 30,
                          "n": list(range(30))})
    assert colour_choices(frame, "many", "n") == ["weeks_later"], "not 30 values, not fractions"
    assert colour_choices(frame, "weeks_later", "n") == [], "not X itself"
    chart, data = build(frame, "many", "n", "weeks_later", "line")
    spec = chart.to_dict()["encoding"]["color"]
    assert spec["type"] == "nominal" and spec["legend"]["symbolLimit"] >= 30


def test_decimals_become_floats_and_exact_values_stay_in_the_frame():
    frame = pl.DataFrame({"k": ["a"], "rate": pl.Series([Decimal("0.58")], dtype=pl.Decimal(4, 2))})
    chart, data = build(frame, "k", "rate", None, "bar")
    assert data["rate"].dtype == pl.Float64 and data["rate"].to_list() == [0.58]
    assert frame.write_csv() == "k,rate\na,0.58\n", "the CSV keeps the exact value"
    assert chart.to_dict()["encoding"]["y"]["type"] == "quantitative"


def test_the_caption_says_what_the_chart_hides():
    frame = pl.DataFrame({"week": ["w1", "w1", "w2"], "name": ["ada", "bob", "ada"], "n": [1, 2, 3]})
    _, data = build(frame, "week", "n", None, "bar")
    assert notes(frame, data, "week", None, "bar", ["name"]) == [
        "Some rows share the same week: their bars are stacked: each bar is their sum. Choose a Colour (name) to tell "
        "them apart."]
    assert notes(frame, data, "week", None, "point", ["name"]) == [], "points side by side hide nothing"
    assert notes(frame, data, "week", None, "bar", []) == [
        "Some rows share the same week: their bars are stacked: each bar is their sum. Choose another X, or return one "
        "row per week from the query."]
    _, data = build(frame, "week", "n", "name", "bar")
    assert notes(frame, data, "week", "name", "bar", ["name"]) == []
    every = pl.DataFrame({"week": ["w1", "w1", "w2", "w2"], "name": ["ada", "bob", "ada", "bob"], "n": [1, 2, 3, 4]})
    _, data = build(every, "week", "n", None, "line")
    assert notes(every, data, "week", None, "line", ["name"])[0].startswith(
        "Several rows share each week: the line goes back and forth"), "each, when it is each"


def test_the_caption_never_says_to_aggregate_what_is_aggregated():
    """The retention example is one row per starting week and weeks later: it said "GROUP BY cohort_week"."""
    frame = pl.DataFrame({"cohort_week": ["w1", "w1", "w2"], "weeks_later": [0, 1, 0], "learners": [14, 12, 9]})
    choices = colour_choices(frame, "cohort_week", "learners")
    _, data = build(frame, "cohort_week", "learners", None, "bar")
    assert notes(frame, data, "cohort_week", None, "bar", choices) == [  # markdown: the names' "_" escaped
        "Some rows share the same cohort\\_week: their bars are stacked: each bar is their sum. Choose a Colour "
        "(weeks\\_later) to tell them apart."]
    _, data = build(frame, "cohort_week", "learners", "weeks_later", "bar")
    assert notes(frame, data, "cohort_week", "weeks_later", "bar", choices) == []


def test_the_caption_says_how_many_series_the_legend_leaves_out():
    frame = pl.DataFrame({"day": list(range(60)), "name": [f"learner {i}" for i in range(60)], "n": [1] * 60})
    _, data = build(frame, "day", "n", "name", "line")
    assert notes(frame, data, "day", "name", "line", ["name"]) == [
        "The legend lists 50 of the 60 values of name: hover over a mark to see its value."]


def test_whole_numbers_read_as_whole_numbers():
    """Difficulty 1 to 10 in bars was thin bars over ticks 1.0, 2.0...; weeks later 0.2, 0.4 on a line."""
    frame = pl.DataFrame({"difficulty": [1, 2, 3], "hints": [0.5, 0.25, 1.0], "learners": [3, 2, 2]})
    bars = build(frame, "difficulty", "hints", None, "bar")[0].to_dict()["encoding"]
    assert bars["x"]["type"] == "nominal", "a bar per value"
    line = build(frame, "difficulty", "learners", None, "line")[0].to_dict()["encoding"]
    assert line["x"]["type"] == "quantitative" and line["x"]["axis"] == {"format": "d", "tickMinStep": 1}
    assert line["y"]["axis"] == {"format": "d", "tickMinStep": 1}


def test_long_text_labels_leave_the_plot_its_height():
    """Exercise titles stood on end up to 180 px, in the chart's fixed height: the plot was 100 px tall."""
    frame = pl.DataFrame({"title": ["Build a URL from its parts", "Digit sum"], "pass_rate": [0.4, 0.9]})
    axis = build(frame, "title", "pass_rate", None, "bar")[0].to_dict()["encoding"]["x"]["axis"]
    assert axis["labelLimit"] <= 120 and axis["labelAngle"] == -40


def test_weekly_points_are_ticked_on_their_weeks_in_utc():
    """A line of weekly points had Vega's own daily ticks under it, and dates sent as dates are drawn at
    local midnights: the days go as UTC text, on a UTC scale, ticked on the data's own dates."""
    mondays = [date(2026, 10, 5) + timedelta(weeks=k) for k in range(6)]
    frame = pl.DataFrame({"week": mondays, "learners": [3, 4, 2, 5, 6, 4]})
    chart, data = build(frame, "week", "learners", None, "line")
    x = chart.to_dict()["encoding"]["x"]
    assert x["type"] == "temporal" and x["scale"] == {"type": "utc"}
    assert [(v["month"], v["date"], v["utc"]) for v in x["axis"]["values"]] == [(m.month, m.day, True) for m in mondays]
    assert x["axis"]["format"] == "%-d %b"
    assert data["week"].to_list()[:2] == ["2026-10-05", "2026-10-12"]
    tooltip = chart.to_dict()["encoding"]["tooltip"]
    assert {"field": "week", "type": "temporal", "title": "week", "timeUnit": "utcyearmonthdate",
            "format": "%Y-%m-%d"} in tooltip, "the day in UTC, as sent: not a day early west of UTC, nor a number"
    assert {"field": "learners", "type": "quantitative", "title": "learners"} in tooltip


def test_many_days_get_at_most_twelve_ticks_and_times_keep_their_hour():
    days = [date(2025, 12, 1) + timedelta(days=k) for k in range(60)]
    chart, _ = build(pl.DataFrame({"day": days, "tries": range(60)}), "day", "tries", None, "point")
    axis = chart.to_dict()["encoding"]["x"]["axis"]
    assert len(axis["values"]) == 12 and axis["format"] == "%-d %b %Y", "every 5th day, the year as they span two"
    moments = [datetime(2026, 3, 2, 9, 30), datetime(2026, 3, 2, 17, 45)]
    chart, data = build(pl.DataFrame({"at": moments, "n": [1, 2]}), "at", "n", None, "line")
    assert data["at"].to_list() == ["2026-03-02T09:30:00Z", "2026-03-02T17:45:00Z"]
    assert "axis" not in chart.to_dict()["encoding"]["x"], "Vega's own ticks within a day"
    assert chart.to_dict()["encoding"]["tooltip"][0]["timeUnit"] == "utcyearmonthdatehoursminutes"


def test_decimals_show_three_places_in_the_tooltip():
    chart, _ = build(pl.DataFrame({"skill": ["loops"], "pass_rate": [0.461538461538]}), "skill", "pass_rate", None, "bar")
    assert chart.to_dict()["encoding"]["tooltip"][1] == {"field": "pass_rate", "type": "quantitative",
                                                         "title": "pass_rate", "format": ",.3~f"}
