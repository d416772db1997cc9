"""History: the learner's attempts, newest first."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine.chart_words import timed
from engine.clock import in_zone
from ui.session import require_user, workbench
from ui.tables import MOMENT


def duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds:.0f} s" if seconds < 60 else f"{seconds / 60:.1f} min"


wb = workbench()
user = require_user()
st.title("History")

attempts = wb.history(user.id)
if not attempts:
    st.info("No attempts yet. Submit a solution on the Practice page and it will appear here.")
    st.stop()

titles = {e.id: e.title for e in wb.exercises()}
rows = [
    {
        "When": in_zone(a.submitted_at, user.time_zone),  # shown in the learner's time
        "Exercise": titles.get(a.exercise_id, a.exercise_id),
        "Outcome": "passed" if a.passed else ("error" if a.status == "error" else "failed"),
        "Tests": f"{a.tests_passed}/{a.tests_total}" if a.tests_total else "—",
        "Hints": a.hints_used,
        "Time": duration(a.duration_s),
    }
    for a in attempts
]
passed = sum(a.passed for a in attempts)
st.caption(f"{len(attempts)} attempt{'' if len(attempts) == 1 else 's'}, {passed} passed.")
st.dataframe(rows, hide_index=True, width="stretch",
             column_config={"When": st.column_config.DatetimeColumn(
                                f"When ({user.time_zone or 'UTC'})", format=MOMENT,  # the cells have no room for it
                                help="In your time zone (it can be changed on your Profile)."),
                            # an attempt's time runs on from the one before it (hints too): a retry's 3 min is
                            # not 3 more, which a plain "Time" let it read as
                            "Time": st.column_config.TextColumn(
                                "Time so far", help="Time on the exercise up to this attempt, since you opened it: a "
                                "retry's includes the tries before it, and a pass starts it again."),
                            "Tests": st.column_config.TextColumn(
                                "Tests", help="Tests passed of the exercise's tests. A dash: the result was recorded "
                                "without running the tests here (an import, or the demo's practice).")})

outcome_of = {a.id: row["Outcome"] for a, row in zip(attempts, rows, strict=True)}
by_id = {a.id: a for a in attempts}
# only a submission graded here keeps its code (one with test counts): imports and the demo's practice have none
kept = {a.id: code for a in attempts if a.tests_total is not None and (code := wb.attempt_code(user.id, a.id))}
if not kept:
    st.caption("No code to see again: these results were recorded without running the tests here.")
else:
    chosen = st.selectbox("See the code of an attempt", list(kept), index=None, placeholder="Choose an attempt",
                          help="The attempts whose code was kept (those graded here), newest first.",
                          format_func=lambda i: f"{timed(by_id[i].submitted_at, user.time_zone)} · "
                                                f"{titles.get(by_id[i].exercise_id, by_id[i].exercise_id)} · {outcome_of[i]}")
    if chosen is not None:
        st.code(kept[chosen], language="python", line_numbers=True)
