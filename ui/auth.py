"""Login, registration and logout, with the session kept in a signed cookie.

Passwords are checked by the engine (bcrypt, with throttling of repeated failures, which
streamlit-authenticator's own attempt counter does not give: it counts only after a correct
password). streamlit-authenticator's controller keeps the session's login state and clears it on
logout. A login puts
a signed token (a JWT, in the format streamlit-authenticator uses, so its cookies stay valid) in a
cookie, so a reload keeps the user logged in; the engine refuses tokens issued before the user's
last logout, so logging out ends every session.

The browser sends the cookie with the page, so reading it needs no component (``st.context``).
Writing or removing it takes a script in the page, and that script is drawn on every run while it
is needed rather than once: a run cut short by the next one (a click right after logging in) would
otherwise drop it, and the login would not survive a reload. A cookie component that reports back
(extra_streamlit_components' CookieManager, used before) also cost a rerun on every page load,
and that rerun could undo a click on the navigation made at the same moment.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from typing import Any

import jwt
import streamlit as st
from streamlit_authenticator.controllers import AuthenticationController

from engine import AccountError, LoginError, User, Workbench
from engine.accounts import cookie_key
from ui import page_script, time_zone
from ui.profile_answers import answers_pending
from ui.session import SINCE_KEY, session_login

ALGORITHM = "HS256"
ENDED_KEY = "login_ended"  # why this session, logged in, finds itself at the login: "gone", "elsewhere", "password", "deleted"
TO_FRONT_KEY = "to_front"  # just logged out: the next run goes to the front page


def restore_session(wb: Workbench) -> User | None:
    """The user of this session: from session state while their login stands, else from a valid,
    unrevoked login cookie."""
    if st.session_state.get("user_id") is not None:
        # a logout in another tab or on another device ends this session too: checked on every run, a tab
        # left open went on submitting and reading History until it was reloaded
        user, stands = session_login()
        if not stands:
            ended = "gone" if user is None else _ended_elsewhere(wb, user)
            for key in list(st.session_state.keys()):
                del st.session_state[key]
            _refuse_login(wb, ended)
            st.session_state[TO_FRONT_KEY] = True  # as after a logout here: the next login starts afresh
            return None
        return user
    if st.session_state.get("logged_out"):
        return None  # logged out in this tab: the cookie the page was loaded with is stale
    claims = _read_token(wb)
    if claims is None:
        return None
    user = wb.accounts.by_username(str(claims.get("username", "")))
    issued = _issued_at(wb, claims)
    if user is not None and not _issued_to(wb, user, claims, issued):
        user = None  # the cookie of a deleted account, whose username someone registered again
    if user is None or not wb.accounts.session_valid(user.username, issued):
        _refuse_login(wb, "gone" if user is None else None)  # a signed cookie of an account removed since, or revoked
        return None
    return _mark_logged_in(wb, user, issued)


def _ended_elsewhere(wb: Workbench, user: User) -> str:
    """Why every session of the user ended in another tab or on another device: "elsewhere" (a logout) or
    "password" (a new password)."""
    return "password" if wb.accounts.sessions_ended_by(user.id) == "changed-password" else "elsewhere"


def _refuse_login(wb: Workbench, why: str | None) -> None:
    """End a login that no longer holds: its cookie is removed and, as the page keeps sending the
    one it was loaded with, not read again in this session. ``why``: the account was removed ("gone"),
    or the user logged out ("elsewhere") or changed their password ("password") in another tab or on
    another device."""
    if why not in ("elsewhere", "password"):
        # the cookie itself is refused. After a logout or a new password elsewhere, the browser's cookie may be
        # newer than the one this page was loaded with (the tab that changed the password renewed it): removing
        # it logged that tab out too. An older one is refused at its next use anyway.
        st.session_state["cookie"] = _deleted_cookie(wb)
    st.session_state["logged_out"] = True
    st.session_state[ENDED_KEY] = why


def login_ended_notice() -> None:
    """Why a session that was logged in finds itself at the login."""
    why = st.session_state.pop(ENDED_KEY, None)
    if why == "gone":
        st.info("The account you were using is no longer on this server: it was deleted, or it was demo data, since "
                "removed. Log in with your own account, or create one.", icon=":material/info:")
    elif why == "password":
        st.info("Your password was changed in another tab or on another device, which ends every other session of "
                "yours. Log in with the new password to go on.", icon=":material/password:")
    elif why == "deleted":
        st.success("Your account was deleted, and everything the Workbench kept about you with it.",
                   icon=":material/check_circle:")
    elif why == "elsewhere":
        st.info("You logged out in another tab or on another device, which ends every session of yours. "
                "Log in again to go on.", icon=":material/logout:")


def login_form(wb: Workbench) -> None:
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
        _start_session(wb, user)


def register_form(wb: Workbench) -> None:
    """The app's registration: ``wb.sign_up``, which asks an educator for an invitation once this
    install has a real educator. Inside a form the role's radio reruns nothing, so the invitation's
    field is there whenever one is needed, labelled so that learners leave it empty."""
    needs_invitation = wb.educator_invitation_needed()
    with st.form("register"):
        st.subheader("Create an account")
        username = st.text_input("Username", key="reg_username", help="3 to 32 characters: letters, digits, . _ -")
        email = st.text_input("Email", key="reg_email")
        name = st.text_input("Name", key="reg_name")
        password = st.text_input("Password", type="password", key="reg_password",
                                 help="At least 8 characters, and not a common password or your own name: "
                                      "a few unrelated words make a strong one.")
        repeat = st.text_input("Repeat the password", type="password", key="reg_repeat")
        role = st.radio("I am here as", ["learner", "educator"], horizontal=True, key="reg_role",
                        format_func=lambda r: {"learner": "a learner", "educator": "an educator"}[r])
        invitation = None
        if needs_invitation:
            invitation = st.text_input(
                "Educator invitation code (educators only)", key="reg_invitation", placeholder="ABCD-EFGH",
                help="Educators only: the code the administrator of this Workbench made for you on their "
                     "System page. Learners leave it empty.")
        submitted = st.form_submit_button("Create account", type="primary")
    if submitted:
        # whatever is wrong, all at once, one line each
        problems = ["The two passwords differ. Please type them again."] if password != repeat else []
        problems += wb.sign_up_problems(username, email, name, password, role, invitation)
        if problems:
            st.error("\n".join(f"- {p}" for p in problems) if len(problems) > 1 else problems[0])
            return
        try:
            user = wb.sign_up(username, email, name, password, role, invitation)
        except AccountError as exc:
            st.error(str(exc))
            return
        _start_session(wb, user)


def _start_session(wb: Workbench, user: User) -> None:
    st.session_state.pop("logged_out", None)
    issued = time.time()
    _mark_logged_in(wb, user, datetime.fromtimestamp(issued, UTC))
    st.session_state["cookie"] = _new_cookie(wb, user, issued)
    st.rerun()


def keep_cookie() -> None:
    """Write (or remove) the login cookie this session asked for. Call it on every run, where it
    takes no room (the sidebar, the end of the page): the script runs once per page load."""
    cookie = st.session_state.get("cookie")
    if not cookie:
        return
    value = (f"{cookie['name']}={cookie['token']}; Expires={formatdate(cookie['expires'], usegmt=True)}; "
             "Path=/; SameSite=Strict")
    if str(st.context.url or "").startswith("https:"):
        value += "; Secure"
    page_script.run(f"document.cookie = {page_script.literal(value)};")


LOGOUT_ASKED = "logout_asked"  # Log out was pressed while answers waited to be saved: asked first
LOGOUT_PRESSED = "logout_pressed"  # Log out pressed, not acted on yet (on a page of answers: after its run)
LOGOUT_CONFIRMED = "logout_confirmed"  # "Log out anyway" pressed


def logout_button(wb: Workbench, user: User, *, page_of_answers: bool) -> None:
    """The sidebar's Log out. While answers typed on the interview or the Profile wait to be saved, it asks
    first: they live in this session only, which a logout ends, and leaving the page asks the same. On those
    pages (``page_of_answers``) the click is decided after the page's run (``logout_after_the_page``): text
    typed just before the click arrives with it, and only the page's run tells whether it waits. The clicks
    are kept by callbacks, which run before the script: read from the buttons' return values, one was lost
    when another message (a box's text, say) stopped the click's run before it reached the button."""
    if st.session_state.pop(LOGOUT_CONFIRMED, False):
        logout(wb, user)
    if st.session_state.get(LOGOUT_PRESSED) and not page_of_answers:
        del st.session_state[LOGOUT_PRESSED]
        _log_out_or_ask(wb, user)
    if st.session_state.get(LOGOUT_ASKED):
        st.warning("Your answers not saved yet will be lost.", icon=":material/warning:")
        with st.container(horizontal=True):
            st.button("Log out anyway", key="logout_anyway", type="primary",
                      on_click=st.session_state.__setitem__, args=(LOGOUT_CONFIRMED, True))
            st.button("Stay", key="logout_stay", on_click=lambda: st.session_state.pop(LOGOUT_ASKED, None))
        return
    st.button("Log out", icon=":material/logout:", on_click=st.session_state.__setitem__, args=(LOGOUT_PRESSED, True))


def logout_after_the_page(wb: Workbench, user: User) -> None:
    """After the page's run: a Log out pressed on a page of answers logs out, or asks first. (A page that
    stopped its run early leaves it to the next run's.)"""
    if st.session_state.pop(LOGOUT_PRESSED, False):
        _log_out_or_ask(wb, user)


def _log_out_or_ask(wb: Workbench, user: User) -> None:
    if answers_pending():
        st.session_state[LOGOUT_ASKED] = True
        st.rerun()
    logout(wb, user)


def logout(wb: Workbench, user: User) -> None:
    """End the session here and everywhere: the engine revokes cookies issued until now."""
    wb.logout(user.id)
    _end_session(wb, user, None)


def deleted(wb: Workbench, user: User) -> None:
    """End the session of an account just deleted: the login page then says it is done."""
    _end_session(wb, user, "deleted")


def _end_session(wb: Workbench, user: User, why: str | None) -> None:
    _authenticator(wb, user).logout()
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state["logged_out"] = True
    st.session_state["cookie"] = _deleted_cookie(wb)
    st.session_state[TO_FRONT_KEY] = True
    st.session_state[ENDED_KEY] = why
    st.rerun()


def renew(wb: Workbench, user: User) -> None:
    """A new login for this session, after every session of the user was ended (a new password): the
    others stay ended, this one goes on."""
    _start_session(wb, user)


def sidebar_closed_on_phones() -> None:
    """On the login page: a phone's next login starts with the sidebar closed. Streamlit remembers the
    sidebar open in the browser once it is opened, as it is on a phone to reach Log out, and the next
    login there opened with the sidebar over the page. Wider screens keep what their user chose."""
    page_script.run("if (window.matchMedia('(max-width: 768px)').matches) Object.keys(window.localStorage)"
                    ".filter(key => key.startsWith('stSidebarCollapsed-')).forEach(key => window.localStorage.removeItem(key))")


def to_front(gate_pages: list[st.Page], shown: st.Page) -> None:
    """After a logout, the front page at the app's address: the next person to log in here starts
    at their own first page, not at the page (and the exercise in its address) left open."""
    if st.session_state.pop(TO_FRONT_KEY, False) and shown is not gate_pages[0]:
        st.switch_page(gate_pages[0])  # also clears the address's query (?exercise=…)


# -- the session ----------------------------------------------------------------------------------


def _authenticator(wb: Workbench, user: User) -> AuthenticationController:
    """streamlit-authenticator's controller for one user. The engine has already checked the
    password and throttling; the controller keeps the session's login state (authentication
    status, username, name, roles) and clears it on logout."""
    first, _, last = user.name.partition(" ")
    credentials = {"usernames": {user.username: {
        "email": user.email, "first_name": first, "last_name": last,
        "password": wb.accounts.password_hash(user.username), "roles": [user.role]}}}
    return AuthenticationController(credentials, auto_hash=False, secret_key=_secret(wb))


def _mark_logged_in(wb: Workbench, user: User, since: datetime) -> User:
    """The user, logged in on this session by a login issued at ``since``, with their time zone learnt
    from the browser if unknown."""
    _authenticator(wb, user).login(token={"username": user.username})
    st.session_state["user_id"] = user.id
    st.session_state[SINCE_KEY] = since
    return time_zone.learn(wb, user)


# -- the token ------------------------------------------------------------------------------------


def _secret(wb: Workbench) -> str:
    return cookie_key(wb.settings.cookie_key, wb.settings.home)


def _new_cookie(wb: Workbench, user: User, now: float) -> dict[str, Any]:
    expires = now + wb.settings.cookie_expiry_days * 86400
    token = jwt.encode({"username": user.username, "uid": user.id, "iat": now, "exp_date": expires}, _secret(wb),
                       algorithm=ALGORITHM)
    return {"name": wb.settings.cookie_name, "token": token, "expires": expires}


def _deleted_cookie(wb: Workbench) -> dict[str, Any]:
    return {"name": wb.settings.cookie_name, "token": "", "expires": 0}


def _read_token(wb: Workbench) -> dict[str, Any] | None:
    """The claims of this page's login cookie, if it is there, signed by us and not expired."""
    raw = st.context.cookies.get(wb.settings.cookie_name)
    if not isinstance(raw, str) or not raw:
        return None
    try:
        claims = jwt.decode(raw, _secret(wb), algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        return None  # forged, damaged, or signed with another key
    try:
        expired = float(claims.get("exp_date", 0)) <= time.time()
    except (TypeError, ValueError):
        return None
    return None if expired or "username" not in claims else claims


def _issued_to(wb: Workbench, user: User, claims: dict[str, Any], issued: datetime) -> bool:
    """Whether the token was issued to this account, not to a deleted one of the same username: a logout
    of the old account, which revoked it, went with that account."""
    if "uid" in claims:
        return claims["uid"] == user.id
    return wb.accounts.existed_at(user.id, issued)  # tokens from before they named the account


def _issued_at(wb: Workbench, claims: dict[str, Any]) -> datetime:
    if isinstance(claims.get("iat"), int | float):
        return datetime.fromtimestamp(float(claims["iat"]), UTC)
    # streamlit-authenticator's tokens carry only their expiry
    return datetime.fromtimestamp(float(claims["exp_date"]), UTC) - timedelta(days=wb.settings.cookie_expiry_days)
