"""Progress: the learner's streaks, their charts with a summary beside each, the skill to work on
next, their achievements and their data to download."""

from __future__ import annotations

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from datetime import date
from typing import Any

from engine import calendar_chart, charts
from engine.achievements import AchievementStatus
from engine.progress import Progress
from engine.takeout import MEDIA_TYPES
from ui.session import require_user, workbench

CHARTS = {  # title: (its chart of the learner's figures, its summary of the same), each from the Progress
    # a year of weeks: as many of the latest as fit the page's width, this week always in sight
    "Practice calendar": (lambda p: calendar_chart.layer_calendar(p.calendar, fit=True),
                          lambda p: calendar_chart.calendar_summary(p.calendar)),
    "Skills": (lambda p: charts.layer_mastery(p.mastery), lambda p: charts.mastery_summary(p.mastery)),
    "Success rate and difficulty": (lambda p: charts.layer_success(p.weekly), lambda p: charts.success_summary(p.weekly)),
    # the last week is this one, not over yet: the chart marks it as so far, and the summary says so
    "Time on task": (lambda p: charts.layer_time(p.weekly, today=p.today, first_day=p.first_day),
                     lambda p: charts.time_summary(p.weekly, today=p.today)),
    "Hints per exercise": (lambda p: charts.layer_hints(p.exercises), lambda p: charts.hints_summary(p.exercises)),
}
FULL_WIDTH = {"Practice calendar"}  # the whole width, its summary under it: beside it, the year would not fit
ACHIEVEMENTS_A_ROW = 4


@st.cache_data(show_spinner="Reading your progress…", max_entries=256)
def figures(user_id: int, version: int, day: date, zone: str
            ) -> tuple[Progress, list[AchievementStatus], dict[str, tuple[dict[str, Any], str]]]:
    """The learner's figures, achievements and chart specifications, cached until their next activity,
    their next day (``day``, the learner's today: the calendar ends there, the streak counts to it) or
    a new time zone (``zone``, where their days begin)."""
    wb = workbench()
    progress = wb.progress(user_id, version)
    achievements = wb.achievements(user_id, progress)
    specs = {}
    for title, (build, summarize) in CHARTS.items():
        specs[title] = (charts.specification(build(progress)), summarize(progress))
    return progress, achievements, specs


def days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def your_data(report: bool) -> None:
    """The downloads of everything kept about the learner; with the progress ``report`` once there is progress.
    Drawn before any submission too: the interview's answers, conversations and memories are kept from the start."""
    st.header("Your data")
    st.caption("Download everything the workbench keeps about you: your account (never your password) and interview "
               "answers, attempts and drafts, activity, skill estimates, level history and practice schedule, "
               "achievements, tutor conversations and what the tutor remembers, exercises you asked a model to write, "
               "your cohorts and settings. Only your own data is included.")
    # a row of buttons as wide as their labels, wrapping when the page is narrow: in three equal columns,
    # "Progress report (PDF)" was cut off at 1000 px with the sidebar open
    with st.container(horizontal=True):
        st.download_button("CSV files (zip)", data=lambda: wb.export_data(user.id, "csv"), file_name="workbench-data.zip",
                           mime=MEDIA_TYPES["csv"], icon=":material/table:", on_click="ignore",
                           help="One CSV file per table, in a zip.")
        st.download_button("JSON", data=lambda: wb.export_data(user.id, "json"), file_name="workbench-data.json",
                           mime=MEDIA_TYPES["json"], icon=":material/data_object:", on_click="ignore",
                           help="Everything in one JSON document.")
        if report:
            st.download_button("Progress report (PDF)", data=lambda: wb.progress_report(user.id),
                               file_name="progress-report.pdf", mime=MEDIA_TYPES["pdf"], icon=":material/picture_as_pdf:",
                               on_click="ignore", help="These charts and their summaries, ready to print or share.")


wb = workbench()
user = require_user()
st.title("Progress")

local_now = wb.local_now(user.id)
progress, achievements, specs = figures(user.id, wb.activity_version(user.id), local_now.date(), str(local_now.tzinfo))

if progress.empty:
    st.info("Nothing to show yet: your streaks, skills and charts appear here after your first submission. "
            "Solve an exercise on the Practice page, then come back.", icon=":material/insights:")
    st.page_link("pages/practice.py", label="Start practising", icon=":material/code:")
    your_data(report=False)
    st.stop()

summary, streak = progress.summary, progress.streaks
current, longest, solved, rate = st.columns(4)
current.metric("Current streak", days(streak.current),
               help="Days in a row with at least one submission, up to today (or yesterday: today is not over).")
longest.metric("Longest streak", days(streak.longest))
solved.metric("Exercises solved", f"{summary.exercises_solved}", help="Different exercises you have passed.")
rate.metric("Tries passed", f"{round(100 * (summary.success_rate or 0))}%",
            help=f"{summary.passes} of {summary.attempts} submissions passed.")
if not streak.practised_today and streak.current:
    st.caption(f"Practise today to make it {days(streak.current + 1)}.")

if progress.next_skill:
    st.info(f"**Work on next: {progress.next_skill.name}**, {progress.next_skill.reason}.", icon=":material/flag:")

for title, (spec, text) in specs.items():
    if title in FULL_WIDTH:
        st.vega_lite_chart(spec, theme=None, width="stretch")
        st.markdown(text)
        continue
    chart, words = st.columns([3, 1], vertical_alignment="center")
    with chart:
        st.vega_lite_chart(spec, theme=None, width="stretch")
    with words:
        st.markdown(text)


def achievement_card(status: AchievementStatus) -> None:
    a = status.achievement
    if status.unlocked:
        st.markdown(f":material/{a.icon}: **{a.title}**")
        st.caption(f"{a.description} {status.detail}.")
    else:
        st.markdown(f":gray[:material/lock: {a.title}]")
        st.caption(a.description)
        st.progress(status.progress, text=status.detail)


st.header("Achievements")
earned = [a for a in achievements if a.unlocked]
st.caption(f"{len(earned)} of {len(achievements)} unlocked.")
# read row by row: what the learner has earned first, then what is still to earn (each in the
# catalogue's order, which keeps a ladder such as 7, 30 and 100 days together), locked cards on rows
# of their own; the cards of a row are as tall as its tallest
for group in (earned, [a for a in achievements if not a.unlocked]):
    for start in range(0, len(group), ACHIEVEMENTS_A_ROW):
        for column, status in zip(st.columns(ACHIEVEMENTS_A_ROW), group[start:start + ACHIEVEMENTS_A_ROW], strict=False):
            with column.container(border=True, height="stretch"):
                achievement_card(status)

your_data(report=True)
