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
