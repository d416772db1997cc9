"""The user's time zone, where their days begin (today's set, streaks, the calendar): learnt from
the browser at login while unknown, shown and changed on the Profile."""

from __future__ import annotations

import streamlit as st

from engine import Workbench
from engine.accounts import User
from engine.chart_words import dated
from engine.clock import DEFAULT_TIME_ZONE, in_zone, time_zones, valid_time_zone
from ui import aria
from ui.session import acting

ZONE_KEY = "profile:time_zone"


def browser_time_zone() -> str | None:
    """The browser's time zone, when it has told it and this machine knows it."""
    try:
        return valid_time_zone(st.context.timezone)
    except ValueError:
        return None


def learn(wb: Workbench, user: User) -> User:
    """At login: a user whose time zone is not known yet takes the browser's. A zone once known (or
    chosen on the Profile) stays: a laptop abroad for a week does not move the learner's days."""
    zone = browser_time_zone() if user.time_zone is None else None
    return wb.set_time_zone(user.id, zone) if zone else user


@acting
def _save(wb: Workbench, user_id: int, zone: str | None = None) -> None:
    """A callback: keep the zone chosen (or ``zone``, the browser's), and say so. The browser's zone's button
    goes once it is the zone kept: the focus goes to the zone, which now shows it (it fell to the top)."""
    if zone is not None:
        aria.focus_after_run(f"{aria.keyed(ZONE_KEY)} input")
    zone = zone or st.session_state[ZONE_KEY]
    st.session_state[ZONE_KEY] = wb.set_time_zone(user_id, zone).time_zone
    st.toast(f"Time zone saved: {zone}. Your days now begin at midnight there.", icon=":material/schedule:")


def section(wb: Workbench, user: User) -> None:
    """The Profile's "Time zone": the zone kept, its time now, and the browser's when it differs."""
    st.header("Time zone", divider="gray")
    saved = user.time_zone
    st.session_state.setdefault(ZONE_KEY, saved or DEFAULT_TIME_ZONE)
    # a select (it filters as one types), so that only a zone this machine knows can be chosen
    st.selectbox("Your time zone", time_zones(), key=ZONE_KEY, on_change=_save, args=(wb, user.id), width=320,
                 help="Your days begin at midnight here: today's set, what counts as tried today, your streaks "
                      "and the calendar. Your History, Tutor, Memory and level changes give times in it too.")
    now = in_zone(wb.clock(), st.session_state[ZONE_KEY])
    known = "" if saved else " Not known yet: your days begin at midnight UTC until you choose."
    st.caption(f"It is {now:%H:%M} on {now:%A} {dated(now)} there.{known}")
    browser = browser_time_zone()
    if browser and browser != st.session_state[ZONE_KEY]:
        st.button(f"Use this browser's time zone, {browser}", key="profile:browser_zone", icon=":material/my_location:",
                  on_click=_save, args=(wb, user.id, browser))
