"""Fixtures for the AppTests of the pages: the app's own Workbench in a fresh home, and
AppTest runs that always go through app.py's router, as on a running server."""

from __future__ import annotations

import pytest
import streamlit as st
from factories import answer_interview


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
