"""The Data page's quick chart, without a page: field names, field types, axes, what the caption says."""

from __future__ import annotations

from datetime import date
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


def test_a_number_column_of_nulls_is_no_y():
    frame = pl.DataFrame({"tries": [0], "min(id)": pl.Series([None], dtype=pl.Int64)})
    columns, x, numeric, y = chart_axes(frame)
    assert (columns[x], numeric, numeric[y]) == ("min(id)", ["tries"], "tries")


def test_colours_are_the_labels_other_than_x_and_y():
    frame = pl.DataFrame({"week": [date(2026, 3, 2)], "name": ["ada"], "verb": ["x"], "n": [1]})
    assert colour_choices(frame, "week", "n") == ["name", "verb"]


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
        "Several rows share each week: their bars are stacked. Choose a Colour to tell them apart."]
    assert notes(frame, data, "week", None, "point", ["name"]) == [], "points side by side hide nothing"
    assert notes(frame, data, "week", None, "bar", []) == [
        "Several rows share each week: their bars are stacked. Aggregate them in the query (GROUP BY week) to draw one each."]
    _, data = build(frame, "week", "n", "name", "bar")
    assert notes(frame, data, "week", "name", "bar", ["name"]) == []
