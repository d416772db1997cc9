"""Getting started: the five-step interview a new learner answers before practising.

Each Next saves its step, so a learner who leaves comes back to the first unanswered step. Back
keeps what was entered on the step it leaves, saved or not. A learner given a join code can join
their educator's cohort at any step, as on the Profile page: the step's answers, saved or not, stay.
"""

import time

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine import ProfileError
from engine.profile import STEP_TITLES, STEPS
from ui import aria, cohort_membership, interview, profile_answers
from ui.markdown import literal
from ui.session import require_user, workbench

wb = workbench()
user = require_user()
profile = wb.profile(user.id)
state = st.session_state

if state.get("onboarding_step") not in STEPS[: profile.steps_done + 1]:
    state["onboarding_step"] = profile.next_step or STEPS[-1]  # resume where the learner left off
step = state["onboarding_step"]
number = STEPS.index(step) + 1
last = number == len(STEPS)
entered = state.setdefault("onboarding_entered", {})  # what Back left behind on each step
# a click on Back or Next, ("back" or "next", the step it was on), kept until a run acts on it: read from
# the button's return value, a click was lost when another message (a text box's value, sent as it lost
# the focus to the click) stopped the click's run before it reached the button, as on a busy machine
GOING = "onboarding_going"
# the step a Next went on to, and when (time.monotonic()): the second click of a double click on Next lands on
# the next step's Next, drawn in the same place, and asked the learner to answer a step they had not seen
ARRIVED = "onboarding_arrived"
DOUBLE_CLICK_S = 0.6

st.title("Getting started")
st.write(f"Welcome, {literal(user.name)}! A few questions so that your daily practice fits you. Each step is saved "
         "when you go on, so you can stop and come back later; you can change your answers on your Profile page.")

if user.role == "learner":  # educators never come here, and they create cohorts rather than join them
    joined = wb.memberships(user.id)
    with st.expander("Have a join code from your educator?", icon=":material/group_add:", expanded=bool(joined),
                     key="join_code_section"):
        for cohort, educator in joined:
            st.write(f"You are in **{literal(cohort.name)}**, with {literal(educator)}: they will see your practice.")
        if not joined:
            st.caption("Join their cohort now: your educator will see your practice. Your answers below stay as they are.")
        cohort_membership.join_form(wb, user)  # joining reruns the page: the step's widgets keep their values
st.progress(number / len(STEPS), text=f"Step {number} of {len(STEPS)} · {STEP_TITLES[step]}")

STEP_KEY = "interview_step"  # the step's box: its title takes the focus when the step changes
with st.container(border=True, key=STEP_KEY):
    st.subheader(STEP_TITLES[step])
    answers = interview.ask(step, {**profile.answers(), **entered.get(step, {})}, wb.skill_groups(), key="onboarding")

with st.container(horizontal=True):
    st.button("Back", icon=":material/arrow_back:", disabled=number == 1, on_click=state.__setitem__,
              args=(GOING, ("back", step)), help="The previous question; what you entered here is kept.")
    st.button("Finish" if last else "Next", type="primary", icon=":material/check:" if last else ":material/arrow_forward:",
              on_click=state.__setitem__, args=(GOING, ("next", step)),
              help="Save this step and start practising." if last else "Save this step and go on.")


def new_step() -> None:
    """Draw the step gone to, with the focus on its title: the next thing to do is to answer it (the button
    clicked may be gone too: Back on the first step, Next become Finish)."""
    aria.focus_after_run(f"{aria.keyed(STEP_KEY)} h3")
    st.rerun()


# a reload or leaving the app asks first while answers wait to be saved (Next saves them), as on the Profile:
# they live in this browser session only
profile_answers.ask_before_leaving(bool(entered) or profile_answers.changed(answers, interview.untouched(profile.answers())))

going = state.pop(GOING, None)
shown = interview.untouched({**profile.answers(), **entered.get(step, {})})  # what the step was drawn with
arrived = state.get(ARRIVED)
if going == ("next", step) and arrived is not None and arrived[0] == step and \
        time.monotonic() - arrived[1] < DOUBLE_CLICK_S and not profile_answers.changed(answers, shown):
    going = None  # a double click's second click: this step, untouched, stays on screen
if going == ("back", step):
    entered[step] = answers
    state["onboarding_step"] = STEPS[number - 2]
    new_step()

if going == ("next", step):
    try:
        profile = wb.answer_onboarding(user.id, step, answers)
    except ProfileError as exc:
        st.error(str(exc), icon=":material/error:")
        st.stop()
    entered.pop(step, None)
    if profile.completed:
        # Practice is not in this run's navigation yet: the router shows it once the profile is complete
        del state["onboarding_step"], state["onboarding_entered"]
        state.pop(ARRIVED, None)
        profile_answers.ask_before_leaving(False)  # all saved: Practice, next, must not ask
        state["just_onboarded"] = True  # Practice greets the learner
        st.rerun()
    state["onboarding_step"] = STEPS[number]
    state[ARRIVED] = (STEPS[number], time.monotonic())
    new_step()

aria.move_focus()
