"""Fixtures for the AppTests of the pages: the app's own Workbench in a fresh home, and
AppTest runs that always go through app.py's router, as on a running server."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
import streamlit as st
from cohorts_page import educator_of
from data_console import EXERCISE
from factories import answer_interview
from practice_page import open_app
from streamlit.testing.v1 import AppTest


@pytest.fixture(autouse=True)
def navigation_only(monkeypatch):
    """Run app.py on every AppTest run, as the server does once app.py has called st.navigation.

    AppTest re-detects the pages/ folder before each run and, finding one, runs a page that is
    not the main script as a legacy (v1) multipage app: the page alone, without app.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    return original  # a test can put it back to see what a fresh server does


@pytest.fixture
def wb(tmp_path, monkeypatch):
    """The app's own (cached) Workbench, in a fresh home for this test; overrides tests/conftest.py's."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBENCH_BCRYPT_ROUNDS", "4")
    st.cache_resource.clear()
    st.cache_data.clear()  # cached query results belong to the previous home
    from ui.session import workbench

    yield workbench()
    workbench().close()
    st.cache_resource.clear()
    st.cache_data.clear()  # cached query results belong to the previous home


@pytest.fixture
def learner(wb):
    """A learner who has answered the onboarding interview, so lands on Practice."""
    user = wb.register("ada", "ada@example.org", "Ada Lovelace", "correct horse")
    answer_interview(wb, user.id)
    return user


@pytest.fixture
def newcomer(wb):
    """A learner who has just registered: no profile yet, so the interview comes first."""
    return wb.register("alan", "alan@example.org", "Alan Turing", "correct horse")


@pytest.fixture
def at(learner) -> AppTest:
    """The learner's session on the Practice page (the test_practice*.py files; other pages' tests define their own)."""
    return open_app(learner)


@pytest.fixture
def tess(wb):
    """An educator whose cohort has two learners who tried an exercise, and a learner outside it (the Data page's
    tests; other pages' tests may define their own)."""
    tess = wb.register("tess", "tess@example.org", "Tess Teacher", "tidy-otter-93", role="educator")
    cohort = wb.create_cohort(tess.id, "Spring")
    for name in ("ada", "bob"):
        learner = wb.register(name, f"{name}@example.org", name.title(), "tidy-otter-93")
        wb.join_cohort(learner.id, cohort.join_code)
        wb.record_result(learner.id, EXERCISE, name == "ada", duration_s=90)
    outsider = wb.register("cyd", "cyd@example.org", "Cyd", "tidy-otter-93")
    wb.record_result(outsider.id, EXERCISE, True)
    return tess


@pytest.fixture
def class_of_four(wb):
    """An educator's cohort of four learners with three weeks of results; one stopped ten days ago (the
    test_cohorts_*.py files)."""
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    rng = random.Random(3)
    exercises = [e.id for e in wb.exercises()][:8]
    now = datetime.now(UTC)
    learners = []
    for i, name in enumerate(["ada", "bob", "cyd", "dee"]):
        learner = wb.register(name, f"{name}@example.org", name.title() + " Learner", "tidy-otter-93")
        answer_interview(wb, learner.id)
        wb.join_cohort(learner.id, cohort.join_code)
        last_day = 10 if name == "dee" else 0
        for day in range(21, last_day - 1, -1):
            wb.record_result(learner.id, rng.choice(exercises), rng.random() < 0.5 + 0.1 * i,
                             hints_used=rng.randint(0, 2), duration_s=rng.uniform(60, 600),
                             at=now - timedelta(days=day, hours=1))
        learners.append(learner)
    return tess, cohort, learners
