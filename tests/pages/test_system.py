"""AppTest of the System page: sandbox isolation, the exercise bank and educator invitations, for educators only."""

from __future__ import annotations

import pytest
from factories import REPO
from streamlit.testing.v1 import AppTest

from engine.sandbox import Isolation

ROOT = REPO
APP = str(ROOT / "app.py")


@pytest.fixture
def educator(wb):
    return wb.register("tutor", "tutor@example.org", "Tim Tutor", "tidy-otter-93", role="educator")


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
    assert [s.value for s in at.subheader] == ["Sandbox", "Exercise bank", "Educator invitations"]
    isolation = wb.isolation
    shown = at.success if isolation.ok else at.error
    assert len(shown) == 1 and isolation.detail in shown[0].value
    exercises = wb.exercises()
    assert metrics(at) == {
        "Exercises": str(len(exercises)),
        "Skills": str(len({s for e in exercises for s in e.skills})),
        "Invalid folders": str(len(wb.bank.errors)),
    }


# -- educator invitations ------------------------------------------------------------------------


def button_keys(at: AppTest) -> list[str]:
    return [b.key for b in at.button]


def test_the_administrator_makes_and_revokes_an_invitation(wb, educator):
    at = system_page(educator)
    assert wb.administrator() == educator
    assert any("No invitations yet" in c.value for c in at.caption)
    at.button(key="invite_educator").click().run()
    assert not at.exception, at.exception
    [made] = wb.educator_invitations(educator.id)
    assert [c.value for c in at.code] == [made.display_code], "shown to copy"
    assert any("valid until" in s.value for s in at.success)
    [table] = at.dataframe
    assert table.value[["Code", "Status", "Made by"]].values.tolist() == [[made.display_code, "open", "Tim Tutor"]]

    at.selectbox(key="revoke_code").set_value(made.code)
    at.button(key="revoke_invitation").click().run()
    assert not at.exception, at.exception
    assert [i.status for i in wb.educator_invitations(educator.id)] == ["revoked"]
    assert any(f"Revoked the invitation {made.display_code}" in s.value for s in at.success)
    assert len(at.code) == 0, "a revoked code is no longer offered to copy"
    assert at.dataframe[0].value["Status"].tolist() == ["revoked"]
    assert "revoke_invitation" not in button_keys(at), "nothing open is left to revoke"


def test_an_invitation_used_meanwhile_is_said_to_be_so(wb, educator):
    code = wb.invite_educator(educator.id).code
    at = system_page(educator)
    at.selectbox(key="revoke_code").set_value(code)
    wb.sign_up("uma", "uma@example.org", "Uma", "tidy-otter-93", "educator", code)  # in another tab, meanwhile
    at.button(key="revoke_invitation").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [f"The invitation {code[:4]}-{code[4:]} is used already."]
    assert at.dataframe[0].value[["Status", "Used by"]].values.tolist() == [["used", "uma"]]


def test_another_educator_cannot_make_invitations(wb, educator):
    code = wb.invite_educator(educator.id).code
    other = wb.register("uma", "uma@example.org", "Uma Other", "tidy-otter-93", role="educator")
    at = system_page(other)
    assert "Educator invitations" in [s.value for s in at.subheader]
    assert not {"invite_educator", "revoke_invitation"} & set(button_keys(at))
    assert len(at.dataframe) == 0 and len(at.code) == 0, "no codes shown"
    assert any("**Tim Tutor** (tutor), this install's administrator" in c.value for c in at.caption)
    assert code not in str([e.value for e in [*at.markdown, *at.caption]])


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
    assert [t.value for t in at.title] == ["For educators"], "a learner is told whose page it is, with the sidebar"
    assert len(at.sidebar.button) == 1 and at.sidebar.button[0].label == "Log out"
