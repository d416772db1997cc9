"""The command line for demo data and the analytics benchmark, as real subprocesses at tiny sizes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factories import REPO

from engine import analytics, bench
from engine.demo import PASSWORD
from engine.settings import Settings
from engine.workbench import Workbench


def run(*args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env.update({"WORKBENCH_HOME": str(home), "WORKBENCH_BCRYPT_ROUNDS": "4"})
    return subprocess.run([sys.executable, "-m", "engine", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_demo_loads_prints_logins_and_is_removed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run("demo", "--learners", "3", "--days", "4", home=home)
    assert done.returncode == 0, done.stderr
    assert "3 learners over 4 days" in done.stdout and PASSWORD in done.stdout
    assert "demo-learner-01 to demo-learner-03" in done.stdout
    assert "Loading weights" not in done.stderr, "no progress bar of the embedding model's own"
    learner = next(line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("learner"))
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        assert wb.login(learner, PASSWORD).username == learner
        assert wb.login("demo-educator", PASSWORD).role == "educator"
        assert wb.user_count() == 4

    again = run("demo", "--learners", "3", "--days", "4", home=home)
    assert again.returncode == 1 and "already loaded" in again.stderr

    sized = run("demo", "--remove", "--learners", "3", home=home)
    assert sized.returncode == 2 and "takes no --learners" in sized.stderr, "not a removal of three learners"
    removed = run("demo", "--remove", home=home)
    assert removed.returncode == 0 and "Removed demo data: 4 users" in removed.stdout
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        assert wb.user_count() == 0
    assert "No demo data to remove." in run("demo", "--remove", home=home).stdout


@pytest.mark.parametrize("args", [["--learners", "0"], ["--days", "0"], ["--days", "many"]],
                         ids=["no-learners", "no-days", "not-a-number"])
def test_demo_refuses_bad_sizes(tmp_path: Path, args: list[str]) -> None:
    done = run("demo", *args, home=tmp_path / "home")
    assert done.returncode == 2
    assert "must be" in done.stderr or "invalid int" in done.stderr


@pytest.fixture(scope="module")
def bench_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench-home")


def test_bench_analytics_json_has_the_documented_shape(bench_home: Path) -> None:
    done = run("bench", "analytics", "--events", "20000", "--runs", "1", "--skip-page", "--json", home=bench_home)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {"events", "machine", "queries"} <= set(report)
    assert 19_000 <= report["events"] <= 21_000
    assert [q["name"] for q in report["queries"]] == [q.name for q in analytics.all_queries()]
    for row in report["queries"]:
        assert {"name", "scope", "duckdb_ms", "sqlite_ms"} <= set(row)
        assert row["scope"] in ("learner", "cohort")
        assert "error" not in row, row
        assert row["duckdb_ms"] > 0 and row["sqlite_ms"] >= 0
        assert row["rows"] == row["sqlite_rows"], row["name"]  # both dialects answer the same question
    assert list((bench_home / "bench").glob("log-20000-*.duckdb"))  # cached in the home for the next run


def test_bench_analytics_text_marks_each_target(bench_home: Path) -> None:
    done = run("bench", "analytics", "--events", "20000", "--runs", "1", "--skip-page", home=bench_home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("analytics on 20,") and lines[-1].startswith("machine:")
    rows = [line for line in lines if line.split()[:1] and line.split()[0] in {q.name for q in analytics.all_queries()}]
    assert len(rows) == len(analytics.all_queries())
    assert all(row.endswith((": met", ": missed")) for row in rows)


def test_bench_times_a_page_through_the_app(bench_home: Path) -> None:
    report = bench.bench_page(bench_home / "bench", "pages/history.py", events=20_000, runs=1)
    assert "error" not in report, report
    assert report["page_ms"] > 0 and report["page_cached_ms"] > 0 and report["events"] >= 19_000
    assert report["title"] == "History"  # the page itself ran, logged in, through the router
    assert bench.bench_page(bench_home / "bench", "pages/no-such-page.py", events=20_000)["error"]


def test_bench_model_still_answers(tmp_path: Path) -> None:
    done = run("bench", "model", "--learners", "5", "--exercises", "20", "--runs", "3", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["runs"] == 3


def test_bench_demo_compares_batched_and_row_by_row_writes(tmp_path: Path) -> None:
    done = run("bench", "demo", "--learners", "2", "--days", "3", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["learners"] == 2 and report["results"] > 0 and report["events"] > report["results"]
    assert report["batched_s"] > 0 and report["row_by_row_s"] > 0


def test_ctrl_c_while_loading_removes_the_half_loaded_demo(tmp_path: Path, monkeypatch, capsys) -> None:
    """Interrupted, the demo was half there: the next load said it was loaded already."""
    from engine import __main__ as command

    def progress_bar(label: str):
        def step(done: int, total: int) -> None:
            if done >= 2:
                raise KeyboardInterrupt  # Ctrl+C, a few learners in
        return step

    home = tmp_path / "home"
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.setenv("WORKBENCH_BCRYPT_ROUNDS", "4")
    monkeypatch.setattr(command, "progress_bar", progress_bar)
    assert command.main(["demo", "--learners", "5", "--days", "4"]) == command.INTERRUPTED
    assert "interrupted: removing the demo data loaded so far" in capsys.readouterr().err
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        assert not wb.demo_loaded() and wb.user_count() == 0


def test_a_home_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    done = run("demo", "--learners", "1", "--days", "1", home=tmp_path / "afile")
    assert done.returncode == 2 and "cannot use" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("args,said", [(["model", "--runs", "0"], "--runs must be at least 1"),
                                       (["grader", "--runs", "-3"], "--runs must be at least 1"),
                                       (["demo", "--learners", "0"], "--learners must be at least 1"),
                                       (["analytics", "--events", "1000"], "too few events")])
def test_bench_sizes_it_cannot_take_are_usage_errors(tmp_path: Path, args: list[str], said: str) -> None:
    done = run("bench", *args, home=tmp_path / "home")
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr, done.stderr
