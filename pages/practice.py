"""Practice: today's set, the instructions, the editor, tests, hints, submit and skip."""

import streamlit as st
from code_editor import code_editor

from ui import results
from ui.session import require_user, workbench

wb = workbench()
user = require_user()
picks = wb.daily_set(user.id)
catalogue = {e.id: e for e in wb.exercises()}


def skip(user_id: int, exercise_id: str, todays: list[str]) -> None:
    """Log the skip and open the next exercise of today's set. A callback: the exercise
    selectbox owns ``exercise_id``, which may only change before the selectbox is drawn."""
    wb.skip(user_id, exercise_id)
    if exercise_id in todays:
        position = todays.index(exercise_id)
        todays = todays[position + 1:] + todays[:position]
    if todays:
        st.session_state["exercise_id"] = todays[0]


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
    format_func=lambda i: (f"{catalogue[i].title} · {', '.join(wb.skill_name(s) for s in catalogue[i].skills)}"
                           f" · level {catalogue[i].difficulty}"),
)
exercise = catalogue[chosen]

codes = st.session_state.setdefault("codes", {})
versions = st.session_state.setdefault("editor_versions", {})
draft = wb.draft(user.id, exercise.id)
if exercise.id not in codes:
    codes[exercise.id] = draft.code if draft else exercise.starter
version = versions.get(exercise.id, 0)
hints_shown = draft.hints_shown if draft else 0

instructions, work = st.columns([1, 1], gap="large")

with instructions:
    st.markdown(exercise.instructions)
    st.caption(f"Skills: {', '.join(wb.skill_name(s) for s in exercise.skills)} · level {exercise.difficulty} of 10")
    st.subheader("Hints", divider="gray")
    for hint in exercise.hints[:hints_shown]:
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
        st.html('<style>textarea[aria-label="Your code"] {font-family: "Source Code Pro", monospace; '
                "white-space: pre; overflow-wrap: normal; tab-size: 4}</style>")  # code: fixed width, no wrapping
        text = st.text_area("Your code", value=codes[exercise.id], height=420,
                            key=f"area:{exercise.id}:{version}")
        run_requested = False
    else:
        key = f"editor:{exercise.id}:{version}"
        mounted_with = st.session_state.setdefault("editor_initial", {})
        if key not in st.session_state:  # (re)mounting, e.g. back from the plain editor: show the latest code
            mounted_with[key] = codes[exercise.id]
        response = code_editor(mounted_with[key], lang="python", height=[16, 28], response_mode="debounce", key=key,
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

    with st.container(horizontal=True):  # buttons as wide as their labels, wrapping when the column is narrow
        run_clicked = st.button("Run tests", icon=":material/play_arrow:")
        submit_clicked = st.button("Submit", type="primary", icon=":material/check:")
        st.button("Skip", icon=":material/skip_next:", on_click=skip,
                  args=(user.id, exercise.id, [p.exercise.id for p in picks]))
        reset_clicked = st.button("Reset", icon=":material/restart_alt:", help="Start again from the starter code.")

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
    if reset_clicked:
        codes[exercise.id] = exercise.starter
        versions[exercise.id] = version + 1
        wb.save_draft(user.id, exercise.id, exercise.starter)
        outcomes.pop(exercise.id, None)
        st.rerun()

    if exercise.id in outcomes:
        kind, result = outcomes[exercise.id]
        results.show(result, submitted=kind == "submit")
