"""The workbench for this server process and the user of this browser session."""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import os
import threading
from collections.abc import Callable
from datetime import datetime
from typing import ParamSpec, TypeVar

import streamlit as st

from engine import Settings, User, Workbench
from ui.routing import through_router

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

SINCE_KEY = "logged_in_since"  # when this session's login was issued: a logout anywhere after it ends it
Params = ParamSpec("Params")
Returned = TypeVar("Returned")


def _secrets() -> dict[str, object]:
    try:
        return {k: v for k, v in st.secrets.items() if not isinstance(v, dict)}
    except Exception:  # no secrets.toml: that is fine
        return {}


@st.cache_resource(show_spinner="Starting the workbench…")
def workbench() -> Workbench:
    """One Workbench per server process (it owns the DuckDB connection)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    settings = Settings.from_env(secrets=_secrets())
    # the embedding model takes seconds to load: start now, so a learner's first remembered
    # goal or mistake does not wait for it (the memory's first use waits if it is still loading)
    threading.Thread(target=_load_embedding_model, name="embedding-model", daemon=True).start()
    return Workbench.open(settings=settings, chat_model=chat_model(settings))


def lower_this_threads_priority() -> None:
    """Make the calling thread give way to others for the CPU (a nice value 10 higher). Loading
    the embedding model takes a core for seconds after the server starts: the first visitors'
    pages go first (a cold cohort dashboard took 1.1 s beside it at normal priority, 0.7 s so)."""
    try:
        thread = threading.get_native_id()  # on Linux a priority is per thread
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + 10))
    except (AttributeError, OSError):  # elsewhere: at normal priority
        pass


def _load_embedding_model() -> None:
    from engine.embedder import load_model

    lower_this_threads_priority()
    try:
        load_model()
    except Exception as exc:  # noqa: BLE001 - memory is optional: the log says why it is off
        logging.getLogger(__name__).error("the embedding model did not load: %s", exc)
    set_aside_what_is_loaded()


def set_aside_what_is_loaded() -> None:
    """Collect once, then keep every object alive so far out of later collections. Streamlit collects
    all garbage after each script run (``runner.postScriptGC``); the model's libraries (torch,
    transformers) leave some 560,000 objects for it to walk each time: 0.3 s after every run, a click
    and every rerun while typing, during which the server did nothing else. Frozen, it takes 1 ms.
    What is frozen is not freed: modules and the model, kept for the server's life anyway, given back
    at exit, where the interpreter's last collection frees them (DuckDB's bindings report a leak otherwise)."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)


_chat_model_problem: list[str] = []  # why the configured language model could not be built, for the System page


def chat_model(settings: Settings) -> object | None:
    """The tutor's language model from the settings; None (the offline tutor) when none is set or
    the configuration cannot work, which the log and ``chat_model_problem`` say."""
    from engine.llm import build_chat_model

    _chat_model_problem.clear()
    try:
        return build_chat_model(settings)
    except (ValueError, ImportError) as exc:
        logging.getLogger(__name__).error("the tutor answers offline: %s", exc)
        _chat_model_problem.append(str(exc))
        return None


def chat_model_problem() -> str | None:
    """Why a language model was configured and is not used (the settings cannot work), or None."""
    return _chat_model_problem[0] if _chat_model_problem else None


def session_login() -> tuple[User | None, bool]:
    """This session's user (None when nobody logged in here, or their account is gone since), and whether
    the login still stands: the account is there, and no logout or new password, on another tab or device,
    has ended every session of the user since the login."""
    user_id = st.session_state.get("user_id")
    user = workbench().user(int(user_id)) if user_id is not None else None
    since = st.session_state.get(SINCE_KEY)
    stands = user is not None and (not isinstance(since, datetime) or workbench().accounts.session_valid(user.username, since))
    return user, stands


def login_stands() -> bool:
    return session_login()[1]


def acting(callback: Callable[Params, Returned]) -> Callable[Params, Returned | None]:
    """For a widget's callback: it does nothing once the login no longer stands. Streamlit runs callbacks
    before the script, so before app.py finds the session ended: a tab left open after a logout elsewhere
    deleted memories and made invitations with its next click. The run that follows shows the login, and why."""

    @functools.wraps(callback)
    def if_logged_in(*args: Params.args, **kwargs: Params.kwargs) -> Returned | None:
        return callback(*args, **kwargs) if login_stands() else None

    return if_logged_in


def current_user() -> User | None:
    user_id = st.session_state.get("user_id")
    if user_id is None:
        return None
    return workbench().user(int(user_id))


def require_user() -> User:
    """The logged-in user; stops the page if there is none (the router normally prevents that)."""
    through_router()  # pages call it first too; this is for any other caller
    user = current_user()
    if user is None:
        st.warning("Please log in.")
        st.stop()
    return user


def require_role(role: str) -> User:
    user = require_user()
    if user.role != role:
        st.error("This page is for educators.")
        st.stop()
    return user
