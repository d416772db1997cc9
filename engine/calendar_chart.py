"""The practice calendar: a year of days, GitHub style, a square a day, darker for more tries, and
a text summary of the same days (for screen readers and the PDF report). It shows at a glance how
regularly a learner practises: the streaks and gaps a weekly chart would average away. The theme,
colours and empty state are those of ``engine.charts``, so it looks like the charts beside it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt
import polars as pl

from engine.chart_marks import mark_today
from engine.chart_words import count
from engine.chart_words import day as _day
from engine.charts import MUTED, PRIMARY, WIDTH, empty_chart, themed
from engine.progress import runs

EMPTY_DAY = "#ebedf0"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_SQUARE = 12  # pixels: a day of the practice calendar
SO_FAR_STROKE = MUTED  # today's calendar square, outlined (paler would read as fewer tries): engine.chart_marks


def layer_calendar(calendar: pl.DataFrame, title: str | alt.TitleParams = "Practice calendar", *,
                   fit: bool = False) -> alt.Chart:
    """A year of days, GitHub style: a column per week, a row per weekday, darker for more tries.
    The last day is today (``Progress.calendar`` ends there): its square is outlined, its colour its
    tries so far, and its tooltip says so.

    The squares keep their size (``DAY_SQUARE``), so the chart is as wide as its weeks, unless
    ``fit``: then it takes the width it is drawn at (a page's column, Streamlit's
    ``width="stretch"``) and shows the latest weeks that fit in it, the oldest left out on a narrow
    screen, so this week is always in sight and nothing spills over what stands beside or below."""
    if calendar.is_empty():
        return empty_chart(title, "No days to show yet.")
    monday = pl.col("day") - pl.duration(days=pl.col("day").dt.weekday() - 1)
    days = calendar.with_columns(
        monday.dt.to_string("%Y-%m-%d").alias("week"),
        pl.col("day").dt.weekday().map_elements(lambda d: WEEKDAYS[d - 1], return_dtype=pl.String).alias("weekday"),
        pl.col("day").dt.to_string("%a %-d %b %Y").alias("date"),
        pl.col("minutes").round(0).cast(pl.Int64).alias("minutes"),
    )
    days = mark_today(days, calendar["day"].max(), "date")  # type: ignore[arg-type]
    colour = (alt.when(alt.datum.attempts == 0).then(alt.value(EMPTY_DAY))
              .otherwise(alt.Color("attempts:Q", title="Tries a day", legend=alt.Legend(format="d", tickMinStep=1),
                                   scale=alt.Scale(range=["#c6d4fb", PRIMARY, "#1c3c96"], domainMin=1))))
    outline = alt.when(alt.datum.partial).then(alt.value(SO_FAR_STROKE)).otherwise(alt.value("white"))
    axis = alt.Axis(labelAngle=0, ticks=False, domain=False, labelOverlap=False,
                    labelExpr="utcdate(toDate(datum.value)) <= 7 ? utcFormat(toDate(datum.value), '%b') : ''")
    # sizes go to the constructor: .properties() checks each against the schema, slowly
    chart = alt.Chart(days, title=title, width=alt.Step(DAY_SQUARE), height=alt.Step(DAY_SQUARE))
    x = alt.X("week:O", title=None, axis=axis)
    if fit:
        # weeks before this one, so the latest are kept; ``width`` is the plot's, once drawn (a fixed
        # number, not a step: a step would make the width hang on the weeks, and the weeks on the width)
        days = days.with_columns(((monday.max() - monday).dt.total_days() // 7).cast(pl.Int64).alias("ago"))
        weeks = f"clamp(floor(width / {DAY_SQUARE}), 1, {days['week'].n_unique()})"
        chart = alt.Chart(days, title=title, width=WIDTH, height=alt.Step(DAY_SQUARE)).transform_filter(
            f"datum.ago < {weeks}")
        x = alt.X("week:O", title=None, axis=axis, scale=alt.Scale(range=[0, alt.ExprRef(f"{weeks} * {DAY_SQUARE}")]))
    return (chart.mark_rect(cornerRadius=2, stroke="white", strokeWidth=1.5)
            .encode(
                x=x, y=alt.Y("weekday:O", title=None, sort=list(WEEKDAYS), axis=alt.Axis(ticks=False, domain=False)),
                color=colour, stroke=outline,
                tooltip=[alt.Tooltip("date:N", title="Day"), alt.Tooltip("attempts:Q", title="Tries"),
                         alt.Tooltip("passes:Q", title="Passed"), alt.Tooltip("minutes:Q", title="Minutes")]))


def streak_calendar(calendar: pl.DataFrame) -> Any:
    return themed(layer_calendar(calendar))


def calendar_summary(calendar: pl.DataFrame) -> str:
    """E.g. "You practised on 31 of the last 371 days, 93 tries in all. Your longest streak in
    that time is 21 days; your busiest day was Wed 4 March 2026, with 5 tries."; counted from the
    first day practised when that is more recent ("3 of the 10 days since Wed 11 March 2026").
    The calendar's last day is today, not over yet: where the summary names it, it says "so far"
    ("You practised today, 2 tries so far."; "your busiest day was today, Fri 20 March 2026, with
    3 tries so far"), as the chart's outlined square does."""
    active = calendar.filter(pl.col("attempts") > 0)
    if active.is_empty():
        return f"No practice in the last {calendar.height} days yet: each day you practise fills a square."
    days: list[date] = active["day"].to_list()
    longest = max(length for _, length in runs(days))
    busiest = active.sort(["attempts", "day"], descending=[True, False]).row(0, named=True)
    last: date = calendar["day"].max()  # type: ignore[assignment]
    tries = count(int(active["attempts"].sum()), "try")
    span = (last - days[0]).days + 1  # from the first day practised in the calendar
    if span == 1:  # a new learner: "1 of the last 371 days", a streak of 1 and a busiest day told them nothing
        return f"You practised today, {tries} so far."
    if span >= calendar.height:
        lead = f"You practised on {active.height:,} of the last {calendar.height} days"
    elif active.height == span:
        lead = f"You practised on each of the {span} days since {_day(days[0])}"
    else:
        lead = f"You practised on {active.height:,} of the {span} days since {_day(days[0])}"
    today = busiest["day"] == last
    return (f"{lead}, {tries} in all. Your longest streak in that time is {count(longest, 'day')}; your busiest "
            f"day was {'today, ' if today else ''}{_day(busiest['day'])}, "
            f"with {count(busiest['attempts'], 'try')}{' so far' if today else ''}.")
