"""The Cohorts page's "Manage" popover: rename the selected cohort, take a learner out of it, or delete
it; the last two after asking first.

Both act in button callbacks, which run before the page does: the page then draws the cohorts as
they now are (the new name in the selector, or another cohort selected), and the popover, whose
widgets were used, stays open for an error to be read in it; after a deletion, the next cohort's
popover starts closed.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from engine import User, Workbench
from engine.charts import count
from engine.cohorts import MAX_NAME, AccessDenied, Cohort, CohortError
from ui.markdown import literal
from ui.session import acting

CONFIRM = "cohort_delete_confirm"  # the id of the cohort whose deletion awaits a yes
REMOVING = "cohort_remove_confirm"  # (cohort id, learner id) whose removal awaits a yes
ERROR = "cohort_rename_error"  # (cohort id, why a new name was refused)
MESSAGE = "cohort_managed"  # what the last rename or deletion did, said once on the next run


def name_key(cohort: Cohort) -> str:
    """The rename box's key: a new box for each name, drawn with that name in it. Prefilled through the session
    state instead, the box showed empty in a browser after any click outside its form (New code, say)."""
    return f"rename_cohort:{cohort.id}:{zlib.crc32(cohort.name.encode())}"


def announce(where: DeltaGenerator) -> None:
    """Say what the last rename or deletion did, in ``where``: outside the popover, which may be closed by
    now, and in a container that is there on every run (see ``manage``)."""
    message = st.session_state.pop(MESSAGE, None)
    if message:
        where.success(message, icon=":material/check:")


def manage(wb: Workbench, user: User, cohort: Cohort, forget: Callable[[], None]) -> None:
    """A "Manage" popover for ``cohort``: a form to rename it, a learner to take out of it and a button to
    delete it, both asking for confirmation first. ``forget``: drops what the page cached about cohorts (after a
    deletion)."""
    # one popover per cohort: after a deletion, the next cohort's is another element, and starts closed (the
    # same one stayed open, "Delete cohort…" a click away for a cohort the educator had not chosen)
    with st.popover("Manage", icon=":material/settings:", help="Rename this cohort, remove a learner from it, or delete it.",
                    key=f"manage_cohort:{cohort.id}"):
        _rename_form(wb, user, cohort)
        if cohort.members:
            st.divider()
            _remove_learner(wb, user, cohort)
        st.divider()
        _delete(wb, user, cohort, forget)


def _rename_form(wb: Workbench, user: User, cohort: Cohort) -> None:
    key = name_key(cohort)

    @acting
    def rename() -> None:
        try:
            renamed = wb.rename_cohort(user.id, cohort.id, st.session_state[key])
        except (CohortError, AccessDenied) as exc:  # a bad name; or the cohort went, in another tab
            st.session_state[ERROR] = (cohort.id, str(exc))
            return
        if renamed.name != cohort.name:
            st.session_state[MESSAGE] = f"Renamed **{literal(cohort.name)}** to **{literal(renamed.name)}**."

    with st.form("rename_cohort", border=False):
        # no max_chars: Streamlit's box ignores a longer paste, silently; the engine says what is wrong
        st.text_input("Name", value=cohort.name, key=key, help=f"Up to {MAX_NAME} characters. Learners see the new name on their "
                                            "Profile page; the join code stays the same.")
        st.form_submit_button("Save", icon=":material/edit:", on_click=rename)
        refused = st.session_state.pop(ERROR, None)
        if refused and refused[0] == cohort.id:
            st.error(literal(refused[1]), icon=":material/error:")  # it may quote the name typed


def _delete(wb: Workbench, user: User, cohort: Cohort, forget: Callable[[], None]) -> None:
    # one click ends every member's place in the cohort: ask first, as "Remove demo data…" does
    if st.session_state.get(CONFIRM) != cohort.id:
        st.button("Delete cohort…", key="delete_cohort", icon=":material/delete:",
                  on_click=lambda: st.session_state.update({CONFIRM: cohort.id}))
        return
    learners = count(cohort.members, "learner")
    leave = "leaves" if cohort.members == 1 else "leave"
    leaving = (f"Its {learners} {leave} the cohort, and you no longer see their progress unless they are in "
               "another of your cohorts; their own work stays. " if cohort.members else "")
    st.warning(f"Delete **{literal(cohort.name)}**? {leaving}Its join code stops working. This cannot be undone.",
               icon=":material/warning:")

    @acting
    def delete() -> None:
        st.session_state.pop(CONFIRM, None)
        forget()  # the page picks another cohort: this one's id is no longer among them (before the slow write)
        wb.delete_cohort(user.id, cohort.id)
        st.session_state[MESSAGE] = (f"Deleted **{literal(cohort.name)}**."
                                     + (f" Its {learners} left the cohort; their own work stays." if cohort.members
                                        else ""))

    yes, no = st.columns(2)
    yes.button("Yes, delete", key="delete_cohort_confirm", type="primary", icon=":material/delete_forever:",
               on_click=delete)
    no.button("Cancel", key="delete_cohort_cancel", on_click=lambda: st.session_state.pop(CONFIRM, None))


def member_labels(wb: Workbench, user: User, cohort: Cohort) -> dict[int, str]:
    """The cohort's learners by id, each as "Name (username)": two learners may share a name."""
    return {m.user.id: f"{m.user.name} ({m.user.username})" for m in wb.cohort_members(user.id, cohort.id)}


def _remove_learner(wb: Workbench, user: User, cohort: Cohort) -> None:
    # a stranger who joined with a leaked code stays in after a new code: only this takes them out
    members = member_labels(wb, user, cohort)
    asked = st.session_state.get(REMOVING)
    if asked is None or asked[0] != cohort.id or asked[1] not in members:
        picked = st.selectbox("Remove a learner", list(members), index=None, format_func=members.__getitem__,
                              key=f"remove_learner:{cohort.id}", placeholder="Choose a learner",
                              help="For someone who should not be in this cohort, such as a stranger who joined "
                                   "with a code that was passed on.")
        st.button("Remove…", key="remove_learner", icon=":material/person_remove:", disabled=picked is None,
                  on_click=lambda: st.session_state.update({REMOVING: (cohort.id, picked)}))
        return
    learner = members[asked[1]]
    st.warning(f"Remove **{literal(learner)}** from **{literal(cohort.name)}**? They leave the cohort, and you no "
               "longer see their progress unless they are in another of your cohorts; their own work stays theirs. "
               "They can join again only with the cohort's current code: make a new one if they have it.",
               icon=":material/warning:")

    @acting
    def remove() -> None:
        st.session_state.pop(REMOVING, None)
        st.session_state.pop(f"remove_learner:{cohort.id}", None)
        try:
            wb.remove_from_cohort(user.id, cohort.id, asked[1])
        except (CohortError, AccessDenied) as exc:  # they left, or the cohort went, in the meantime
            st.toast(literal(str(exc)), icon=":material/info:")
            return
        st.toast(f"Removed {literal(learner)} from {literal(cohort.name)}; their own work stays theirs.",
                 icon=":material/person_remove:")

    yes, no = st.columns(2)
    yes.button("Yes, remove", key="remove_learner_confirm", type="primary", icon=":material/person_remove:",
               on_click=remove)
    no.button("Cancel", key="remove_learner_cancel", on_click=lambda: st.session_state.pop(REMOVING, None))
