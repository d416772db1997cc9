"""History: the learner's attempts, newest first."""

import streamlit as st

from ui.session import require_user, workbench

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
        "When": a.submitted_at,
        "Exercise": titles.get(a.exercise_id, a.exercise_id),
        "Outcome": "passed" if a.passed else ("error" if a.status == "error" else "failed"),
        "Tests": f"{a.tests_passed}/{a.tests_total}" if a.tests_total else "",
        "Hints": a.hints_used,
        "Time": f"{a.duration_s / 60:.1f} min" if a.duration_s else "",
    }
    for a in attempts
]
passed = sum(a.passed for a in attempts)
st.caption(f"{len(attempts)} attempts, {passed} passed.")
st.dataframe(rows, hide_index=True, width="stretch",
             column_config={"When": st.column_config.DatetimeColumn("When", format="YYYY-MM-DD HH:mm")})
