"""Data: a read-only SQL console over the analytics views of your cohorts, a quick chart, and the
Parquet snapshot notebooks read."""

import json
from pathlib import Path

import altair as alt
import polars as pl
import streamlit as st

from engine.console import ConsoleError
from engine.example_queries import example_queries
from engine.views import TABLES, VIEW_DESCRIPTIONS
from ui.session import require_role, workbench

DOCS = Path(__file__).resolve().parent.parent / "docs" / "data.md"
EXAMPLE = ("SELECT verb, count(*) AS events\nFROM events\nGROUP BY verb\nORDER BY events DESC")

wb = workbench()
user = require_role("educator")


def plain(dtype: pl.DataType) -> bool:
    """A scalar type Polars writes to CSV as it is: numbers, text, booleans, dates and times."""
    # not Duration, Binary, Object or extension types (DuckDB's VARIANT): write_csv refuses them
    return (dtype.is_numeric() or isinstance(dtype, (pl.Date, pl.Datetime, pl.Time, pl.Categorical, pl.Enum))
            or dtype in (pl.String, pl.Boolean, pl.Null))


def as_text(value: object) -> str | None:
    """A cell as text: lists and structs as JSON, anything else as Python prints it; missing stays missing."""
    if value is None:
        return None
    return json.dumps(value, default=str) if isinstance(value, (list, dict)) else str(value)


def flattened(frame: pl.DataFrame, *, keep_nested: bool = False) -> pl.DataFrame:
    """Every column that is not a plain scalar as text: CSV and the chart's data take no nesting, and Polars
    cannot write some scalars (binary, durations, DuckDB's VARIANT) to CSV at all. With ``keep_nested``,
    lists and structs stay as they are: the table shows them itself."""
    nested = (pl.List, pl.Struct) if keep_nested else ()
    other = [c for c, t in frame.schema.items() if not plain(t) and not isinstance(t, nested)]
    return frame.with_columns(pl.Series(c, [as_text(v) for v in frame[c].to_list()], dtype=pl.String)
                              for c in other)


def chart_axes(frame: pl.DataFrame) -> tuple[list[str], int, list[str], int]:
    """The quick chart's choices and defaults: a label column across (the first that is not a
    number, if any) and the last number column up."""
    columns = frame.columns
    numeric = [c for c, t in frame.schema.items() if t.is_numeric()] or columns
    labels = [c for c in columns if c not in numeric]
    x = columns.index(labels[0]) if labels else 0
    others = [c for c in numeric if c != columns[x]] or numeric
    return columns, x, numeric, numeric.index(others[-1])


def date_labels(moments: pl.Series) -> pl.Series:
    """Dates or times as text labels: the day alone when every one is at midnight (weeks, days)."""
    whole_days = moments.dtype == pl.Date or bool((moments.dt.truncate("1d") == moments).all())
    return moments.dt.to_string("%Y-%m-%d" if whole_days else "%Y-%m-%d %H:%M")


@st.cache_resource(show_spinner="Copying your cohorts' data into the console…", max_entries=8)
def console(educator_id: int, generation: int):
    """One console per educator, kept until they refresh it (``generation`` changes)."""
    return workbench().data_console(educator_id)


def refresh() -> None:
    st.session_state["console_generation"] = st.session_state.get("console_generation", 0) + 1


st.title("Data")
st.write("Ask the activity log of your cohorts anything, in SQL (DuckDB's dialect). The console is read-only "
         "and holds a snapshot of your cohorts' learners only; no passwords, emails, join codes or code.")
generation = st.session_state.get("console_generation", 0)
sql_console = console(user.id, generation)

with st.container(horizontal=True, vertical_alignment="center"):
    st.caption(f"Snapshot taken {sql_console.refreshed_at:%Y-%m-%d %H:%M} UTC · "
               f"{sql_console.tables['events']:,} events · at most {sql_console.row_limit:,} rows and "
               f"{sql_console.timeout_s:g} s per query")
    st.button("Refresh snapshot", icon=":material/refresh:", on_click=refresh,
              help="Copy the latest activity into the console.")

with st.expander("Tables and views", icon=":material/table_view:"):
    described = {t.name: t.description for t in TABLES} | VIEW_DESCRIPTIONS
    schema = sql_console.schema().with_columns(
        about=pl.col("name").replace_strict(described, default=""))
    st.dataframe(schema.select("name", "about", "columns"), hide_index=True,
                 column_config={"name": "Name", "about": "What", "columns": "Columns"})
    st.caption("docs/data.md documents every column, with example queries.")

def use_example() -> None:
    """A callback: the chosen example goes into the SQL box (before the box is drawn)."""
    chosen = st.session_state.get("example")
    if chosen:
        st.session_state["sql"] = examples[chosen]


examples = example_queries(DOCS)
st.session_state.setdefault("sql", EXAMPLE)
if examples:
    st.selectbox("Examples", list(examples), index=None, key="example", on_change=use_example,
                 placeholder="Start from an example query (from docs/data.md)")
with st.form("query"):
    sql = st.text_area("SQL", height=160, key="sql",
                       help="One SELECT (WITH ... SELECT is fine). Anything else is refused.")
    run = st.form_submit_button("Run", type="primary", icon=":material/play_arrow:")

if run:
    try:
        st.session_state["result"] = wb.query_data(user.id, sql_console, sql)
        st.session_state.pop("query_error", None)
    except ConsoleError as exc:
        st.session_state.pop("result", None)
        st.session_state["query_error"] = str(exc)

if st.session_state.get("query_error"):
    st.error(st.session_state["query_error"], icon=":material/error:")
result = st.session_state.get("result")
if result is not None:
    frame = result.frame
    note = f"{frame.height:,} {'row' if frame.height == 1 else 'rows'} in {result.elapsed_ms:.0f} ms"
    if result.truncated:
        note += f"; stopped at the limit of {result.limit:,} rows"
    st.caption(note)
    st.dataframe(flattened(frame, keep_nested=True), hide_index=True)
    flat = flattened(frame)
    st.download_button("Download CSV", flat.write_csv(), file_name="query.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore")
    if frame.height and frame.width >= 2:
        with st.expander("Quick chart", expanded=True, icon=":material/bar_chart:"):
            columns, x_default, numeric, y_default = chart_axes(flat)
            left, middle, right = st.columns(3)
            x = left.selectbox("X", columns, index=x_default, key="chart_x")
            y = middle.selectbox("Y", numeric, index=y_default, key="chart_y")
            mark = right.segmented_control("Chart", ["bar", "line", "point"], default="bar", key="chart_mark")
            data = flat.head(5000)
            if mark in (None, "bar") and data.schema[x].is_temporal():
                # a bar per row, labelled by its date: on a time axis, weekly bars sat thin between daily ticks
                data = data.with_columns(date_labels(data[x]))
            # in the query's order (its ORDER BY), not sorted by label
            chart = alt.Chart(data).encode(x=alt.X(x, sort=None), y=y, tooltip=columns[:6])
            chart = {"bar": chart.mark_bar(), "line": chart.mark_line(point=True)}.get(mark or "bar", chart.mark_point())
            st.altair_chart(chart.properties(height=280), width="stretch")

st.subheader("For notebooks", divider="gray")
st.write("While the app runs it holds the database, so notebooks read a Parquet snapshot instead: "
         "`events/month=YYYY-MM/*.parquet` and one file per table, refreshed here or with "
         "`python -m engine export --parquet DIR`.")
if st.button("Write a Parquet snapshot of my cohorts", icon=":material/save:"):
    folder = wb.settings.home / "snapshots" / f"educator-{user.id}"
    with st.spinner("Writing the snapshot…"):
        counts = wb.snapshot(folder, user.id)
    st.success(f"Wrote {counts['events']:,} events and {len(counts) - 1} tables to `{folder}`.",
               icon=":material/check:")
