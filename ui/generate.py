"""New exercises written by the language model: the "New exercise on <skill>" control on the
Practice page, and the review of generated exercises and rejected drafts on the System page."""

from __future__ import annotations

import streamlit as st

from engine import Exercise, User, Workbench
from engine.chart_words import timed
from engine.markdown_text import literal
from ui.open_exercise import open_exercise
from ui.session import chat_model_problem

GENERATED_MARK = " · generated"
NOTICE_KEY = "generation_notice"


def new_exercise(wb: Workbench, user: User, current: Exercise | None) -> None:
    """A "New exercise on <skill>" control; the new exercise opens once it has passed every check.
    Call it before the page's exercise selectbox is drawn (it may choose the exercise to open).
    Without a language model it says, in one line, that one is needed."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.toast(notice, icon=":material/auto_awesome:")
    if not wb.generation_available:
        st.caption("Exercises written for you on demand need a language model, and none is configured here: "
                   "new picks come from the bank, whose every exercise is open to you below.")
        return
    skills = {s: wb.skill_name(s) for s in wb.curriculum.skills}
    default = current.skills[0] if current is not None and current.skills and current.skills[0] in skills else None
    with st.expander("New exercise", icon=":material/auto_awesome:", key="new_exercise"):
        st.caption("A language model writes a new exercise at your level. It is checked in the sandbox (its "
                   "solution passes, the starting code fails, the tests repeat) before you see it.")
        options = list(skills)
        skill = st.selectbox("Skill", options, index=options.index(default) if default else 0,
                             format_func=skills.get, key="generate_skill")
        if st.button(f"New exercise on {skills[skill]}", icon=":material/auto_awesome:", key="generate_exercise"):
            with st.status(f"Writing a new exercise on {skills[skill]}…", expanded=True) as status:
                result = wb.generate_exercise(user.id, skill, progress=st.write)
                if result.accepted:
                    status.update(label="The new exercise passed every check", state="complete", expanded=False)
                else:
                    status.update(label="No new exercise this time", state="error", expanded=False)
            if result.exercise is not None:
                open_exercise(result.exercise.id)
                st.session_state[NOTICE_KEY] = f"New exercise: {result.exercise.title}"
                st.rerun()
            st.warning(result.message, icon=":material/info:")


def mark(exercise: Exercise) -> str:
    """" · generated" for an exercise a model wrote, "" for an authored one: for labels."""
    return GENERATED_MARK if exercise.generated else ""


def generated_review(wb: Workbench) -> None:
    """For educators: the exercises a model wrote, and the drafts it got wrong, with the reason."""
    accepted, rejected = wb.generated_exercises(), wb.rejected_drafts()
    if not wb.generation_available and not accepted and not rejected:
        problem = chat_model_problem()  # configured, but not usable: not the same as none configured
        st.caption(f"Exercise generation is off, and the tutor answers offline: the language model's settings cannot "
                   f"work ({literal(problem)})." if problem else "Exercise generation is off: no language model is configured.")
        return
    with st.expander(f"Generated exercises: {len(accepted)} accepted, {len(rejected)} rejected drafts",
                     icon=":material/auto_awesome:", key="generated_exercises"):
        for record in accepted:
            title = literal(str(record.draft.get("title", record.exercise_id)))  # a model's words: shown as written
            st.markdown(f"- **{title}** (`{record.exercise_id}`) on {wb.skill_name(record.skill)}, "
                        f"{timed(record.created_at)}")
        if rejected:
            st.markdown("**Rejected drafts**, kept for review: each failed a check, so no learner saw it.")
        for record in rejected:
            with st.container(border=True):
                title = literal(str(record.draft.get("title") or "(no title)"))
                st.markdown(f"**{title}** on {wb.skill_name(record.skill)} · rejected: **{record.reason}** · "
                            f"{timed(record.created_at)}")
                if record.detail:
                    st.caption(literal(record.detail))
                st.json(record.draft, expanded=False)
