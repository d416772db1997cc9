"""The analyst notebooks run top to bottom on demo data, in a temporary home, and their outputs read
on their own: headings, printed findings and Altair figures, no errors. They share one setup,
``engine.views.open_snapshot``: the console's tables and views over a Parquet snapshot."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import nbformat
import pytest
from factories import PASSWORD, REPO
from nbclient import NotebookClient

from engine.chart_words import timed
from engine.settings import Settings
from engine.views import TABLES, VIEWS, open_snapshot, snapshot_summary, snapshot_taken_at
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
    assert "snapshot_summary(con, SNAPSHOT)" in code, "it says when the snapshot was taken"
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
    assert tries > 0 and snapshot_summary(con) == (f"{tries:,} tries by {learners} learners. "
                                                   "Demo data: every learner in it is a demo account.")
    con.close()


def test_a_snapshot_from_before_the_attempt_columns_reads_the_same(home: Path, tmp_path: Path) -> None:
    """Snapshots written before the log kept an attempt's hints and seconds as columns too: their
    submissions come out of the result's JSON, the same rows as from a snapshot of today."""
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


def test_without_a_snapshot_one_is_taken_from_the_home_or_the_error_says_how(home: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(FileNotFoundError, match="Write a Parquet snapshot"):
        open_snapshot(tmp_path / "none")
    assert not (tmp_path / "none").exists()
    con = open_snapshot(tmp_path / "fresh", home=home)
    assert (tmp_path / "fresh" / "manifest.json").exists()
    said = capsys.readouterr()
    assert said.out == f"No snapshot in {tmp_path / 'fresh'} yet: took one now from the workbench in {home}.\n"
    assert not said.err, "a home with a workbench and accounts is no cause for alarm"
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
    folder = home / "snapshots" / "all"
    snapshot = re.search(rf"Snapshot {re.escape(str(folder))}: ([\d,]+) tries", text)
    assert snapshot and int(snapshot.group(1).replace(",", "")) > 0, "the notebook read some tries"
    taken = snapshot_taken_at(folder)
    assert taken and f"Taken {timed(taken)}, " in text, "when the snapshot was taken: it does not follow the data"
    assert f"To refresh it, stop the app and run `WORKBENCH_HOME={home} python -m engine export --parquet {folder}`" in text
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
    assert f"Snapshot {new_educator_home / 'snapshots' / 'new'}: 0 tries by 0 learners.\nTaken " in text
    for finding in EMPTY_FINDINGS[name]:
        assert finding in text
    assert not re.search(r"nan|None|-0\.0", text), text


def code_cell(name: str, opening: str) -> str:
    """The source of the notebook's code cell that begins with ``opening``."""
    cells = nbformat.read(REPO / "notebooks" / name, as_version=4).cells
    return next(cell.source for cell in cells if cell.cell_type == "code" and cell.source.startswith(opening))


@pytest.mark.parametrize(("slope", "shown"), [(-0.0, "+0.0"), (-0.00004, "+0.0"), (0.0123, "+1.2"), (-0.02, "-2.0")])
def test_a_flat_learning_curve_reads_plus_zero(slope, shown):
    """The notebook's own formatting of a slope, in percentage points (it printed "strings: -0.0% per try")."""
    code = code_cell("learning_curves.ipynb", "MIN_TRIES, MIN_POINTS")
    assert 'slope = round(100 * row["slope"], 1) + 0.0' in code and "{slope:+.1f} points per try" in code
    assert f"{round(100 * slope, 1) + 0.0:+.1f}" == shown


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
    return "".join(o.get("text", "") for o in executed(name) if o.output_type == "stream")


def executed(name: str) -> list:
    """The notebook's outputs, run top to bottom with the environment as it is, none an error."""
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"], [o for o in outputs if o.output_type == "error"]
    return outputs


def chart_specs(outputs: list) -> list[dict]:
    """The Vega-Lite specs of the Altair charts among a notebook's outputs (a mimebundle, or the HTML that embeds it)."""
    specs = []
    for output in outputs:
        data = output.get("data", {})
        if spec := next((data[m] for m in VEGA if m in data), None):
            specs.append(spec if isinstance(spec, dict) else json.loads(spec))
        elif "vegaEmbed" in (html := data.get("text/html", "")):
            specs.append(json.JSONDecoder().raw_decode(html[html.rindex("})(") + 3:])[0])
    return specs


def encodings(spec: dict) -> list[dict]:
    """Every encoding in a spec, its layers' and a facet's inner chart's too."""
    found = [spec["encoding"]] if "encoding" in spec else []
    for part in spec.get("layer", []) + ([spec["spec"]] if "spec" in spec else []):
        found += encodings(part)
    return found


def rows(spec: dict) -> list[dict]:
    return [row for values in spec.get("datasets", {}).values() for row in values]


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


# -- weekly retention ---------------------------------------------------------------------------

TAKEN = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday: the week of Monday 23 November is not over
PRACTICE_LOG = [  # (learner, day of November 2026, verb)
    # started the week of 2 Nov: four learners; two back the week after, none the week after that, one this week
    (1, 3, "submitted"), (2, 3, "submitted"), (3, 3, "submitted"), (4, 3, "submitted"),
    (1, 10, "submitted"), (2, 10, "submitted"), (4, 17, "logged-in"), (1, 23, "submitted"),
    # started the week of 9 Nov: both back the week after (one only skipping an exercise), one this week (running
    # the tests), and one opening an exercise, which is not practising (the page opens one by itself)
    (5, 11, "submitted"), (6, 11, "submitted"), (5, 17, "skipped"), (6, 19, "submitted"), (6, 24, "ran-tests"),
    (5, 24, "viewed"),
    # started the week of 16 Nov (asking for a hint), not back yet this week; and one who only logged in
    (7, 18, "requested-hint"), (8, 23, "logged-in"), (8, 3, "joined-cohort"),
]


@pytest.fixture(scope="module")
def practice_log(tmp_path_factory) -> Path:
    """A snapshot taken on ``TAKEN`` whose log is ``PRACTICE_LOG``."""
    folder = tmp_path_factory.mktemp("practice-log") / "snapshot"
    with Workbench.open(settings=Settings(home=folder.parent / "home", bcrypt_rounds=4)) as wb:
        wb.snapshot(folder)
    month = folder / "events" / "month=2026-11"
    month.mkdir(parents=True)
    values = ", ".join(f"({i}, TIMESTAMP '2026-11-{day:02d} 10:00:00', {user}, '{verb}', "
                       f"{'NULL' if verb in ('logged-in', 'joined-cohort') else repr('python/apply-n-times')}, NULL, '{{}}', "
                       "NULL, NULL)" for i, (user, day, verb) in enumerate(PRACTICE_LOG, 1))
    duckdb.sql(f"COPY (SELECT id::BIGINT AS id, occurred_at, user_id::INTEGER AS user_id, verb, object, result::VARCHAR "
               "AS result, context, hints::INTEGER AS hints, duration_s::DOUBLE AS duration_s FROM (VALUES "
               f"{values}) AS t(id, occurred_at, user_id, verb, object, result, context, hints, duration_s)) "
               f"TO '{month / 'data.parquet'}' (FORMAT parquet)")
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, "written_at": TAKEN.isoformat()}))
    return folder


def test_retention_counts_every_learner_of_a_week_begun_and_leaves_this_week_apart(practice_log, monkeypatch):
    """Week 2 of the group of 2 Nov had nobody back: it showed no cell and left its 4 learners out of week 2
    (so week 2 showed nothing); this week, not over, was counted as a whole week (25% in week 3); skipping or
    opening an exercise, practice to the dashboard, did not count (67% in week 1 read 50%); and the first weeks
    were points in time, a stripe each with days between."""
    monkeypatch.setenv("WORKBENCH_SNAPSHOT", str(practice_log))
    outputs = executed("retention_and_funnel.ipynb")
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    shares = [line for line in text.splitlines() if re.match(r"  week \d+:", line)]
    assert shares == ["  week 0: 100% (7 of 7)", "  week 1: 67% (4 of 6)", "  week 2: 0% (0 of 4)"], text
    assert "the week of 23 Nov 2026, not over, left out" in text
    assert "This week so far: 2 of the 7 learners practised in it." in text
    [heatmap] = [spec for spec in chart_specs(outputs) if any("weeks_later" in row for row in rows(spec))]
    [y] = {json.dumps(e["y"], sort_keys=True) for e in encodings(heatmap) if "y" in e}
    assert json.loads(y)["type"] == "ordinal" and json.loads(y)["field"] == "first_week"
    cells = {(row["first_week"], row["weeks_later"]): (row["learners"], row["group_size"], row["so_far"])
             for row in rows(heatmap)}
    assert cells == {
        ("2 Nov 2026 (4)", 0): (4, 4, False), ("2 Nov 2026 (4)", 1): (2, 4, False), ("2 Nov 2026 (4)", 2): (0, 4, False),
        ("2 Nov 2026 (4)", 3): (1, 4, True), ("9 Nov 2026 (2)", 0): (2, 2, False), ("9 Nov 2026 (2)", 1): (2, 2, False),
        ("9 Nov 2026 (2)", 2): (1, 2, True), ("16 Nov 2026 (1)", 0): (1, 1, False), ("16 Nov 2026 (1)", 1): (0, 1, True),
    }, "a cell for every week begun, 0 where nobody came back; this week's marked so far"


def test_retention_counts_practice_as_the_engine_defines_it():
    code = code_cell("retention_and_funnel.ipynb", "from datetime import")
    assert "from engine.queries.verbs import PRACTICE" in code and "verb IN {PRACTICE}" in code
    assert "'ran-tests'" not in code, "no list of its own beside the engine's"


# -- learning curves ----------------------------------------------------------------------------

SCHEME_COLOURS = {"category10": 10, "tableau10": 10, "category20": 20, "tableau20": 20}
SLOPE = re.compile(r"^ *(\S+): ([+-]\d+\.\d) points per try \(±(\d+\.\d); (\d+) tries, (\d+) try numbers\)$", re.M)


def test_skills_keep_their_own_colour_and_only_slopes_of_enough_tries_are_ranked(home, monkeypatch):
    """Twelve skills shared ten colours, and "learned fastest" ranked slopes through two points, unweighted, in
    percentage points printed as "%"."""
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.delenv("WORKBENCH_SNAPSHOT", raising=False)
    outputs = executed("learning_curves.ipynb")
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    curves = [spec for spec in chart_specs(outputs) if any("skill" in row for row in rows(spec))]
    assert len(curves) == 2
    for spec in curves:
        skills = {row["skill"] for row in rows(spec)}
        colours = [e["color"] for e in encodings(spec) if e.get("color", {}).get("field") == "skill"]
        if colours:
            assert all(SCHEME_COLOURS.get(c.get("scale", {}).get("scheme"), 10) >= len(skills) for c in colours)
        else:
            assert spec.get("facet", {}).get("field") == "skill", "one chart per skill, or a colour each"
        assert len(skills) > 10, "the demo's skills outnumber a palette of ten"

    # the slopes, each its own straight line through every try behind the curve
    con = open_snapshot(home / "snapshots" / "all")
    tries: dict[str, dict[int, list[int]]] = {}
    numbered: dict[tuple[int, str], int] = {}
    for user, skills, passed in con.sql("SELECT user_id, skills, passed FROM submissions ORDER BY occurred_at, id").fetchall():
        n = numbered[user, skills[0]] = numbered.get((user, skills[0]), 0) + 1
        tries.setdefault(skills[0], {}).setdefault(n, []).append(int(passed))
    con.close()
    expected, drawn = {}, set()
    for skill, by_try in tries.items():
        points = {n: passed for n, passed in by_try.items() if n <= 12 and len(passed) >= 3}
        drawn |= {skill} if points else set()
        xs, ys = [n for n, passed in points.items() for _ in passed], [p for passed in points.values() for p in passed]
        if len(xs) >= 30 and len(points) >= 4:
            expected[skill] = (100 * statistics.linear_regression(xs, ys).slope, len(xs), len(points))
    printed = {skill: (float(slope), int(n), int(points)) for skill, slope, _, n, points in SLOPE.findall(text)}
    assert expected and printed.keys() == expected.keys(), text
    for skill, (slope, n, points) in expected.items():
        assert printed[skill] == (pytest.approx(slope, abs=0.051), n, points), skill
    assert list(printed) == sorted(printed, key=lambda skill: -expected[skill][0]), "fastest first"
    assert "% per try" not in text
    not_ranked = next(line for line in text.splitlines() if line.startswith("Not ranked"))
    assert drawn - set(expected) and all(f" {skill} (" in not_ranked for skill in drawn - set(expected)), not_ranked


# -- which snapshot, taken when -----------------------------------------------------------------


@pytest.fixture(scope="module")
def snapshots(home, tmp_path_factory) -> dict[str, Path]:
    """The demo's snapshots as each way of taking one leaves it: everyone's, taken by the notebooks' setup in the
    home; the demo educator's, written by the Data page on the server, downloaded and unzipped, or written elsewhere."""
    where = tmp_path_factory.mktemp("snapshots")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        educator = wb.store.scalar("SELECT id FROM users WHERE role = 'educator'")
        wb.snapshot(where / f"educator-{educator}", educator)
        wb.snapshot(where / "elsewhere", educator)
        zipfile.ZipFile(io.BytesIO(wb.snapshot_zip(educator))).extractall(where / "downloaded")
    return {"everyone": home / "snapshots" / "all", "server": where / f"educator-{educator}",
            "downloaded": where / "downloaded", "elsewhere": where / "elsewhere"}


@pytest.mark.parametrize(("kind", "refresh"), [
    ("everyone", "To refresh it, stop the app and run `WORKBENCH_HOME={home} python -m engine export --parquet {folder}`, "
                 "or delete the folder and run this setup again"),
    ("server", "To refresh it, press \"Write a Parquet snapshot of my cohorts\" on the Data page (under \"On the server "
               "instead\"): it rewrites this folder."),
    ("downloaded", "To refresh it, \"Prepare download\" on the Data page and unzip the new zip in place of {folder}"),
    ("elsewhere", "To refresh it, take it again from the Data page: \"Write a Parquet snapshot of my cohorts\" (under "
                  "\"On the server instead\") writes a folder the page names, \"Prepare download\" a zip to unzip; set "
                  "WORKBENCH_SNAPSHOT to that folder."),
])
def test_the_summary_says_when_the_snapshot_was_taken_and_how_to_take_it_again(snapshots, home, kind, refresh):
    folder = snapshots[kind]
    con = open_snapshot(folder)
    taken = snapshot_taken_at(folder)
    assert taken and abs(taken - datetime.now(UTC)) < timedelta(hours=1), "the manifest's time, in UTC"
    counts, when, how = snapshot_summary(con, folder, now=taken + timedelta(days=3, hours=5)).split("\n")
    assert counts == snapshot_summary(con)
    assert when == f"Taken {timed(taken)}, 3 days ago: what changed since is not in it."
    assert how.startswith(refresh.format(home=home, folder=folder)), how
    con.close()


def test_the_refresh_the_summary_names_takes_the_data_as_it_is_now(home, tmp_path):
    """The notebooks went on reading the snapshot they took first, the demo's, after the demo was removed."""
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    folder = copy / "snapshots" / "all"
    with Workbench.open(settings=Settings(home=copy, bcrypt_rounds=4)) as wb:
        wb.remove_demo_data()
    con = open_snapshot(folder, home=copy)
    summary = snapshot_summary(con, folder)
    con.close()
    assert not summary.startswith("0 tries"), "a snapshot is a copy: it keeps the demo"
    command = shlex.split(re.search(r"stop the app and run `([^`]+)`", summary).group(1))
    assert command[0] == f"WORKBENCH_HOME={copy}" and command[1:4] == ["python", "-m", "engine"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBENCH_")}
    done = subprocess.run([sys.executable, *command[2:]], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**env, "WORKBENCH_HOME": str(copy)})
    assert done.returncode == 0, done.stderr
    con = open_snapshot(folder, home=copy)
    assert snapshot_summary(con) == "0 tries by 0 learners."
    con.close()


def test_a_mistyped_home_is_said_loudly(tmp_path, monkeypatch):
    """A home with no workbench in it was made one, filled with demo data, and the notebooks reported on that."""
    mistyped = tmp_path / "wokrbench"
    monkeypatch.setenv("WORKBENCH_HOME", str(mistyped))
    monkeypatch.delenv("WORKBENCH_SNAPSHOT", raising=False)
    notebook = nbformat.read(REPO / "notebooks" / "item_analysis.ipynb", as_version=4)
    setup = next(cell for cell in notebook.cells if cell.cell_type == "code")
    notebook.cells = [setup]  # what it says is said there; the analysis after it is another test's
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    said = {o.name: o.text for o in setup.outputs if o.output_type == "stream"}
    assert said["stderr"].startswith(f"WARNING: there was no workbench in {mistyped}, so a new one was created there "
                                     "and filled with demo data (12 made-up learners over 28 days)"), said
    assert "Is WORKBENCH_HOME mistyped?" in said["stderr"] and str(mistyped / "snapshots" / "all") in said["stderr"]
    assert said["stdout"].startswith(f"Snapshot {mistyped / 'snapshots' / 'all'}: ")
    assert "Demo data: every learner in it is a demo account." in said["stdout"]


def test_without_a_snapshot_while_the_app_holds_the_store_the_error_says_what_to_do(home, tmp_path):
    """It was DuckDB's own lock error, from deep inside opening the workbench."""
    copy = tmp_path / "home"
    shutil.copytree(home, copy, ignore=shutil.ignore_patterns("snapshots"))
    holder = subprocess.Popen([sys.executable, "-c", "import sys, duckdb; con = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); sys.stdin.read()", str(copy / "workbench.duckdb")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(FileNotFoundError, match=r"cannot be opened to take one .*\"Write a Parquet snapshot of my "
                                                    r"cohorts\" on its Data page"):
            open_snapshot(copy / "snapshots" / "all", home=copy)
    finally:
        holder.communicate("", timeout=30)
    assert not (copy / "snapshots" / "all").exists()
