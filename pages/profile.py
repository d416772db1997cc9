"""Profile: the interview's answers, to change at any time, the level, to read and steer, and the
time zone where the learner's days begin."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine.chart_words import timed
from engine.level import (
    DOWN_AFTER,
    LOGITS_PER_LEVEL,
    MAX_LEVEL,
    MIN_LEVEL,
    SLOW_FACTOR,
    STRUGGLE_HINTS,
    UP_AFTER,
    LevelChange,
    comfortable_level,
)
from ui import aria, cohort_membership, profile_answers, time_zone
from ui.open_exercise import following_todays_set
from ui.session import acting, require_user, workbench

RULE = (f"It goes up after {UP_AFTER} successes in a row on exercises at your level or above, and down after "
        f"{DOWN_AFTER} struggles in a row at your level or below (a struggle is a fail, {STRUGGLE_HINTS} or more "
        f"hints, or more than {SLOW_FACTOR:g} times the expected time). Each exercise counts once a day, by its first try.")

wb = workbench()
user = require_user()


STEERED = {"easier": "Level {level}: easier exercises from now on.", "harder": "Level {level}: harder exercises from now on.",
           "pin": "Pinned at level {level}.", "auto": "Back to automatic: level {level}."}
HISTORY_SHOWN = 10  # the latest changes listed; the earlier ones in an expander below them
LEVEL_KEY = "level_now"  # the container of "Your level", where the focus goes when the button clicked is disabled


@acting
def steer(action: str) -> None:
    """A callback, so the page draws the level as it is after the click. The focus stays on the button
    clicked: the line above the buttons comes and goes with the steering, and the buttons drawn anew lost it.
    A button now disabled (the scale's end, back to automatic) hands it to the level, which is read out."""
    with following_todays_set(wb, user.id) as set_change:
        change = wb.steer_level(user.id, action, st.session_state["pin_level"] if action == "pin" else None)
    if change is not None:
        st.session_state["pin_level"] = change.new_level  # the number to pin follows the level
        # said: the level's line changes above the buttons, but today's set on Practice changed unseen
        st.toast(STEERED[action].format(level=change.new_level) + set_change.words(), icon=":material/tune:")
    level = wb.level(user.id)
    enabled = {"easier": level.can_steer("easier"), "harder": level.can_steer("harder"), "pin": True,
               "auto": level.pinned or bool(level.offset_levels)}[action]
    aria.focus_after_run(f"{aria.keyed(f'level:{action}')} button" if enabled else aria.keyed(LEVEL_KEY))


def change_line(change: LevelChange) -> str:
    """One change of the level as a line of the list, newest first: when (in the learner's time), from
    and to, and why."""
    return f"- **{timed(change.changed_at, user.time_zone)}** · level {change.old_level} → {change.new_level} · {change.reason}"


st.title("Profile")
profile_answers.section(wb, user)

st.header("Level", divider="gray")
level = wb.level(user.id)
with st.container(key=LEVEL_KEY):
    st.metric("Your level", f"{level.value} of {MAX_LEVEL}",
              help="A summary of your results, from 1 (first steps) to 10 (hardest in the bank). Your exercises "
                   "are chosen for about a 3-in-4 chance of success in each skill (see below); Easier, Harder "
                   "and Pin move them.")
if level.pinned:
    st.write(f"**Pinned** at level {level.value}: it stays there until you go back to automatic. "
             "Easier and Harder move the pin.")
else:
    st.write(f"**Automatic.** {RULE}")
if level.offset_levels:
    harder = level.offset_levels > 0
    st.write(f"You asked for exercises {abs(level.offset_levels)} level{'s' if abs(level.offset_levels) > 1 else ''} "
             f"{'harder' if harder else 'easier'} than your results suggest.")

with st.container(horizontal=True, vertical_alignment="bottom"):
    st.button("Easier", key="level:easier", icon=":material/remove:", on_click=steer, args=("easier",),
              disabled=not level.can_steer("easier"),
              help="The pin one level down, and new exercises with it." if level.pinned else
              "One level down, and easier exercises from now on (at most 3 levels from what your results suggest).")
    st.button("Harder", key="level:harder", icon=":material/add:", on_click=steer, args=("harder",),
              disabled=not level.can_steer("harder"),
              help="The pin one level up, and new exercises with it." if level.pinned else
              "One level up, and harder exercises from now on (at most 3 levels from what your results suggest).")
    st.session_state.setdefault("pin_level", level.value)
    # a choice of the scale's levels: a typed number could lie outside it, shown but never used
    st.selectbox("Level to pin", range(MIN_LEVEL, MAX_LEVEL + 1), key="pin_level", width=140,
                 help="Keep your level here: new exercises stay within one level of it.")
    st.button("Pin", key="level:pin", icon=":material/push_pin:", on_click=steer, args=("pin",),
              help="Keep the level chosen on the left.")
    st.button("Back to automatic", key="level:auto", icon=":material/autorenew:", on_click=steer, args=("auto",),
              disabled=not level.pinned and not level.offset_levels,
              help="Back to the level your results suggest, and let them move it again.")

st.caption("A change here chooses again the exercises of today's set you have not begun yet; those you "
           "began (wrote code or saw a hint), tried or skipped stay.")

st.subheader("How your level changed")
# a list, not a table: a table's reasons were cut at a phone's width, and a screen reader reads a list
# line by line where a table's canvas is a grid to walk cell by cell
if level.history:
    st.markdown("\n".join(change_line(c) for c in level.history[:HISTORY_SHOWN]))
    if len(level.history) > HISTORY_SHOWN:
        with st.expander(f"Earlier changes ({len(level.history) - HISTORY_SHOWN})", icon=":material/history:",
                         key="earlier_changes"):
            st.markdown("\n".join(change_line(c) for c in level.history[HISTORY_SHOWN:]))
else:
    st.caption("No changes yet: your level moves with your results, or when you steer it above.")

with st.expander("What the model thinks of each skill", icon=":material/insights:", key="skill_estimates"):
    st.caption("Level: the level whose exercises you would pass about 3 times in 4 in that skill. "
               "± is how far off the model may be, in levels: it shrinks as your results come in.")
    st.dataframe([{"Skill": wb.skill_name(e.skill), "Level": comfortable_level(e.ability),
                   "±": e.sd / LOGITS_PER_LEVEL, "Results": e.evidence}
                  for e in wb.skill_estimates(user.id).values()],
                 hide_index=True, width="stretch",
                 column_config={"±": st.column_config.NumberColumn(format="%.1f levels")})

time_zone.section(wb, user)
cohort_membership.section(wb, user)
aria.move_focus()
