"""Joining a cohort with a code from an educator, and leaving one: the Profile page's cohort
section, and the join form alone, which the onboarding page offers too."""

from __future__ import annotations

import streamlit as st

from engine import User, Workbench
from engine.cohorts import CohortError
from ui import aria
from ui.markdown import literal

MESSAGE = "cohort_message"  # what came of the last join or leave, shown once after the rerun
CODE, JOINED = "join_code", "join_code_done"
SAID = "cohort_said"  # the container of that message


def section(wb: Workbench, user: User) -> None:
    """Learners only: educators create cohorts on the Cohorts page."""
    if user.role != "learner":
        return
    st.header("Cohorts", divider="gray")
    st.caption("Joining a cohort lets its educator see your progress, your practice before you joined included "
               "(your code is never shown to them). Leave at any time.")
    for cohort, educator in wb.memberships(user.id):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.write(f"**{literal(cohort.name)}**, with {literal(educator)}")  # names as typed, not markdown
            if st.button("Leave", key=f"leave:{cohort.id}", icon=":material/logout:",
                         help="Your educator will no longer see your progress."):
                wb.leave_cohort(user.id, cohort.id)
                st.session_state[MESSAGE] = f"You left {literal(cohort.name)}."
                aria.focus_after_run(aria.keyed(SAID))  # the row and its button go: the focus to what came of it
                st.rerun()
    join_form(wb, user)


def join_form(wb: Workbench, user: User) -> None:
    """The join-code form, then what came of the last join or leave. Use it wherever a learner may
    join: a join reruns the page, and widgets outside the form keep what was entered in them."""
    if st.session_state.pop(JOINED, False):  # emptied after a join only: a mistyped code stays, to be corrected
        st.session_state[CODE] = ""
    with st.form("join_cohort"):
        code = st.text_input("Join code", placeholder="ABCD-EFGH", key=CODE,  # no max_chars: a paste must not vanish
                             help="The code your educator gave you; capitals and dashes do not matter.")
        if st.form_submit_button("Join", icon=":material/group_add:"):
            try:
                cohort = wb.join_cohort(user.id, code)
            except CohortError as exc:
                st.error(literal(str(exc)), icon=":material/error:")  # it may quote the cohort's name
            else:
                st.session_state[MESSAGE] = f"You joined {literal(cohort.name)}."
                st.session_state[JOINED] = True
                st.rerun()
    message = st.session_state.pop(MESSAGE, None)
    if message:
        with st.container(key=SAID):
            st.success(message, icon=":material/check:")
