"""New exercises written by the language model: the "New exercise on <skill>" control on the
Practice page, and the review of generated exercises and rejected drafts on the System page."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

import streamlit as st

from engine import Exercise, GenerationResult, User, Workbench
from engine.chart_words import timed
from engine.markdown_text import literal
from ui.code_box import open_keeping_code
from ui.session import acting, chat_model_problem

GENERATED_MARK = " · generated"
NOTICE_KEY = "generation_notice"
WARNING_KEY = "generation_warning"  # why the last request gave no exercise, until the next one
JOB_KEY = "generation_job"
LOOK_AGAIN_S = 1.0

log = logging.getLogger(__name__)


def new_exercise(wb: Workbench, user: User, current: Exercise | None) -> None:
    """A "New exercise on <skill>" control; the new exercise opens once it has passed every check.
    Call it before the page's exercise selectbox is drawn (it may choose the exercise to open).
    Without a language model it says, in one line, that one is needed."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.toast(notice, icon=":material/auto_awesome:")
    job: Generation | None = st.session_state.get(JOB_KEY)
    if job is not None and job.done.is_set():
        del st.session_state[JOB_KEY]
        finished(wb, user, job)  # reruns the page when there is a new exercise to open
        job = None
    if not wb.generation_available:
        st.caption("Exercises written for you on demand need a language model, and none is configured here: "
                   "new picks come from the bank, whose every exercise is open to you below.")
        return
    skills = {s: wb.skill_name(s) for s in wb.curriculum.skills}
    default = current.skills[0] if current is not None and current.skills and current.skills[0] in skills else None
    if job is not None:  # outside the expander: a learner back from another page sees it, the expander closed
        being_written(job)
    with st.expander("New exercise", icon=":material/auto_awesome:", key="new_exercise"):
        st.caption("A language model writes a new exercise at your level. It is checked in the sandbox (its "
                   "solution passes, the starting code fails, the tests repeat) before you see it.")
        options = list(skills)
        skill = st.selectbox("Skill", options, index=options.index(default) if default else 0,
                             format_func=skills.get, key="generate_skill")
        st.button(f"New exercise on {skills[skill]}", icon=":material/auto_awesome:", key="generate_exercise",
                  disabled=job is not None, on_click=start, args=(wb, user.id, skills),
                  help="The model writes it, then the sandbox checks it." if job is None
                  else "A new exercise is being written: one at a time.")
        if warning := st.session_state.get(WARNING_KEY):
            st.warning(warning, icon=":material/info:")


@dataclass
class Generation:
    """A new exercise being written and checked by a thread of its own. In the page's run, a key typed in
    the code editor, a click or another page stopped it at its next progress line: the model's work was
    lost unseen, and uncounted by the limits, which read what the engine records at the end."""

    skill_name: str
    steps: list[str] = field(default_factory=list)  # the progress lines so far (appended by the thread)
    result: GenerationResult | None = None  # None when it failed (logged)
    done: threading.Event = field(default_factory=threading.Event)


@acting
def start(wb: Workbench, user_id: int, skills: dict[str, str]) -> None:
    """A callback: start writing a new exercise on the skill chosen, unless one is being written (a double click).
    The skill is read as the click arrives: one changed just before it may not have been drawn yet."""
    if st.session_state.get(JOB_KEY) is not None:
        return
    skill = st.session_state["generate_skill"]
    job = Generation(skills[skill])
    st.session_state.pop(WARNING_KEY, None)

    def write() -> None:
        try:
            job.result = wb.generate_exercise(user_id, skill, progress=job.steps.append)
        except Exception:
            log.exception("writing a new exercise failed")
        finally:
            job.done.set()

    st.session_state[JOB_KEY] = job
    threading.Thread(target=write, name="exercise-generation", daemon=True).start()


@st.fragment(run_every=LOOK_AGAIN_S)
def being_written(job: Generation) -> None:
    """The steps so far, looked at again each second; once the exercise is written, the page runs again to
    open it (or to say why not)."""
    if job.done.is_set():
        st.rerun()
    with st.status(f"Writing a new exercise on {job.skill_name}…", expanded=True):
        for step in job.steps:
            st.write(step)


def finished(wb: Workbench, user: User, job: Generation) -> None:
    """Open the new exercise (the page runs again, so that its list holds it), or say why there is none. The
    code typed last in the exercise it closes stays there, as with Open and Next: the learner may be typing
    as it opens."""
    result = job.result
    if result is not None and result.exercise is not None:
        open_keeping_code(wb, user.id, result.exercise.id)
        st.session_state[NOTICE_KEY] = f"New exercise: {literal(result.exercise.title)}"
        st.rerun()
    st.session_state[WARNING_KEY] = result.message if result is not None else (
        "Something went wrong while the exercise was written, and none was made. Please try again.")
    st.toast(f"No new exercise on {job.skill_name} this time: see New exercise.", icon=":material/info:")


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
