"""Cohorts: an educator's groups, their join codes, the dashboard and a read-only look at one learner."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

import zlib

import polars as pl

from engine import charts, cohort_charts
from engine.chart_words import number
from engine.cohorts import MAX_NAME, AccessDenied, CohortError
from engine.drafts import slugify
from engine.spreadsheets import csv_bytes
from ui import cohort_manage
from ui.markdown import literal
from ui.session import acting, require_role, workbench
from ui.tables import MOMENT, wrapped_row_height

wb = workbench()
user = require_role("educator")

# a 1000 px window with the sidebar open leaves a table 540 px: a name and a "Why" beside it fill that
NAME_WIDTH = 140  # px
WHY_WIDTH = 380  # px, wider when the table is: fixed, not fitted to the text, which then ran off the edge
REASON_CHARS = 48  # characters a line of the "Why" column surely holds (about 57 fit)
NAME_CHARS = 19  # and of a name's
LEVEL_HELP = ("The learner's visible level, 1 to 10: up after 3 successes in a row at it or above, down after 2 "
              "struggles in a row at it or below (a fail, 2 or more hints, or more than twice the expected time; "
              "each exercise once a day, by its first try), unless the learner steered or pinned it. The skills' levels "
              "in the one-learner view come from the model's estimates instead, and may differ by a level or two.")
ALL_MASTERED = "all mastered"  # "Work on next" of a learner with nothing left to work on
NEXT_SKILL_HELP = ("The skill the learner's Progress page tells them to work on next: their weakest practised "
                   "skill that is not mastered yet and whose prerequisites are met (a new skill that is ready, "
                   "when every practised one is mastered). It is outlined in the Mastery heatmap. "
                   + cohort_charts.NOT_THE_REDDEST)


@st.cache_data(ttl=60, show_spinner="Reading the cohort's activity…", max_entries=8)
def dashboard(educator_id: int, cohort_id: int, version: int | None, zone: str | None):
    """The dashboard, cached a minute per educator, cohort, ``version`` of their cohorts and time zone
    (``wb.cohorts_version`` and ``zone`` are only keys: a join, a leave or a new zone is seen at once,
    not a minute later); the engine checks ownership."""
    return workbench().cohort_dashboard(educator_id, cohort_id)


def csv_button(frame: pl.DataFrame, name: str, label: str = "Download CSV") -> None:
    """A download of ``frame``, named by the cohort, the table and the day ("spring-2026-learners-2026-11-23.csv"):
    the downloads of two cohorts, or of two days, neither overwrite nor look alike."""
    file_name = f"{slugify(cohort.name, fallback=f'cohort-{cohort.id}')}-{name.replace('_', '-')}-{board.today:%Y-%m-%d}.csv"
    st.download_button(label, csv_bytes(frame), file_name=file_name, mime="text/csv", key=f"csv:{name}",
                       icon=":material/download:", on_click="ignore")


@acting
def regenerate(cohort_id: int) -> None:
    st.session_state.pop("code_confirm", None)
    wb.regenerate_join_code(user.id, cohort_id)
    st.session_state["code_changed"] = True


st.title("Cohorts")
if user.is_demo:
    st.info("This is the demo educator, whose password the welcome page shows to everyone: look around, and make "
            "cohorts for real learners from an educator account of your own (only the demo's own learners can join "
            "these).", icon=":material/info:")
cohorts = wb.cohorts(user.id)

created_message = st.session_state.pop("cohort_created", None)
with st.expander("Create a cohort", expanded=not cohorts, icon=":material/group_add:", key="create_cohort_section"):
    if created_message:  # emptied only after a success: an error keeps the name to mend
        st.session_state["new_cohort_name"] = ""
    with st.form("create_cohort"):
        # no max_chars: Streamlit's box ignores a longer paste, silently; the engine says what is wrong
        name = st.text_input("Name", placeholder="Spring 2026, evening group", key="new_cohort_name",
                             help=f"Up to {MAX_NAME} characters. Learners see this name on their Profile page when "
                                  "they join.")
        if st.form_submit_button("Create", type="primary"):
            try:
                created = wb.create_cohort(user.id, name)
            except CohortError as exc:
                st.error(literal(str(exc)), icon=":material/error:")  # it may quote the name typed
            else:
                st.session_state["cohort_id"] = created.id
                st.session_state["cohort_created"] = (f"Created **{literal(created.name)}**. Its join code is "
                                                      f"**{created.display_code}**: give it to your learners.")
                st.rerun()
# what the last action did, in a place always there, empty or not: a message that came and went above the
# "Manage" popover moved it, and a popover that moves closes ("Delete cohort…" then showed no question)
said = st.container()
if created_message:  # outside the expander, which closes once there is a cohort
    said.success(created_message, icon=":material/check:")
cohort_manage.announce(said)  # a rename, or a deletion (which may have left no cohort)

if not cohorts:
    st.info("Create a cohort, then give its join code to your learners: they type it when they sign up "
            "(Getting started) or on their Profile page.", icon=":material/info:")
    st.stop()

ids = [c.id for c in cohorts]
if st.session_state.get("cohort_id") not in ids:  # none chosen yet, or the chosen one was just deleted
    # the one the address names (a reload, a bookmark), if it is one of this educator's; else the newest
    asked = st.query_params.get("cohort", "")
    st.session_state["cohort_id"] = int(asked) if asked.isdigit() and int(asked) in ids else ids[-1]
by_id = {c.id: c for c in cohorts}
labels = {c.id: f"{c.name} · {charts.count(c.members, 'learner')}" for c in cohorts}
# the browser knows a choice by its label: when a label changes (a rename, a learner joining), the
# box kept showing the old one, so a new set of labels gets a new box, on the cohort chosen before
shown = zlib.crc32("\n".join(labels.values()).encode())
with st.container(horizontal=True, vertical_alignment="bottom"):  # one row: the dashboard starts higher
    st.session_state["cohort_id"] = st.selectbox("Cohort", ids, index=ids.index(st.session_state["cohort_id"]),
                                                 format_func=labels.__getitem__, key=f"cohort_choice:{shown}",
                                                 width="stretch")
    cohort = by_id[st.session_state["cohort_id"]]
    st.query_params["cohort"] = str(cohort.id)
    st.metric("Join code", cohort.display_code, width="content",
              help="Learners type this to join, when they sign up (Getting started) or on their Profile page.")
    # the code may be handed out already: ask before it stops working
    st.button("New code", icon=":material/autorenew:", on_click=lambda: st.session_state.update(code_confirm=cohort.id),
              help="The current code stops working; learners already in stay in.")
    if st.button("Refresh", icon=":material/refresh:", help="Read the latest activity now (otherwise every minute)."):
        dashboard.clear()
    cohort_manage.manage(wb, user, cohort, forget=dashboard.clear)
if st.session_state.get("code_confirm") not in (None, cohort.id):  # asked of another cohort, then left: dropped,
    st.session_state.pop("code_confirm")  # or it came back, unasked, on going back to that cohort
if st.session_state.get("code_confirm") == cohort.id:
    st.warning(f"Make a new join code? **{cohort.display_code}** stops working at once: learners who have not joined "
               "yet will need the new one. Learners already in stay in.", icon=":material/warning:")
    with st.container(horizontal=True):
        st.button("Yes, new code", key="code_confirm_yes", type="primary", on_click=regenerate, args=(cohort.id,))
        st.button("Cancel", key="code_confirm_cancel", on_click=lambda: st.session_state.pop("code_confirm", None))
if st.session_state.pop("code_changed", False):
    st.success("A new join code is ready; the old one no longer works.", icon=":material/check:")

if cohort.members == 0:
    st.info(f"No learners yet. Give them the code **{cohort.display_code}**.", icon=":material/info:")
    st.stop()

try:
    board = dashboard(user.id, cohort.id, wb.cohorts_version(user.id), user.time_zone)
except AccessDenied as exc:
    st.error(str(exc))
    st.stop()
learners = board.learners
# the tables' "Name": a learner's name, with their username where two learners of the cohort share it, as in
# the heatmap (the username column is hidden by default: two Ada Byrons looked the same)
named = cohort_charts.learner_labels(learners).select("user_id", name="learner")

with st.container(horizontal=True):
    st.metric("Learners", learners.height)
    st.metric("Active, last 7 days", board.active_learners,
              help="Learners who practised in the last 7 days (the charts' weeks run from Monday).")
    st.metric("At risk", board.at_risk.height, help="Inactive, falling success or rising hint use: see At risk.")
    st.metric("Median solved", number(float(learners["solved"].median() or 0)),  # type: ignore[arg-type]
              help="Exercises solved per learner.")

activity, people, risk, items, mastery, one = st.tabs(
    ["Activity", "Learners", "At risk", "Items", "Mastery", "One learner"], key="dashboard_tabs")

with activity:
    left, right = st.columns([3, 2])
    left.altair_chart(cohort_charts.activity_chart(board.active_days, board.active_weeks, today=board.today),
                      width="stretch")
    left.caption(f"Days and weeks (from Monday) are those of your time zone, {board.zone}: "
                 "you can change it on your Profile.")
    right.write(cohort_charts.activity_summary(board.active_days, board.active_weeks, today=board.today))
    left.altair_chart(cohort_charts.progress_chart(learners))
    right.write(cohort_charts.progress_summary(learners))
    with st.container(horizontal=True):
        csv_button(board.active_days, "active_days", "Daily activity (CSV)")
        csv_button(board.active_weeks, "active_weeks", "Weekly activity (CSV)")

with people:
    # in 540 px the columns an educator scans first show, the name pinned; the rest are a click away (the
    # table's eye icon) and in the CSV. Rates as whole percents of 0-100 (the CSV keeps 0-1): Streamlit's
    # "percent" format shows every decimal
    # a learner without tries has no day last active nor rate: blank, not "None"
    st.dataframe(learners.drop("name").join(named, on="user_id", how="left", maintain_order="left").select(
                     "name", "username", "last_day", "days_inactive", "active_days", "attempts",
                     pl.col("success_rate") * 100, "solved", "hints_per_attempt", "level",
                     # no skill to work on, after tries: every one is mastered (blank read as unknown)
                     pl.when(pl.col("next_skill_name").is_null() & (pl.col("attempts") > 0)).then(pl.lit(ALL_MASTERED))
                     .otherwise(pl.col("next_skill_name")).alias("next_skill_name")),
                 hide_index=True, placeholder="",
                 column_order=["name", "last_day", "success_rate", "solved", "level", "next_skill_name"],
                 row_height=wrapped_row_height((named["name"], NAME_CHARS)),
                 column_config={"name": st.column_config.TextColumn("Name", width=NAME_WIDTH, pinned=True),
                                "username": "Username",
                                "last_day": st.column_config.DateColumn(
                                    "Last active", format="D MMM", help=f"The day of the latest practice in your time "
                                    f"zone, {board.zone}, as the Activity charts count days (the CSV has the year, and "
                                    "the time in UTC)."),
                                "days_inactive": "Days inactive", "active_days": "Active days", "attempts": "Tries",
                                "success_rate": st.column_config.NumberColumn(
                                    "Passed", format="%.0f%%", help="The learner's tries that passed."),
                                "solved": st.column_config.NumberColumn("Solved", help="Exercises passed at least once."),
                                "hints_per_attempt": st.column_config.NumberColumn("Hints per try", format="%.1f"),
                                "level": st.column_config.NumberColumn("Level", help=LEVEL_HELP),
                                "next_skill_name": st.column_config.TextColumn("Work on next", help=NEXT_SKILL_HELP)})
    st.caption("Username, days inactive, active days, tries and hints per try: show them with the table's "
               ":material/visibility: menu, or download the CSV.")
    csv_button(learners, "learners")

with risk:
    if board.at_risk.is_empty():
        st.success("No learner is at risk right now.", icon=":material/check:")
    else:
        st.caption("Inactive for a week or more, success falling by 20 points or hints per try rising by 0.5 "
                   f"({board.trend_window}, with 5 tries or more in each).")
        # the reasons in full, wrapped: cut off at the edge, "success fell from 80% to…" said nothing
        at_risk = board.at_risk.drop("name").join(named, on="user_id", how="left", maintain_order="left")
        st.dataframe(at_risk.select("name", "username", "flags", "reason"), hide_index=True, placeholder="",
                     column_order=["name", "reason"],
                     row_height=wrapped_row_height((at_risk["reason"], REASON_CHARS),
                                                   (at_risk["name"], NAME_CHARS)),
                     column_config={"name": st.column_config.TextColumn("Name", width=NAME_WIDTH, pinned=True),
                                    "username": "Username", "flags": "Flags",
                                    "reason": st.column_config.TextColumn("Why", width=WHY_WIDTH)})
    csv_button(board.at_risk, "at_risk")

with items:
    left, right = st.columns([3, 2])
    left.altair_chart(cohort_charts.items_chart(board.items))
    right.write(cohort_charts.items_summary(board.items))
    flagged = board.items.filter(pl.col("flag"))
    if not flagged.is_empty():  # the why in full, wrapped, apart from the figures of every exercise
        st.dataframe(flagged.select("title", "why"), hide_index=True,
                     row_height=wrapped_row_height((flagged["why"], REASON_CHARS), (flagged["title"], NAME_CHARS)),
                     column_config={"title": st.column_config.TextColumn("Flagged exercise", width=NAME_WIDTH,
                                                                         pinned=True),
                                    "why": st.column_config.TextColumn("Why", width=WHY_WIDTH)})
    st.dataframe(board.items.select("title", "authored_level", "calibrated_level", pl.col("pass_rate") * 100,
                                    "attempts", "learners", "median_duration_s", "hints_per_attempt", "why"),
                 hide_index=True,
                 column_order=["title", "authored_level", "calibrated_level", "pass_rate", "attempts"],
                 # numbers narrow, labels short (their help says more), so the titles get the width
                 column_config={"title": st.column_config.TextColumn("Exercise", width=280, pinned=True),
                                "authored_level": st.column_config.NumberColumn(
                                    "Level", width=55, help="The level the exercise was written for, 1 to 10."),
                                "calibrated_level": st.column_config.NumberColumn(
                                    "Plays at", format="%.1f", width=70,
                                    help="The level the model puts it at, from every learner's results."),
                                "pass_rate": st.column_config.NumberColumn("Passed", format="%.0f%%", width=65,
                                                                           help="The cohort's tries that passed."),
                                "attempts": st.column_config.NumberColumn("Tries", width=55), "learners": "Learners",
                                "median_duration_s": st.column_config.NumberColumn("Median time", format="%.0f s"),
                                "hints_per_attempt": st.column_config.NumberColumn("Hints per try", format="%.1f"),
                                "why": "Flagged because"})
    st.caption("Learners, median time and hints per try: show them with the table's :material/visibility: menu, "
               "or download the CSV.")
    csv_button(board.items, "items")

with mastery:
    shown = cohort_charts.heatmap_rows(board.mastery, board.at_risk)
    # the grid the whole width, its words under it: beside it, in a narrow window, twelve skills had 320 px
    st.altair_chart(cohort_charts.mastery_heatmap(shown, learners))
    st.write(cohort_charts.mastery_summary(board.mastery))
    st.write(cohort_charts.next_skill_summary(board.mastery))
    chosen = cohort_charts.heatmap_caption(shown, learners.height)
    if chosen:
        st.caption(chosen)
    csv_button(board.mastery, "mastery")

with one:
    names = dict(zip(learners["user_id"].to_list(),
                     (learners["name"] + " (" + learners["username"] + ")").to_list(), strict=True))
    picked = st.selectbox("Learner", list(names), index=None, format_func=names.get, key="drill_learner",
                          placeholder="Choose a learner to see their progress (read-only)")
    try:
        report = None if picked is None else wb.learner_progress_for(user.id, picked)
    except AccessDenied:  # they left after this run read the dashboard: the next run has them gone
        st.warning(f"{literal(names[picked])} left this cohort, so their progress is no longer shown "
                   "to you. Refresh to see the cohort as it is now.", icon=":material/person_remove:")
        report = None
    if report is not None:
        figures = report.progress
        with st.container(horizontal=True):
            st.metric("Level", report.level)
            st.metric("Tries", figures.summary.attempts)
            st.metric("Solved", figures.summary.exercises_solved)
            st.metric("Current streak", charts.count(figures.streaks.current, "day"))
        if figures.empty:
            st.info(f"{literal(report.name)} has not tried an exercise yet.")  # names as typed, not markdown
        else:
            left, right = st.columns([3, 2])
            left.altair_chart(charts.mastery_chart(figures.mastery))
            voice = charts.Voice.about(literal(report.name))
            right.write(charts.mastery_summary(figures.mastery, voice))
            left.altair_chart(charts.success_chart(figures.weekly))
            right.write(charts.success_summary(figures.weekly, voice))
            st.subheader("Latest tries")
            st.dataframe(report.attempts, hide_index=True,  # the title, as on History; the CSV has the id too
                         column_order=["submitted_at", "title", "passed", "hints_used", "duration_s"],
                         column_config={"submitted_at": st.column_config.DatetimeColumn("When (UTC)", format=MOMENT),
                                        "title": "Exercise", "passed": "Passed", "hints_used": "Hints",
                                        "duration_s": st.column_config.NumberColumn("Seconds", format="%.0f")})
        with st.container(horizontal=True):
            for name, frame in report.tables().items():
                csv_button(frame, f"{report.username}_{name}", f"{name.title()} (CSV)")
