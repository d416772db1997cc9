"""Login, registration and logout on top of streamlit-authenticator's cookie sessions.

Passwords are checked by the engine (bcrypt, with throttling of repeated failures, which the
library's own attempt counter does not provide: it only counts after a correct password).
streamlit-authenticator keeps the session in a signed cookie and clears it on logout; the
engine refuses cookies issued before the user's last logout, so logging out ends every session.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import streamlit as st
import streamlit_authenticator as stauth

from engine import AccountError, LoginError, User, Workbench
from engine.accounts import cookie_key


def authenticator(wb: Workbench) -> stauth.Authenticate:
    """The authenticator for this script run: create it once per run (it renders the cookie
    component). Credentials stay in the store; the library only handles the session cookie."""
    settings = wb.settings
    return stauth.Authenticate({"usernames": {}}, settings.cookie_name,
                               cookie_key(settings.cookie_key, settings.home),
                               settings.cookie_expiry_days, auto_hash=False, login_sleep_time=0)


def restore_session(wb: Workbench, session: stauth.Authenticate) -> User | None:
    """The user of this session: from session state, else from a valid, unrevoked cookie."""
    if st.session_state.get("user_id") is not None:
        return wb.user(int(st.session_state["user_id"]))
    token = session.cookie_controller.get_cookie()
    if not token or "username" not in token:
        return None
    user = wb.accounts.by_username(str(token["username"]))
    issued = datetime.fromtimestamp(float(token.get("exp_date", 0)), UTC) - timedelta(days=wb.settings.cookie_expiry_days)
    if user is None or not wb.accounts.session_valid(user.username, issued):
        session.cookie_controller.delete_cookie()
        return None
    _mark_logged_in(user)
    return user


def _mark_logged_in(user: User) -> None:
    st.session_state.update({"user_id": user.id, "authentication_status": True, "username": user.username,
                             "name": user.name, "email": user.email, "roles": [user.role], "logout": None})


def login_form(wb: Workbench, session: stauth.Authenticate) -> None:
    with st.form("login"):
        st.subheader("Log in")
        username = st.text_input("Username", key="login_username", autocomplete="username")
        password = st.text_input("Password", type="password", key="login_password", autocomplete="current-password")
        submitted = st.form_submit_button("Log in", type="primary")
    if submitted:
        try:
            user = wb.login(username, password)
        except LoginError as exc:
            st.error(str(exc))
            return
        _start_session(session, user)


def register_form(wb: Workbench, session: stauth.Authenticate) -> None:
    with st.form("register"):
        st.subheader("Create an account")
        username = st.text_input("Username", key="reg_username", help="3 to 32 characters: letters, digits, . _ -")
        email = st.text_input("Email", key="reg_email")
        name = st.text_input("Name", key="reg_name")
        password = st.text_input("Password", type="password", key="reg_password", help="At least 8 characters.")
        repeat = st.text_input("Repeat the password", type="password", key="reg_repeat")
        role = st.radio("I am here as", ["learner", "educator"], horizontal=True, key="reg_role",
                        format_func=lambda r: {"learner": "a learner", "educator": "an educator"}[r])
        submitted = st.form_submit_button("Create account", type="primary")
    if submitted:
        if password != repeat:
            st.error("The two passwords differ. Please type them again.")
            return
        try:
            user = wb.register(username, email, name, password, role)
        except AccountError as exc:
            st.error(str(exc))
            return
        st.success(f"Welcome, {user.name}! Your account is ready.")
        _start_session(session, user)


def _start_session(session: stauth.Authenticate, user: User) -> None:
    _mark_logged_in(user)
    # The cookie is set on the next run: a rerun right after setting it can drop the request
    st.session_state["cookie_pending"] = True
    st.rerun()


def persist_session(session: stauth.Authenticate) -> None:
    """Set the login cookie asked for by the previous run, so a reload keeps the user logged in."""
    if st.session_state.pop("cookie_pending", False):
        session.cookie_controller.set_cookie()


def logout(wb: Workbench, session: stauth.Authenticate, user: User) -> None:
    """End the session here and everywhere: the engine revokes cookies issued until now."""
    wb.logout(user.id)
    session.logout(location="unrendered")
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state["logout"] = True
    st.rerun()
