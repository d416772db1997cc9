"""The analyst notebooks run top to bottom on demo data, in a temporary home, and their outputs read
on their own: headings, printed findings and Altair figures, no errors. They share one setup,
``engine.views.open_snapshot``: the console's tables and views over a Parquet snapshot."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from factories import PASSWORD, REPO
from nbclient import NotebookClient

from engine.settings import Settings
from engine.views import TABLES, VIEWS, open_snapshot, snapshot_summary
from engine.workbench import Workbench

NOTEBOOKS = {
    "retention_and_funnel.ipynb": (["# Retention and the practice funnel", "## Weekly retention", "## The practice funnel"],
                                   ["Share still practising", "learner-exercise pairs"], 2),
    "item_analysis.ipynb": (["# Item analysis", "## Authored against calibrated difficulty"],
                            ["exercises tried", "1.5 levels or more"], 2),
    "learning_curves.ipynb": (["# Learning curves per skill", "## Which skills are learned fastest"],
                              ["Learning curves for", "per try"], 2),
}
VEGA = ("application/vnd.vegalite.v6+json", "application/vnd.vegalite.v5+json")


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A home with a small demo cohort and a snapshot of it, shared by the three notebooks."""
    home = tmp_path_factory.mktemp("notebook-home")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        wb.load_demo(learners=8, days=21)
        wb.snapshot(home / "snapshots" / "all")
    return home


def setup_cell(name: str) -> tuple[str, str]:
    """The notebook's first code cell, and the markdown just before it."""
    cells = nbformat.read(REPO / "notebooks" / name, as_version=4).cells
    first = next(i for i, cell in enumerate(cells) if cell.cell_type == "code")
    return cells[first].source, cells[first - 1].source if first and cells[first - 1].cell_type == "markdown" else ""


def test_the_notebooks_share_one_setup() -> None:
    """One setup cell, the same in each notebook, that builds no view itself but calls the engine's;
    a markdown cell before it says what it does."""
    setups = {name: setup_cell(name) for name in NOTEBOOKS}
    assert len({code for code, _ in setups.values()}) == 1, "the same setup cell in every notebook"
    code = next(iter(setups.values()))[0]
    assert "con = open_snapshot(SNAPSHOT, home=HOME)" in code and "CREATE VIEW" not in code.upper()
    for _, words in setups.values():
        assert "`open_snapshot`" in words and "`submissions`" in words and "`new_hints`" in words


def test_a_snapshot_opens_with_the_consoles_tables_and_views(home: Path) -> None:
    con = open_snapshot(home / "snapshots" / "all")
    names = {row[0] for row in con.sql("SELECT table_name FROM information_schema.tables").fetchall()}
    assert names == {t.name for t in TABLES} | {"exercises"} | set(VIEWS)
    manifest = (home / "snapshots" / "all" / "manifest.json").read_text()
    for table in [t.name for t in TABLES] + ["exercises"]:
        [(rows,)] = con.sql(f"SELECT count(*) FROM {table}").fetchall()
        assert f'"{table}": {rows}' in manifest, table
    columns = con.sql("SELECT * FROM submissions LIMIT 0").columns
    assert columns == ["id", "occurred_at", "user_id", "exercise_id", "passed", "hints", "new_hints", "duration_s",
                       "difficulty", "skills"], "the console's submissions, as docs/data.md has them"
    [(tries, learners)] = con.sql("SELECT count(*), count(DISTINCT user_id) FROM submissions").fetchall()
    assert tries > 0 and snapshot_summary(con) == f"{tries:,} tries by {learners} learners."
    con.close()


def test_a_snapshot_from_before_the_attempt_columns_reads_the_same(home: Path, tmp_path: Path) -> None:
    """Snapshots written before the log kept an attempt's hints and seconds as columns too: their
    submissions come out of the result's JSON, the same rows as from a snapshot of today."""
    import shutil

    import duckdb

    old = tmp_path / "old"
    shutil.copytree(home / "snapshots" / "all", old)
    for part in old.glob("events/*/*.parquet"):
        duckdb.sql(f"COPY (SELECT * EXCLUDE (hints, duration_s) FROM read_parquet('{part}')) TO '{part}.new' "
                   "(FORMAT parquet)")
        part.with_suffix(".parquet.new").replace(part)
    then, now = open_snapshot(old), open_snapshot(home / "snapshots" / "all")
    assert "hints" not in duckdb.sql(f"SELECT * FROM read_parquet('{next(old.glob('events/*/*.parquet'))}')").columns
    query = "SELECT * FROM submissions ORDER BY id"
    rows = now.sql(query).fetchall()
    assert any(row[5] for row in rows) and then.sql(query).fetchall() == rows
    assert then.sql("SELECT * FROM events LIMIT 0").columns == now.sql("SELECT * FROM events LIMIT 0").columns
    then.close()
    now.close()


def test_without_a_snapshot_one_is_taken_from_the_home_or_the_error_says_how(home: Path, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="Write a Parquet snapshot"):
        open_snapshot(tmp_path / "none")
    assert not (tmp_path / "none").exists()
    con = open_snapshot(tmp_path / "fresh", home=home)
    assert (tmp_path / "fresh" / "manifest.json").exists()
    assert snapshot_summary(con) == snapshot_summary(open_snapshot(home / "snapshots" / "all"))
    con.close()


def test_a_snapshot_without_events_opens_empty(tmp_path: Path) -> None:
    """An educator whose cohorts have no learners yet: no month of events to read, and no error."""
    with Workbench.open(settings=Settings(home=tmp_path / "home", bcrypt_rounds=4)) as wb:
        tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
        wb.snapshot(tmp_path / "snap", educator_id=tess.id)
    con = open_snapshot(tmp_path / "snap")
    assert snapshot_summary(con) == "0 tries by 0 learners."
    assert con.sql("SELECT * FROM daily_activity").fetchall() == []
    con.close()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_runs_and_reads_on_its_own(home, name, monkeypatch):
    headings, findings, figures = NOTEBOOKS[name]
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.delenv("WORKBENCH_SNAPSHOT", raising=False)
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "stored without outputs"
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for heading in headings:
        assert heading in markdown
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    for finding in findings:
        assert finding in text
    charts = [o for o in outputs if o.output_type in ("display_data", "execute_result")
              and (any(m in o.data for m in VEGA) or "vegaEmbed" in o.data.get("text/html", ""))]
    assert len(charts) >= figures
    snapshot = re.search(r"Snapshot all: ([\d,]+) tries", text)
    assert snapshot and int(snapshot.group(1).replace(",", "")) > 0, "the notebook read some tries"
    assert os.environ["WORKBENCH_HOME"] == str(home)


@pytest.fixture(scope="module")
def new_educator_home(tmp_path_factory) -> Path:
    """A new educator's snapshot: one learner in the cohort, who has not tried anything yet."""
    home = tmp_path_factory.mktemp("new-educator-home")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
        ada = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
        wb.join_cohort(ada.id, wb.create_cohort(tess.id, "Spring").join_code)
        wb.snapshot(home / "snapshots" / "new", educator_id=tess.id)
    return home


EMPTY_FINDINGS = {
    "retention_and_funnel.ipynb": ["Nobody has practised yet", "Ran the tests before submitting: no submission yet.",
                                   "the funnel is empty"],
    "item_analysis.ipynb": ["No exercise tried yet", "No exercise has a calibrated difficulty yet"],
    "learning_curves.ipynb": ["No learning curve yet", "no slope to compare"],
}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_says_so_on_a_snapshot_without_tries(new_educator_home, name, monkeypatch):
    """It failed (a median of nothing formatted as a percentage) or printed "(nan%)"."""
    monkeypatch.setenv("WORKBENCH_HOME", str(new_educator_home))
    monkeypatch.setenv("WORKBENCH_SNAPSHOT", str(new_educator_home / "snapshots" / "new"))
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Snapshot new: 0 tries by 0 learners." in text
    for finding in EMPTY_FINDINGS[name]:
        assert finding in text
    assert not re.search(r"nan|None|-0\.0", text), text


@pytest.mark.parametrize(("slope", "shown"), [(-0.0, "+0.0%"), (-0.00004, "+0.0%"), (0.0123, "+1.2%"), (-0.02, "-2.0%")])
def test_a_flat_learning_curve_reads_plus_zero(slope, shown):
    """The notebook's own formatting of a slope (it printed "strings: -0.0% per try")."""
    code = nbformat.read(REPO / "notebooks" / "learning_curves.ipynb", as_version=4).cells[7].source
    assert 'slope = round(row["slope"], 3) + 0.0' in code
    assert f"{round(slope, 3) + 0.0:+.1%}" == shown


def test_no_run_tests_click_is_said_as_such(home, tmp_path, monkeypatch):
    """The demo's results are recorded, not run: "Ran the tests before submitting: 0%" read as a finding."""
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.delenv("WORKBENCH_SNAPSHOT", raising=False)
    con = open_snapshot(home / "snapshots" / "all")
    [(clicks,)] = con.sql("SELECT count(*) FROM events WHERE verb = 'ran-tests'").fetchall()
    con.close()
    notebook = nbformat.read(REPO / "notebooks" / "retention_and_funnel.ipynb", as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    text = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
                   if o.output_type == "stream")
    if clicks:
        assert re.search(r"Ran the tests before submitting: \d+% of submitted pairs", text)
    else:
        assert 'no "Run tests" click in this snapshot' in text


def run_notebook(name: str) -> str:
    """What the notebook prints, run top to bottom with the environment as it is."""
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return "".join(o.get("text", "") for o in outputs if o.output_type == "stream")


@pytest.fixture(scope="module")
def three_submissions(tmp_path_factory) -> Path:
    """A snapshot of three learners who each submitted one exercise, without running its tests first."""
    home = tmp_path_factory.mktemp("three-submissions")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        for name in ("ada", "bob", "cyd"):
            learner = wb.register(name, f"{name}@example.org", name.title(), PASSWORD)
            wb.submit(learner.id, "python/apply-n-times", "def apply_n_times(f, n, v):\n    return v\n")
        wb.snapshot(home / "snapshot")
    return home / "snapshot"


def test_one_skill_is_one_skill(three_submissions, monkeypatch):
    monkeypatch.setenv("WORKBENCH_SNAPSHOT", str(three_submissions))
    assert "Learning curves for 1 skill (first 12 tries" in run_notebook("learning_curves.ipynb")


def test_submissions_without_run_tests_are_not_called_imported(three_submissions, monkeypatch):
    monkeypatch.setenv("WORKBENCH_SNAPSHOT", str(three_submissions))
    text = run_notebook("retention_and_funnel.ipynb")
    said = next(line for line in text.splitlines() if line.startswith("Ran the tests before submitting"))
    assert said.startswith('Ran the tests before submitting: no "Run tests" click in this snapshot (none was made')
    assert "(imported or simulated results)" not in said, "these are real submissions"
