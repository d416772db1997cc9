"""Data: a read-only SQL console over the analytics views of your cohorts, a quick chart, and the
Parquet snapshot notebooks read, as a zip to download (or written to the server's disk)."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from uuid import uuid4

import polars as pl

from engine import clock
from engine.console import Console, ConsoleError
from engine.example_queries import example_chart, example_queries
from engine.spreadsheets import csv_bytes
from engine.views import TABLES, VIEW_DESCRIPTIONS
from engine.xapi import DEFAULT_BASE_IRI
from ui.markdown import inline_code, literal
from ui.quick_chart import quick_chart
from ui.session import acting, require_role, workbench

DOCS = Path(__file__).resolve().parent.parent / "docs" / "data.md"
EXAMPLE = ("SELECT verb, count(*) AS events\nFROM events\nGROUP BY verb\nORDER BY events DESC")
SNAPSHOT_MINUTES = 5  # a console shared by an educator's sessions is taken anew once it is this old

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


def current(snapshot: Console) -> bool:
    """Whether a cached console may be handed out again: young enough, and its educator's cohorts have
    neither gained nor lost a learner since it was taken (a learner who left must be gone at once, from
    every session). (``clock.utcnow``, looked up at each call: the cache keeps the ``current`` of the
    run that created it.)"""
    young = clock.utcnow() - snapshot.refreshed_at < timedelta(minutes=SNAPSHOT_MINUTES)
    return young and not snapshot.scope_changed()


@st.cache_resource(show_spinner="Copying your cohorts' data into the console…", max_entries=8, validate=current)
def console(educator_id: int, nonce: str | None) -> Console:
    """The educator's console: shared by their sessions (``nonce`` None) and taken anew once it is
    ``SNAPSHOT_MINUTES`` old or their cohorts' members change; "Refresh snapshot" takes one of the
    session's own (a new ``nonce``). A console dropped from the cache is freed once no run still uses it
    (not closed on release: another session's run may be halfway through it)."""
    return workbench().data_console(educator_id)


@acting
def refresh() -> None:
    st.session_state["console_nonce"] = uuid4().hex  # unique: never another session's copy


@dataclass(frozen=True)
class Prepared:
    """A download prepared for this session (the Parquet snapshot zipped, or the xAPI statements), and when."""

    data: bytes
    at: datetime
    name: str  # "workbench-activity-{day}.zip"

    @property
    def file_name(self) -> str:
        return self.name.format(day=f"{self.at:%Y-%m-%d}")


def app_address() -> str:
    """The app's address as the browser has it (scheme, host and port), which names the accounts and the
    activities of xAPI statements; the default one when it is not known."""
    url = urlsplit(st.context.url or "")
    return f"{url.scheme}://{url.netloc}" if url.scheme and url.netloc else DEFAULT_BASE_IRI


def prepared_download(key: str, label: str, icon: str, help: str, working: str, make: Callable[[], bytes],
                      name: str, mime: str) -> None:
    """A button that prepares a download when asked (it takes a while), then the download of what it
    prepared, with its size and when: kept for the session."""
    prepared = st.session_state.get(f"prepared_{key}")
    with st.container(horizontal=True, vertical_alignment="center"):
        if st.button(label, icon=icon, key=f"prepare_{key}", help=help):
            with st.spinner(working, show_time=True):
                prepared = st.session_state[f"prepared_{key}"] = Prepared(make(), clock.utcnow(), name)
        if prepared:
            st.download_button(f"Download {prepared.file_name}", prepared.data, file_name=prepared.file_name,
                               mime=mime, type="primary", icon=":material/download:", on_click="ignore")
            st.caption(f"{size(len(prepared.data))} · prepared {prepared.at:%Y-%m-%d %H:%M} UTC")


def size(n: int) -> str:
    """Bytes as people read them: 840 bytes, 12.3 KB, 4.5 MB."""
    if n < 1000:
        return f"{n:,} bytes"
    return f"{n / 1000:.1f} KB" if n < 1_000_000 else f"{n / 1_000_000:.1f} MB"


def taken(moment: datetime) -> str:
    """When a snapshot was taken, and how long ago."""
    minutes = int((clock.utcnow() - moment).total_seconds() // 60)
    ago = "just now" if minutes < 1 else f"{minutes} {'minute' if minutes == 1 else 'minutes'} ago"
    return f"Snapshot taken {moment:%Y-%m-%d %H:%M:%S} UTC ({ago})"


st.title("Data")
st.write("Ask the activity log of your cohorts anything, in SQL (DuckDB's dialect). The console is read-only "
         "and holds a snapshot of your cohorts' learners only; no passwords, emails, join codes or code.")
sql_console = console(user.id, st.session_state.get("console_nonce"))

with st.container(horizontal=True, vertical_alignment="center"):
    st.caption(f"{taken(sql_console.refreshed_at)} · {sql_console.tables['events']:,} events · "
               f"at most {sql_console.row_limit:,} rows and {sql_console.timeout_s:g} s per query")
    st.button("Refresh snapshot", icon=":material/refresh:", on_click=refresh,
              help=f"Copy the latest activity into the console (done anyway once the snapshot is "
                   f"{SNAPSHOT_MINUTES} minutes old, or as soon as a learner joins or leaves one of your cohorts).")

with st.expander("Tables and views", icon=":material/table_view:", key="tables_and_views"):
    described = {t.name: t.description for t in TABLES} | VIEW_DESCRIPTIONS
    schema = sql_console.schema().with_columns(
        about=pl.col("name").replace_strict(described, default=""))
    # as text, a table after another: in a grid, each table's long line of columns was cut at its cell's edge,
    # and on a phone the columns were off the screen
    for name, about, columns in schema.select("name", "about", "columns").iter_rows():
        st.markdown(f"**`{name}`**" + (f": {literal(about)}" if about else ""))
        st.caption(literal(columns))
    if DOCS.exists():  # the repository's docs/data.md, which a reader of this page cannot open otherwise
        st.download_button("Analysts' guide (Markdown)", DOCS.read_bytes(), file_name="workbench-data-guide.md",
                           mime="text/markdown", icon=":material/menu_book:",
                           help="Every table and column, the views, and example queries for DuckDB and Polars.")

@acting
def use_example() -> None:
    """A callback: the chosen example goes into the SQL box (before the box is drawn). A query the analyst
    wrote is kept, to be put back (``put_back``): choosing an example must not lose their work."""
    chosen = st.session_state.get("example")
    if not chosen:
        return
    typed = st.session_state.get("sql", "").strip()
    if typed and typed not in {EXAMPLE, *examples.values()}:
        st.session_state["replaced_sql"] = st.session_state["sql"]
    st.session_state["sql"] = st.session_state["query_sql"] = examples[chosen]
    # the box is a menu, back to its placeholder: left showing the example, it named one no longer in the SQL
    # box (edited, or put back), and choosing that example again did nothing
    st.session_state["example"] = None


@acting
def put_back() -> None:
    """A callback: the query an example replaced goes back into the SQL box."""
    st.session_state["sql"] = st.session_state["query_sql"] = st.session_state.pop("replaced_sql")


examples = example_queries(DOCS)
PLAN = ["explain_key", "explain_value"]  # the columns of EXPLAIN's result
WAIT_WORTH_SAYING_MS = 500
# The box's text is kept under a key of its own (ui.session.KEPT_BOXES): Streamlit forgets a widget's state
# once a run of another page does not draw it, while the result below is kept, and would then show under the
# default query.
st.session_state.setdefault("query_sql", EXAMPLE)
if "sql" not in st.session_state:
    st.session_state["sql"] = st.session_state["query_sql"]
if examples:
    st.selectbox("Examples", list(examples), index=None, key="example", on_change=use_example,
                 placeholder="Start from an example query (from the analysts' guide)")
if "replaced_sql" in st.session_state:
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(":material/info: The example replaced the query you had typed.")
        st.button("Put my query back", key="put_back_sql", icon=":material/undo:", on_click=put_back,
                  help="Offered until a query is run.")
@acting
def keep_typed() -> None:
    """A callback, as the box is left: its text is kept before the page runs, so that leaving it for another
    page (whose run the box's own state does not outlive, and which may stop this page's run) keeps it."""
    st.session_state["query_sql"] = st.session_state["sql"]


# Not in a form: a form's text reaches the server only when the form is sent, so an example chosen over a
# query typed and not run replaced it unseen. Nor kept in the browser until the next run (on_change="ignore"):
# a link to another page sends none of this page's widgets, so the text was lost there.
sql = st.text_area("SQL", height=160, key="sql", on_change=keep_typed,
                   help="One SELECT (WITH ... SELECT is fine). Anything else is refused.")
# a query run is the analyst's latest work: the query an example replaced is no longer offered over it
run = st.button("Run", key="run_sql", type="primary", icon=":material/play_arrow:", shortcut="Ctrl+Enter",
                on_click=lambda: st.session_state.pop("replaced_sql", None))
st.session_state["query_sql"] = sql

if run:
    try:
        with st.spinner("Running the query…"):  # seconds, up to the time limit, for a heavy one
            st.session_state["result"] = wb.query_data(user.id, sql_console, sql)
        st.session_state["result_chart"] = example_chart(examples, sql)  # an example's own chart, if it is one
        st.session_state.pop("query_error", None)
    except ConsoleError as exc:
        st.session_state.pop("result", None)
        st.session_state["query_error"] = str(exc)

if st.session_state.get("query_error"):
    # DuckDB's help and the place in the query ("LINE 4:" and a caret under it) under its first line, in a
    # fixed-width font so that the caret points where it should
    said, _, where = st.session_state["query_error"].partition("\n")
    st.error(literal(said), icon=":material/error:")
    if where.strip():
        st.code(where.strip("\n"), language=None)
result = st.session_state.get("result")
if result is not None:
    frame = result.frame
    note = f"{frame.height:,} {'row' if frame.height == 1 else 'rows'} in {result.elapsed_ms:.0f} ms"
    if result.truncated:
        note += f"; stopped at the limit of {result.limit:,} rows"
    if result.waited_ms >= WAIT_WORTH_SAYING_MS:  # the console is one per educator, a query at a time
        note += f", after {result.waited_ms / 1000:.1f} s waiting for your query in another tab to end"
    st.caption(note)
    if frame.columns == PLAN:  # EXPLAIN's: a plan drawn in boxes, as many lines as it takes, unreadable in a cell
        for kind, plan in frame.iter_rows():
            st.caption(kind.replace("_", " ").capitalize())
            st.code(plan, language=None)
    else:
        dates = {c: st.column_config.DateColumn() for c, t in frame.schema.items() if t == pl.Date}  # not at midnight
        st.dataframe(flattened(frame, keep_nested=True), hide_index=True, column_config=dates)
    flat = flattened(frame)
    # named by the time (UTC), to the second: two downloads neither overwrite nor look alike
    st.download_button("Download CSV", csv_bytes(flat), file_name=f"workbench-query-{clock.utcnow():%Y-%m-%d-%H%M%S}.csv",
                       mime="text/csv", icon=":material/download:", on_click="ignore")
    if frame.height and frame.width >= 2 and frame.columns != PLAN:
        with st.expander("Quick chart", expanded=True, icon=":material/bar_chart:", key="quick_chart"):
            quick_chart(flat, st.session_state.get("result_chart"))

st.subheader("For notebooks", divider="gray")
st.write("Take your cohorts' activity away as Parquet, for a notebook, DuckDB, Polars or pandas: one zip holding "
         "`events/month=YYYY-MM/data.parquet`, one file per other table and a README saying what each holds. "
         "Unzipped, it is the folder the workbench's notebooks read (set `WORKBENCH_SNAPSHOT` to it).")
if not any(c.members for c in wb.cohorts(user.id)):
    st.caption(":material/info: Your cohorts have no learners yet: a download would hold empty tables.")
prepared_download("zip", "Prepare download", ":material/folder_zip:",
                  "Pack the latest activity of your cohorts' learners (the console's tables, as of now) into a zip. "
                  "Prepare it again for newer activity.", "Packing your cohorts' data…",
                  lambda: wb.snapshot_zip(user.id), "workbench-activity-{day}.zip", "application/zip")

with st.expander("On the server instead", icon=":material/save:", key="on_the_server"):
    folder = wb.settings.home / "snapshots" / f"educator-{user.id}"
    st.caption("For a notebook on the machine that runs the app: the same files, unzipped, written to "
               f"{inline_code(str(folder))} on the server (replaced whole each time). The notebooks read it "
               f"with {inline_code(f'WORKBENCH_SNAPSHOT={folder}')} set.")
    if st.button("Write a Parquet snapshot of my cohorts", icon=":material/save:"):
        with st.spinner("Writing the snapshot…"):
            counts = wb.snapshot(folder, user.id)
        st.success(f"Wrote {counts['events']:,} events and {len(counts) - 1} tables to {inline_code(str(folder))}.",
                   icon=":material/check:")

st.subheader("For a learning record store", divider="gray")
st.write("Your cohorts' activity as xAPI 1.0.3 statements, one JSON object per line, gzipped. Accounts and "
         f"activities are named under this app's address, {inline_code(app_address())}.")
prepared_download("xapi", "Prepare xAPI statements", ":material/dataset:",
                  "Every event of your cohorts' learners, oldest first, as xAPI statements (the ids stay the same from "
                  "one download to the next, so a store can drop the ones it has).", "Writing the statements…",
                  lambda: wb.xapi_download(user.id, app_address()), "workbench-xapi-{day}.jsonl.gz", "application/gzip")
