"""The questions of the onboarding interview, one function per step, shared by the Onboarding
page (one step at a time) and the Profile page (every step, each in its own form).

Each function draws its widgets, pre-filled from ``saved`` (a ``Profile.answers()`` dict), and
returns what the learner entered in the shape ``Workbench.answer_onboarding`` takes. Nothing is
validated here: the engine says what is wrong (``ProfileError``), so both pages say it the same way.
The one exception is a note longer than the engine takes, said at once under its box (as a
character counter would), since that box sets no ``max_chars``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from engine import Profile
from engine.profile import (
    AVAILABLE_LANGUAGES,
    GOALS,
    LANGUAGES,
    MAX_DAILY_SET,
    MAX_GOAL_NOTE,
    MINUTES_PER_EXERCISE,
    MINUTES_RANGE,
    SELF_LEVELS,
    STYLES,
)

Answers = dict[str, Any]
DEFAULT_MINUTES = 30


def languages(saved: Mapping[str, Any], groups: Mapping[str, str], key: str) -> Answers:
    st.write("Which languages do you want to practise?")
    chosen = []
    for language, name in LANGUAGES.items():
        available = language in AVAILABLE_LANGUAGES
        # no help icon beside the box: on a phone, a tap on it ticked the box and showed nothing
        ticked = st.checkbox(
            name if available else f"{name} (coming soon)", value=available and language in saved["languages"],
            disabled=not available, key=f"{key}:language:{language}")
        if ticked:
            chosen.append(language)
    coming = [name for language, name in LANGUAGES.items() if language not in AVAILABLE_LANGUAGES]
    if coming:
        listed = ", ".join(coming[:-1]) + " and " + coming[-1] if len(coming) > 1 else coming[0]
        st.caption(f"Exercises in {listed} are being written; for now, choose "
                   f"{' or '.join(LANGUAGES[x] for x in AVAILABLE_LANGUAGES)}.")
    return {"languages": chosen}


def levels(saved: Mapping[str, Any], groups: Mapping[str, str], key: str) -> Answers:
    st.write("How well do you know each area? Your exercises start there; your results soon take over.")
    options = list(SELF_LEVELS)
    rated = {}
    for group, name in groups.items():
        answer = saved["levels"].get(group)
        value = st.radio(name, options, index=options.index(answer) if answer in options else None,
                         format_func=SELF_LEVELS.__getitem__, horizontal=True, key=f"{key}:level:{group}",
                         help="Rate yourself honestly: a level that is too high only means harder first exercises.")
        if value is not None:
            rated[group] = value
    return {"levels": rated}


def goals(saved: Mapping[str, Any], groups: Mapping[str, str], key: str) -> Answers:
    chosen = st.pills("What are you learning for?", list(GOALS), selection_mode="multi",
                      default=[g for g in saved["goals"] if g in GOALS], format_func=GOALS.__getitem__,
                      key=f"{key}:goals", help="Choose any that apply.")
    # no max_chars: with it, Streamlit's box ignores a paste that would go past the limit, silently. The box
    # takes it all, says at once that it is too long, and the engine refuses it until it is shortened
    note = st.text_area("Your goal in your own words", value=saved["goal_note"] or "", key=f"{key}:goal_note",
                        placeholder="For example: I want to automate the reports I write every week.",
                        help=f"Optional when you chose a goal above. Up to {MAX_GOAL_NOTE} characters.")
    if long := goal_too_long(note):
        st.warning(long, icon=":material/content_cut:")
    return {"goals": list(chosen or []), "goal_note": note}


def goal_too_long(note: str | None) -> str:
    """What to say under the goal's box when the note is longer than the engine takes (counted as the
    engine counts, without the outer spaces), else "". The note stays in the box, to be shortened."""
    length = len((note or "").strip())
    if length <= MAX_GOAL_NOTE:
        return ""
    return (f"Your goal is {length:,} characters long; the most is {MAX_GOAL_NOTE:,}. Please shorten it by "
            f"{length - MAX_GOAL_NOTE:,} characters: it stays here as you typed it.")


def style(saved: Mapping[str, Any], groups: Mapping[str, str], key: str) -> Answers:
    options = list(STYLES)
    chosen = st.radio("How do you like to learn?", options,
                      index=options.index(saved["style"]) if saved["style"] in options else None,
                      format_func=STYLES.__getitem__, key=f"{key}:style",
                      help="The tutor and the hints follow this; you can change it any time on your Profile page.")
    return {"style": chosen}


def time_per_day(saved: Mapping[str, Any], groups: Mapping[str, str], key: str) -> Answers:
    low, high = MINUTES_RANGE
    box = f"{key}:minutes"
    # pre-filled through the session rather than value=, so that a box emptied stays empty (and is
    # refused by the engine) instead of snapping back to the default unannounced
    st.session_state.setdefault(box, untouched(saved)["minutes_per_day"])
    minutes = st.number_input("Minutes a day", value=None, step=5, key=box,
                              help=f"Whole minutes, from {low} to {high}. It sets how many exercises your daily set has.")
    st.caption(exercises_a_day(minutes))
    return {"minutes_per_day": minutes}


def untouched(saved: Mapping[str, Any]) -> Answers:
    """The answers the questions show before the learner changes anything: the saved ones, and the
    minutes' default where none are saved yet."""
    return {**saved, "minutes_per_day": int(saved["minutes_per_day"] or DEFAULT_MINUTES)}


def exercises_a_day(minutes: int | None) -> str:
    """The line under the minutes: what they buy, in exercises (the engine's own rule)."""
    low, high = MINUTES_RANGE
    if minutes is None or not low <= minutes <= high:
        return f"Choose from {low} to {high} minutes."
    n = Profile(minutes_per_day=int(minutes)).daily_set_size
    if n == MAX_DAILY_SET and minutes > MAX_DAILY_SET * MINUTES_PER_EXERCISE:
        return (f"{MAX_DAILY_SET} exercises a day, the most a day's set holds (about {MAX_DAILY_SET * MINUTES_PER_EXERCISE} "
                "minutes); One more exercise on Practice adds to it.")
    return f"About {n} exercise{'' if n == 1 else 's'} a day, at about {MINUTES_PER_EXERCISE} minutes each."


QUESTIONS: dict[str, Callable[[Mapping[str, Any], Mapping[str, str], str], Answers]] = {
    "languages": languages, "levels": levels, "goals": goals, "style": style, "time": time_per_day,
}


def ask(step: str, saved: Mapping[str, Any], groups: Mapping[str, str], key: str) -> Answers:
    """Draw one step's questions; returns the answers as entered. ``key`` prefixes the widget keys."""
    return QUESTIONS[step](saved, groups, key)
