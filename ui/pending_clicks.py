"""Clicks on Run tests and Submit, kept apart from st.session_state until the page carries them out.

Streamlit stops a run at its next use of st.session_state once another message from the browser has
arrived, callbacks included, and a click the stopped run was handling is gone: the next run does not
see it. A slow callback before the click's own (the plain editor's draft being written, just after
Ctrl+Enter) left that window open in one try of two. So a click is written here, where nothing can
stop it halfway: a dict of this module's, by browser session, read and cleared by the page's body.
"""

from __future__ import annotations

import threading
import time

from streamlit.runtime.scriptrunner import get_script_run_ctx

# The code editor sends its text 250 ms after the last key: a click's run waits that long, and a little
# more for the two messages' paths to differ, before it grades (see ``settle``)
SETTLE_S = 0.35

_lock = threading.Lock()
# browser session -> (what was clicked, on which exercise, when: time.monotonic(), or 0 if nothing is on its way)
_pending: dict[str, tuple[str, str, float]] = {}


def _session() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def put(kind: str, exercise_id: str, settle: bool = False) -> None:
    """Keep a click ("run" or "submit") on ``exercise_id`` until ``clear``: the latest one counts.
    ``settle``: the code editor may still be sending the text typed just before the click."""
    with _lock:
        _pending[_session()] = (kind, exercise_id, time.monotonic() if settle else 0.0)


def pending() -> tuple[str, str] | None:
    with _lock:
        click = _pending.get(_session())
    return click[:2] if click else None


def settle() -> None:
    """Wait until the code editor's text, if the learner typed just before the click, has had time to
    arrive. When it arrives, Streamlit stops this run at its next call, and the run that brings the text
    carries the click out (it is still pending) with the code as typed; without the wait, a run that was
    over before the text came graded the code as it was a moment earlier."""
    with _lock:
        click = _pending.get(_session())
    if click and click[2]:
        time.sleep(max(0.0, click[2] + SETTLE_S - time.monotonic()))


def clear() -> None:
    with _lock:
        _pending.pop(_session(), None)
