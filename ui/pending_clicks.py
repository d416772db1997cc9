"""Clicks on Run tests and Submit, kept apart from st.session_state until the page carries them out.

Streamlit stops a run at its next use of st.session_state once another message from the browser has
arrived, callbacks included, and a click the stopped run was handling is gone: the next run does not
see it. A slow callback before the click's own (the plain editor's draft being written, just after
Ctrl+Enter) left that window open in one try of two. So a click is written here, where nothing can
stop it halfway: a dict of this module's, by browser session, read and cleared by the page's body.
"""

from __future__ import annotations

import threading

from streamlit.runtime.scriptrunner import get_script_run_ctx

_lock = threading.Lock()
_pending: dict[str, tuple[str, str]] = {}  # browser session -> (what was clicked, on which exercise)


def _session() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def put(kind: str, exercise_id: str) -> None:
    """Keep a click ("run" or "submit") on ``exercise_id`` until ``clear``: the latest one counts."""
    with _lock:
        _pending[_session()] = (kind, exercise_id)


def pending() -> tuple[str, str] | None:
    with _lock:
        return _pending.get(_session())


def clear() -> None:
    with _lock:
        _pending.pop(_session(), None)
