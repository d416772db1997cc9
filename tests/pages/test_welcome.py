"""AppTest of the login gate (the Welcome page of app.py): registering, logging in, throttling, the login cookie."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
import streamlit as st
from factories import REPO, answer_interview
from streamlit.testing.v1 import AppTest

APP = str(REPO / "app.py")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh workbench home for this test; the cached Workbench is dropped before and after."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBENCH_BCRYPT_ROUNDS", "4")
    st.cache_resource.clear()
    st.cache_data.clear()  # cached query results belong to the previous home
    yield tmp_path / "home"
    from ui.session import workbench

    workbench().close()
    st.cache_resource.clear()
    st.cache_data.clear()  # cached query results belong to the previous home


@pytest.fixture
def wb(home):
    """The app's own (cached) Workbench; overrides tests/conftest.py's."""
    from ui.session import workbench

    return workbench()


@pytest.fixture
def at(home) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    assert not app.exception
    return app


def grace(wb):
    """A learner who has answered the onboarding interview: logging in lands on Practice."""
    user = wb.register("grace", "grace@example.org", "Grace Hopper", "tidy-otter-93")
    answer_interview(wb, user.id)
    return user


def register(at: AppTest, username="ada", email="ada@example.org", name="Ada Lovelace",
             password="correct horse", repeat=None, role="learner", invitation=None) -> AppTest:
    at.text_input(key="reg_username").input(username)
    at.text_input(key="reg_email").input(email)
    at.text_input(key="reg_name").input(name)
    at.text_input(key="reg_password").input(password)
    at.text_input(key="reg_repeat").input(password if repeat is None else repeat)
    at.radio(key="reg_role").set_value(role)
    if invitation is not None:
        at.text_input(key="reg_invitation").input(invitation)
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


@pytest.mark.parametrize("page", ["pages/practice.py", "pages/history.py", "pages/system.py"])
def test_on_a_fresh_server_a_page_url_shows_the_login_form(home, monkeypatch, navigation_only, page):
    """A bookmark, or a tab reconnecting after a restart: Streamlit runs the page alone (pages/ as
    a legacy multipage folder) until app.py has called st.navigation; it must still get the gate."""
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "__init__", navigation_only)  # Streamlit's own behaviour
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert titles(at) == ["Workbench"]
    assert at.text_input(key="login_username").value == ""


def test_on_a_fresh_server_a_bookmark_keeps_its_address(home, wb, monkeypatch, navigation_only):
    """Handed over to app.py, served at the app's own address, the bookmark's page was lost: the login
    led to Practice, not to the History bookmarked. The login now shows at the bookmark's address, which
    the browser sends with the login's run, as a warm server's bookmark does (the browser tests').
    AppTest reruns by the page's hash, not its address: so the address the run finished on is read."""
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "__init__", navigation_only)  # Streamlit's own behaviour
    at = AppTest.from_file(APP, default_timeout=30)
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    assert titles(at) == ["Workbench"] and "page" not in at.query_params
    assert at._registered_pages[at._finished_page_script_hash]["url_pathname"] == "history"


def test_register_lands_on_the_onboarding_interview(at, wb):
    register(at)
    assert not at.exception
    assert titles(at) == ["Getting started"]
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
    wb.register("taken", "taken@example.org", "Someone", "tidy-otter-93")
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


def test_every_problem_of_the_form_is_told_at_once(at, wb):
    """Differing passwords used to hide the other problems until they were mended."""
    register(at, username="Lena K", email="lena@example", name="Lena", password="abc", repeat="abd")
    [error] = errors(at)
    assert error.splitlines() == ["- The two passwords differ. Please type them again.",
                                  "- Usernames are 3 to 32 characters: letters, digits, '.', '_' or '-', "
                                  "starting with a letter or digit.",
                                  "- Please enter a valid email address, like ada@example.org.",
                                  "- Passwords need at least 8 characters."]
    assert wb.accounts.count() == 0
    register(at, username="Lena K", email="lena@example", name="Lena", password="password1", repeat="password1")
    [error] = errors(at)
    assert len(error.splitlines()) == 3 and all(line.startswith("- ") for line in error.splitlines()), \
        "matching passwords: the problems are a list all the same, not one paragraph"
    assert wb.accounts.count() == 0


# -- educator invitations ------------------------------------------------------------------------


def invitation_field_shown(at: AppTest) -> bool:
    return "reg_invitation" in [t.key for t in at.text_input]


def tess(wb):
    """The first real educator: the administrator, who makes invitations."""
    return wb.register("tess", "tess@example.org", "Tess Teacher", "tidy-otter-93", role="educator")


@pytest.mark.parametrize(
    ("accounts", "shown"),
    [
        pytest.param(lambda wb: None, False, id="fresh-install"),
        pytest.param(lambda wb: wb.register("ada", "ada@example.org", "Ada", "tidy-otter-93"), False, id="learners-only"),
        pytest.param(lambda wb: wb.load_demo(learners=2, days=2), False, id="demo-educator-only"),
        pytest.param(tess, True, id="a-real-educator"),
    ],
)
def test_the_invitation_field_shows_only_when_needed(home, wb, accounts, shown):
    accounts(wb)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert invitation_field_shown(at) == shown
    if shown:
        field = at.text_input(key="reg_invitation")
        assert field.label == "Educator invitation code (educators only)"
        assert "Learners leave it empty" in field.help


def test_the_first_educator_registers_without_a_code(at, wb):
    register(at, username="tess", role="educator")
    assert not at.exception
    assert titles(at) == ["Cohorts"]
    assert wb.administrator().username == "tess"


def test_an_educator_without_a_code_is_refused_with_the_reason(home, wb):
    tess(wb)
    at = AppTest.from_file(APP, default_timeout=30).run()
    register(at, username="uma", role="educator")
    assert titles(at) == ["Workbench"]
    assert errors(at) == ["Registering as an educator needs an invitation code from the administrator of this "
                          "Workbench (ask them: they make one on the System page)."]
    assert wb.accounts.by_username("uma") is None


def test_an_educator_with_a_used_code_is_refused(home, wb):
    admin = tess(wb)
    code = wb.invite_educator(admin.id).code
    wb.sign_up("vic", "vic@example.org", "Vic", "tidy-otter-93", "educator", code)
    at = AppTest.from_file(APP, default_timeout=30).run()
    register(at, username="uma", role="educator", invitation=code)
    assert errors(at) == ["That invitation code is not valid: it may have been used, revoked or expired."]
    assert wb.accounts.by_username("uma") is None


def test_an_educator_with_a_code_registers_and_uses_it_up(home, wb):
    admin = tess(wb)
    made = wb.invite_educator(admin.id)
    at = AppTest.from_file(APP, default_timeout=30).run()
    register(at, username="uma", role="educator", invitation=made.display_code.lower())
    assert not at.exception
    assert titles(at) == ["Cohorts"]
    uma = wb.accounts.by_username("uma")
    assert uma is not None and uma.role == "educator" and at.session_state["user_id"] == uma.id
    assert [(i.status, i.used_by) for i in wb.educator_invitations(admin.id)] == [("used", "uma")]


def test_a_learner_leaves_the_invitation_field_empty(home, wb):
    tess(wb)
    at = AppTest.from_file(APP, default_timeout=30).run()
    register(at)
    assert titles(at) == ["Getting started"]


def test_every_problem_is_told_at_once_with_the_invitation(home, wb):
    tess(wb)
    at = AppTest.from_file(APP, default_timeout=30).run()
    register(at, username="uma", role="educator", repeat="something else", invitation="NOTA-CODE")
    assert errors(at)[0].splitlines() == [
        "- The two passwords differ. Please type them again.",
        "- That invitation code is not valid: it may have been used, revoked or expired."]


def test_login_with_the_right_password_lands_on_practice(at, wb):
    user = grace(wb)
    log_in(at, "grace", "tidy-otter-93")
    assert not at.exception
    assert titles(at) == ["Practice"]
    assert at.session_state["user_id"] == user.id


def test_wrong_password_shows_an_error(at, wb):
    grace(wb)
    log_in(at, "grace", "wrong password")
    assert titles(at) == ["Workbench"]
    assert errors(at) == ["Wrong username or password."]


def test_unknown_user_gets_the_same_error_as_a_wrong_password(at):
    log_in(at, "nobody", "tidy-otter-93")
    assert errors(at) == ["Wrong username or password."]


def test_too_many_wrong_passwords_say_to_wait(at, wb):
    grace(wb)
    free = wb.settings.login_free_failures
    for _ in range(free):
        log_in(at, "grace", "wrong password")
        assert errors(at) == ["Wrong username or password."]
    log_in(at, "grace", "wrong password")
    assert errors(at) == ["Wrong username or password. Too many wrong passwords. Try again in 2 seconds."]
    # while locked, even the right password is refused with the wait
    log_in(at, "grace", "tidy-otter-93")
    assert titles(at) == ["Workbench"]
    assert errors(at)[0] in ("Too many wrong passwords. Try again in 2 seconds.",
                             "Too many wrong passwords. Try again in 1 second."), "in the same words"


def test_log_out_brings_back_the_login_form(at, wb):
    user = grace(wb)
    log_in(at, "grace", "tidy-otter-93")
    assert titles(at) == ["Practice"]
    at.sidebar.button[0].click().run()
    assert not at.exception
    assert titles(at) == ["Workbench"]
    assert at.session_state.get("user_id") is None
    assert at.text_input(key="login_username").value == ""
    # the logout is recorded: cookies issued before it are refused
    from datetime import UTC, datetime, timedelta

    assert not wb.accounts.session_valid(user.username, datetime.now(UTC) - timedelta(seconds=5))


def test_logging_out_in_one_tab_ends_the_others_at_their_next_click(wb, home):
    """Two tabs (or devices) logged in; one logs out: the other, left open, is at the login at its next
    run, and says why, rather than going on submitting until it is reloaded."""
    user = grace(wb)
    first, second = (AppTest.from_file(APP, default_timeout=30) for _ in range(2))
    for tab in (first, second):
        tab.run()
        log_in(tab, "grace", "tidy-otter-93")
        assert titles(tab) == ["Practice"]
    first.sidebar.button[0].click().run()
    assert titles(first) == ["Workbench"]
    second.run()  # its next click
    assert not second.exception, second.exception
    assert titles(second) == ["Workbench"] and second.session_state.get("user_id") is None
    assert [i.value for i in second.info] == ["You logged out in another tab or on another device, which ends "
                                              "every session of yours. Log in again to go on."]
    log_in(second, "grace", "tidy-otter-93")
    assert titles(second) == ["Practice"], "a new login holds"
    second.run()
    assert titles(second) == ["Practice"] and second.session_state["user_id"] == user.id


# -- the login cookie ---------------------------------------------------------------------------


def cookie_script(at: AppTest) -> str:
    """The script the page carries to write or remove the login cookie ("" if none)."""
    scripts = [h.proto.body for h in at.get("html") if "document.cookie" in h.proto.body]
    assert len(scripts) <= 1
    return scripts[0] if scripts else ""


def sign(wb, claims: dict, key: str | None = None) -> str:
    from engine.accounts import cookie_key

    return jwt.encode(claims, key or cookie_key(wb.settings.cookie_key, wb.settings.home), algorithm="HS256")


@pytest.fixture
def browser_cookies(monkeypatch):
    """The cookies the browser sends with the page (st.context.cookies), for the next AppTest runs."""
    jar: dict[str, str] = {}
    monkeypatch.setattr(type(st.context), "cookies", property(lambda self: jar))
    return jar


def test_logging_in_writes_a_signed_cookie_on_every_run(at, wb):
    user = grace(wb)
    log_in(at, "grace", "tidy-otter-93")
    script = cookie_script(at)
    assert script.startswith('<script>document.cookie = "workbench_auth=') and "SameSite=Strict" in script
    token = re.search(r"workbench_auth=([\w.-]+);", script).group(1)
    claims = jwt.decode(token, (wb.settings.home / "cookie_key").read_text().strip(), algorithms=["HS256"])
    assert claims["username"] == user.username
    # drawn again on the next runs, so a run cut short cannot lose it
    at.run()
    assert cookie_script(at) == script


def test_a_valid_cookie_logs_the_visitor_in(wb, home, browser_cookies):
    user = grace(wb)
    now = time.time()
    browser_cookies["workbench_auth"] = sign(wb, {"username": "grace", "iat": now, "exp_date": now + 3600})
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert titles(at) == ["Practice"]
    assert at.session_state["user_id"] == user.id
    assert cookie_script(at) == "", "a cookie that is already there is not written again"


def test_a_streamlit_authenticator_cookie_still_works(wb, home, browser_cookies):
    # issued, as its expiry says, a week ago less an hour: to an account older than that
    wb.accounts.register("grace", "grace@example.org", "Grace Hopper", "tidy-otter-93",
                         at=datetime.now(UTC) - timedelta(days=8))
    answer_interview(wb, wb.accounts.by_username("grace").id)
    browser_cookies["workbench_auth"] = sign(wb, {"username": "grace", "exp_date": time.time() + 3600})
    assert titles(AppTest.from_file(APP, default_timeout=30).run()) == ["Practice"]


@pytest.mark.parametrize(
    ("claims", "key"),
    [
        pytest.param({"username": "grace", "exp_date": -1}, None, id="expired"),
        pytest.param({"username": "grace", "exp_date": "soon"}, None, id="bad-expiry"),
        pytest.param({"exp_date": 2e9}, None, id="no-username"),
        pytest.param({"username": "nobody", "exp_date": 2e9}, None, id="unknown-user"),
        pytest.param({"username": "grace", "exp_date": 2e9}, "someone else's key, long enough for HS256", id="forged"),
    ],
)
def test_a_bad_cookie_is_refused(wb, home, browser_cookies, claims, key):
    grace(wb)
    browser_cookies["workbench_auth"] = sign(wb, claims, key)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert titles(at) == ["Workbench"]


def test_a_garbled_cookie_is_refused(wb, home, browser_cookies):
    browser_cookies["workbench_auth"] = "not a token"
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert titles(at) == ["Workbench"]


def test_a_cookie_issued_before_a_logout_is_refused_and_removed(wb, home, browser_cookies):
    user = grace(wb)
    now = time.time()
    browser_cookies["workbench_auth"] = sign(wb, {"username": "grace", "uid": user.id, "iat": now - 60,
                                                  "exp_date": now + 3600})
    wb.logout(user.id)  # in another browser
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert titles(at) == ["Workbench"]
    assert "workbench_auth=; Expires=Thu, 01 Jan 1970 00:00:00 GMT" in cookie_script(at)
    assert not gone_notices(at), "logged out, not removed: nothing to explain"


def test_a_cookie_of_an_account_removed_since_is_refused_with_a_word_why(wb, home, browser_cookies):
    now = time.time()  # signed by this server for an account it no longer has (demo data removed)
    browser_cookies["workbench_auth"] = sign(wb, {"username": "dana", "iat": now, "exp_date": now + 3600})
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert titles(at) == ["Workbench"]
    assert "workbench_auth=; Expires=Thu, 01 Jan 1970 00:00:00 GMT" in cookie_script(at)
    assert len(gone_notices(at)) == 1
    assert not gone_notices(at.run()), "said once"


@pytest.mark.parametrize("with_uid", [True, False], ids=["cookie-with-the-account-id", "older-cookie"])
def test_a_cookie_of_a_deleted_account_does_not_log_in_whoever_takes_its_username(wb, home, browser_cookies, with_uid):
    """The old account's logout had revoked the cookie, but the revocation went with the account: the cookie
    then logged its holder in as the new owner of the name."""
    old = grace(wb)
    issued = time.time() - 60
    claims = {"username": "grace", "iat": issued, "exp_date": issued + 3600} | ({"uid": old.id} if with_uid else {})
    browser_cookies["workbench_auth"] = sign(wb, claims)
    wb.delete_account(old.id, "tidy-otter-93")
    new = grace(wb)  # someone else, under the freed name
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert titles(at) == ["Workbench"] and at.session_state.get("user_id") is None
    assert "workbench_auth=; Expires=Thu, 01 Jan 1970 00:00:00 GMT" in cookie_script(at)
    browser_cookies["workbench_auth"] = sign(wb, claims | {"uid": new.id, "iat": time.time()})
    assert titles(AppTest.from_file(APP, default_timeout=30).run()) == ["Practice"], "the new owner's own cookie works"


def gone_notices(at: AppTest) -> list[str]:
    return [i.value for i in at.info if "no longer on this server" in i.value]


def test_logging_out_removes_the_cookie_and_ignores_it_from_then_on(wb, home, browser_cookies):
    grace(wb)
    at = AppTest.from_file(APP, default_timeout=30).run()
    log_in(at, "grace", "tidy-otter-93")
    # the page was loaded before the login, so it still sends no cookie, or an old one
    at.sidebar.button[0].click().run()
    assert titles(at) == ["Workbench"]
    assert "workbench_auth=; Expires=Thu, 01 Jan 1970 00:00:00 GMT" in cookie_script(at)
    time.sleep(0.01)
    now = time.time()  # a cookie issued after the logout, so valid, as a fresh tab shows
    browser_cookies["workbench_auth"] = sign(wb, {"username": "grace", "iat": now, "exp_date": now + 3600})
    assert titles(at.run()) == ["Workbench"], "this tab logged out: the cookie it loaded with is not used again"
    assert titles(AppTest.from_file(APP, default_timeout=30).run()) == ["Practice"]
