"""AppTest of the Account page: a new password, and deleting the account."""

from __future__ import annotations

from datetime import UTC, datetime

from factories import PASSWORD, answer_interview
from sessions import APP, open_page
from streamlit.testing.v1 import AppTest

from ui.auth import SINCE_KEY

PAGE = "pages/account.py"
NEW = "lantern orchard 7"


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def logged_in(user, page: str = PAGE) -> AppTest:
    """``user``'s session on ``page``, logged in a moment ago (so a later end of every session ends it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = user.id
    at.session_state[SINCE_KEY] = datetime.now(UTC)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def change_password(at: AppTest, current: str, new: str, repeat: str | None = None) -> AppTest:
    inputs = [i for i in at.text_input if i.label in ("Current password", "New password", "Repeat the new password")]
    for box, value in zip(inputs, (current, new, new if repeat is None else repeat), strict=True):
        box.input(value)
    at.button(key="FormSubmitter:change_password-Change password").click().run()
    assert not at.exception, at.exception
    return at


def test_the_page_says_who_the_user_is(wb, learner):
    at = open_page(learner, PAGE)
    assert titles(at) == ["Account"]
    assert "username **ada**" in at.markdown[0].value and "ada@example\\.org" in at.markdown[0].value


def test_a_new_password_keeps_this_session_and_ends_the_others(wb, learner):
    here, elsewhere = logged_in(learner), logged_in(learner, "pages/progress.py")
    change_password(here, "correct horse", NEW)
    assert titles(here) == ["Account"] and here.session_state["user_id"] == learner.id
    assert [s.value for s in here.success] == ["Your password was changed, and every other session of yours has ended."]
    here.run()
    assert titles(here) == ["Account"], "this session goes on"
    elsewhere.run()  # the other tab's next click
    assert elsewhere.session_state.get("user_id") is None and titles(elsewhere) == ["Workbench"]
    assert [i.value for i in elsewhere.info] == ["Your password was changed in another tab or on another device, which "
                                                 "ends every other session of yours. Log in with the new password to go on."]
    assert wb.login("ada", NEW).id == learner.id
    # the tab sent to the login leaves the browser's cookie alone: it may be the one this tab renewed
    assert not [h for h in elsewhere.get("html") if "document.cookie" in h.proto.body]


def test_a_wrong_current_password_or_a_weak_new_one_changes_nothing(wb, learner):
    at = logged_in(learner)
    change_password(at, "not my password", NEW)
    assert [e.value for e in at.error] == ["That is not your current password."]
    change_password(at, "correct horse", NEW, repeat=NEW + "!")
    assert [e.value for e in at.error] == ["The two new passwords differ. Please type them again."]
    change_password(at, "correct horse", "password1")
    assert "among the first that guessers try" in at.error[0].value
    at.run()
    assert at.session_state["user_id"] == learner.id
    assert wb.login("ada", "correct horse").id == learner.id


def delete(at: AppTest, password: str) -> AppTest:
    at.text_input[-1].input(password)
    at.button(key="FormSubmitter:delete_account-Delete my account for good").click().run()
    assert not at.exception, at.exception
    return at


def test_deleting_asks_for_the_box_and_the_password_then_goes_to_the_login(wb, learner):
    at = logged_in(learner)
    button = at.button(key="FormSubmitter:delete_account-Delete my account for good")
    assert button.disabled and button.help == "Tick the box above first."
    at.checkbox(key="delete_sure").check().run()
    assert not at.button(key="FormSubmitter:delete_account-Delete my account for good").disabled
    delete(at, "wrong password")
    assert [e.value for e in at.error] == ["That is not your password."] and wb.user(learner.id) is not None
    assert at.checkbox(key="delete_sure").value, "the tick stays for the next try"
    delete(at, "correct horse")
    assert wb.user(learner.id) is None
    assert titles(at) == ["Workbench"] and at.session_state.get("user_id") is None
    assert [s.value for s in at.success] == ["Your account was deleted, and everything the Workbench kept about you with it."]


def test_an_educator_is_told_their_cohorts_go_and_the_administrator_who_takes_over(wb):
    tess = wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
    wb.create_cohort(tess.id, "Spring")
    wb.create_cohort(tess.id, "Autumn")
    at = open_page(tess, PAGE)
    words = " ".join(m.value for m in at.markdown)
    assert "your 2 cohorts (their learners keep their own accounts)" in words
    assert "You run this Workbench" in at.warning[0].value


def test_a_demo_account_can_neither_change_its_password_nor_be_deleted_alone(wb):
    demo = wb.accounts.register("demo-ada", "demo@example.org", "Demo Ada", PASSWORD, is_demo=True)
    answer_interview(wb, demo.id)
    at = open_page(demo, PAGE)
    assert not at.get("form")
    assert [i.value for i in at.info] == ["Demo accounts share the password the welcome page shows, so theirs cannot be changed.",
                                          "Demo accounts go all together, with the demo data: the administrator removes it on "
                                          "the System page."]


def test_a_click_in_a_tab_whose_login_ended_elsewhere_does_nothing(wb, learner):
    """Streamlit runs a button's callback before the script that finds the session ended: the click on Easier
    in a tab left open after a logout on another device changed the level, then showed the login."""
    tab = logged_in(learner, "pages/profile.py")
    level = wb.level(learner.id).value
    wb.logout(learner.id)  # on another device
    tab.button(key="level:easier").click().run()
    assert not tab.exception, tab.exception
    assert wb.level(learner.id).value == level and not wb.level(learner.id).offset_levels
    assert titles(tab) == ["Workbench"] and tab.session_state.get("user_id") is None
