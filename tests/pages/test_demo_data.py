"""AppTest of demo data in the app: offered on the welcome page of an empty install, removed from System."""

from __future__ import annotations

import pytest
from factories import REPO
from sessions import open_page
from streamlit.testing.v1 import AppTest

from engine.demo import PASSWORD

APP = str(REPO / "app.py")


@pytest.fixture(autouse=True)
def small_demo(monkeypatch):
    """A tiny demo size (the default takes half a minute), set before the app's Workbench
    (tests/pages/conftest.py) is made: autouse fixtures come first."""
    monkeypatch.setenv("WORKBENCH_DEMO_LEARNERS", "3")
    monkeypatch.setenv("WORKBENCH_DEMO_DAYS", "4")


def welcome() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def log_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button(key="FormSubmitter:login-Log in").click()
    return at.run()


def test_an_empty_install_offers_demo_data_and_says_how_to_log_in(wb):
    at = welcome()
    assert "Load demo data" in buttons(at)
    assert any("3 demo learners with 4 days of practice" in m.value for m in at.markdown)

    at.button(key="load_demo").click().run()
    assert not at.exception, at.exception
    assert wb.demo_loaded() and wb.user_count() == 4
    assert "Load demo data" not in buttons(at)
    [ready] = [s.value for s in at.success]
    assert "demo-educator" in ready and PASSWORD in ready
    learner = ready.split("**")[1]
    assert wb.accounts.by_username(learner).is_demo

    log_in(at, learner, PASSWORD)  # a demo learner has done the interview: straight to Practice
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Practice"]


def test_no_offer_once_someone_has_registered(wb):
    wb.register("ada", "ada@example.org", "Ada Lovelace", "correct horse")
    at = welcome()
    assert "Load demo data" not in buttons(at)
    assert not [c for c in at.caption if PASSWORD in c.value]


def test_the_welcome_page_keeps_the_demo_logins_while_demo_data_is_there(wb):
    wb.load_demo(learners=2, days=2)
    at = welcome()
    assert "Load demo data" not in buttons(at)
    assert any(PASSWORD in c.value and "demo-educator" in c.value for c in at.caption)


@pytest.fixture
def educator(wb):
    return wb.register("tutor", "tutor@example.org", "Tim Tutor", "tidy-otter-93", role="educator")


def test_an_educator_removes_demo_data_from_the_system_page(wb, educator):
    real = wb.register("ada", "ada@example.org", "Ada Lovelace", "correct horse")
    wb.load_demo(learners=3, days=3)
    at = open_page(educator, "pages/system.py")
    assert "Demo data" in [s.value for s in at.subheader]
    at.button(key="remove_demo").click().run()
    assert not at.exception, at.exception
    assert wb.demo_users() == 4, "nothing is removed before the learner confirms"
    assert any(w.value.startswith("Remove 4 demo users and all their data") for w in at.warning)
    assert at.button(key="remove_demo_confirm").label == "Yes, remove 4 demo users"
    at.button(key="remove_demo_confirm").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success][-1] == "Removed 4 demo users and all their data."
    assert "Demo data" not in [s.value for s in at.subheader] and "remove_demo" not in [b.key for b in at.button]
    assert not wb.demo_loaded()
    assert {wb.user(real.id).username, wb.user(educator.id).username} == {"ada", "tutor"}


def test_removing_demo_data_can_be_cancelled(wb, educator):
    wb.load_demo(learners=2, days=2)
    at = open_page(educator, "pages/system.py")
    assert "remove_demo_confirm" not in [b.key for b in at.button], "one click only asks"
    at.button(key="remove_demo").click().run()
    assert "Yes, remove 3 demo users" in buttons(at)
    at.button(key="remove_demo_cancel").click().run()
    assert not at.exception, at.exception
    assert wb.demo_users() == 3 and not at.warning
    assert "remove_demo" in [b.key for b in at.button] and "remove_demo_confirm" not in [b.key for b in at.button]


def test_no_demo_section_without_demo_data(wb, educator):
    at = open_page(educator, "pages/system.py")
    assert "Demo data" not in [s.value for s in at.subheader]


def test_the_demo_educator_removing_demo_data_is_logged_out(wb):
    demo = wb.load_demo(learners=2, days=2)
    at = open_page(demo.educator, "pages/system.py")
    assert [w.value for w in at.warning if "logs you out" in w.value]
    at.button(key="remove_demo").click().run()
    at.button(key="remove_demo_confirm").click().run()
    assert not at.exception, at.exception
    assert wb.user_count() == 0
    assert [t.value for t in at.title] == ["Workbench"]  # the welcome page
    assert [s.value for s in at.success] == ["Removed 3 demo users and all their data."]
    assert "Load demo data" in buttons(at)  # an empty install again


def test_a_demo_learner_whose_account_was_removed_is_told_why_they_are_at_the_login(wb):
    demo = wb.load_demo(learners=2, days=2)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = demo.learners[0].id
    at.run()
    assert not [t.value for t in at.title if t.value == "Workbench"]  # logged in: not the welcome page
    wb.remove_demo_data()  # by the administrator, in another session
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Workbench"]
    assert [i.value for i in at.info if "no longer on this server" in i.value]
    assert "user_id" not in at.session_state
    at.run()  # said once
    assert not [i.value for i in at.info if "no longer on this server" in i.value]


def test_only_the_first_educator_may_remove_demo_data(wb, educator):
    """Registration is open to educators: a later one reads who may, and has no button."""
    wb.load_demo(learners=2, days=2)
    later = wb.register("uma", "uma@example.org", "Uma Later", "tidy-otter-93", role="educator")
    at = open_page(later, "pages/system.py")
    assert not at.exception, at.exception
    assert "remove_demo" not in [b.key for b in at.button]
    assert any("Only **Tim Tutor** (tutor)" in c.value and "demo --remove" in c.value for c in at.caption)
    assert wb.demo_users() == 3


def test_the_demo_educator_may_not_once_a_real_educator_is_here(wb, educator):
    demo = wb.load_demo(learners=2, days=2)
    at = open_page(demo.educator, "pages/system.py")
    assert "remove_demo" not in [b.key for b in at.button] and not at.warning
    assert open_page(educator, "pages/system.py").button(key="remove_demo")




def test_demo_data_populates_the_progress_and_cohort_pages(wb):
    demo = wb.load_demo(learners=4, days=10, seed=3)
    progress = open_page(demo.sample_learner, "pages/progress.py")
    shown = " ".join(m.value for m in progress.markdown)
    assert "You practised on" in shown  # the calendar's summary speaks of real days
    assert len(progress.get("vega_lite_chart")) >= 4
    assert any("Work on next" in i.value for i in progress.info)

    cohorts = open_page(demo.educator, "pages/cohorts.py")
    cells = {str(v) for d in cohorts.dataframe for column in d.value.columns for v in d.value[column].tolist()}
    assert {learner.username for learner in demo.learners} <= cells  # every learner of the cohort is on the dashboard


def test_the_demo_educator_is_told_its_cohorts_are_not_for_real_learners(wb, educator):
    demo = wb.load_demo(learners=2, days=2)
    shown = [i.value for i in open_page(demo.educator, "pages/cohorts.py").info]
    assert any("This is the demo educator" in text for text in shown), shown
    assert not [i.value for i in open_page(educator, "pages/cohorts.py").info if "demo educator" in i.value]
