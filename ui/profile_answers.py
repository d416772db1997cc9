"""The Profile page's interview answers: every section at once, and one Save for all that changed.

Sections used to save one by one, each in its own form: a change in one section was shown but
not kept when the learner saved another, and was gone on the next visit. Now the widgets are
live (the minutes say at once how many exercises they buy), the sections with unsaved changes are
named beside the one Save button, and Save keeps each of them; a section the engine refuses
keeps what was typed and says why under its title. What was entered and not saved yet outlives a
visit to another page (Streamlit forgets a widget's value once a page without it has run): it is
kept apart, and the widgets start from it when the Profile is shown again. It lives in the browser
session alone, so reloading or leaving the app while it waits asks first, as the browser does for
any page with unsaved changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from engine import Profile, ProfileError, User, Workbench
from engine.profile import STEP_TITLES, STEPS
from ui import interview, page_script
from ui.open_exercise import following_todays_set

# (the sections saved, {section: why it was refused}, the level it moved to, what that did to today's set), said on
# the next run
OUTCOME = "profile_saved"
# Save clicked, kept until a run acts on it: read from the button's return value, a click was lost when
# another message (a text box's value, sent as it lost the focus to the click) stopped its run first
SAVE = "profile_save_clicked"
DRAFT = "profile_unsaved"  # {section: answers} entered and not saved yet, for the next visit to the page
PENDING = "profile_edits_pending"  # whether a completed profile, or a step of the interview, has answers not saved
# the browser's own "Leave site? Changes you made may not be saved." while answers wait to be saved, or while
# a text box being typed in holds text not sent yet: Streamlit sends a box's text when it loses the focus, so
# code typed in the plain text editor and reloaded at once was lost (the chat box is sent by Enter, and empties)
_ASK_BEFORE_LEAVING = (
    "if (!window.workbenchAsksBeforeLeaving) { window.workbenchAsksBeforeLeaving = true; "
    "document.addEventListener('input', e => { const box = e.target; if (box.tagName === 'TEXTAREA' "
    "&& !box.closest('[data-testid=\"stChatInput\"]')) box.dataset.workbenchTyped = '1'; }, true); "
    "document.addEventListener('focusout', e => { if (e.target.dataset) delete e.target.dataset.workbenchTyped; }, true); "
    "window.addEventListener('beforeunload', e => { if (window.workbenchUnsaved "
    "|| document.querySelector('textarea[data-workbench-typed]')) { e.preventDefault(); e.returnValue = ''; } }); }")


def section(wb: Workbench, user: User) -> None:
    """The five sections of the interview, pre-filled, with one Save for every change."""
    profile = wb.profile(user.id)
    if not profile.completed and user.role == "educator":
        st.info("Educators need no profile. To practise yourself, answer every section, then save.",
                icon=":material/info:")
    elif not profile.completed:
        st.info("Your profile is not complete: answer every section, then save.", icon=":material/info:")
    else:
        st.caption("Change any answer, then **Save changes** below the answers.")
    saved_steps, refused, moved_to, set_changed = st.session_state.pop(OUTCOME, ((), {}, None, ""))
    groups, saved = wb.skill_groups(), profile.answers()
    shown = dict(saved)  # the widgets start from the answers saved, or from those entered since
    for answers in st.session_state.get(DRAFT, {}).values():
        shown.update(answers)
    entered = {}
    for step in STEPS:
        with st.container(border=True):
            st.subheader(STEP_TITLES[step])
            if step in refused:
                st.error(refused[step], icon=":material/error:")
            entered[step] = interview.ask(step, shown, groups, key="profile")
            if step == "time":
                st.caption("A new number of minutes applies from tomorrow's set; today's keeps its size. "
                           "On Practice, One more exercise adds to today's.")

    to_save = unsaved(profile, entered, saved)
    st.session_state[DRAFT] = {s: entered[s] for s in to_save}
    # an incomplete profile is unsaved from its first unanswered section on, edited or not: no asking then
    ask_before_leaving(profile.completed and bool(to_save))
    with st.container(horizontal=True, vertical_alignment="center"):
        # never disabled: a box typed in and not left yet is read by the click's own run, so a button
        # disabled until then took two clicks (the first only left the box)
        st.button("Save changes", key="profile:save", type="primary", icon=":material/save:",
                  on_click=st.session_state.__setitem__, args=(SAVE, True))
        clicked = st.session_state.get(SAVE, False)
        if to_save:
            st.caption("Not saved yet: " + ", ".join(STEP_TITLES[s] for s in to_save) + ".")
        elif clicked:
            st.caption("Nothing to save: every answer is as saved.")
    if saved_steps:
        moved = f" Your level is now {moved_to}, from your new self-rating." if moved_to is not None else ""
        st.success("Saved: " + ", ".join(STEP_TITLES[s] for s in saved_steps) + "." + moved + set_changed,
                   icon=":material/check:")
    if refused:
        st.error("Not saved: " + ", ".join(STEP_TITLES[s] for s in refused) + " (see above).", icon=":material/error:")
    st.session_state.pop(SAVE, None)  # acted on: said there is nothing to save, or saving now
    if clicked and to_save:
        st.session_state[OUTCOME] = save(wb, user, profile, {s: entered[s] for s in to_save})
        st.rerun()


def ask_before_leaving(pending: bool | None = None) -> None:
    """While a completed profile has answers changed and not saved, or a step of the interview has, or
    a text box has text typed and not sent yet, a reload or leaving the app asks first: the answers live
    in this browser session only. Run on every page (app.py), since the answers outlive a visit to another
    page, and by the page that knows first (the Profile, the interview), which says whether answers wait
    (``pending``)."""
    if pending is not None:
        st.session_state[PENDING] = pending
    pending = bool(st.session_state.get(PENDING))
    page_script.run(f"window.workbenchUnsaved = {page_script.literal(pending)}; {_ASK_BEFORE_LEAVING}")


def answers_pending() -> bool:
    """Whether answers of the interview or the Profile wait to be saved (as the page last drew them)."""
    return bool(st.session_state.get(PENDING))


def unsaved(profile: Profile, entered: Mapping[str, Mapping[str, Any]], saved: Mapping[str, Any]) -> list[str]:
    """The sections to save, in order: those whose answers differ from the saved ones, and, while the
    profile is incomplete, every section from the first unanswered one on."""
    return [step for i, step in enumerate(STEPS) if i >= profile.steps_done or changed(entered[step], saved)]


def changed(entered: Mapping[str, Any], saved: Mapping[str, Any]) -> bool:
    """Whether any answer ``entered`` differs from the one ``saved``."""
    return any(_comparable(value) != _comparable(saved.get(name)) for name, value in entered.items())


def save(wb: Workbench, user: User, profile: Profile, answers: Mapping[str, Mapping[str, Any]]
         ) -> tuple[list[str], dict[str, str], int | None, str]:
    """Save each section in order; the sections saved, why any was refused, the level if a new
    self-rating moved it, and what that did to today's set (words, or ""). While the profile is
    incomplete, a refusal stops there: the sections after it need it answered first."""
    done, refused = [], {}
    level_before = wb.level(user.id).value
    with following_todays_set(wb, user.id) as set_change:  # a new self-rating chooses today's set again
        for step, entered in answers.items():
            try:
                wb.answer_onboarding(user.id, step, entered)
            except ProfileError as exc:
                refused[step] = str(exc)
                if not profile.completed:
                    break
            else:
                done.append(step)
    level_after = wb.level(user.id).value
    return done, refused, level_after if level_after != level_before and profile.completed else None, set_change.words()


def _comparable(value: Any) -> Any:
    """An answer as compared: lists in any order, text without its outer spaces, nothing as empty."""
    if isinstance(value, (list, tuple)):
        return sorted(value)
    if value is None or isinstance(value, str):
        return (value or "").strip()
    return value
