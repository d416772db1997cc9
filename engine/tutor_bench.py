"""The tutor's speed figure: time to the first words of an offline reply (``python -m engine bench tutor``).

A learner with failing runs on a few bank exercises asks the usual kinds of question in turn
(stuck, an error, a concept, their approach); each timing runs from the call to the first chunk
of the streamed reply, with the learner's memories in play when the memory is available.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import machine
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store

CASES = [  # a real exercise and a wrong solution of it
    ("python/digit-sum", "def digit_sum(n):\n    return str(n)\n"),
    ("python/running-totals", "def running_totals(xs):\n    return list(xs)\n"),
    ("python/rectangle-class", None),
    ("python/sort-words-by-length", None),
]
MESSAGES = ["I'm stuck", "What does this error mean?", "Can you explain loops?", "Is my approach right?",
            "Just give me the answer"]


def bench_tutor(settings: Settings, runs: int = 200, memories: int = 200,
                progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Median and p95 time to the first words of an offline reply, in milliseconds."""
    from engine.workbench import Workbench

    with tempfile.TemporaryDirectory() as home:
        fields = {**settings.__dict__, "home": Path(home), "bcrypt_rounds": 4, "llm_provider": "",
                  "tutor_rate_limit_per_minute": 0}
        wb = Workbench(Settings(**fields), store=Store(), sandbox=Sandbox(memory_cgroup=False))
        try:
            learner = wb.register("bench", "bench@example.org", "Bench", "bench-password").id
            for exercise_id, code in CASES:
                wb.run_tests(learner, exercise_id, code if code is not None else wb.exercise(exercise_id).starter)
            stored = _remember(wb, learner, memories)
            for exercise_id, _ in CASES:  # warm up: notes read, memory model loaded
                "".join(wb.tutor_reply(learner, "hello", exercise_id))
            first: list[float] = []
            whole: list[float] = []
            for i in range(runs):
                exercise_id = CASES[i % len(CASES)][0]
                message = MESSAGES[(i // len(CASES)) % len(MESSAGES)]
                started = time.perf_counter()
                chunks = wb.tutor_reply(learner, message, exercise_id)
                next(chunks)
                first.append((time.perf_counter() - started) * 1000)
                for _ in chunks:
                    pass
                whole.append((time.perf_counter() - started) * 1000)
                if progress:
                    progress(i + 1, runs)
        finally:
            wb.close()
    return {"median_ms": round(statistics.median(first), 1), "p95_ms": round(_p95(first), 1),
            "whole_reply_median_ms": round(statistics.median(whole), 1), "runs": runs,
            "memories": stored, "machine": machine.describe()}


def _remember(wb: Any, learner: int, count: int) -> int:
    """Store ``count`` memories for the learner when the memory is available; how many were stored."""
    try:
        memory = getattr(wb, "memory", None)
        if memory is None:
            return 0
        for i in range(count):
            exercise_id, _ = CASES[i % len(CASES)]
            memory.remember(learner, "mistake" if i % 2 else "exchange",
                            f"On {exercise_id.split('/')[1]}, test {i % 7} failed: expected a number, got a string",
                            skill="loops", exercise_id=exercise_id)
        return count
    except Exception:  # noqa: BLE001 - the figure without memories is still worth having
        return 0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
