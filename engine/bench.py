"""Benchmarks behind the README's performance figures (``python -m engine bench ...``)."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
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
    import time

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
    import time
    from datetime import timedelta

    from engine.curriculum import Curriculum
    from engine.sandbox import Sandbox
    from engine.settings import Settings
    from engine.simulation import START, make_bank
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
