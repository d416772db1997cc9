"""The progress charts (engine/charts.py, engine/calendar_chart.py), tested on their data and their
Vega-Lite specification (encodings, tooltips, the values they carry), not their pixels; and the text
summary of each."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import altair as alt
import polars as pl
import pytest
import vl_convert
from factories import BANK_DIR, new_learner
from practice_history import Try, record

from engine import calendar_chart, chart_marks, charts
from engine.progress import MASTERY_LEVEL, calendar_start
from engine.workbench import Workbench

TODAY = date(2026, 3, 20)


def spec(chart: Any) -> dict[str, Any]:
    return chart.to_dict()


def values(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the chart's (first) data set."""
    name = spec["data"]["name"] if "data" in spec else next(iter(spec["datasets"]))
    return spec["datasets"][name]


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def tooltip_fields(layer: dict[str, Any]) -> list[str]:
    return [t["field"] for t in layer["encoding"]["tooltip"]]


def calendar_frame(active: dict[int, int]) -> pl.DataFrame:
    """A year of days to TODAY; ``active``: days before TODAY -> tries that day."""
    start = calendar_start(TODAY)
    days = [start + timedelta(days=i) for i in range((TODAY - start).days + 1)]
    attempts = [active.get((TODAY - d).days, 0) for d in days]
    return pl.DataFrame({"day": days, "attempts": attempts, "passes": [a // 2 for a in attempts],
                         "minutes": [a * 7.4 for a in attempts]})


def weekly_frame(rows: list[tuple[date, int, int, float, float]]) -> pl.DataFrame:
    """(week, tries, passes, mean difficulty, minutes) rows."""
    return pl.DataFrame({"week": [r[0] for r in rows], "attempts": [r[1] for r in rows], "passes": [r[2] for r in rows],
                         "success_rate": [r[2] / r[1] for r in rows], "mean_difficulty": [r[3] for r in rows],
                         "minutes": [r[4] for r in rows], "hints": [0 for _ in rows]},
                        schema_overrides={"attempts": pl.Int64, "passes": pl.Int64, "hints": pl.Int64})


def mastery_frame() -> pl.DataFrame:
    rows = [("strings", "Strings", 6.2, 0.6, 30, 25, True, "mastered"),
            ("loops", "Loops", 3.1, 1.0, 12, 6, False, "next"),
            ("lists", "Lists", 4.0, 1.3, 5, 4, False, "practising"),
            ("classes", "Classes", 0.2, 1.9, 0, 0, False, "not started")]
    return pl.DataFrame({
        "skill": [r[0] for r in rows], "name": [r[1] for r in rows], "ability": [(r[2] - 3.5) * 0.6 for r in rows],
        "sd": [r[3] * 0.6 for r in rows], "evidence": [r[4] for r in rows], "level": [r[2] for r in rows],
        "low": [r[2] - r[3] for r in rows], "high": [r[2] + r[3] for r in rows], "attempts": [r[4] for r in rows],
        "passes": [r[5] for r in rows], "mastered": [r[6] for r in rows], "status": [r[7] for r in rows]})


def exercises_frame(n: int = 15) -> pl.DataFrame:
    return pl.DataFrame({"exercise_id": [f"python/x{i}" for i in range(n)], "title": [f"Exercise {i}" for i in range(n)],
                         "attempts": [4] * n, "passes": [3] * n, "hints": [i % 5 for i in range(n)],
                         "hints_per_attempt": [(i % 5) / 4 for i in range(n)], "minutes": [10.0] * n,
                         "last_at": [None] * n})


# -- the streak calendar ---------------------------------------------------------------------


def test_the_calendar_is_a_grid_of_weeks_and_weekdays() -> None:
    frame = calendar_frame({0: 3, 1: 1, 9: 5})
    s = spec(calendar_chart.streak_calendar(frame))
    rows = values(s)
    assert len(rows) == frame.height
    encoding = s["encoding"]
    assert (encoding["x"]["field"], encoding["x"]["type"]) == ("week", "ordinal")
    assert (encoding["y"]["field"], encoding["y"]["sort"]) == ("weekday", list(calendar_chart.WEEKDAYS))
    assert tooltip_fields(s) == ["date", "attempts", "passes", "minutes"]
    # an empty day is grey; days with tries are coloured by how many
    assert encoding["color"]["condition"] == {"test": "(datum.attempts === 0)", "value": calendar_chart.EMPTY_DAY}
    assert encoding["color"]["field"] == "attempts"
    today = next(r for r in rows if r["date"] == "Fri 20 Mar 2026, today so far")
    assert (today["weekday"], today["week"], today["attempts"]) == ("Fri", "2026-03-16", 3)
    assert {r["week"] for r in rows} == {(calendar_start(TODAY) + timedelta(weeks=w)).isoformat() for w in range(53)}
    assert s["config"]["range"]["category"][0] == charts.PRIMARY  # the theme


def drawn_calendar(chart: Any, width: int | None = None) -> tuple[list[str], float]:
    """The weeks a calendar draws, as Vega's renderer lays it out (at ``width`` pixels, as a page's
    column gives it, if set), and the width of the drawing."""
    s = charts.specification(chart)
    if width is not None:
        s["width"] = width
    svg = vl_convert.vegalite_to_svg(json.dumps(s))
    weeks = sorted({m for m in re.findall(r'aria-label="week: ([0-9-]+);', svg)})
    return weeks, float(re.search(r'<svg[^>]* width="([0-9.]+)"', svg).group(1))


@pytest.mark.parametrize(("width", "weeks"), [(330, 27), (600, 50), (790, 53)],
                         ids=["a phone", "a column", "a wide screen"])
def test_a_calendar_fitted_to_its_column_keeps_the_latest_weeks_in_sight(width: int, weeks: int) -> None:
    """On the page the calendar takes its column's width: the squares keep their size, the latest weeks
    that fit are drawn and the oldest left out, so nothing spills past the column or hides this week."""
    frame = calendar_frame({0: 3, 1: 1, 9: 5, 300: 2})
    drawn, drawing = drawn_calendar(calendar_chart.layer_calendar(frame, fit=True), width)
    assert len(drawn) == weeks == min(53, width // calendar_chart.DAY_SQUARE)
    assert drawn[-1] == "2026-03-16", "this week, always"
    assert drawing <= width + 40, "no wider than its column, but for the weekdays' labels"


def test_the_reports_calendar_shows_the_whole_year() -> None:
    """Unfitted (the PDF report), the calendar is as wide as its 53 weeks of squares."""
    drawn, drawing = drawn_calendar(calendar_chart.layer_calendar(calendar_frame({0: 3})))
    assert len(drawn) == 53 and drawing >= 53 * calendar_chart.DAY_SQUARE


@pytest.mark.parametrize(("active", "tries_today"), [({0: 3, 1: 1}, 3), ({1: 2}, 0)],
                         ids=["practised today", "not yet today"])
def test_todays_square_is_outlined_as_so_far_with_its_exact_tries(active: dict[int, int], tries_today: int) -> None:
    """The day is not over: today's square keeps the colour of its tries so far (a paler one would read as fewer
    tries), is outlined, and its tooltip says so."""
    s = spec(calendar_chart.streak_calendar(calendar_frame(active)))
    assert s["encoding"]["stroke"] == {"condition": [{"test": "datum.partial", "value": calendar_chart.SO_FAR_STROKE}],
                                       "value": "white"}
    assert "opacity" not in s["encoding"], "the colour is the count: not paler"
    rows = values(s)
    [today] = [r for r in rows if r["partial"]]
    assert today == rows[-1], "the calendar's last day"
    assert (today["date"], today["attempts"]) == ("Fri 20 Mar 2026, today so far", tries_today)
    assert not any(r["date"].endswith("so far") for r in rows[:-1])


def test_a_learners_calendar_marks_their_today(clocked: Workbench) -> None:
    """From the Progress figures to the chart: today's square is ``Progress.today``, with every try so far."""
    ada = new_learner(clocked)
    record(clocked, ada, MONDAY, [Try(17), Try(18, passed=False), Try(18, minute=5)])  # the 19th, then two on the 20th
    progress = clocked.progress(ada)
    [today] = [r for r in values(spec(calendar_chart.streak_calendar(progress.calendar))) if r["partial"]]
    assert (progress.today, today["date"], today["attempts"], today["passes"]) == (
        TODAY, "Fri 20 Mar 2026, today so far", 2, 1)


@pytest.mark.parametrize(("active", "expected"), [
    ({}, "No practice in the last 369 days yet: each day you practise fills a square."),
    ({0: 3, 1: 1, 9: 5}, "You practised on 3 of the 10 days since Wed 11 March 2026, 9 tries in all. Your longest "
                         "streak in that time is 2 days; your busiest day was Wed 11 March 2026, with 5 tries."),
    ({4: 1}, "You practised on 1 of the 5 days since Mon 16 March 2026, 1 try in all. Your longest streak in that "
             "time is 1 day; your busiest day was Mon 16 March 2026, with 1 try."),
    ({0: 2}, "You practised today, 2 tries so far."),
    ({0: 5, 1: 1}, "You practised on each of the 2 days since Thu 19 March 2026, 6 tries in all. Your longest streak "
                   "in that time is 2 days; your busiest day was today, Fri 20 March 2026, with 5 tries so far."),
    ({0: 1, 1: 1, 2: 3}, "You practised on each of the 3 days since Wed 18 March 2026, 5 tries in all. Your longest "
                         "streak in that time is 3 days; your busiest day was Wed 18 March 2026, with 3 tries."),
    ({0: 1, 368: 2}, "You practised on 2 of the last 369 days, 3 tries in all. Your longest streak in that time is "
                     "1 day; your busiest day was Mon 17 March 2025, with 2 tries."),
], ids=["nothing", "three days", "one day", "today only", "busiest today", "every day", "a year"])
def test_calendar_summary(active: dict[int, int], expected: str) -> None:
    assert calendar_chart.calendar_summary(calendar_frame(active)) == expected


# -- mastery ---------------------------------------------------------------------------------


def test_mastery_shows_each_skill_with_its_uncertainty_and_the_next_one() -> None:
    s = spec(charts.mastery_chart(mastery_frame()))
    rule, band, point, label = s["layer"]
    assert (rule["mark"]["type"], rule["encoding"]["x"]["datum"]) == ("rule", MASTERY_LEVEL)
    assert (band["encoding"]["x"]["field"], band["encoding"]["x2"]["field"]) == ("low", "high")
    assert point["encoding"]["x"]["field"] == "shown"
    assert band["encoding"]["y"]["sort"] == ["Strings", "Loops", "Lists", "Classes"]  # curriculum order
    assert tooltip_fields(point) == ["name", "estimate", "range", "evidence", "attempts", "passes", "status"]
    colours = point["encoding"]["color"]["scale"]
    assert dict(zip(colours["domain"], colours["range"], strict=True))["next"] == charts.ACCENT
    assert label["transform"] == [{"filter": "(datum.status === 'next')"}]
    assert label["encoding"]["text"] == {"value": "work on this next"}
    rows = values(s)
    loops = next(r for r in rows if r["skill"] == "loops")
    assert (loops["low"], loops["high"], loops["range"]) == (2.1, 4.1, "2.1 to 4.1")
    classes = next(r for r in rows if r["skill"] == "classes")
    assert (classes["shown"], classes["low"]) == (1.0, 1.0)  # clipped to the 1..10 scale


NARROWEST_PLOT = 280  # pixels: the Skills plot beside its summary at 1000 px with the sidebar open (and on Cohorts)


def drawn_width(spec: dict[str, Any]) -> float:
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    return float(re.search(r'<svg[^>]* width="([0-9.]+)"', svg).group(1))


def test_the_skills_chart_says_what_its_marks_are_within_its_width() -> None:
    """The axis title ran past a narrow plot and was cut ("...; dashed: mastere"): it is short, and what the
    bars and the dashed line are is a subtitle, under the title. Neither makes the drawing wider."""
    s = charts.specification(charts.layer_mastery(mastery_frame()).properties(width=NARROWEST_PLOT))
    axis_title = s["layer"][1]["encoding"]["x"]["title"]
    assert axis_title == "Estimated level (1 to 10)"
    assert s["title"] == {"text": "Skills", "subtitle": list(charts.MASTERY_KEY)}
    key = " ".join(charts.MASTERY_KEY)
    assert "dashed" in key and "range" in key and "mastered" in key
    bare = copy.deepcopy(s)
    bare["layer"][1]["encoding"]["x"]["title"], bare["title"] = None, "Skills"
    assert drawn_width(s) == drawn_width(bare), "the axis title and the subtitle fit the chart's width"


def test_the_reports_skills_chart_keeps_its_summary_and_adds_the_key() -> None:
    """The PDF report titles each chart with its summary: the key comes under it."""
    s = spec(charts.layer_mastery(mastery_frame(), alt.Title("Skills", subtitle=["You have practised", "3 of 4"])))
    assert s["title"] == {"text": "Skills", "subtitle": ["You have practised", "3 of 4", *charts.MASTERY_KEY]}


@pytest.mark.parametrize(("change", "expected"), [
    ({}, "You have practised 3 of 4 skills and mastered 1 (Strings). Strongest: Strings, about level 6; "
         "work on Loops next, about level 3."),
    ({"attempts": [0, 0, 0, 0], "evidence": [0, 0, 0, 0]},
     "None of the 4 skills practised yet: your first tries will place you."),
    # Lists only ever came second in an exercise: no tries as its first skill, but results in it all the same
    ({"attempts": [30, 12, 0, 0], "passes": [25, 6, 0, 0]},
     "You have practised 3 of 4 skills and mastered 1 (Strings). Strongest: Strings, about level 6; "
     "work on Loops next, about level 3."),
    # one exercise with two skills, the second estimated higher: both practised, the higher one strongest
    ({"level": [2.3, 2.6, 0.2, 0.2], "evidence": [2, 1, 0, 0], "attempts": [2, 0, 0, 0], "passes": [1, 0, 0, 0],
      "mastered": [False] * 4, "status": ["next", "practising", "not started", "not started"]},
     "You have practised 2 of 4 skills and mastered none yet. Strongest: Loops, about level 3; "
     "work on Strings next, about level 2."),
    # the skill to work on next has results but no tries as a first skill: it is worked on, not started
    ({"level": [2.6, 2.3, 0.2, 0.2], "evidence": [2, 1, 0, 0], "attempts": [2, 0, 0, 0], "passes": [1, 0, 0, 0],
      "mastered": [False] * 4, "status": ["practising", "next", "not started", "not started"]},
     "You have practised 2 of 4 skills and mastered none yet. Strongest: Strings, about level 3; "
     "work on Loops next, about level 2."),
    # a single skill practised is both the strongest and the one to work on: it is named once
    ({"evidence": [2, 0, 0, 0], "attempts": [2, 0, 0, 0], "mastered": [False] * 4,
      "status": ["next", "not started", "not started", "not started"]},
     "You have practised 1 of 4 skills and mastered none yet. Work on Strings next, about level 6."),
    # the strongest is the one to work on (the weaker one waits for its prerequisites): named once
    ({"evidence": [30, 12, 0, 0], "mastered": [False] * 4, "status": ["next", "practising", "not started",
                                                                      "not started"]},
     "You have practised 2 of 4 skills and mastered none yet. Work on Strings next, about level 6."),
    # the one skill practised is mastered, and the next is new
    ({"evidence": [30, 0, 0, 0], "attempts": [30, 0, 0, 0], "status": ["mastered", "next", "not started",
                                                                        "not started"]},
     "You have practised 1 of 4 skills and mastered 1 (Strings). So far: Strings, about level 6; start Loops next."),
], ids=["practising", "nothing yet", "a second skill counts", "two skills from one exercise", "next has no tries",
        "one skill", "strongest is next", "one skill mastered"])
def test_mastery_summary(change: dict[str, list[Any]], expected: str) -> None:
    frame = mastery_frame().with_columns(*(pl.Series(k, v) for k, v in change.items()))
    assert charts.mastery_summary(frame) == expected


# -- success rate, difficulty and time -------------------------------------------------------

WEEKS = [(date(2026, 3, 2), 4, 3, 2.0, 40.0), (date(2026, 3, 16), 5, 2, 3.5, 95.0)]


def test_success_and_difficulty_share_the_weeks_on_two_scales() -> None:
    s = spec(charts.success_chart(weekly_frame(WEEKS)))
    success, difficulty = s["layer"]
    assert s["resolve"] == {"scale": {"y": "independent"}}
    assert (success["encoding"]["y"]["field"], success["encoding"]["y"]["scale"]["domain"]) == ("success_rate", [0, 1])
    assert (difficulty["encoding"]["y"]["field"], difficulty["encoding"]["y"]["scale"]["domain"]) == (
        "mean_difficulty", [0, 10])
    assert success["encoding"]["x"]["scale"]["domain"] == ["2026-03-02", "2026-03-09", "2026-03-16"]
    assert tooltip_fields(success) == ["label", "attempts", "success_rate", "mean_difficulty"]
    rows = values(s)
    assert [(r["week"], r["attempts"], r["success_rate"]) for r in rows] == [
        ("2026-03-02", 4, 0.75), ("2026-03-09", 0, None), ("2026-03-16", 5, 0.4)]
    assert success["transform"] == [{"filter": "(datum.attempts > 0)"}]  # the quiet week is no data point


def test_a_week_at_level_1_reads_as_level_1_not_as_0_percent() -> None:
    """A new learner's one week, all passed at level 1: with the level axis from 1 (ticks 2 to 10), its point sat
    on the 0% line and read as 0% passed. The level axis starts below level 1, with every level a labelled tick."""
    s = spec(charts.success_chart(weekly_frame([(date(2026, 3, 16), 1, 1, 1.0, 1.0)])))
    success, difficulty = s["layer"]
    level = difficulty["encoding"]["y"]
    assert level["scale"] == {"domain": [0, 10], "nice": False}, "level 1 above the baseline, 10 at the top"
    assert (level["axis"]["values"], level["axis"]["format"]) == (list(range(1, 11)), "d")
    assert level["axis"]["labelColor"] == level["axis"]["titleColor"] == charts.ACCENT, "the orange axis is the orange line's"
    assert success["encoding"]["y"]["axis"]["labelColor"] == charts.PRIMARY
    assert success["mark"]["point"]["color"] == charts.PRIMARY, "a lone week's point the line's blue"


def test_time_on_task_is_a_bar_a_week_the_quiet_ones_included() -> None:
    s = spec(charts.time_chart(weekly_frame(WEEKS)))
    assert s["mark"]["type"] == "bar"
    assert (s["encoding"]["x"]["field"], s["encoding"]["y"]["field"]) == ("week", "minutes")
    assert tooltip_fields(s) == ["label", "minutes", "attempts"]
    assert [(r["week"], r["minutes"]) for r in values(s)] == [("2026-03-02", 40.0), ("2026-03-09", 0.0),
                                                              ("2026-03-16", 95.0)]


@pytest.mark.parametrize(("today", "marked"), [
    (TODAY, {"16 Mar 2026, this week so far": 95.0}),
    (date(2026, 3, 16), {"16 Mar 2026, this week so far": 95.0}),
    (date(2026, 3, 24), {}),
    (None, {}),
], ids=["a week in progress", "its first day", "no tries this week yet", "no today given"])
def test_this_weeks_bar_is_paler_and_says_so_far(today: date | None, marked: dict[str, float]) -> None:
    """The week is not over: its bar is its exact minutes so far, drawn paler, and its tooltip says so. Without a bar
    for this week (or a today), every bar is a finished week."""
    s = spec(charts.time_chart(weekly_frame(WEEKS), today=today))
    assert s["encoding"]["opacity"] == {"condition": [{"test": "datum.partial", "value": chart_marks.SO_FAR_OPACITY}],
                                        "value": 1.0}
    assert s["encoding"]["tooltip"][0] == {"field": "label", "title": "Week of", "type": "nominal"}
    rows = values(s)
    assert {r["label"]: r["minutes"] for r in rows if r["partial"]} == marked
    assert [(r["week"], r["minutes"], r["attempts"]) for r in rows] == [
        ("2026-03-02", 40.0, 4), ("2026-03-09", 0.0, 0), ("2026-03-16", 95.0, 5)], "the figures themselves unchanged"
    assert not any(r["label"].endswith("so far") for r in rows[:-1])


@pytest.mark.parametrize(("first_day", "today", "marked"), [
    (date(2026, 3, 4), None, {"2 Mar 2026, from 4 Mar 2026": 40.0}),
    (date(2026, 3, 2), None, {}),
    (None, None, {}),
    (date(2026, 3, 18), date(2026, 3, 19), {"16 Mar 2026, this week so far, from 18 Mar 2026": 95.0}),
], ids=["begun on a wednesday", "begun on its monday", "no first day given", "begun this week"])
def test_a_first_week_begun_late_is_paler_and_says_from_when(first_day: date | None, today: date | None,
                                                              marked: dict[str, float]) -> None:
    """A learner who started on a Wednesday has a short first week: drawn like a whole one, it read as a slow
    start. Its bar is drawn paler, as this week's is, and its tooltip says from which day it counts."""
    weekly = weekly_frame(WEEKS if first_day != date(2026, 3, 18) else WEEKS[-1:])
    rows = values(spec(charts.time_chart(weekly, today=today, first_day=first_day)))
    assert {r["label"]: r["minutes"] for r in rows if r["partial"]} == marked
    assert sum(r["minutes"] for r in rows) == sum(weekly["minutes"]), "the figures themselves unchanged"


def test_a_learner_who_began_on_a_wednesday_has_a_first_week_from_then(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, MONDAY, [Try(2), Try(9, passed=False)])  # Wednesday the 4th, then the 11th
    progress = clocked.progress(ada)
    assert progress.first_day == date(2026, 3, 4)
    rows = values(spec(charts.time_chart(progress.weekly, today=progress.today, first_day=progress.first_day)))
    assert [r["label"] for r in rows if r["partial"]] == ["2 Mar 2026, from 4 Mar 2026"]


def test_a_learners_time_chart_marks_their_week(clocked: Workbench) -> None:
    """From the Progress figures to the chart: this week is the one that holds ``Progress.today``."""
    ada = new_learner(clocked)
    record(clocked, ada, MONDAY, [Try(0), Try(16, minute=5), Try(18, passed=False)])  # the 2nd, then the 18th and 20th
    progress = clocked.progress(ada)
    rows = values(spec(charts.time_chart(progress.weekly, today=progress.today)))
    assert [(r["label"], r["attempts"]) for r in rows if r["partial"]] == [("16 Mar 2026, this week so far", 2)]
    assert [r["week"] for r in rows] == ["2026-03-02", "2026-03-09", "2026-03-16"]


@pytest.mark.parametrize(("weeks", "success", "time"), [
    (WEEKS, "Over 2 weeks of practice you passed 56% of your tries. In the latest week, 40% at a mean level of "
            "3.5, up from 2.0 in the first.",
     "You spent 2 hours 15 minutes on 9 tries in 2 weeks of practice, 1 hour 8 minutes a week on average; the most "
     "was 1 hour 35 minutes in the week of 16 Mar 2026."),
    (WEEKS[:1], "Over 1 week of practice you passed 75% of your tries. The mean level of your exercises was 2.0.",
     "You spent 40 minutes on 4 tries in 1 week of practice, 40 minutes a week on average; the most was 40 minutes "
     "in the week of 2 Mar 2026."),
], ids=["two weeks", "one week"])
def test_weekly_summaries(weeks: list, success: str, time: str) -> None:
    frame = weekly_frame(weeks)
    assert (charts.success_summary(frame), charts.time_summary(frame)) == (success, time)


@pytest.mark.parametrize(("today", "most"), [
    (TODAY, "the most was 1 hour 35 minutes in the week of 16 Mar 2026 (this week, so far)."),
    (date(2026, 3, 16), "the most was 1 hour 35 minutes in the week of 16 Mar 2026 (this week, so far)."),
    (date(2026, 3, 24), "the most was 1 hour 35 minutes in the week of 16 Mar 2026."),
    (None, "the most was 1 hour 35 minutes in the week of 16 Mar 2026."),
], ids=["the most this week", "this week's first day", "the most last week", "no today given"])
def test_the_time_summary_says_so_far_of_this_week(today: date | None, most: str) -> None:
    """As the chart's paler bar does: this week is not over, so its minutes are so far."""
    assert charts.time_summary(weekly_frame(WEEKS), today=today).endswith(most)


@pytest.mark.parametrize(("minutes", "tries", "message", "summary"), [
    ([0.2], [3], "Less than a minute recorded so far.",
     "You spent less than a minute on your 3 tries so far, too little to draw."),
    ([0.4], [1], "Less than a minute recorded so far.", "You spent less than a minute on your one try so far, "
                                                         "too little to draw."),
    ([0.0], [2], "No time recorded yet.", "No time on task recorded yet."),
], ids=["three pasted tries", "one pasted try", "none at all"])
def test_time_that_rounds_to_no_minutes_is_not_drawn(minutes: list[float], tries: list[int], message: str,
                                                     summary: str) -> None:
    """Tries pasted in and submitted at once: a bar of 0 minutes and an axis of "0.000000" said nothing."""
    frame = weekly_frame([(date(2026, 3, 16), t, 1, 2.0, m) for t, m in zip(tries, minutes, strict=True)])
    s = spec(charts.time_chart(frame, today=TODAY))
    assert s["mark"]["type"] == "text" and values(s) == [{"message": message}]
    assert charts.time_summary(frame, today=TODAY) == summary


def test_weeks_of_under_a_minute_each_are_not_drawn() -> None:
    frame = weekly_frame([(date(2026, 3, 2), 1, 1, 2.0, 0.4), (date(2026, 3, 9), 1, 1, 2.0, 0.4)])
    assert values(spec(charts.time_chart(frame))) == [{"message": "Less than a minute a week recorded so far."}]


@pytest.mark.parametrize(("minutes", "axis"), [
    (2.0, {"values": [0, 1, 2], "tickMinStep": 0, "format": "d"}),  # a minimum step made Vega show 0 and 2
    (95.0, {"tickMinStep": 1, "format": "d"}),
], ids=["a few minutes", "many minutes"])
def test_time_on_task_has_whole_minute_ticks(minutes: float, axis: dict[str, Any]) -> None:
    s = spec(charts.time_chart(weekly_frame([(date(2026, 3, 16), 3, 1, 2.0, minutes)])))
    assert s["encoding"]["y"]["axis"] == axis


def test_an_educator_reads_the_summaries_about_the_learner() -> None:
    ana = charts.Voice.about("Ana")
    assert charts.success_summary(weekly_frame(WEEKS[:1]), ana) == (
        "Over 1 week of practice Ana passed 75% of their tries. The mean level of their exercises was 2.0.")
    assert charts.success_summary(weekly_frame([]), ana) == (
        "No tries yet, so no success rate: their weekly results will appear here.")
    practised = mastery_frame().with_columns(pl.Series("evidence", [2, 0, 0, 0]), pl.Series("mastered", [False] * 4),
                                             pl.Series("status", ["next", "not started", "not started", "not started"]))
    assert charts.mastery_summary(practised, ana).startswith("Ana has practised 1 of 4 skills and mastered none yet.")
    assert charts.mastery_summary(practised.with_columns(pl.lit(0).alias("evidence")), ana) == (
        "None of the 4 skills practised yet: their first tries will place them.")


# -- hints per exercise ----------------------------------------------------------------------


def test_hints_per_exercise_shows_the_most_helped_first() -> None:
    s = spec(charts.hints_chart(exercises_frame()))
    rows = values(s)
    assert len(rows) == charts.TOP_EXERCISES
    assert (s["encoding"]["x"]["field"], s["encoding"]["x"]["title"]) == ("hints", "Hints used")
    hints = [r["hints"] for r in rows]
    assert hints == sorted(hints, reverse=True) and hints[0] == 4
    assert s["encoding"]["y"]["sort"] == [r["title"] for r in rows]
    assert tooltip_fields(s) == ["title", "hints", "attempts", "passes"]


@pytest.mark.parametrize(("n", "title"), [
    (15, "Hints per exercise"),  # 12 of them needed hints: every one a bar
    (17, {"text": "Hints per exercise", "subtitle": "the 12 exercises with the most hints, of 13"}),
    (40, {"text": "Hints per exercise", "subtitle": "the 12 exercises with the most hints, of 32"}),
], ids=["all shown", "one left out", "many left out"])
def test_the_hints_chart_says_when_it_leaves_exercises_out(n: int, title: Any) -> None:
    """A learner whose summary counted 13 exercises with hints saw 12 bars and no word of the 13th."""
    s = spec(charts.hints_chart(exercises_frame(n)))
    assert len(values(s)) == min(charts.TOP_EXERCISES, exercises_frame(n).filter(pl.col("hints") > 0).height)
    assert s["title"] == title


def test_the_reports_hints_chart_adds_the_cut_under_its_summary() -> None:
    s = spec(charts.layer_hints(exercises_frame(17), alt.Title("Hints per exercise", subtitle="You used 33 hints.")))
    assert s["title"]["subtitle"] == ["You used 33 hints.", "the 12 exercises with the most hints, of 13"]


def test_exercises_without_hints_are_not_bars() -> None:
    frame = exercises_frame(6).with_columns(hints=pl.Series([0, 2, 0, 0, 1, 0]))
    assert [r["hints"] for r in values(spec(charts.hints_chart(frame)))] == [2, 1]
    silent = spec(charts.hints_chart(frame.with_columns(hints=pl.lit(0))))
    assert [r["message"] for r in values(silent)] == ["No hints used: every exercise on your own."]


@pytest.mark.parametrize(("frame", "expected"), [
    (exercises_frame(), "You used 30 hints on 15 exercises, 2.0 per exercise; 3 exercises needed none. Most help: "
                        "3 exercises tie, with 4 hints each."),
    (exercises_frame(1), "No hints used: you worked through the one exercise you tried on your own."),
    (exercises_frame(5).filter(pl.col("hints") == 0).vstack(exercises_frame(1)),
     "No hints used: you worked through all 2 exercises you tried on your own."),
    (exercises_frame(5).filter(pl.col("hints") > 0), "You used 10 hints on 4 exercises, 2.5 per exercise; each needed "
                                                     "at least one. Most help: Exercise 4, 4 hints."),
    (exercises_frame(4).filter(pl.col("hints") == 3), "You used 3 hints on the one exercise you tried, Exercise 3."),
    (exercises_frame(10).filter(pl.col("hints") > 0).with_columns(hints=pl.Series([1, 2, 3, 5, 1, 2, 3, 4])),
     "You used 21 hints on 8 exercises, 2.6 per exercise; each needed at least one. Most help: Exercise 4, 5 hints."),
    (exercises_frame(4).with_columns(hints=pl.Series([0, 1, 0, 0])),
     "You used 1 hint on 4 exercises, 0.25 per exercise; 3 exercises needed none. Most help: Exercise 1, 1 hint."),
], ids=["some hints (a tie)", "one without", "two without", "every one with hints", "one with hints", "one on top",
        "a quarter, not a rounded-down 0.2"])
def test_hints_summary(frame: pl.DataFrame, expected: str) -> None:
    assert charts.hints_summary(frame) == expected


# -- nothing yet -----------------------------------------------------------------------------

EMPTY_WEEKS = weekly_frame([]).clear()


@pytest.mark.parametrize(("build", "frame", "message"), [
    (charts.success_chart, EMPTY_WEEKS, "No tries yet: the weeks appear here as you practise."),
    (charts.time_chart, EMPTY_WEEKS, "No time recorded yet."),
    (charts.hints_chart, exercises_frame().clear(), "No exercises tried yet."),
    (charts.mastery_chart, mastery_frame().clear(), "No skills to show yet."),
    (calendar_chart.streak_calendar, calendar_frame({}).clear(), "No days to show yet."),
], ids=["success", "time", "hints", "mastery", "calendar"])
def test_empty_frames_give_a_chart_that_says_so(build, frame: pl.DataFrame, message: str) -> None:
    s = spec(build(frame))
    assert s["mark"]["type"] == "text"
    assert values(s) == [{"message": message}]


@pytest.mark.parametrize(("summary", "frame"), [
    (charts.success_summary, EMPTY_WEEKS), (charts.time_summary, EMPTY_WEEKS),
    (charts.hints_summary, exercises_frame().clear()),
], ids=["success", "time", "hints"])
def test_empty_frames_have_a_summary(summary, frame: pl.DataFrame) -> None:
    assert summary(frame).startswith("No ")


# -- the summaries of a real learner's figures -----------------------------------------------

NOW = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clocked(make_wb: Callable[..., Workbench]) -> Workbench:
    return make_wb(clock=lambda: NOW)


def solution(exercise_id: str, name: str) -> str:
    return (BANK_DIR / exercise_id / name).read_text(encoding="utf-8")


def test_hints_shown_once_and_submitted_twice_count_once(clocked: Workbench) -> None:
    """As on the Practice page: three hints revealed, then a wrong and a right submission, each
    with the hints shown so far (the draft's count)."""
    ada, exercise = new_learner(clocked), "python/caesar-cipher"
    for _ in range(3):
        clocked.reveal_hint(ada, exercise, "")
    for code in (solution(exercise, "starter.py"), solution(exercise, "reference.py")):
        draft = clocked.draft(ada, exercise)
        clocked.submit(ada, exercise, code, hints_used=draft.hints_shown if draft else 0)
    assert [a.hints_used for a in clocked.history(ada)] == [3, 3]  # the log keeps what each submission saw
    progress = clocked.progress(ada)
    [row] = progress.exercises.rows(named=True)
    assert (row["attempts"], row["passes"], row["hints"], row["hints_per_attempt"]) == (2, 1, 3, 1.5)
    assert progress.summary.hints == 3
    assert int(progress.weekly["hints"].sum()) == 3
    assert charts.hints_summary(progress.exercises) == "You used 3 hints on the one exercise you tried, Caesar cipher."
    assert [r["hints"] for r in values(spec(charts.hints_chart(progress.exercises)))] == [3]


@pytest.mark.parametrize(("tries", "hints"), [
    ([Try(0, passed=False, hints=3), Try(0, minute=5, hints=3)], 3),
    ([Try(0, passed=False, hints=1), Try(0, passed=False, hints=2, minute=5), Try(0, hints=3, minute=9)], 3),
    # the draft keeps its hints from one day to the next until a pass: coming back shows no new ones
    ([Try(0, passed=False, hints=2), Try(3, hints=2)], 2),
    # a pass clears the draft: a review days later reveals its hints afresh, and they count
    ([Try(0, hints=2), Try(5, passed=False, hints=1), Try(5, hints=1, minute=5)], 3),
    ([Try(0, hints=2), Try(1, hints=2)], 4),
    ([Try(0, passed=False), Try(0, minute=5)], 0),
], ids=["fail then pass", "more hints before the pass", "back another day", "a review after a pass",
        "solved twice with hints", "no hints"])
def test_hints_used_are_the_most_shown_before_each_pass(clocked: Workbench, tries: list[Try], hints: int) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, MONDAY, tries)
    progress = clocked.progress(ada)
    assert progress.exercises["hints"].to_list() == [hints]
    assert (progress.summary.hints, int(progress.weekly["hints"].sum())) == (hints, hints)


def test_a_second_skill_is_practised_and_the_strongest_is_not_the_next(clocked: Workbench) -> None:
    """A failed try in Strings, then a pass of an exercise of Strings and Loops: Loops has results
    but no tries as a first skill, and a higher estimate than Strings."""
    ada = new_learner(clocked)
    clocked.record_result(ada, "python/name-initials", False, at=MONDAY)  # skills: strings
    clocked.record_result(ada, "python/caesar-cipher", True, at=MONDAY + timedelta(minutes=10))  # strings, loops
    mastery = clocked.progress(ada).mastery
    strings, loops = (mastery.filter(pl.col("skill") == s).row(0, named=True) for s in ("strings", "loops"))
    assert (strings["status"], loops["status"]) == ("next", "practising")  # as the chart shows them
    assert (loops["attempts"], loops["evidence"]) == (0, 1) and loops["level"] > strings["level"]
    text = charts.mastery_summary(mastery)
    assert text.startswith(f"You have practised 2 of {mastery.height} skills and mastered none yet. ")
    assert "Strongest: Loops, about level " in text and "; work on Strings next, about level " in text


def test_a_single_practised_skill_is_named_once(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    clocked.record_result(ada, "python/digit-sum", True, at=MONDAY)  # skills: loops
    mastery = clocked.progress(ada).mastery
    assert mastery.filter(pl.col("evidence") > 0)["skill"].to_list() == ["loops"]
    loops = mastery.filter(pl.col("skill") == "loops").row(0, named=True)
    assert loops["status"] == "next"
    assert charts.mastery_summary(mastery) == (f"You have practised 1 of {mastery.height} skills and mastered none "
                                               f"yet. Work on Loops next, about level {charts._level(loops['level'])}.")


def axis_labels(chart: Any, width: int | None = None) -> list[list[str]]:
    """The labels of each axis as Vega's renderer draws them (at ``width`` pixels, if set)."""
    s = charts.specification(chart)
    if width is not None:
        s["width"] = width
    svg = vl_convert.vegalite_to_svg(json.dumps(s))
    return [re.findall(r">([^<>]+)</text>", group)
            for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg, re.S)]


@pytest.mark.parametrize("most", [1, 2, 3, 4, 7])
def test_every_whole_number_of_hints_is_labelled(most: int) -> None:
    """Drawn, every count is labelled. (The browser's Vega thinned [0, 1, 2] to 0 and 2 when the axis had a
    minimum step; this renderer does not, so ``test_time_on_task_has_whole_minute_ticks`` pins the axis.)"""
    frame = exercises_frame(3).with_columns(hints=pl.Series([most, 1, 0]))
    assert axis_labels(charts.hints_chart(frame))[0] == [str(k) for k in range(most + 1)]


@pytest.mark.parametrize("width", [200, 280, 400])
def test_every_level_of_the_skills_chart_is_labelled_in_a_narrow_column(width: int) -> None:
    """A layered chart asks for width / 40 ticks: at 1000 px the levels read 1 3 5 7 9."""
    assert axis_labels(charts.mastery_chart(mastery_frame()), width)[0] == [str(k) for k in range(1, 11)]
