"""Time one page's script run with Streamlit's AppTest, through app.py's router as on a server.

``python -m ui.page_timing PAGE USER_ID [--runs R] [--home H]`` prints one JSON line: ``page_ms`` (the median
run with the query cache cleared first, as after a new submission), ``page_cached_ms`` (the
median with the cache warm), ``first_ms`` (the first run, the Workbench already open and the
embedding model loaded), and what was rendered (``charts``, ``title``), so a page that only
showed an error is noticed. The home comes from ``$WORKBENCH_HOME``; ``python -m engine bench``
runs this on a synthetic log.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from engine.demo import interview_answers
from engine.embedder import load_model
from ui.session import workbench

APP = Path(__file__).resolve().parent.parent / "app.py"


def _app_routes_every_run() -> None:
    """AppTest re-detects the pages/ folder before each run and would run a page alone, as a
    legacy multipage app; a server runs app.py's router once it has called st.navigation."""
    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


def time_page(page: str, user_id: int, runs: int) -> dict[str, float | int | str]:
    wb = workbench()
    # a server that has been up a few seconds: the embedding model, which the app starts loading
    # in the background, has loaded (while it loads it takes a core, and the pages run slower)
    load_model()
    user = wb.user(user_id)
    if user is None:
        raise SystemExit(f"no user {user_id} in this home")
    if user.role == "learner" and not wb.profile(user_id).completed:
        for step, answers in interview_answers(random.Random(user_id), wb.skill_groups()).items():
            wb.answer_onboarding(user_id, step, answers)
    _app_routes_every_run()
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state["user_id"] = user_id
    at.run()
    started = time.perf_counter()
    at.switch_page(page).run()
    first = (time.perf_counter() - started) * 1000
    if at.exception:
        raise SystemExit(f"{page} raised: {at.exception}")
    cold, warm = [], []
    for _ in range(runs):
        st.cache_data.clear()
        started = time.perf_counter()
        at.run()
        cold.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        at.run()
        warm.append((time.perf_counter() - started) * 1000)
    if at.exception:
        raise SystemExit(f"{page} raised: {at.exception}")
    return {"page_ms": round(statistics.median(cold), 1), "page_cached_ms": round(statistics.median(warm), 1),
            "first_ms": round(first, 1), "runs": runs, "charts": len(at.get("vega_lite_chart")),
            "title": at.title[0].value if len(at.title) else ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.page_timing", description=__doc__)
    parser.add_argument("page", help="the page's script, e.g. pages/progress.py")
    parser.add_argument("user_id", type=int, help="who is logged in")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", help="the workbench home (default: $WORKBENCH_HOME)")
    args = parser.parse_args(argv)
    if args.home:  # the app reads its settings from the environment, once, when it opens the workbench
        os.environ["WORKBENCH_HOME"] = args.home
    os.environ.setdefault("WORKBENCH_BCRYPT_ROUNDS", "4")
    print(json.dumps(time_page(args.page, args.user_id, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
