"""Practice: today's set, the instructions, the editor, tests, hints, submit and skip."""

import streamlit as st
from code_editor import code_editor

from ui import results
from ui.session import require_user, workbench

wb = workbench()
user = require_user()
picks = wb.daily_set(user.id)
catalogue = {e.id: e for e in wb.exercises()}

if "exercise_id" not in st.session_state or st.session_state["exercise_id"] not in catalogue:
    st.session_state["exercise_id"] = picks[0].exercise.id if picks else next(iter(catalogue))

st.title("Practice")

with st.expander("Today's set", expanded=True, icon=":material/today:"):
    if not picks:
        st.write("You have passed everything available right now. Pick any exercise below to practise again.")
    for number, pick in enumerate(picks, 1):
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(f"**{number}. {pick.exercise.title}** · level {pick.exercise.difficulty}  \n"
                      f":gray[{pick.reason}]")
        if right.button("Open", key=f"open:{pick.exercise.id}",
                        disabled=pick.exercise.id == st.session_state["exercise_id"]):
            st.session_state["exercise_id"] = pick.exercise.id
            st.rerun()

chosen = st.selectbox(
    "Or choose any exercise", list(catalogue), key="exercise_id",
    format_func=lambda i: f"{catalogue[i].title} · {', '.join(wb.skill_name(s) for s in catalogue[i].skills)} · level {catalogue[i].difficulty}",
)
exercise = catalogue[chosen]

codes = st.session_state.setdefault("codes", {})
versions = st.session_state.setdefault("editor_versions", {})
if exercise.id not in codes:
    draft = wb.draft(user.id, exercise.id)
    codes[exercise.id] = draft.code if draft else exercise.starter
version = versions.get(exercise.id, 0)
draft = wb.draft(user.id, exercise.id)
hints_shown = draft.hints_shown if draft else 0

instructions, work = st.columns([1, 1], gap="large")

with instructions:
    st.markdown(exercise.instructions)
    st.caption(f"Skills: {', '.join(wb.skill_name(s) for s in exercise.skills)} · level {exercise.difficulty} of 10")
    st.subheader("Hints", divider="gray")
    for number, hint in enumerate(exercise.hints[:hints_shown], 1):
        st.info(hint, icon=":material/lightbulb:")
    if hints_shown < len(exercise.hints):
        if st.button(f"Show a hint ({hints_shown + 1} of {len(exercise.hints)})", icon=":material/lightbulb:"):
            wb.reveal_hint(user.id, exercise.id, codes[exercise.id])
            st.rerun()
    else:
        st.caption("That was the last hint. The tutor can help you think it through.")

with work:
    plain = st.toggle("Plain text editor", key="plain_editor",
                      help="A simple text box instead of the code editor (works well with screen readers).")
    if plain:
        text = st.text_area("Your code", value=codes[exercise.id], height=420,
                            key=f"area:{exercise.id}:{version}")
        run_requested = False
    else:
        initial = st.session_state.setdefault("editor_initial", {}).setdefault(
            f"{exercise.id}:{version}", codes[exercise.id])  # what the editor was mounted with
        response = code_editor(initial, lang="python", height=[16, 28], response_mode="debounce",
                               key=f"editor:{exercise.id}:{version}",
                               options={"showLineNumbers": True, "tabSize": 4, "useSoftTabs": True})
        text = codes[exercise.id]
        run_requested = False
        if response and response.get("id") and response.get("text") is not None:
            text = response["text"]
            handled = st.session_state.setdefault("handled_events", set())
            if response.get("type") == "submit" and response["id"] not in handled:
                handled.add(response["id"])
                run_requested = True  # Ctrl+Enter in the editor runs the tests
    if text != codes[exercise.id]:
        codes[exercise.id] = text
        wb.save_draft(user.id, exercise.id, text)

    run_col, submit_col, skip_col, reset_col = st.columns(4)
    run_clicked = run_col.button("Run tests", icon=":material/play_arrow:", width="stretch")
    submit_clicked = submit_col.button("Submit", type="primary", icon=":material/check:", width="stretch")
    skip_clicked = skip_col.button("Skip", icon=":material/skip_next:", width="stretch")
    reset_clicked = reset_col.button("Reset", icon=":material/restart_alt:", width="stretch",
                                     help="Start again from the starter code.")

    outcomes = st.session_state.setdefault("outcomes", {})
    if run_clicked or run_requested:
        with st.spinner("Running the tests…"):
            outcomes[exercise.id] = ("run", wb.run_tests(user.id, exercise.id, codes[exercise.id]))
    if submit_clicked:
        started = draft.started_at if draft else None
        duration = (results.now() - started).total_seconds() if started else None
        with st.spinner("Grading your submission…"):
            attempt = wb.submit(user.id, exercise.id, codes[exercise.id], hints_used=hints_shown, duration_s=duration)
        outcomes[exercise.id] = ("submit", wb.latest_result(user.id, exercise.id))
        if attempt.passed:
            st.toast(f"Solved: {exercise.title}", icon=":material/celebration:")
    if skip_clicked:
        wb.skip(user.id, exercise.id)
        following = [p.exercise.id for p in picks if p.exercise.id != exercise.id]
        st.session_state["exercise_id"] = following[0] if following else exercise.id
        st.rerun()
    if reset_clicked:
        codes[exercise.id] = exercise.starter
        versions[exercise.id] = version + 1
        wb.save_draft(user.id, exercise.id, exercise.starter)
        outcomes.pop(exercise.id, None)
        st.rerun()

    if exercise.id in outcomes:
        kind, result = outcomes[exercise.id]
        results.show(result, submitted=kind == "submit")
