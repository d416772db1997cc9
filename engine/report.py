"""The progress report: a learner's Progress page as one PDF, charts and their summaries included.

Every chart of ``engine.charts`` and ``engine.calendar_chart`` goes into a Vega-Lite specification
per page (a column of charts, each titled with its summary), rendered to PDF by vl-convert (no
browser and no network); each rendering is then laid on an A4 sheet by pypdf, shrunk to fit within
the margins when it is wider or taller, with its page number at the foot ("Page 1 of 3"), and the
sheets joined into one file. A4: the paper of most of the world (a Letter printer's "fit to page"
prints it whole). Use ``Workbench.progress_report``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import altair as alt
import polars as pl
import vl_convert as vlc
from pypdf import PageObject, PdfReader, PdfWriter, Transformation

from engine import calendar_chart, chart_words, charts
from engine.achievements import AchievementStatus
from engine.clock import to_naive_utc
from engine.progress import Progress

A4 = (595.28, 841.89)  # points
MARGIN = 40.0  # points, all round; the page number sits in the bottom one
SECTION_WIDTH = 440  # pixels (points, in the PDF): a chart's plot, narrower than on screen so a page fits A4
CALENDAR_SQUARE = 10  # pixels: the calendar's days, so its year of weeks fits the width of A4
SUBTITLE_CHARACTERS = 80  # a summary's lines under its chart's title


def report_pages(progress: Progress, achievements: Sequence[AchievementStatus], learner_name: str,
                 now: datetime) -> list[Any]:
    """The report as themed Vega-Lite charts, one per page (what ``pdf`` renders): two or three
    sections a page, so that it prints on A4 instead of one page as tall as them all."""
    def titled(title: str, summary: str) -> alt.TitleParams:
        return alt.Title(title, subtitle=chart_words.wrap(summary, SUBTITLE_CHARACTERS))

    def narrow(chart: Any) -> Any:  # the drawing's own width: its empty-state message, too
        return chart.properties(width=SECTION_WIDTH)

    calendar = calendar_chart.layer_calendar(
        progress.calendar, titled("Practice calendar", calendar_chart.calendar_summary(progress.calendar)))
    if not progress.calendar.is_empty():
        calendar = calendar.properties(width=alt.Step(CALENDAR_SQUARE), height=alt.Step(CALENDAR_SQUARE))
    pages = [
        [calendar, narrow(charts.layer_mastery(progress.mastery, titled("Skills", charts.mastery_summary(progress.mastery))))],
        [narrow(charts.layer_success(progress.weekly, titled("Success rate and difficulty, by week",
                                                             charts.success_summary(progress.weekly)))),
         narrow(charts.layer_time(progress.weekly, titled("Time on task, by week",
                                                          charts.time_summary(progress.weekly, today=progress.today)),
                                  today=progress.today, first_day=progress.first_day))],
        [narrow(charts.layer_hints(progress.exercises, titled("Hints per exercise",
                                                              charts.hints_summary(progress.exercises)))),
         _achievement_list(achievements)],
    ]
    first = alt.Title(f"Progress report: {learner_name}", subtitle=headline(progress, now), fontSize=20,
                      subtitleFontSize=13, offset=16)
    titles = [first] + [alt.Title(f"Progress report: {learner_name}", fontSize=14, offset=16)] * (len(pages) - 1)
    return [charts.themed(alt.vconcat(*sections, spacing=36, title=title, padding=0))
            for sections, title in zip(pages, titles, strict=True)]


def pdf(progress: Progress, achievements: Sequence[AchievementStatus], learner_name: str, now: datetime) -> bytes:
    """The report as PDF bytes: A4 pages, each a page of ``report_pages`` rendered by vl-convert,
    numbered at the foot."""
    pages = report_pages(progress, achievements, learner_name, now)
    joined = PdfWriter()
    for number, page in enumerate(pages, start=1):
        sheet = joined.add_blank_page(*A4)
        drawing = _rendered(page)
        width, height = float(drawing.mediabox.width), float(drawing.mediabox.height)
        scale = min(1.0, (A4[0] - 2 * MARGIN) / width, (A4[1] - 2 * MARGIN) / height)
        # from the top-left corner inside the margins, as a page is read
        sheet.merge_transformed_page(drawing, Transformation().scale(scale).translate(
            MARGIN, A4[1] - MARGIN - height * scale))
        foot = _rendered(_page_number(number, len(pages)))
        sheet.merge_transformed_page(foot, Transformation().translate(
            (A4[0] - float(foot.mediabox.width)) / 2, (MARGIN - float(foot.mediabox.height)) / 2))
    out = io.BytesIO()
    joined.write(out)
    return out.getvalue()


def _rendered(chart: Any) -> PageObject:
    return PdfReader(io.BytesIO(vlc.vegalite_to_pdf(chart.to_json()))).pages[0]


def _page_number(number: int, pages: int) -> Any:
    words = pl.DataFrame({"text": [f"Page {number} of {pages}"]})
    return (alt.Chart(words, width=120, height=12, padding=0).mark_text(fontSize=10, color=charts.MUTED)
            .encode(text="text:N").configure(font="sans-serif", background="white", view={"stroke": None}))


def headline(progress: Progress, now: datetime) -> list[str]:
    """The lines under the report's title: when, the streaks, the totals and the next skill."""
    s, streak = progress.summary, progress.streaks
    lines = [f"{chart_words.timed(to_naive_utc(now))}."]
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
    """The achievements as on the page: the unlocked first, then the locked, each in the catalogue's
    order; a row each, its detail (when unlocked, or how far along) on a second line."""
    ordered = [a for a in achievements if a.unlocked] + [a for a in achievements if not a.unlocked]
    rows = pl.DataFrame({
        "row": list(range(len(ordered))),
        "state": ["Unlocked" if a.unlocked else "Locked" for a in ordered],
        "line": [[f"{a.achievement.title}: {a.achievement.description}", f"{a.detail}."] for a in ordered],
    }, schema={"row": pl.Int64, "state": pl.String, "line": pl.List(pl.String)})
    title = alt.Title("Achievements", subtitle=f"{sum(a.unlocked for a in ordered)} of {len(ordered)} unlocked.")
    base = alt.Chart(rows, title=title)
    y = alt.Y("row:O", axis=None)
    state = base.mark_text(align="left", baseline="top", fontWeight="bold").encode(
        y=y, x=alt.value(0), text="state:N",
        color=alt.Color("state:N", legend=None,
                        scale=alt.Scale(domain=["Unlocked", "Locked"], range=[charts.MASTERED, charts.MUTED])))
    # a list of lines is drawn as lines, one under the other
    line = base.mark_text(align="left", baseline="top", color=charts.TEXT, lineHeight=15).encode(
        y=y, x=alt.value(80), text="line:N")
    return alt.layer(state, line, width=SECTION_WIDTH, height=alt.Step(36))
