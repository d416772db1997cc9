"""What the command line shares: a progress bar on standard error, the grader from settings, the usage exit code."""

from __future__ import annotations

import sys
from typing import Any

from engine.grader import Grader
from engine.sandbox import Sandbox
from engine.settings import Settings

USAGE_ERROR = 2


def progress_bar(label: str) -> Any:
    """A progress bar on standard error (quiet when it is not a terminal)."""
    def show(done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show


def grader_from(settings: Settings) -> Grader:
    sandbox = Sandbox(memory_cgroup=settings.sandbox_memory_cgroup)
    return Grader(sandbox, test_timeout_s=settings.test_timeout_s, budget_s=settings.grading_budget_s,
                  max_solution_bytes=settings.max_solution_bytes)
