"""Reset on the Practice page: start again from the starter code, after asking first, as the learner's
code is replaced for good (their draft is saved over)."""

from __future__ import annotations

import streamlit as st

from engine import Exercise, User, Workbench
from ui import aria, results
from ui.session import acting

ASKED = "reset_asked"  # the exercise whose Reset was clicked, not yet answered
RESET = "reset"  # the Reset button's key, where the focus goes back once the question is answered


@acting
def ask(exercise_id: str) -> None:
    """A callback, Reset's: ask before anything is replaced."""
    st.session_state[ASKED] = exercise_id


def cancel() -> None:
    st.session_state.pop(ASKED, None)


@acting
def answered() -> None:
    """A callback, "Cancel": the question goes, and with it the button clicked; the focus goes back to Reset."""
    cancel()
    aria.focus_after_run(f"{aria.keyed(RESET)} button")


@acting
def start_again(wb: Workbench, user: User, exercise: Exercise) -> None:
    """A callback, the answer "Yes": the starter code in a fresh editor, saved as the draft; the results
    of the code replaced go too."""
    answered()
    st.session_state.setdefault("codes", {})[exercise.id] = exercise.starter
    versions = st.session_state.setdefault("editor_versions", {})
    versions[exercise.id] = versions.get(exercise.id, 0) + 1  # a new editor: the old one's text is not sent back
    _forget_results(wb, user, exercise)


def _forget_results(wb: Workbench, user: User, exercise: Exercise) -> None:
    results.forget(exercise.id)
    wb.save_draft(user.id, exercise.id, exercise.starter)  # last: see pages/practice.py skip


def confirm(wb: Workbench, user: User, exercise: Exercise, code: str) -> None:
    """Once Reset is clicked: the question, with "Yes, start again" and "Cancel". Code that is the starter
    already has nothing to lose: its results go, without a question."""
    if st.session_state.get(ASKED) != exercise.id:
        return
    if code == exercise.starter:
        # the editor keeps its place: it shows the starter already, and a new one, drawn a run later, lost the
        # keys typed meanwhile
        answered()
        _forget_results(wb, user, exercise)
        return
    st.warning("Start again from the starter code? The code you wrote for this exercise will be replaced, "
               "and cannot be brought back.", icon=":material/restart_alt:")
    with st.container(horizontal=True):
        st.button("Yes, start again", key=f"reset-confirm:{exercise.id}", type="primary",
                  on_click=start_again, args=(wb, user, exercise))
        st.button("Cancel", key=f"reset-cancel:{exercise.id}", on_click=answered)
