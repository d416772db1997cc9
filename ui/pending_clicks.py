"""Clicks on Run tests and Submit, kept apart from st.session_state until the page carries them out.

Streamlit stops a run at its next use of st.session_state once another message from the browser has
arrived, callbacks included, and a click the stopped run was handling is gone: the next run does not
see it. A slow callback before the click's own (the plain editor's draft being written, just after
Ctrl+Enter) left that window open in one try of two. So a click is written here, where nothing can
stop it halfway: a dict of this module's, by browser session, read and cleared by the page's body.

The code editor sends its text 250 ms after the last key, and at once as it loses focus, which a click
on a button beside it makes it do just before the click. A click's run waits for the text only when it
has not come that way (``settle``), and a run that stops after grading leaves its result to the next
run of the same click, which shows it rather than grading the same code again (``done``); after a
submission, rather than submitting again, whenever the learner comes back to the page.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from engine import GradeResult

# The code editor sends its text 250 ms after the last key: a click's run that has not had it as the editor
# lost focus waits that long, and a little more for the two messages' paths to differ, before it grades
SETTLE_S = 0.35


@dataclass
class _Click:
    kind: str  # "run" | "submit"
    exercise_id: str
    at: float  # time.monotonic() of the click
    settle: bool  # whether the code editor may still be sending the text typed just before it
    result: tuple[str, GradeResult] | None = None  # (code, result) once a run of this click has graded or recorded it


@dataclass(frozen=True)
class _Blur:
    event_id: str
    seen_at: float  # time.monotonic() when a run of the page first read it
    text: str


_lock = threading.Lock()
_pending: dict[str, _Click] = {}  # browser session -> the click not carried out yet (the latest counts)
# the code editor's latest text sent as it lost focus: in the session's state, which ends with it (the page's
# body writes it, where a stop loses nothing: the next run reads the same value again)
BLUR = "pending_clicks_blur"


def _session() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def put(kind: str, exercise_id: str, settle: bool = False) -> None:
    """Keep a click ("run" or "submit") on ``exercise_id`` until ``clear``: the latest one counts.
    ``settle``: the code editor may still be sending the text typed just before the click."""
    with _lock:
        _pending[_session()] = _Click(kind, exercise_id, time.monotonic(), settle)


def pending() -> tuple[str, str] | None:
    with _lock:
        click = _pending.get(_session())
    return (click.kind, click.exercise_id) if click else None


def editor_sent(event: dict) -> None:
    """Note what the code editor last sent (its component value: id, type, text), as a run reads it."""
    if event.get("type") != "blur" or event.get("text") is None:
        return
    latest = st.session_state.get(BLUR)
    if latest is None or latest.event_id != event.get("id"):
        st.session_state[BLUR] = _Blur(str(event.get("id")), time.monotonic(), event["text"])


def settle(code: str) -> None:
    """Wait until the code editor's text, if the learner typed just before the click, has had time to
    arrive; ``code`` is what the page holds now. When the text arrives, Streamlit stops this run at its next
    call, and the run that brings the text carries the click out (it is still pending) with the code as
    typed; without the wait, a run that was over before the text came graded the code as it was a moment
    earlier. No wait when the editor lost focus at the click, with this code: it sent all it held then (the
    press of a click comes before its release). A focus lost long before proves nothing: keys may have
    followed, their text still on its way."""
    with _lock:
        click = _pending.get(_session())
    blur = st.session_state.get(BLUR)
    if not click or not click.settle:
        return
    if blur is not None and blur.seen_at >= click.at - SETTLE_S and blur.text == code:
        return
    time.sleep(max(0.0, click.at + SETTLE_S - time.monotonic()))


def done(code: str | None = None) -> GradeResult | None:
    """The result a run of the pending click had already (and then stopped, the learner having clicked again or
    gone to another page meanwhile). A run of the tests: only for the same ``code``, other code is tested afresh.
    A submission (``code`` None): whatever the code is now, since it was recorded once and the code typed since
    is not submitted again."""
    with _lock:
        click = _pending.get(_session())
    if click is None or click.result is None:
        return None
    return click.result[1] if code is None or click.result[0] == code else None


def keep(exercise_id: str, code: str, result: GradeResult) -> None:
    """Note the pending click's result for ``code``, before anything that may stop the run. Only a click on
    ``exercise_id``: a click on another exercise made while this one was graded is not this result's."""
    with _lock:
        click = _pending.get(_session())
        if click is not None and click.exercise_id == exercise_id:
            click.result = (code, result)


def clear(exercise_id: str) -> None:
    """Forget the pending click, if it is on ``exercise_id``: a later click, on another exercise, stays."""
    with _lock:
        click = _pending.get(_session())
        if click is not None and click.exercise_id == exercise_id:
            del _pending[_session()]
