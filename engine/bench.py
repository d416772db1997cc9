"""Benchmarks behind the README's performance figures (``python -m engine bench ...``)."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from engine import machine
from engine.bank import Bank, Exercise
from engine.grader import Grader


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def bench_grader(bank: Bank, grader: Grader, *, runs: int = 40, pytest_runs: int = 5,
                 progress: Any = None) -> dict[str, Any]:
    """Grade the bank exercise with the most tests ``runs`` times, and time pytest on the same folder."""
    exercise = max(bank, key=lambda e: (len(e.test_names), e.id))
    reference = exercise.reference
    grader.grade(exercise, reference)  # warm the page cache and compiled harness
    times = []
    for i in range(runs):
        result = grader.grade(exercise, reference)
        if not result.passed:
            raise RuntimeError(f"reference of {exercise.id} did not pass: {result.to_dict()}")
        times.append(result.duration_ms)
        if progress:
            progress(i + 1, runs + pytest_runs)
    pytest_times = []
    for i in range(pytest_runs):
        pytest_times.append(_time_pytest(exercise))
        if progress:
            progress(runs + i + 1, runs + pytest_runs)
    median = statistics.median(times)
    pytest_median = statistics.median(pytest_times)
    return {
        "exercise": exercise.id,
        "tests": len(exercise.test_names),
        "runs": runs,
        "median_ms": round(median, 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "pytest_median_ms": round(pytest_median, 1),
        "ratio": round(pytest_median / median, 1),
        "isolation": grader.sandbox.isolation.level,
        "machine": machine.describe(),
    }


def _time_pytest(exercise: Exercise) -> float:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(exercise.path / "test_exercise.py", Path(folder) / "test_exercise.py")
        shutil.copy(exercise.path / "reference.py", Path(folder) / "solution.py")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", folder],
                              capture_output=True, cwd=folder)
        elapsed = (time.perf_counter() - started) * 1000
        if done.returncode != 0:
            raise RuntimeError(f"pytest failed on {exercise.id}: {done.stdout.decode()[-500:]}")
        return elapsed


def bench_model(*, learners: int = 1000, exercises: int = 500, history: int = 10, runs: int = 300, seed: int = 11,
                progress: Any = None) -> dict[str, Any]:
    """Time ``record_result`` and ``next_exercises`` on a DuckDB file holding ``learners`` learners
    with ``history`` results each, over a bank of ``exercises`` exercises."""
    import random

    from engine.curriculum import Curriculum
    from engine.sandbox import Sandbox
    from engine.settings import Settings
    from engine.simulated_learners import make_bank
    from engine.simulation import START
    from engine.store import Store
    from engine.workbench import DATA_DIR, Workbench

    rng = random.Random(seed)
    curriculum = Curriculum.load(DATA_DIR / "curriculum.toml")
    bank, _ = make_bank(rng, curriculum, per_skill=-(-exercises // len(curriculum.skills)))
    bank = Bank.of(list(bank)[:exercises])
    now = START

    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as home:
        settings = Settings(home=Path(home), bcrypt_rounds=4)
        wb = Workbench(settings, store=Store(Path(home) / "bench.duckdb"), sandbox=Sandbox(), bank=bank,
                       clock=lambda: now)
        users = []
        for i in range(learners):
            users.append(wb.register(f"bench{i:05d}", f"b{i}@example.org", f"Learner {i}", "benchmark-learner").id)
            for picked in wb.next_exercises(users[-1], history):
                wb.record_result(users[-1], picked.id, rng.random() < 0.75, at=now)
            if progress:
                progress(i + 1, learners + runs)
        now += timedelta(days=1)
        record_ms, next_ms = [], []
        for i in range(runs):
            user = rng.choice(users)
            started = time.perf_counter()
            picks = wb.next_exercises(user, 5)
            next_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            wb.record_result(user, picks[0].id, rng.random() < 0.75, duration_s=300, at=now)
            record_ms.append((time.perf_counter() - started) * 1000)
            if progress:
                progress(learners + i + 1, learners + runs)
        wb.close()
    return {
        "learners": learners,
        "exercises": len(bank),
        "results_stored": learners * history + runs,
        "runs": runs,
        "record_result_median_ms": round(statistics.median(record_ms), 2),
        "record_result_p95_ms": round(percentile(record_ms, 0.95), 2),
        "next_exercises_median_ms": round(statistics.median(next_ms), 2),
        "next_exercises_p95_ms": round(percentile(next_ms, 0.95), 2),
        "machine": machine.describe(),
    }


# -- analytics ------------------------------------------------------------------------------------

LEARNER_TARGET_MS = 50.0
COHORT_TARGET_MS = 500.0
COHORT_SPEEDUP = 10.0
PAGE_TARGET_MS = 300.0
PAGE_EVENTS = 1_000_000
SLOW_SQLITE_MS = 5_000.0  # a SQLite query this slow is timed once: the figure is clear enough


def bench_analytics(folder: Path, *, events: int = 10_000_000, runs: int = 5, seed: int = 7,
                    progress: Any = None, log_progress: Any = None) -> dict[str, Any]:
    """Median time of every query in ``analytics.all_queries()`` on DuckDB and on SQLite, over the
    same synthetic log (built or reused in ``folder``): learner scope for a busy learner, cohort
    scope for the 1,000-learner cohort. ``progress(done, total)`` follows the queries."""
    import sqlite3

    from engine import analytics
    from engine.synthetic_log import ensure_log

    log = ensure_log(folder, events, seed=seed, progress=log_progress)
    queries = analytics.all_queries()
    # the whole log, as the Progress page asks most of its questions (no since / until bound)
    values: dict[str, Any] = {"user_id": log.sample_learner_id, "cohort_id": log.cohort_id,
                              "since": None, "until": None, "now": log.last_at,
                              "zone": "UTC"}  # converted all the same; SQLite, which has no zones, then agrees
    rows = []
    store = log.store()
    lite = sqlite3.connect(log.sqlite_path)
    try:
        for i, query in enumerate(queries, 1):
            rows.append(_time_query(query, store, lite, values, runs))
            if progress:
                progress(i, len(queries))
    finally:
        store.close()
        lite.close()
    return {"events": log.events, "learners": log.learners, "cohort_size": log.cohort_size,
            "learner_id": log.sample_learner_id, "cohort_id": log.cohort_id, "runs": runs,
            "log_build_s": log.build_s, "targets": {"learner_ms": LEARNER_TARGET_MS, "cohort_ms": COHORT_TARGET_MS,
                                                    "cohort_speedup": COHORT_SPEEDUP},
            "machine": machine.describe(), "queries": rows}


def _time_query(query: Any, store: Any, lite: Any, values: dict[str, Any], runs: int) -> dict[str, Any]:
    from engine import analytics

    row: dict[str, Any] = {"name": query.name, "scope": query.scope, "duckdb_ms": None, "sqlite_ms": None}
    wanted = {"duckdb": query.parameters,
              "sqlite": set(re.findall(r"(?<![:\w]):([A-Za-z_]\w*)", query.sqlite))}
    unknown = (wanted["duckdb"] | wanted["sqlite"]) - set(values)
    if unknown:
        row["error"] = f"needs parameters the benchmark does not know: {', '.join(sorted(unknown))}"
        return row
    duck_params = {k: values[k] for k in wanted["duckdb"]}
    lite_params = {k: (v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, datetime) else v)
                   for k, v in values.items() if k in wanted["sqlite"]}
    try:
        frame = analytics.run(store, query, **duck_params)  # the first run warms the caches
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            analytics.run(store, query, **duck_params)
            times.append((time.perf_counter() - started) * 1000)
        row["duckdb_ms"] = round(statistics.median(times), 2)
        row["rows"] = frame.height
        lite_times: list[float] = []
        lite_rows = 0
        for _ in range(runs + 1):
            started = time.perf_counter()
            lite_rows = len(lite.execute(query.sqlite, lite_params).fetchall())
            lite_times.append((time.perf_counter() - started) * 1000)
            if lite_times[0] > SLOW_SQLITE_MS:
                break
        row["sqlite_ms"] = round(statistics.median(lite_times[1:] or lite_times), 2)
        row["sqlite_rows"] = lite_rows
    except Exception as exc:  # one broken query is reported, the others still measured
        row["error"] = f"{type(exc).__name__}: {exc}"
    return row


def analytics_verdict(row: dict[str, Any]) -> str:
    """Whether a query meets its target: "met", "missed" or "error"."""
    if row.get("error") or row["duckdb_ms"] is None:
        return "error"
    if row["scope"] == "learner":
        return "met" if row["duckdb_ms"] <= LEARNER_TARGET_MS else "missed"
    fast = row["duckdb_ms"] <= COHORT_TARGET_MS
    ahead = row["sqlite_ms"] is not None and row["sqlite_ms"] >= COHORT_SPEEDUP * row["duckdb_ms"]
    return "met" if fast and ahead else "missed"


def bench_page(folder: Path, page: str, *, events: int = PAGE_EVENTS, runs: int = 5, seed: int = 7,
               role: str = "learner", log_progress: Any = None) -> dict[str, Any]:
    """Time a page's script run (Streamlit's AppTest through app.py) on a copy of the synthetic
    log of ``events`` events, logged in as the busy learner (or the cohort's educator). Runs in a
    fresh process (``ui.page_timing``), since the app takes its home from the environment."""
    import json

    from engine.synthetic_log import ensure_log

    repo = Path(__file__).resolve().parent.parent
    if not (repo / page).exists():
        return {"page": page, "error": f"no page at {page}"}
    log = ensure_log(folder, events, seed=seed, progress=log_progress)
    home = Path(folder) / "page-home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    shutil.copy(log.duckdb_path, home / "workbench.duckdb")  # the page may write; the log stays as built
    user = log.sample_learner_id if role == "learner" else log.educator_id
    done = subprocess.run([sys.executable, "-m", "ui.page_timing", page, str(user), "--runs", str(runs),
                           "--home", str(home)], capture_output=True, text=True, cwd=repo)
    shutil.rmtree(home, ignore_errors=True)
    if done.returncode != 0:
        return {"page": page, "error": (done.stderr or done.stdout).strip()[-2000:]}
    return {"page": page, "events": log.events, **json.loads(done.stdout.strip().splitlines()[-1])}


def bench_demo(*, learners: int = 20, days: int = 30, seed: int = 7) -> dict[str, Any]:
    """Make the same demo data twice on fresh DuckDB files: in batches (``wb.batch()``, as the
    demo command does) and row by row (each action its own transaction, as in the app). A small demo
    first, untimed: the first load in a process pays for loading the embedding model, which made the
    batched pass, timed first, look slower than row by row."""
    from engine.demo import DemoData, load_demo
    from engine.settings import Settings
    from engine.workbench import Workbench

    def load(batched: bool, learners: int, days: int) -> DemoData:
        with tempfile.TemporaryDirectory(prefix="workbench-demo-") as home:
            with Workbench.open(settings=Settings(home=Path(home), bcrypt_rounds=4)) as wb:
                return load_demo(wb, learners=learners, days=days, seed=seed, batched=batched)

    load(True, learners=1, days=1)
    seconds: dict[bool, float] = {}
    for batched in (True, False):
        demo = load(batched, learners, days)
        seconds[batched] = demo.seconds
    return {"learners": learners, "days": days, "results": demo.results, "events": demo.events,
            "batched_s": seconds[True], "row_by_row_s": seconds[False],
            "speedup": round(seconds[False] / seconds[True], 2), "machine": machine.describe()}
