"""A celebration when a learner unlocks an achievement: balloons and a toast, once per achievement.

``app.py`` calls ``celebrate`` on every run for a logged-in learner, and the Practice page again
right after a submission, so what the submission earned shows with its result. It costs one
indexed query when nothing happened: the engine judges achievements again only after new activity.
"""

from __future__ import annotations

import streamlit as st

from engine import User, Workbench


def celebrate(wb: Workbench, user: User) -> None:
    """Show what the learner has newly unlocked, then mark it celebrated."""
    new = wb.celebrations(user.id)
    if not new:
        return
    for status in new:
        st.toast(f"Achievement unlocked: **{status.achievement.title}**. {status.achievement.description}",
                 icon=f":material/{status.achievement.icon}:")
    st.balloons()
    wb.mark_celebrated(user.id, [s.id for s in new])
