"""Marks the learner's and the cohort's charts share: a day or a week not over yet, drawn apart
from the finished ones, and axes of whole counts.

Today is not over: its figures are what it holds so far. Drawn like a finished day, a short day
would read as a drop; so its row is marked partial (``mark_today``, ``mark_this_week``) and the chart
draws it paler (``so_far_opacity``) or outlined (the calendar's square), its tooltip saying so. A
learner's first week is partial too when they started after its Monday (``mark_first_week``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import altair as alt
import polars as pl

from engine.chart_words import dated

SO_FAR = "today so far"
SO_FAR_WEEK = "this week so far"  # nor is this week: the same for a weekly chart's last bar or point
SO_FAR_OPACITY = 0.45  # today's (this week's) bar, paler than the finished days (weeks)


def mark_today(frame: pl.DataFrame, today: date | None, label: str) -> pl.DataFrame:
    """``frame`` (a row per ``day``) with a ``today`` column, true on ``today``'s row, and ", today so
    far" after that row's ``label`` (the text its tooltip shows): the figures stay exact, and the chart
    draws today's apart as a day not over yet (a paler bar, ``so_far_opacity``; an outlined calendar
    square). No row is today when ``today`` is None."""
    return _mark(frame, "day", today, label, SO_FAR)


def mark_this_week(frame: pl.DataFrame, today: date | None, label: str) -> pl.DataFrame:
    """``mark_today`` for a row per ``week`` (a date, its Monday): the ``today`` column is true on the
    week that holds ``today``, whose ``label`` ends ", this week so far". No row is marked when that
    week has none (no tries this week yet) or ``today`` is None."""
    monday = today - timedelta(days=today.weekday()) if today is not None else None
    return _mark(frame, "week", monday, label, SO_FAR_WEEK)


def mark_first_week(frame: pl.DataFrame, first_day: date | None, label: str) -> pl.DataFrame:
    """After ``mark_this_week``: the week of the learner's ``first_day`` is partial too, when that day is
    not its Monday (a short first week read as a slow start), and its ``label`` ends ", from <first day>"."""
    if first_day is None or first_day.weekday() == 0:
        return frame
    is_first = pl.col("week") == first_day - timedelta(days=first_day.weekday())
    return frame.with_columns(pl.col("partial") | is_first).with_columns(
        pl.when(is_first).then(pl.col(label) + f", from {dated(first_day)}").otherwise(pl.col(label)).alias(label))


def _mark(frame: pl.DataFrame, column: str, current: date | None, label: str, words: str) -> pl.DataFrame:
    is_current = pl.col(column) == current if current is not None else pl.lit(False)
    return frame.with_columns(is_current.alias("partial")).with_columns(
        pl.when(pl.col("partial")).then(pl.col(label) + f", {words}").otherwise(pl.col(label)).alias(label))


def so_far_opacity() -> Any:
    """The opacity of a daily or weekly bar: paler on the partial ones, today's or this week's (``mark_today``,
    ``mark_this_week``) or a first week begun after its Monday (``mark_first_week``), whole on the others."""
    return alt.when(alt.datum.partial).then(alt.value(SO_FAR_OPACITY)).otherwise(alt.value(1.0))


def whole_ticks(most: int, least: int = 0) -> alt.Axis:
    """An axis of counts from ``least`` to ``most``: whole numbers only. A few are listed outright, as
    some renderers put a tick at 0.5 despite a minimum step of 1 and "d" then labels it 1 again (0 1 1);
    more get Vega's own ticks, at least 1 apart."""
    if most - least <= 10:
        # with no minimum step: with one (given, or implied by the format "d") Vega lowers its tick count
        # below the values listed and thins them, and [0, 1, 2] showed as 0 and 2
        return alt.Axis(values=list(range(least, most + 1)), tickMinStep=0, format="d")
    return alt.Axis(tickMinStep=1, format="d")


def date_ticks(dates: pl.Series, most: int = 12) -> alt.Axis:
    """Ticks on the data's own dates (weeks' Mondays, say), every one or every few, at most ``most``:
    Vega's own fall on any day, daily ticks under weekly points. The year shows when they span more than one.
    For a ``utc`` scale over dates sent by ``utc_days``."""
    days: list[date] = dates.drop_nulls().unique().sort().to_list()
    step = -(-len(days) // most)  # ceiling
    shown = "%-d %b %Y" if days and days[0].year != days[-1].year else "%-d %b"
    return alt.Axis(values=[utc_day(d) for d in days[::step]], format=shown, labelOverlap=True)


def utc_days(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """``column``'s dates as the browser reads them in UTC, as the ``utc`` scales and the ticks do:
    "2026-11-16" (a date alone is UTC). Sent as dates, they went as local midnights ("...T00:00:00"),
    hours off the ticks far from UTC, with labels a day early west of it."""
    return frame.with_columns(pl.col(column).dt.to_string("%Y-%m-%d"))


def utc_day(day: date, hours: int = 0) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day, hours=hours, utc=True)
