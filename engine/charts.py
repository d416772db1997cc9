"""Charts of a learner's progress: Altair charts built from the frames of ``engine.progress``, each
with a one- or two-sentence text summary of the same frame (for screen readers and the PDF report).

Every builder takes a Polars frame and returns a themed chart, with tooltips, and says plainly
when there is nothing to draw yet. ``layer_*`` functions return the same charts without the theme,
for composing several into one (the PDF report): Vega-Lite takes a theme only at the top.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import altair as alt

# pandas imported whole before any chart is built: Altair looks it up in sys.modules, and while
# another session's thread is still importing it, Altair met a half-initialised module
import pandas  # noqa: F401
import polars as pl

from engine.chart_marks import mark_first_week, mark_this_week, so_far_opacity, whole_ticks
from engine.chart_words import YOU, Voice, count, dated
from engine.chart_words import duration as _duration
from engine.chart_words import level as _level
from engine.chart_words import percent as _percent
from engine.progress import MASTERY_LEVEL

PRIMARY = "#3b6ef5"  # the app's primary colour (.streamlit/config.toml)
TEXT = "#1d2433"
MUTED = "#8a93a6"
GRID = "#e6e9f0"
ACCENT = "#e8833a"  # the skill to work on next, and difficulty
MASTERED = "#2e9e6a"
STATUS_COLOURS = {"mastered": MASTERED, "next": ACCENT, "practising": PRIMARY, "not started": "#b8bfcc"}
WIDTH = 560
MAX_BAR = 48  # pixels: the widest a bar is drawn
TOP_EXERCISES = 12  # the hints chart shows the exercises with the most hints used
LEVELS = list(range(1, 11))  # the levels of exercises and skills, each a tick of its axis
# under the Skills chart's title, in two lines that fit its narrowest plot. Mastered is the estimate past the
# line with the model sure enough of it (engine.progress.is_mastered): a mastered skill's bar may reach below
# the line, and "dashed line: mastered" alone read as if it could not
MASTERY_KEY = ("bars: the likely range; dashed line: mastery", "mastered: the dot past it, its bar narrow")


THEME: dict[str, Any] = {
    "font": "sans-serif",
    "background": "white",
    "view": {"stroke": None},
    "title": {"anchor": "start", "fontSize": 15, "fontWeight": 600, "color": TEXT, "subtitleColor": MUTED,
              "subtitleFontSize": 12, "offset": 10},
    "axis": {"labelColor": TEXT, "titleColor": MUTED, "gridColor": GRID, "domainColor": MUTED, "tickColor": MUTED,
             "labelFontSize": 11, "titleFontSize": 11, "titleFontWeight": "normal"},
    "legend": {"labelColor": TEXT, "titleColor": MUTED, "labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
    "range": {"category": [PRIMARY, ACCENT, MASTERED, "#8e5cd9", "#d14d72"]},
}


def themed(chart: alt.TopLevelMixin) -> Any:
    """The workbench's look on a chart: call it once, on the outermost chart."""
    return chart.configure(**THEME)


def specification(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """An unthemed chart (a ``layer_*`` builder's) as a themed Vega-Lite dict, for a page to draw.
    Quicker than ``themed(chart).to_dict()``: Altair's ``configure`` copies the whole chart deeply,
    and the schema check is left to the tests of the builders."""
    spec: dict[str, Any] = chart.to_dict(validate=False)
    config = dict(spec.get("config", {}))
    for key, value in THEME.items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    spec["config"] = config
    return spec


def with_subtitle(title: str | alt.TitleParams, line: str | tuple[str, ...]) -> alt.TitleParams:
    """``title`` with ``line`` (or lines) under it, after the subtitle it has already (the report's summary):
    for what a chart must say about itself that an axis title is too short for."""
    added = [line] if isinstance(line, str) else list(line)
    if isinstance(title, str):
        return alt.Title(title, subtitle=added[0] if len(added) == 1 else added)
    before = title.subtitle
    lines = [] if before is alt.Undefined else [before] if isinstance(before, str) else list(before)
    extended = title.copy()
    extended.subtitle = [*lines, *added]
    return extended


def empty_chart(title: str | alt.TitleParams, message: str, height: int = 120) -> alt.Chart:
    """A chart that says there is nothing to draw yet, in the place the chart will take."""
    return (alt.Chart(pl.DataFrame({"message": [message]}), title=title, width=WIDTH, height=height)
            .mark_text(fontSize=13, color=MUTED)
            .encode(text="message:N"))


# -- mastery per skill -------------------------------------------------------------------------


def layer_mastery(mastery: pl.DataFrame, title: str | alt.TitleParams = "Skills") -> Any:
    """Each skill's estimated level (1..10) with its uncertainty (one standard deviation either
    side), coloured by status; the skill to work on next stands out, and a dashed line marks mastery.
    The subtitle says what the bars and the dashed line are: the axis title is kept short, as Vega
    cuts one longer than its axis (in a narrow column, "...; dashed: mastere")."""
    if mastery.is_empty():
        return empty_chart(title, "No skills to show yet.")
    rows = mastery.with_columns(
        pl.col("level").clip(1, 10).alias("shown"), pl.col("low").clip(1, 10), pl.col("high").clip(1, 10),
        pl.format("{} to {}", pl.col("low").clip(1, 10).round(1), pl.col("high").clip(1, 10).round(1)).alias("range"),
        pl.col("level").round(1).alias("estimate"))
    order = rows["name"].to_list()
    y = alt.Y("name:N", title=None, sort=order, axis=alt.Axis(ticks=False, domain=False, labelLimit=180))
    x_scale = alt.Scale(domain=[0.6, 10.4], clamp=True, nice=False)
    x_axis = alt.Axis(values=LEVELS, format="d", tickCount=len(LEVELS))  # else a layer thins them to its width/40
    statuses = alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))
    # two columns: in one row, a phone's width cut the last key to "not star"
    colour = alt.Color("status:N", title=None, scale=statuses,
                       legend=alt.Legend(symbolOpacity=1, symbolType="circle", columns=2))
    tooltip = [alt.Tooltip("name:N", title="Skill"), alt.Tooltip("estimate:Q", title="Level", format=".1f"),
               alt.Tooltip("range:N", title="Likely between"), alt.Tooltip("evidence:Q", title="Results"),
               alt.Tooltip("attempts:Q", title="Tries (its main skill)"),
               alt.Tooltip("passes:Q", title="Passed (its main skill)"), alt.Tooltip("status:N", title="Status")]
    # the data sits on the layer, once, rather than copied into every sub-chart (Altair copies deeply)
    base = alt.Chart()
    band = base.mark_rule(strokeWidth=6, strokeCap="round", opacity=0.35).encode(
        x=alt.X("low:Q", scale=x_scale, axis=x_axis, title="Estimated level (1 to 10)"), x2="high:Q", y=y,
        color=colour, tooltip=tooltip)
    point = base.mark_point(filled=True, size=110, opacity=1).encode(
        x=alt.X("shown:Q", scale=x_scale), y=y, color=colour, tooltip=tooltip,
        shape=alt.Shape("status:N", legend=None, scale=alt.Scale(
            domain=list(STATUS_COLOURS), range=["circle", "diamond", "circle", "circle"])))
    label = base.transform_filter(alt.datum.status == "next").mark_text(
        align="left", dx=12, fontWeight="bold", color=ACCENT).encode(
        x=alt.X("high:Q", scale=x_scale), y=y, text=alt.value("work on this next"))
    mastery_line = base.mark_rule(strokeDash=[4, 4], color=MASTERED).encode(
        x=alt.XDatum(MASTERY_LEVEL, scale=x_scale))
    return alt.layer(mastery_line, band, point, label, data=rows, title=with_subtitle(title, MASTERY_KEY), width=WIDTH,
                     height=alt.Step(26))


def mastery_chart(mastery: pl.DataFrame) -> Any:
    return themed(layer_mastery(mastery))


def mastery_summary(mastery: pl.DataFrame, voice: Voice = YOU) -> str:
    """E.g. "You have practised 5 of 12 skills and mastered 1 (Loops). Strongest: Loops, about
    level 6; work on Lists next, about level 3.", or "Ana has practised…" in ``Voice.about("Ana")``.

    A skill counts as practised once the model has results in it (``evidence``), from any exercise
    that trains it, as the chart's statuses and the Profile's table count them; the frame's
    ``attempts`` count each exercise under its first skill only. The strongest is the practised
    skill with the highest estimate, and is never also named as the one to work on next."""
    practised = mastery.filter(pl.col("evidence") > 0)
    if practised.is_empty():
        return (f"None of the {count(mastery.height, 'skill')} practised yet: "
                f"{voice.possessive} first tries will place {voice.objective}.")
    mastered = mastery.filter(pl.col("mastered"))["name"].to_list()
    text = (f"{voice.opening} {voice.have} practised {practised.height} of {count(mastery.height, 'skill')} and mastered "
            f"{len(mastered) or 'none yet'}{' (' + ', '.join(mastered) + ')' if mastered else ''}.")
    best = practised.sort("level", descending=True, maintain_order=True).row(0, named=True)  # ties: curriculum order
    upcoming = mastery.filter(pl.col("status") == "next")
    nxt = upcoming.row(0, named=True) if upcoming.height else None
    if nxt is not None and nxt["skill"] == best["skill"]:
        # the only skill practised, or the only one open to work on: strongest and next at once says nothing
        return text + f" Work on {nxt['name']} next, about level {_level(nxt['level'])}."
    text += (f" {'Strongest' if practised.height > 1 else 'So far'}: {best['name']}, "
             f"about level {_level(best['level'])}")
    if nxt is not None:
        text += (f"; work on {nxt['name']} next, about level {_level(nxt['level'])}" if nxt["evidence"]
                 else f"; start {nxt['name']} next")
    return text + "."


# -- success rate and difficulty ---------------------------------------------------------------


def _week_axis(weeks: pl.DataFrame) -> alt.X:
    """Weeks along the bottom, labelled by their Monday; labels thin out over many weeks."""
    return alt.X("week:O", title=None, sort="ascending", scale=alt.Scale(domain=weeks["week"].to_list()),
                 axis=alt.Axis(labelAngle=0, labelOverlap=True, ticks=False,
                               labelExpr="utcFormat(toDate(datum.value), '%-d %b')"))


def _weeks(weekly: pl.DataFrame, today: date | None = None, first_day: date | None = None) -> pl.DataFrame:
    """Every week from the first to the last, those without tries included (with none), as text
    (ISO dates: a day is the same day in every time zone); the week that holds ``today``, when it
    has tries, marked as not over yet (``mark_this_week``), and the week of ``first_day`` as begun
    late (``mark_first_week``)."""
    weeks: list[date] = weekly["week"].to_list()
    every = pl.DataFrame({"week": pl.date_range(min(weeks), max(weeks), "1w", eager=True)})
    filled = (every.join(weekly, on="week", how="left")
              .with_columns(pl.col("attempts", "passes", "hints").fill_null(0), pl.col("minutes").fill_null(0.0)))
    labelled = filled.with_columns(pl.col("week").dt.to_string("%-d %b %Y").alias("label"))
    return (mark_first_week(mark_this_week(labelled, today, "label"), first_day, "label")
            .with_columns(pl.col("week").dt.to_string("%Y-%m-%d").alias("week"),
                          pl.col("minutes").round(0).alias("minutes"),
                          pl.col("mean_difficulty").round(1).alias("mean_difficulty")))


def layer_success(weekly: pl.DataFrame,
                  title: str | alt.TitleParams = "Success rate and difficulty, by week") -> Any:
    """Share of tries passed each week (left axis) and the mean authored level of the exercises
    tried (right axis): learning shows as a rate that holds while the difficulty climbs. The level
    axis starts at 0, below level 1, with a tick on every level: from 1, a week at level 1 sat on the
    0% line, with no label to say it was level 1, and read as 0% passed."""
    if weekly.is_empty():
        return empty_chart(title, "No tries yet: the weeks appear here as you practise.")
    rows = _weeks(weekly)
    x = _week_axis(rows)
    tooltip = [alt.Tooltip("label:N", title="Week of"), alt.Tooltip("attempts:Q", title="Tries"),
               alt.Tooltip("success_rate:Q", title="Passed", format=".0%"),
               alt.Tooltip("mean_difficulty:Q", title="Mean level", format=".1f")]
    base = alt.Chart().transform_filter(alt.datum.attempts > 0)
    # the point coloured too: a lone week has no line, and its point was Vega's default blue
    success = base.mark_line(point=alt.OverlayMarkDef(filled=True, size=50, color=PRIMARY), color=PRIMARY,
                             strokeWidth=2.5).encode(
        x=x, y=alt.Y("success_rate:Q", title="Tries passed", scale=alt.Scale(domain=[0, 1]),
                     axis=alt.Axis(format="%", titleColor=PRIMARY, labelColor=PRIMARY)), tooltip=tooltip)
    difficulty = base.mark_line(point=alt.OverlayMarkDef(filled=True, size=40, shape="square", color=ACCENT), color=ACCENT,
                                strokeDash=[6, 3], strokeWidth=2).encode(
        x=x, y=alt.Y("mean_difficulty:Q", title="Mean level of exercises", scale=alt.Scale(domain=[0, 10], nice=False),
                     axis=alt.Axis(titleColor=ACCENT, labelColor=ACCENT, orient="right", values=LEVELS, format="d",
                                   grid=False)), tooltip=tooltip)
    return alt.layer(success, difficulty, data=rows, title=title, width=WIDTH, height=200).resolve_scale(y="independent")


def success_chart(weekly: pl.DataFrame) -> Any:
    return themed(layer_success(weekly))


def success_summary(weekly: pl.DataFrame, voice: Voice = YOU) -> str:
    """E.g. "Over 6 weeks you passed 72% of your tries. In the latest week, 67% at a mean level of
    2.0, up from 1.9 in the first.", or "…Ana passed 72% of their tries…" in ``Voice.about("Ana")``."""
    if weekly.is_empty():
        return f"No tries yet, so no success rate: {voice.possessive} weekly results will appear here."
    attempts, passes = int(weekly["attempts"].sum()), int(weekly["passes"].sum())
    last, first = weekly.row(-1, named=True), weekly.row(0, named=True)
    text = (f"Over {count(weekly.height, 'week')} of practice {voice.subject} passed {_percent(passes / attempts)} "
            f"of {voice.possessive} tries.")
    if weekly.height == 1:
        return text + f" The mean level of {voice.possessive} exercises was {first['mean_difficulty']:.1f}."
    trend = ("up from" if last["mean_difficulty"] > first["mean_difficulty"] + 0.05 else
             "down from" if last["mean_difficulty"] < first["mean_difficulty"] - 0.05 else "about the same as")
    return (text + f" In the latest week, {_percent(last['success_rate'])} at a mean level of "
            f"{last['mean_difficulty']:.1f}, {trend} {first['mean_difficulty']:.1f} in the first.")


# -- time on task ------------------------------------------------------------------------------


def _too_little_time(weekly: pl.DataFrame) -> str | None:
    """What the time chart says instead of bars when it has none to draw: no minutes at all, or
    so few that every week's bar rounds to 0 (tries pasted in and submitted at once)."""
    minutes = float(weekly["minutes"].sum()) if weekly.height else 0.0
    if minutes == 0:
        return "No time recorded yet."
    if round(minutes) == 0:
        return "Less than a minute recorded so far."
    if float(weekly["minutes"].round(0).max()) == 0:  # type: ignore[arg-type]
        return "Less than a minute a week recorded so far."
    return None


def layer_time(weekly: pl.DataFrame, title: str | alt.TitleParams = "Time on task, by week",
               today: date | None = None, first_day: date | None = None) -> alt.Chart:
    """Minutes spent on tries each week (the time the learner reported or the editor measured), in
    whole minutes. Pass ``today`` (``Progress.today``): the week that holds it is not over, so its
    bar, when it has one, is its minutes so far, drawn paler, and its tooltip says so
    (``mark_this_week``). Pass ``first_day`` (``Progress.first_day``): a first week begun after its
    Monday is drawn paler too, its tooltip saying from when. With no week of a minute or more, it says
    so rather than draw bars of 0."""
    message = _too_little_time(weekly)
    if message is not None:
        return empty_chart(title, message)
    rows = _weeks(weekly, today, first_day)
    bar = min(MAX_BAR, 0.8 * WIDTH / rows.height)  # a week or two: bars, not slabs across the chart
    most = int(rows.select(pl.col("minutes").max()).item())
    return (alt.Chart(rows, title=title, width=WIDTH, height=180)
            .mark_bar(color=PRIMARY, cornerRadiusTopLeft=3, cornerRadiusTopRight=3, size=bar)
            .encode(x=_week_axis(rows), y=alt.Y("minutes:Q", title="Minutes", axis=whole_ticks(most)),
                    opacity=so_far_opacity(),
                    tooltip=[alt.Tooltip("label:N", title="Week of"), alt.Tooltip("minutes:Q", title="Minutes"),
                             alt.Tooltip("attempts:Q", title="Tries")]))


def time_chart(weekly: pl.DataFrame, today: date | None = None, first_day: date | None = None) -> Any:
    return themed(layer_time(weekly, today=today, first_day=first_day))


def time_summary(weekly: pl.DataFrame, today: date | None = None) -> str:
    """E.g. "You spent 11 hours 39 minutes on 93 tries over 6 weeks, 2 hours a week on average;
    the most was 3 hours in the week of 23 Mar 2026.". Pass ``today`` (``Progress.today``), as to
    ``layer_time``: when the most was this week, not over yet, it says so ("in the week of 16 Mar
    2026 (this week, so far)")."""
    minutes = float(weekly["minutes"].sum()) if weekly.height else 0.0
    tries = int(weekly["attempts"].sum()) if weekly.height else 0
    if round(minutes) == 0:
        return ("No time on task recorded yet." if minutes == 0 or not tries else
                f"You spent less than a minute on {'your' if tries > 1 else 'your one'} "
                f"{count(tries, 'try') if tries > 1 else 'try'} so far, too little to draw.")
    most = weekly.sort(["minutes", "week"], descending=[True, False]).row(0, named=True)
    this_week = today is not None and most["week"] == today - timedelta(days=today.weekday())
    return (f"You spent {_duration(minutes)} on {count(tries, 'try')} in "
            f"{count(weekly.height, 'week')} of practice, {_duration(minutes / weekly.height)} a week on average; "
            f"the most was {_duration(most['minutes'])} in the week of {dated(most['week'])}"
            f"{' (this week, so far)' if this_week else ''}.")


# -- hints per exercise ------------------------------------------------------------------------


def _top_hinted(exercises: pl.DataFrame) -> pl.DataFrame:
    """The exercises that needed hints, the most first (those that needed none are not bars)."""
    return (exercises.filter(pl.col("hints") > 0).sort(["hints", "attempts", "title"], descending=[True, True, False])
            .head(TOP_EXERCISES))


def layer_hints(exercises: pl.DataFrame, title: str | alt.TitleParams = "Hints per exercise") -> alt.Chart:
    """Hints used on each of the exercises that needed the most, most first. A hint counts once
    however many tries follow it (``engine.queries.learner``), so more tries do not make more hints.
    When more than ``TOP_EXERCISES`` needed hints, the subtitle says that only the top ones are
    bars ("the 12 exercises with the most hints, of 13"), as the summary counts them all."""
    if exercises.is_empty():
        return empty_chart(title, "No exercises tried yet.")
    rows = _top_hinted(exercises)
    if rows.is_empty():
        return empty_chart(title, "No hints used: every exercise on your own.")
    hinted = exercises.filter(pl.col("hints") > 0).height
    if hinted > rows.height:
        title = with_subtitle(title, f"the {rows.height} exercises with the most hints, of {hinted}")
    return (alt.Chart(rows, title=title, width=WIDTH, height=alt.Step(22))
            .mark_bar(color=ACCENT, cornerRadiusTopRight=3, cornerRadiusBottomRight=3)
            .encode(x=alt.X("hints:Q", title="Hints used", scale=alt.Scale(domainMin=0),
                            axis=whole_ticks(int(rows.select(pl.col("hints").max()).item()))),
                    y=alt.Y("title:N", title=None, sort=rows["title"].to_list(), axis=alt.Axis(labelLimit=220)),
                    tooltip=[alt.Tooltip("title:N", title="Exercise"), alt.Tooltip("hints:Q", title="Hints used"),
                             alt.Tooltip("attempts:Q", title="Tries"), alt.Tooltip("passes:Q", title="Passed")]))


def hints_chart(exercises: pl.DataFrame) -> Any:
    return themed(layer_hints(exercises))


def hints_summary(exercises: pl.DataFrame) -> str:
    """E.g. "You used 76 hints on 19 exercises, 4.0 per exercise; 4 exercises needed none. Most
    help: Digit sum, 9 hints.". Hints used on an exercise: the most shown before each pass."""
    if exercises.is_empty():
        return "No exercises tried yet, so no hints used."
    hints = int(exercises["hints"].sum())
    if hints == 0:
        tried = "the one exercise" if exercises.height == 1 else f"all {exercises.height:,} exercises"
        return f"No hints used: you worked through {tried} you tried on your own."
    top = _top_hinted(exercises).row(0, named=True)
    if exercises.height == 1:
        return f"You used {count(hints, 'hint')} on the one exercise you tried, {top['title']}."
    none = exercises.filter(pl.col("hints") == 0).height
    without = f"{count(none, 'exercise')} needed none" if none else "each needed at least one"
    tied = exercises.filter(pl.col("hints") == top["hints"]).height
    most = (f"{top['title']}, {count(int(top['hints']), 'hint')}" if tied == 1 else
            f"{tied} exercises tie, with {count(int(top['hints']), 'hint')} each")
    per = hints / exercises.height
    # below one, a second figure: a hint on four exercises is 0.25, not a rounded-down 0.2
    each = f"{per:.2f}".rstrip("0") if per < 1 else f"{per:.1f}"
    return (f"You used {count(hints, 'hint')} on {count(exercises.height, 'exercise')}, "
            f"{each} per exercise; {without}. Most help: {most}.")
