"""The cohort dashboard's speed (``python -m engine bench dashboard``): its queries, its composition
and the Cohorts page's script run, for a 1,000-learner cohort in a synthetic log (10 million events
by default, built once by ``engine.synthetic_log`` and reused)."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from engine import analytics, bench, machine
from engine.queries import cohort as cohort_queries

PAGE = "pages/cohorts.py"
PAGE_TARGET_MS = 1000.0


def bench_dashboard(folder: Path, *, events: int = 10_000_000, runs: int = 5, seed: int = 7,
                    log_progress: Any = None) -> dict[str, Any]:
    """Median times (ms): each cohort query, ``Workbench.cohort_dashboard`` (the queries, the model
    reads and the Polars composition) and the page's script run, cold (query cache cleared) and warm."""
    from engine.settings import Settings
    from engine.synthetic_log import ensure_log
    from engine.workbench import Workbench

    log = ensure_log(folder, events, seed=seed, progress=log_progress)
    queries: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="workbench-dashboard-") as home:
        # a copy: the log stays as built, and another benchmark may hold the original open
        shutil.copy(log.duckdb_path, Path(home) / "workbench.duckdb")
        wb = Workbench.open(settings=Settings(home=Path(home)))
        try:
            for query in cohort_queries.QUERIES:
                params = query.taking({"cohort_id": log.cohort_id, "zone": "UTC"})
                analytics.run(wb.store, query, **params)  # warm the caches
                queries[query.name] = _median(lambda q=query, p=params: analytics.run(wb.store, q, **p), runs)
            wb.cohort_dashboard(log.educator_id, log.cohort_id)
            dashboard_ms = _median(lambda: wb.cohort_dashboard(log.educator_id, log.cohort_id), runs)
        finally:
            wb.close()
    page = bench.bench_page(folder, PAGE, events=events, runs=runs, seed=seed, role="educator")
    return {"events": log.events, "cohort_size": log.cohort_size, "runs": runs, "queries_ms": queries,
            "dashboard_ms": dashboard_ms, "page": page, "page_ms": page.get("page_ms"),
            "page_cached_ms": page.get("page_cached_ms"), "target_ms": PAGE_TARGET_MS, "machine": machine.describe()}


def _median(call: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)
