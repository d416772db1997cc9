"""The progress report: a learner's Progress page as one PDF, charts and their summaries included.

Every chart of ``engine.charts`` goes into a Vega-Lite specification per page (a column of charts,
each titled with its summary), rendered to PDF by vl-convert (no browser and no network) and
joined into one file by pypdf. Use ``Workbench.progress_report``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import altair as alt
import polars as pl
import vl_convert as vlc
from pypdf import PdfReader, PdfWriter

from engine import chart_words, charts
from engine.achievements import AchievementStatus
from engine.clock import to_naive_utc
from engine.progress import Progress


def report_pages(progress: Progress, achievements: Sequence[AchievementStatus], learner_name: str,
                 now: datetime) -> list[Any]:
    """The report as themed Vega-Lite charts, one per page (what ``pdf`` renders): two or three
    sections a page, so that it prints on ordinary paper instead of one page as tall as them all."""
    def titled(title: str, summary: str) -> alt.TitleParams:
        return alt.Title(title, subtitle=chart_words.wrap(summary))

    pages = [
        [charts.layer_calendar(progress.calendar, titled("Practice calendar", charts.calendar_summary(progress.calendar))),
         charts.layer_mastery(progress.mastery, titled("Skills", charts.mastery_summary(progress.mastery)))],
        [charts.layer_success(progress.weekly, titled("Success rate and difficulty, by week",
                                                      charts.success_summary(progress.weekly))),
         charts.layer_time(progress.weekly, titled("Time on task, by week",
                                                   charts.time_summary(progress.weekly, today=progress.today)),
                           today=progress.today)],
        [charts.layer_hints(progress.exercises, titled("Hints per exercise", charts.hints_summary(progress.exercises))),
         _achievement_list(achievements)],
    ]
    first = alt.Title(f"Progress report: {learner_name}", subtitle=headline(progress, now), fontSize=20,
                      subtitleFontSize=13, offset=16)
    titles = [first] + [alt.Title(f"Progress report: {learner_name}", subtitle=f"Page {k} of {len(pages)}", fontSize=14,
                                  subtitleFontSize=11, offset=16) for k in range(2, len(pages) + 1)]
    return [charts.themed(alt.vconcat(*sections, spacing=36, title=title, padding=28))
            for sections, title in zip(pages, titles, strict=True)]


def pdf(progress: Progress, achievements: Sequence[AchievementStatus], learner_name: str, now: datetime) -> bytes:
    """The report as PDF bytes: each page rendered by vl-convert, the pages joined in one file."""
    joined = PdfWriter()
    for page in report_pages(progress, achievements, learner_name, now):
        joined.append(PdfReader(io.BytesIO(vlc.vegalite_to_pdf(page.to_json()))))
    out = io.BytesIO()
    joined.write(out)
    return out.getvalue()


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
