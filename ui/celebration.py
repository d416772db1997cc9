"""A celebration when a learner unlocks an achievement: balloons and a toast, once per achievement.

``app.py`` calls ``celebrate`` at the end of every run for a logged-in learner, after the page, so
what a submission earned shows with its result. It costs one indexed query when nothing happened:
the engine judges achievements again only after new activity.
"""

from __future__ import annotations

import streamlit as st

from engine import User, Workbench

TOASTS = 2  # at most this many achievements get a toast each


def celebrate(wb: Workbench, user: User) -> None:
    """Show what the learner has newly unlocked, then mark it celebrated."""
    new = wb.celebrations(user.id)
    if not new:
        return
    if len(new) <= TOASTS:
        for status in new:
            st.toast(f"Achievement unlocked: **{status.achievement.title}**. {status.achievement.description}",
                     icon=f":material/{status.achievement.icon}:")
    else:  # a stack of toasts would cover the page (a first login after a while): one that names them all
        titles = ", ".join(f"**{s.achievement.title}**" for s in new)
        st.toast(f"{len(new)} achievements unlocked: {titles}. See them all on Progress.", icon=":material/emoji_events:")
    # celebrated once the toasts are out, before the balloons: a run stopped there (a click on another page)
    # showed the toasts again on the next page, minutes later; a run stopped at a toast has shown nothing yet
    wb.mark_celebrated(user.id, [s.id for s in new])
    st.balloons()
