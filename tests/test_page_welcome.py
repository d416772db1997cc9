"""AppTest of the login gate (the Welcome page of app.py): registering, logging in, throttling."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(autouse=True)
def navigation_only(monkeypatch):
    """Run app.py on every AppTest run, as the server does once app.py has called st.navigation.

    AppTest re-detects the pages/ folder before each run and, finding one, runs a page that is
    not the main script as a legacy (v1) multipage app: the page alone, without app.py's login
    gate and sidebar. A running server stops doing that at the first st.navigation call.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh workbench home for this test; the cached Workbench is dropped before and after."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBENCH_BCRYPT_ROUNDS", "4")
    st.cache_resource.clear()
    yield tmp_path / "home"
    from ui.session import workbench

    workbench().close()
    st.cache_resource.clear()


@pytest.fixture
def wb(home):
    from ui.session import workbench

    return workbench()


@pytest.fixture
def at(home) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    assert not app.exception
    return app


def register(at: AppTest, username="ada", email="ada@example.org", name="Ada Lovelace",
             password="correct horse", repeat=None, role="learner") -> AppTest:
    at.text_input(key="reg_username").input(username)
    at.text_input(key="reg_email").input(email)
    at.text_input(key="reg_name").input(name)
    at.text_input(key="reg_password").input(password)
    at.text_input(key="reg_repeat").input(password if repeat is None else repeat)
    at.radio(key="reg_role").set_value(role)
    at.button(key="FormSubmitter:register-Create account").click()
    return at.run()


def log_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.button(key="FormSubmitter:login-Log in").click()
    return at.run()


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_logged_out_visitor_sees_the_login_and_register_tabs(at):
    assert titles(at) == ["Workbench"]
    assert [t.label for t in at.tabs] == ["Log in", "Create an account"]
    assert at.text_input(key="login_username").value == ""


def test_register_lands_on_practice(at, wb):
    register(at)
    assert not at.exception
    assert titles(at) == ["Practice"]
    user = wb.accounts.by_username("ada")
    assert user is not None and user.role == "learner"
    assert at.session_state["user_id"] == user.id
    assert any("Ada Lovelace" in m.value for m in at.sidebar.markdown)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"username": "taken"}, "The username 'taken' is taken", id="duplicate-username"),
        pytest.param({"repeat": "something else"}, "The two passwords differ", id="mismatched-passwords"),
        pytest.param({"email": "not-an-email"}, "valid email address", id="bad-email"),
        pytest.param({"password": "short", "repeat": "short"}, "at least 8 characters", id="short-password"),
        pytest.param({"username": "x"}, "Usernames are 3 to 32 characters", id="bad-username"),
    ],
)
def test_register_refusals_explain_and_keep_the_form(at, wb, fields, message):
    wb.register("taken", "taken@example.org", "Someone", "password123")
    values = {"username": "ada", "email": "ada@example.org", "name": "Ada Lovelace", "password": "correct horse"}
    values.update(fields)
    register(at, **values)
    assert not at.exception
    assert titles(at) == ["Workbench"], "a refused registration must stay on the welcome page"
    assert len(errors(at)) == 1 and message in errors(at)[0]
    # the form is still there, with what the visitor typed
    assert at.text_input(key="reg_username").value == values["username"]
    assert at.text_input(key="reg_email").value == values["email"]
    assert at.text_input(key="reg_name").value == values["name"]
    assert at.session_state.get("user_id") is None
    assert wb.accounts.count() == 1


def test_login_with_the_right_password_lands_on_practice(at, wb):
    user = wb.register("grace", "grace@example.org", "Grace Hopper", "password123")
    log_in(at, "grace", "password123")
    assert not at.exception
    assert titles(at) == ["Practice"]
    assert at.session_state["user_id"] == user.id


def test_wrong_password_shows_an_error(at, wb):
    wb.register("grace", "grace@example.org", "Grace Hopper", "password123")
    log_in(at, "grace", "wrong password")
    assert titles(at) == ["Workbench"]
    assert errors(at) == ["Wrong username or password."]


def test_unknown_user_gets_the_same_error_as_a_wrong_password(at):
    log_in(at, "nobody", "password123")
    assert errors(at) == ["Wrong username or password."]


def test_too_many_wrong_passwords_say_to_wait(at, wb):
    wb.register("grace", "grace@example.org", "Grace Hopper", "password123")
    free = wb.settings.login_free_failures
    for _ in range(free):
        log_in(at, "grace", "wrong password")
        assert errors(at) == ["Wrong username or password."]
    log_in(at, "grace", "wrong password")
    assert "Too many wrong passwords" in errors(at)[0] and "try again in" in errors(at)[0].lower()
    # while locked, even the right password is refused with the wait
    log_in(at, "grace", "password123")
    assert titles(at) == ["Workbench"]
    assert "Too many wrong passwords" in errors(at)[0] and "seconds" in errors(at)[0]


def test_log_out_brings_back_the_login_form(at, wb):
    user = wb.register("grace", "grace@example.org", "Grace Hopper", "password123")
    log_in(at, "grace", "password123")
    assert titles(at) == ["Practice"]
    at.sidebar.button[0].click().run()
    assert not at.exception
    assert titles(at) == ["Workbench"]
    assert at.session_state.get("user_id") is None
    assert at.text_input(key="login_username").value == ""
    # the logout is recorded: cookies issued before it are refused
    from datetime import UTC, datetime, timedelta

    assert not wb.accounts.session_valid(user.username, datetime.now(UTC) - timedelta(seconds=5))
