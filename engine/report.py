"""The progress report: a learner's Progress page as one PDF, charts and their summaries included.

Every chart of ``engine.charts`` goes into one Vega-Lite specification (a column of charts, each
titled with its summary), rendered to PDF by vl-convert: no browser and no network. Use
``Workbench.progress_report``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import altair as alt
import polars as pl
import vl_convert as vlc

from engine import chart_words, charts
from engine.achievements import AchievementStatus
from engine.clock import to_naive_utc
from engine.progress import Progress


def report_chart(progress: Progress, achievements: Sequence[AchievementStatus], learner_name: str,
                 now: datetime) -> Any:
    """The whole report as one themed Vega-Lite chart (what ``pdf`` renders)."""
    def titled(title: str, summary: str) -> alt.TitleParams:
        return alt.Title(title, subtitle=chart_words.wrap(summary))

    sections = [
        charts.layer_calendar(progress.calendar, titled("Practice calendar", charts.calendar_summary(progress.calendar))),
        charts.layer_mastery(progress.mastery, titled("Skills", charts.mastery_summary(progress.mastery))),
        charts.layer_success(progress.weekly, titled("Success rate and difficulty, by week",
                                                     charts.success_summary(progress.weekly))),
        charts.layer_time(progress.weekly, titled("Time on task, by week", charts.time_summary(progress.weekly))),
        charts.layer_hints(progress.exercises, titled("Hints per exercise", charts.hints_summary(progress.exercises))),
        _achievement_list(achievements),
    ]
    title = alt.Title(f"Progress report: {learner_name}", subtitle=headline(progress, now), fontSize=20,
                      subtitleFontSize=13, offset=16)
    return charts.themed(alt.vconcat(*sections, spacing=36, title=title, padding=28))


def pdf(progress: Progress, achievements: Sequence[AchievementStatus], learner_name: str, now: datetime) -> bytes:
    """The report as PDF bytes (one page holding every chart)."""
    return bytes(vlc.vegalite_to_pdf(report_chart(progress, achievements, learner_name, now).to_json()))


def headline(progress: Progress, now: datetime) -> list[str]:
    """The lines under the report's title: when, the streaks, the totals and the next skill."""
    s, streak = progress.summary, progress.streaks
    lines = [f"{to_naive_utc(now):%d %B %Y, %H:%M} UTC."]
    if progress.empty:
        return lines + ["No tries yet: practise a little and your progress will show here."]
    lines.append(f"Current streak {charts.count(streak.current, 'day')}, longest {streak.longest}. "
                 f"{charts.count(s.attempts, 'try')}, {s.passes} passed, "
                 f"{charts.count(s.exercises_solved, 'different exercise')} solved, "
                 f"on {charts.count(s.active_days, 'day')}.")
    if progress.next_skill:
        lines += chart_words.wrap(f"Next: {progress.next_skill.name}, {progress.next_skill.reason}.")
    return lines


def _achievement_list(achievements: Sequence[AchievementStatus]) -> Any:
    unlocked = sum(a.unlocked for a in achievements)
    rows = pl.DataFrame({
        "row": list(range(len(achievements))),
        "state": ["Unlocked" if a.unlocked else "Locked" for a in achievements],
        "line": [f"{a.achievement.title}: {a.achievement.description} {a.detail}." for a in achievements],
    }, schema={"row": pl.Int64, "state": pl.String, "line": pl.String})
    base = alt.Chart(rows, title=alt.Title("Achievements", subtitle=f"{unlocked} of {len(achievements)} unlocked."))
    y = alt.Y("row:O", axis=None)
    state = base.mark_text(align="left", fontWeight="bold").encode(
        y=y, x=alt.value(0), text="state:N",
        color=alt.Color("state:N", legend=None,
                        scale=alt.Scale(domain=["Unlocked", "Locked"], range=[charts.MASTERED, charts.MUTED])))
    line = base.mark_text(align="left", color=charts.TEXT).encode(y=y, x=alt.value(80), text="line:N")
    return alt.layer(state, line, width=charts.WIDTH, height=alt.Step(20))
