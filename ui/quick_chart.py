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

from engine.chart_marks import date_ticks
from engine.example_queries import ChartSpec
from ui.markdown import literal

CHART_ROWS = 5_000  # the chart draws at most this many rows of a result
TOOLTIP_COLUMNS = 6
MARKS = ("bar", "line", "point")
CONTROL_WIDTH = 200  # pixels: X, Y and Colour side by side, clear of the chart's toolbar on the right
NUMBER_SERIES = 20  # a whole-number column of at most this many values may split the chart, a series each
LEGEND_ENTRIES = 50  # series the legend lists; more are said in a note
LEGEND_COLUMNS = 4
LEGEND_ROW = 24  # pixels
PLOT_HEIGHT = 280  # pixels, and the legend's rows below
LABEL_LIMIT = 110  # pixels: a text label under a bar is cut there (whole in the tooltip)

Kind = Literal["quantitative", "temporal", "nominal"]


def drawable_number(column: pl.Series) -> bool:
    """A number column with at least one value: one to draw up the Y axis."""
    return column.dtype.is_numeric() and column.null_count() < column.len()


def empty(column: pl.Series) -> bool:
    """A column of NULLs only: nothing to draw along it, nor to split series by."""
    return column.null_count() == column.len()


def chart_axes(frame: pl.DataFrame) -> tuple[list[str], int, list[str], int]:
    """The quick chart's choices and defaults: a label column across (the first that is not a
    number nor all NULL, if any) and the last number column up, other than an id if there is any
    other (summed ids mean nothing). A number column of nulls only is no number here."""
    columns = frame.columns
    numeric = [c for c in columns if drawable_number(frame[c])] or columns
    labels = [c for c in columns if c not in numeric and not empty(frame[c])]
    x = columns.index(labels[0]) if labels else columns.index(numeric[0]) if numeric != columns else 0
    others = [c for c in numeric if c != columns[x]] or numeric
    measures = [c for c in others if not identifier(c)] or others
    return columns, x, numeric, numeric.index(measures[-1])


def identifier(name: str) -> bool:
    """A column that names rows rather than measures them: ``id``, ``user_id``, ``cohort_id``…"""
    return name.lower() == "id" or name.lower().endswith("_id")


def colour_choices(frame: pl.DataFrame, x: str, y: str) -> list[str]:
    """The columns that may split the chart into series, other than X and Y: those that are not numbers,
    and whole numbers of at most ``NUMBER_SERIES`` values (weeks later, an attempt number, a level),
    each value a series. Not a column of NULLs only: one series of nothing."""
    def splits(column: pl.Series) -> bool:
        if empty(column):
            return False
        if not drawable_number(column):
            return True
        return column.dtype.is_integer() and column.n_unique() <= NUMBER_SERIES

    return [c for c in frame.columns if c not in (x, y) and splits(frame[c])]


def chart_defaults(frame: pl.DataFrame, preferred: ChartSpec | None) -> tuple[str, str, str | None, str | None]:
    """X, Y, Colour and mark to start from: ``preferred`` (the example query's chart) where the result has
    its columns, the general defaults (``chart_axes``, no colour, the mark left as it is) otherwise."""
    columns, x, numeric, y = chart_axes(frame)
    if preferred and preferred.x in columns and preferred.y in numeric and preferred.x != preferred.y:
        colour = preferred.colour if preferred.colour in colour_choices(frame, preferred.x, preferred.y) else None
        return preferred.x, preferred.y, colour, preferred.mark
    return columns[x], numeric[y], None, None


def whole_days(moments: pl.Series) -> bool:
    """Dates, or times all at midnight (weeks, days)."""
    return moments.dtype == pl.Date or bool((moments.dt.truncate("1d") == moments).all())


def date_labels(moments: pl.Series) -> pl.Series:
    """Dates or times as text labels: the day alone when every one is at midnight (weeks, days)."""
    return moments.dt.to_string("%Y-%m-%d" if whole_days(moments) else "%Y-%m-%d %H:%M")


def utc_moments(moments: pl.Series) -> pl.Series:
    """Dates or times (the store's are UTC) as text the browser reads as UTC, for a ``utc`` time axis:
    "2026-11-16", or "2026-11-16T10:30:00Z". Sent as dates, they are drawn at local midnights, off
    the ticks and a day early west of UTC."""
    return moments.dt.to_string("%Y-%m-%d" if whole_days(moments) else "%Y-%m-%dT%H:%M:%SZ")


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
    integers as floats, times of day as text, the ``labelled`` columns' dates as text labels and the
    other dates as UTC text (``utc_moments``)."""
    data = frame.head(CHART_ROWS).select(columns)
    casts = []
    for name, dtype in data.schema.items():
        if isinstance(dtype, (pl.Date, pl.Datetime)):
            casts.append(date_labels(data[name]) if name in labelled else utc_moments(data[name]))
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

    def typed(name: str) -> dict:  # dates reach the browser as text: labels if ``labelled``, else still times
        dated = isinstance(frame[name].dtype, (pl.Date, pl.Datetime))
        return {"field": field(name), "type": "nominal" if dated and name in labelled else kind(frame[name]), "title": name}

    def tip(name: str) -> alt.Tooltip:
        # a time read in UTC, as sent (in local time it is a day early west of UTC; as text, the x axis's
        # parsing of the same field made it a number); decimals to three places, not 0.461538461538
        if typed(name)["type"] == "temporal":
            unit, shown = (("utcyearmonthdate", "%Y-%m-%d") if whole_days(frame[name])
                           else ("utcyearmonthdatehoursminutes", "%Y-%m-%d %H:%M"))
            return alt.Tooltip(**typed(name), timeUnit=unit, format=shown)
        decimals = kind(data[name]) == "quantitative" and data[name].dtype.is_float()
        return alt.Tooltip(**typed(name), **({"format": ",.3~f"} if decimals else {}))

    def whole(name: str) -> bool:  # whole numbers on a scale: ticks 1, 2, 3, not 1.0, 1.5, 2.0
        return kind(data[name]) == "quantitative" and data[name].dtype.is_integer()

    across = typed(x)
    if mark == "bar" and whole(x):  # a bar per value (difficulty 1 to 10), not thin bars on a scale
        across["type"] = "nominal"
    counted = {"axis": alt.Axis(format="d", tickMinStep=1)}
    x_axis = ({"axis": alt.Axis(labelAngle=0)} if whole(x) and across["type"] == "nominal"
              else counted if whole(x) else {})
    if across["type"] == "nominal" and not whole(x):
        # exercise titles stood on end up to 180 px, in the chart's fixed height: the plot was 100 px tall
        x_axis = {"axis": alt.Axis(labelLimit=LABEL_LIMIT, labelAngle=-40)}
    if across["type"] == "temporal":  # in UTC, as the data is sent; days ticked on the data's own (weekly points, weekly ticks)
        x_axis = {"scale": alt.Scale(type="utc"), **({"axis": date_ticks(frame[x].head(CHART_ROWS).cast(pl.Date))}
                                                      if whole_days(frame[x]) else {})}
    encoding: dict = {"x": alt.X(**across, sort=None, **x_axis),  # in the query's order (its ORDER BY), not by label
                      "y": alt.Y(**typed(y), **(counted if whole(y) else {})),
                      "tooltip": [tip(name) for name in tooltip]}
    height = PLOT_HEIGHT
    if colour:
        # below the chart, in columns: at the right, a long legend was cut at the chart's height (9 of 12 skills);
        # the chart grows by the legend's rows, as Streamlit fits legend and plot into the height
        series = data[colour].n_unique()
        listed = min(series, LEGEND_ENTRIES)
        legend = alt.Legend(orient="bottom", direction="horizontal", columns=LEGEND_COLUMNS, symbolLimit=LEGEND_ENTRIES,
                            labelLimit=CONTROL_WIDTH)
        scale = alt.Scale(scheme="tableau20") if series > 10 else alt.Undefined  # 10 colours, then repeats
        encoding["color"] = alt.Color(field=field(colour), type="nominal", title=colour, legend=legend, scale=scale)
        if mark == "bar" and across["type"] == "nominal":
            encoding["xOffset"] = alt.XOffset(field=field(colour), type="nominal")  # side by side, not stacked
        height += LEGEND_ROW * (2 + -(-listed // LEGEND_COLUMNS))  # its title, its rows, a gap
    chart = alt.Chart(data).encode(**encoding)
    chart = {"bar": chart.mark_bar(), "line": chart.mark_line(point=True)}.get(mark, chart.mark_point())
    return chart.properties(height=height), data


def notes(frame: pl.DataFrame, data: pl.DataFrame, x: str, colour: str | None, mark: str, choices: Sequence[str]) -> list[str]:
    """What the chart does not show as it is: rows left out, rows drawn on top of one another (bars
    stacked into their sum, a line going back and forth), series the legend leaves out. Markdown, with
    the columns' names (the query's, whatever they hold) escaped."""
    said = []
    if frame.height > CHART_ROWS:
        said.append(f"The chart draws the first {CHART_ROWS:,} of the {frame.height:,} rows.")
    keys = [x, colour] if colour else [x]
    shared = data.select(keys).is_duplicated()
    if mark != "point" and shared.any():
        each = f"{literal(x)} and {literal(colour)}" if colour else literal(x)
        what = ("their bars are stacked: each bar is their sum" if mark == "bar"
                else "the line goes back and forth between them")
        others = [c for c in choices if c != colour]
        named = f"{', '.join(literal(c) for c in others[:3])}{'…' if len(others) > 3 else ''}"
        hint = (f"Choose {'another' if colour else 'a'} Colour ({named}) to tell them apart." if others
                else f"Choose another X, or return one row per {each} from the query.")
        # "each" when it is so, not when a few do: the chart of a log over times had two rows at one moment
        said.append(f"Several rows share each {each}: {what}. {hint}" if shared.all()
                    else f"Some rows share the same {each}: {what}. {hint}")
    if colour and (series := data[colour].n_unique()) > LEGEND_ENTRIES:
        said.append(f"The legend lists {LEGEND_ENTRIES} of the {series:,} values of {literal(colour)}: "
                    "hover over a mark to see its value.")
    return said


# the chart's settings, kept beside its widgets: Streamlit forgets a widget's value when a run of another page
# leaves it out, and the chart came back from there as the boxes' first options, a chart of nothing
CHOSEN = "chart_chosen"


def quick_chart(frame: pl.DataFrame, preferred: ChartSpec | None = None) -> None:
    """The chart's controls and the chart of ``frame`` (flat: no lists or structs), or why there is none.
    ``preferred``: the chart to start from (an example query's), when the result has its columns."""
    columns, _, numeric, _ = chart_axes(frame)
    if st.session_state.get("chart_axes") != (columns, numeric, preferred):
        # a result of other columns, or an example's: its own defaults, not the last result's choices (set
        # here, as the widgets show what the session state holds; a default index would not replace a value
        # they keep). The mark stays as the user left it, unless the example names one.
        x_default, y_default, colour_default, mark_default = chart_defaults(frame, preferred)
        st.session_state.update(chart_axes=(columns, numeric, preferred), chart_x=x_default, chart_y=y_default,
                                chart_colour=colour_default)
        if mark_default:
            st.session_state["chart_mark"] = mark_default
    elif "chart_x" not in st.session_state:  # back from another page, whose run made Streamlit forget the widgets
        st.session_state.update(st.session_state.get(CHOSEN, {}))
    st.session_state.setdefault("chart_mark", "bar")
    with st.container(horizontal=True, wrap=True):  # one row, or more on a narrow screen
        x = st.selectbox("X", columns, key="chart_x", width=CONTROL_WIDTH)
        y = st.selectbox("Y", numeric, key="chart_y", width=CONTROL_WIDTH)
        choices = colour_choices(frame, x, y)
        if st.session_state.get("chart_colour") not in choices:
            st.session_state["chart_colour"] = None  # it became X or Y
        colour = st.selectbox("Colour", choices, index=None, placeholder="None", key="chart_colour", width=CONTROL_WIDTH,
                              disabled=not choices,
                              help="Split the rows into series, one colour each: a learner, a verb, weeks later…")
        mark = st.segmented_control("Chart", MARKS, key="chart_mark") or "bar"
    st.session_state[CHOSEN] = {"chart_x": x, "chart_y": y, "chart_colour": colour, "chart_mark": mark}
    if empty(frame[x]):
        st.info(f"{literal(x)} holds no values (all NULL): choose another X to draw along.", icon=":material/info:")
        return
    try:
        chart, data = build(frame, x, y, colour, mark)
        st.altair_chart(chart, width="stretch")
    except Exception as exc:  # noqa: BLE001 - a chart is a convenience: say why there is none, never a traceback
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        st.info(f"This result can't be charted: {literal(reason)}", icon=":material/info:")
        return
    for note in notes(frame, data, x, colour, mark, choices):
        st.caption(note)
