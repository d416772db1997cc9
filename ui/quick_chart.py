"""The Data page's quick chart of a query result: X, Y, an optional Colour that splits series, and a mark.

Every encoding names its field type (Altair cannot guess one for a column of nulls) and its field escaped
(Vega-Lite reads ``a.b`` as a path into nested data), and Altair's shorthand is never used (it reads
``min(id)`` as an aggregate). Decimals are drawn as floats (the browser's Arrow reader drops their scale:
0.58 came out as 58). Anything that still goes wrong shows a short note instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import altair as alt
import polars as pl
import streamlit as st

CHART_ROWS = 5_000  # the chart draws at most this many rows of a result
TOOLTIP_COLUMNS = 6
MARKS = ("bar", "line", "point")
CONTROL_WIDTH = 200  # pixels: X, Y and Colour side by side, clear of the chart's toolbar on the right

Kind = Literal["quantitative", "temporal", "nominal"]


def drawable_number(column: pl.Series) -> bool:
    """A number column with at least one value: one to draw up the Y axis."""
    return column.dtype.is_numeric() and column.null_count() < column.len()


def chart_axes(frame: pl.DataFrame) -> tuple[list[str], int, list[str], int]:
    """The quick chart's choices and defaults: a label column across (the first that is not a
    number, if any) and the last number column up. A number column of nulls only is no number here."""
    columns = frame.columns
    numeric = [c for c in columns if drawable_number(frame[c])] or columns
    labels = [c for c in columns if c not in numeric]
    x = columns.index(labels[0]) if labels else 0
    others = [c for c in numeric if c != columns[x]] or numeric
    return columns, x, numeric, numeric.index(others[-1])


def colour_choices(frame: pl.DataFrame, x: str, y: str) -> list[str]:
    """The columns that may split the chart into series: those that are not numbers, other than X and Y."""
    return [c for c in frame.columns if not drawable_number(frame[c]) and c not in (x, y)]


def date_labels(moments: pl.Series) -> pl.Series:
    """Dates or times as text labels: the day alone when every one is at midnight (weeks, days)."""
    whole_days = moments.dtype == pl.Date or bool((moments.dt.truncate("1d") == moments).all())
    return moments.dt.to_string("%Y-%m-%d" if whole_days else "%Y-%m-%d %H:%M")


def field(name: str) -> str:
    """A column name as a Vega-Lite field: dots and brackets (nested access there) and backslashes escaped."""
    for special in ("\\", ".", "[", "]"):
        name = name.replace(special, "\\" + special)
    return name


def kind(column: pl.Series) -> Kind:
    """The Vega-Lite type of a column of the chart's data: numbers, dates and times, or labels."""
    if column.null_count() == column.len():
        return "nominal"  # nothing to place on a scale
    if column.dtype.is_numeric():
        return "quantitative"
    if isinstance(column.dtype, (pl.Date, pl.Datetime)):
        return "temporal"
    return "nominal"


def chart_data(frame: pl.DataFrame, columns: Sequence[str], labelled: Sequence[str]) -> pl.DataFrame:
    """The first ``CHART_ROWS`` rows of ``columns``, as the browser can draw them: decimals and 128-bit
    integers as floats, times of day as text, and the ``labelled`` columns' dates as text labels."""
    data = frame.head(CHART_ROWS).select(columns)
    casts = []
    for name, dtype in data.schema.items():
        if name in labelled and isinstance(dtype, (pl.Date, pl.Datetime)):
            casts.append(date_labels(data[name]))
        elif isinstance(dtype, pl.Decimal) or dtype in (pl.Int128, pl.UInt128):
            casts.append(data[name].cast(pl.Float64))
        elif isinstance(dtype, pl.Time):
            casts.append(data[name].cast(pl.String))
    return data.with_columns(casts)


def build(frame: pl.DataFrame, x: str, y: str, colour: str | None, mark: str) -> tuple[alt.Chart, pl.DataFrame]:
    """The chart of ``frame`` and the data it draws."""
    tooltip = list(dict.fromkeys([x, y, *([colour] if colour else []), *frame.columns[:TOOLTIP_COLUMNS]]))
    # a bar per row, labelled by its date: on a time axis, weekly bars sat thin between daily ticks;
    # a colour is a label whatever its type
    labelled = [name for name, wanted in ((x, mark == "bar"), (colour, True)) if name and wanted]
    data = chart_data(frame, tooltip, labelled)

    def typed(name: str) -> dict:
        return {"field": field(name), "type": kind(data[name]), "title": name}

    encoding: dict = {"x": alt.X(**typed(x), sort=None),  # in the query's order (its ORDER BY), not sorted by label
                      "y": alt.Y(**typed(y)),
                      "tooltip": [alt.Tooltip(**typed(name)) for name in tooltip]}
    if colour:
        encoding["color"] = alt.Color(field=field(colour), type="nominal", title=colour)
        if mark == "bar" and kind(data[x]) == "nominal":
            encoding["xOffset"] = alt.XOffset(field=field(colour), type="nominal")  # side by side, not stacked
    chart = alt.Chart(data).encode(**encoding)
    chart = {"bar": chart.mark_bar(), "line": chart.mark_line(point=True)}.get(mark, chart.mark_point())
    return chart.properties(height=280), data


def notes(frame: pl.DataFrame, data: pl.DataFrame, x: str, colour: str | None, mark: str, choices: Sequence[str]) -> list[str]:
    """What the chart does not show as it is: rows left out, rows drawn on top of one another."""
    said = []
    if frame.height > CHART_ROWS:
        said.append(f"The chart draws the first {CHART_ROWS:,} of the {frame.height:,} rows.")
    keys = [x, colour] if colour else [x]
    if mark != "point" and data.select(keys).is_duplicated().any():
        each = f"{x} and {colour}" if colour else x
        what = "their bars are stacked" if mark == "bar" else "the line goes back and forth between them"
        hint = ("Choose a Colour to tell them apart." if choices and not colour
                else f"Aggregate them in the query (GROUP BY {', '.join(keys)}) to draw one each.")
        said.append(f"Several rows share each {each}: {what}. {hint}")
    return said


def quick_chart(frame: pl.DataFrame) -> None:
    """The chart's controls and the chart of ``frame`` (flat: no lists or structs), or why there is none."""
    columns, x_default, numeric, y_default = chart_axes(frame)
    if st.session_state.get("chart_axes") != (columns, numeric):
        # a result of other columns: its own defaults, not the last result's choices (set here, as the
        # widgets show what the session state holds; a default index would not replace a value they keep)
        st.session_state.update(chart_axes=(columns, numeric), chart_x=columns[x_default], chart_y=numeric[y_default],
                                chart_colour=None)
    with st.container(horizontal=True, wrap=True):  # one row, or more on a narrow screen
        x = st.selectbox("X", columns, key="chart_x", width=CONTROL_WIDTH)
        y = st.selectbox("Y", numeric, key="chart_y", width=CONTROL_WIDTH)
        choices = colour_choices(frame, x, y)
        colour = st.selectbox("Colour", choices, index=None, placeholder="None", key="chart_colour", width=CONTROL_WIDTH,
                              disabled=not choices,
                              help="Split the rows into series, one colour each: a learner, a verb…")
        mark = st.segmented_control("Chart", MARKS, default="bar", key="chart_mark") or "bar"
    try:
        chart, data = build(frame, x, y, colour, mark)
        st.altair_chart(chart, width="stretch")
    except Exception as exc:  # noqa: BLE001 - a chart is a convenience: say why there is none, never a traceback
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        st.info(f"This result can't be charted: {reason}", icon=":material/info:")
        return
    for note in notes(frame, data, x, colour, mark, choices):
        st.caption(note)
