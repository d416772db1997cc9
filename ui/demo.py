"""Demo data in the app: offered on the welcome page of an empty install, removed from System."""

from __future__ import annotations

import streamlit as st

from engine import User, Workbench
from engine.charts import count
from engine.demo import EDUCATOR, PASSWORD, DemoError
from ui.administrator import someone_else


def offer_demo(wb: Workbench) -> None:
    """On an install without accounts: load demo data, with progress, then say how to log in.
    Once demo data is there, the welcome page keeps saying how to log in to it."""
    removed = st.session_state.pop("demo_removed", None)
    if removed is not None:  # by the demo educator, who was logged out with it
        st.success(f"Removed {removed} demo users and all their data.", icon=":material/check_circle:")
    loaded = st.session_state.get("demo_loaded")
    if loaded:
        st.success(f"Demo data is ready. Log in as **{loaded}** to see a learner's pages, or as **{EDUCATOR}** "
                   f"for the educator's; every demo account has the password **{PASSWORD}**.",
                   icon=":material/check_circle:")
        return
    if wb.user_count() > 0:
        if wb.demo_loaded():
            st.caption(f"Demo accounts are loaded: demo-learner-01, demo-learner-02 … and {EDUCATOR}, "
                       f"password {PASSWORD}.")
        return
    with st.container(border=True):
        st.markdown(f"**New here?** Load demo data to look around a populated workbench: "
                    f"{wb.settings.demo_learners} demo learners with {wb.settings.demo_days} days of practice, "
                    "and a demo educator with their cohort. Demo accounts are marked as such, and the first educator "
                    "who registers here can remove them all from the System page.")
        if st.button("Load demo data", icon=":material/dataset:", key="load_demo"):
            bar = st.progress(0.0, text="Making demo data…")

            def show(done: int, total: int) -> None:
                bar.progress(done / max(total, 1), text=f"Making demo data… {done} of {total} steps")

            try:
                demo = wb.load_demo(learners=wb.settings.demo_learners, days=wb.settings.demo_days, progress=show)
            except DemoError as exc:
                bar.empty()
                st.error(str(exc))
                return
            st.session_state["demo_loaded"] = demo.sample_learner.username
            st.rerun()


def demo_admin(wb: Workbench, user: User) -> None:
    """The System page's demo section: shown while demo data is loaded, with a button to remove it that
    asks for confirmation first."""
    removed = st.session_state.pop("demo_removed", None)
    if removed is not None:
        st.success(f"Removed {removed} demo users and all their data.", icon=":material/check_circle:")
    if not wb.demo_loaded():
        return
    st.subheader("Demo data")
    st.write("Demo accounts (demo-learner-01 … and demo-educator) and their activity are loaded. Remove them "
             "before real learners start, so cohort figures show only real people.")
    who = someone_else(wb, user)
    if who is not None:  # other educators (invited, or made from the command line) get no install-wide powers
        st.caption(f"Only {who}, this install's first educator (demo accounts aside), can remove demo data, from this page; "
                   "or whoever runs the server, with `python -m engine demo --remove` while the app is stopped.")
        return
    if user.is_demo:
        st.warning("You are logged in as a demo account: removing demo data also logs you out. Once an educator "
                   "of your own registers, only they can remove it.", icon=":material/logout:")
    # one click deletes accounts and their work for good: ask first, as Memory's "Delete everything…" does
    if not st.session_state.get("demo_confirm"):
        if st.button("Remove demo data…", icon=":material/delete:", key="remove_demo"):
            st.session_state["demo_confirm"] = True
            st.rerun()
        return
    users = count(wb.demo_users(), "demo user")
    st.warning(f"Remove {users} and all their data (attempts, conversations, memories, the demo cohort)? "
               "This cannot be undone.", icon=":material/warning:")
    yes, no = st.columns(2)
    confirmed = yes.button(f"Yes, remove {users}", key="remove_demo_confirm", type="primary",
                           icon=":material/delete_forever:")
    no.button("Cancel", key="remove_demo_cancel", on_click=lambda: st.session_state.pop("demo_confirm", None))
    if confirmed:
        st.session_state.pop("demo_confirm", None)
        deleted = wb.remove_demo_data(actor_id=user.id)
        st.session_state["demo_removed"] = deleted.get("users", 0)
        if user.is_demo:  # that account is gone (its login cookie with it): back to the welcome page, which says so
            for key in list(st.session_state.keys()):
                del st.session_state[key]
            st.session_state["logged_out"] = True
            st.session_state["demo_removed"] = deleted.get("users", 0)
        st.rerun()
