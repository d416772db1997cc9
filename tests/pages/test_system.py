"""AppTest of the System page: sandbox isolation and the exercise bank, for educators only."""

from __future__ import annotations

import pytest
from factories import REPO
from streamlit.testing.v1 import AppTest

from engine.sandbox import Isolation

ROOT = REPO
APP = str(ROOT / "app.py")


@pytest.fixture
def educator(wb):
    return wb.register("tutor", "tutor@example.org", "Tim Tutor", "password123", role="educator")


def logged_in(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = user.id
    at.run()
    assert not at.exception, at.exception
    return at


def system_page(user) -> AppTest:
    at = logged_in(user)
    at.switch_page("pages/system.py").run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_educator_sees_isolation_and_bank_stats(wb, educator):
    at = system_page(educator)
    assert [t.value for t in at.title] == ["System"]
    assert [s.value for s in at.subheader] == ["Sandbox", "Exercise bank"]
    isolation = wb.isolation
    shown = at.success if isolation.ok else at.error
    assert len(shown) == 1 and isolation.detail in shown[0].value
    exercises = wb.exercises()
    assert metrics(at) == {
        "Exercises": str(len(exercises)),
        "Skills": str(len({s for e in exercises for s in e.skills})),
        "Invalid folders": str(len(wb.bank.errors)),
    }


def test_weak_isolation_is_a_loud_warning(wb, educator, monkeypatch):
    monkeypatch.setattr(wb.sandbox, "isolation", Isolation("none", "bubblewrap is not installed"))
    at = system_page(educator)
    assert len(at.error) == 1
    assert "Isolation is weak here (none)" in at.error[0].value
    assert "bubblewrap is not installed" in at.error[0].value
    # and every page says so in the sidebar
    assert any("isolation is weak" in w.value for w in at.sidebar.warning)


def test_learners_do_not_see_the_system_page_in_navigation(learner, educator):
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        logged_in(learner).switch_page("pages/system.py")
    logged_in(educator).switch_page("pages/system.py")  # registered for educators


def run_page_routed(page: str, user=None) -> AppTest:
    """Run a page as app.py runs the page it chose (inside ``routed()``), whoever asks."""
    script = f"""
import runpy
from ui.routing import routed
with routed():
    runpy.run_path({str(ROOT / page)!r}, run_name="__main__")
"""
    at = AppTest.from_string(script, default_timeout=30)
    if user is not None:
        at.session_state["user_id"] = user.id
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_learner_who_reaches_the_page_is_refused(wb, learner):
    at = run_page_routed("pages/system.py", learner)
    assert [e.value for e in at.error] == ["This page is for educators."]
    assert len(at.title) == 0 and len(at.metric) == 0


def test_a_visitor_who_reaches_the_page_is_asked_to_log_in(wb):
    at = run_page_routed("pages/system.py")
    assert [w.value for w in at.warning] == ["Please log in."]
    assert len(at.metric) == 0


def test_on_a_fresh_server_the_page_url_goes_through_the_login_gate(wb, learner, monkeypatch, navigation_only):
    """Until app.py has called st.navigation once, Streamlit runs the first request for a page's URL
    as a legacy pages/ app: the page alone. The page must hand over to app.py, not render."""
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "__init__", navigation_only)  # Streamlit's own behaviour
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page("pages/system.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Workbench"], "a visitor gets the login form"
    assert len(at.metric) == 0

    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = learner.id
    at.switch_page("pages/system.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Practice"], "a learner lands on Practice, with the sidebar"
    assert len(at.sidebar.button) == 1 and at.sidebar.button[0].label == "Log out"
