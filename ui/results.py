"""How a grade result looks on a page, and the latest result of each exercise, kept for the session."""

from __future__ import annotations

from uuid import uuid4

import streamlit as st

from engine import GradeResult
from ui.markdown import inline_code

ICONS = {"pass": ":material/check_circle:", "fail": ":material/cancel:", "error": ":material/error:"}
COLOURS = {"pass": "green", "fail": "red", "error": "orange"}
WORDS = {"pass": "passed", "fail": "failed", "error": "crashed"}  # beside the icon, which a screen reader reads by name
OUTPUT_LINES = 12  # printed output longer than this scrolls in a box of that height


def start(exercise_id: str) -> str:
    """A ticket for a grading of the exercise about to start; hand it to ``keep`` with the result."""
    ticket = st.session_state.setdefault("gradings", {})[exercise_id] = uuid4().hex
    return ticket


def keep(exercise_id: str, ticket: str, kind: str, result: GradeResult) -> None:
    """Keep the result (``kind``: "run" or "submit") as the exercise's latest, unless a newer grading or a
    reset took its ticket meanwhile. A click during a long run (an endless loop takes seconds) reruns the
    page in a new thread while the old one finishes grading: its late result must neither replace a newer
    one nor come back after a reset, beside code it was never run on."""
    if st.session_state.setdefault("gradings", {}).get(exercise_id) == ticket:
        st.session_state.setdefault("outcomes", {})[exercise_id] = (kind, result)


def arrived(exercise_id: str, kind: str, result: GradeResult) -> None:
    """Keep, as the exercise's latest, the result of a grading whose run stopped before it could (the learner
    opened another exercise meanwhile): shown when they come back to it."""
    st.session_state.setdefault("outcomes", {})[exercise_id] = (kind, result)


def forget(exercise_id: str) -> None:
    """No result for the exercise any more, and none from a grading still under way."""
    st.session_state.setdefault("outcomes", {}).pop(exercise_id, None)
    st.session_state.setdefault("gradings", {}).pop(exercise_id, None)


def latest(exercise_id: str) -> tuple[str, GradeResult] | None:
    """("run" or "submit", the result) of the exercise's latest grading this session, if any."""
    return st.session_state.setdefault("outcomes", {}).get(exercise_id)


def readable(test_name: str) -> str:
    """``test_empty_list`` as "empty list"."""
    return test_name.removeprefix("test_").replace("_", " ")


def show(result: GradeResult, *, submitted: bool) -> None:
    total = len(result.tests)
    if result.passed:
        st.success(f"All {total} tests pass." + (" Submitted: well done!" if submitted else " Submit when you are ready."),
                   icon=":material/celebration:")
    elif result.status == "error" and result.message:
        # as code, exactly as written: as markdown, "'__balance__'" read as a bold "balance", the wrong name
        first, _, rest = result.message.partition("\n")
        st.error(inline_code(first), icon=":material/error:")
        if rest.strip():
            st.code(rest, language="text", wrap_lines=True)
    else:
        st.warning(f"{result.tests_passed} of {total} tests pass." + (" Your attempt is recorded." if submitted else ""),
                   icon=":material/rule:")
    for test in result.tests:
        colour = COLOURS[test.status]
        line = f":{colour}[{ICONS[test.status]} {WORDS[test.status]}] **{readable(test.name)}**"
        message = test.message if not (result.status == "error" and test.message == result.message) else ""
        if message and "\n" not in message:  # as code: it quotes calls and values, to be read (and copied) exactly
            line += f" — {inline_code(message)}"
        st.markdown(line)
        if "\n" in message:
            st.code(message, language="text", wrap_lines=True)
        if test.output:
            st.caption("What your code printed:")
            long = test.output.count("\n") > OUTPUT_LINES
            st.code(test.output, language="text", height=OUTPUT_LINES * 21 if long else "content")
    st.caption(f"Graded in {result.duration_ms:.0f} ms.")
