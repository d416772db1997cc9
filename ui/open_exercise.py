"""Which exercise the Practice page has open, kept for the whole visit.

The page's exercise selectbox holds it while the page is shown. But Streamlit forgets a widget's
value when a page without that widget runs: a visit to History and back opened the next exercise
to do instead, and the Tutor page could not tell which one was open. So the choice is kept under a
key of its own as well, which no page clears.
"""

from __future__ import annotations

import streamlit as st

SELECTBOX_KEY = "exercise_id"  # the Practice page's exercise selectbox
KEPT_KEY = "open_exercise"


def open_exercise(exercise_id: str) -> None:
    """Open ``exercise_id`` on the Practice page: call it before the selectbox is drawn (or from a callback)."""
    st.session_state[SELECTBOX_KEY] = exercise_id
    st.session_state[KEPT_KEY] = exercise_id


def kept() -> str | None:
    """The exercise open on the Practice page last, in this visit; None before the page was first shown."""
    return st.session_state.get(KEPT_KEY)


def remember(exercise_id: str) -> None:
    """Remember the exercise the selectbox shows: call it after the selectbox is drawn."""
    st.session_state[KEPT_KEY] = exercise_id
