"""Charts of a cohort for its educator: Altair charts built from ``engine.dashboard`` frames, each
with a short text summary of the same frame (for screen readers), in the look of ``engine.charts``.

Builders take frames and return themed charts with tooltips; with nothing to draw they say so.
Large cohorts are drawn from small frames: the progress histogram is binned before it reaches
Vega-Lite, and the heatmap shows at most ``HEATMAP_ROWS`` learners, those at risk and still within reach
first (the CSV export has them all).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import altair as alt
import polars as pl

from engine.chart_marks import date_ticks, mark_this_week, mark_today, so_far_opacity, utc_day, utc_days, whole_ticks
from engine.chart_words import dated, number
from engine.charts import ACCENT, LEVELS, MUTED, PRIMARY, STATUS_COLOURS, TEXT, count, empty_chart, themed

WIDTH = 560
DAILY_WINDOW = 90  # days of daily activity drawn, at most
DAILY_SPAN = 14  # days drawn at least: a new cohort's first bars are bars, not a sliver at the edge or a slab
HEATMAP_ROWS = 40
HEATMAP_ROW = 22  # pixels per learner: the heatmap grows with the cohort
DAY_LABEL_FLUSH = 25  # pixels: a date label (half of it about 18) whose tick is this near an end of its axis is aligned to it
MAX_BAR = 40  # pixels: the widest a day's bar is drawn
NO_RESULTS = "no results yet"  # a heatmap cell of a skill the learner has not tried
NO_RESULTS_GREY = STATUS_COLOURS["not started"]  # outside the red-yellow-green scale, as on Progress
# why the outlined cell of a row may not be its reddest (said under the heatmap and in the dashboard's help)
NOT_THE_REDDEST = ("The outlined cell is not always the reddest in its row: a redder skill may be waiting on its "
                   "prerequisites, or be mastered already, since mastery needs many results as well as a good "
                   "score, and a slightly better score on a few results is not mastery yet.")
ITEMS_HEIGHT = 300  # pixels: the item calibration's plot, axes and legend apart
AS_AUTHORED, FLAGGED = "as authored", "flagged"  # the item calibration's two colours
AXIS_OFFSET = 10  # pixels between the item calibration's plot and its axes: a bubble at level 1 covered the 1


def _empty(title: str, message: str) -> Any:
    return themed(empty_chart(title, message, height=100))


def activity_chart(days: pl.DataFrame, weeks: pl.DataFrame, window: int = DAILY_WINDOW, today: date | None = None) -> Any:
    """Active learners per day (bars, from the first active day up to ``today``, or to the last
    active day: at least ``DAILY_SPAN`` days, at most ``window``) and per week (a line beneath).
    The days axis reaches today, so a quiet spell shows as one; the subtitle says the span ("since
    02 Nov 2026", "the last 90 days"). Today's bar, when there is one, is its count so far, drawn
    paler (``engine.chart_marks.mark_today``): the day is not over, and a full-strength short bar would
    read as a drop. So is this week's point on the line: hollow (``engine.chart_marks.mark_this_week``),
    and the subtitle says so. The two fit the width they are drawn in (``WIDTH`` outside a page):
    show it with ``st.altair_chart(chart, width="stretch")``."""
    if days.is_empty():
        return _empty("Active learners", "No activity yet.")
    last: date = today or days["day"].max()  # type: ignore[assignment]
    first, span = _daily_span(days["day"].min(), last, window)  # type: ignore[arg-type]
    recent = utc_days(mark_today(days.filter(pl.col("day").is_between(first, last))
                                  .with_columns(label=pl.col("day").dt.to_string("%a %-d %b %Y")), today, "label"), "day")
    end = utc_day(last + timedelta(days=1))  # the last week's line drawn up to the end of the last day
    since: date = weeks["week"].min()  # type: ignore[assignment]
    subtitle = span + ("; the paler bar is today so far" if recent["partial"].any() else "")
    shown = (last - first).days + 1
    # half a day either side: a bar (at its day's midnight) in the middle of its day, the first and last drawn whole
    domain = [utc_day(first - timedelta(days=1), hours=12), utc_day(last, hours=12)]
    daily = (alt.Chart(recent, title=alt.Title("Active learners per day", subtitle=subtitle))
             # the bars' width from the drawn width (Vega's ``width`` signal), which follows the page
             .mark_bar(color=PRIMARY, size=alt.ExprRef(f"min({MAX_BAR}, 0.7 * width / {shown})"))
             .encode(x=alt.X("day:T", title=None, scale=alt.Scale(type="utc", domain=domain), axis=_day_ticks(first, last)),
                     y=alt.Y("learners:Q", title="learners", axis=_learner_ticks(recent)), opacity=so_far_opacity(),
                     # the day as text: a UTC day, the same day in every time zone
                     tooltip=[alt.Tooltip("label:N", title="day"), alt.Tooltip("learners:Q"), alt.Tooltip("events:Q")])
             .properties(width=WIDTH, height=160))
    by_week = utc_days(mark_this_week(weeks.with_columns(label=pl.col("week").dt.to_string("%-d %b %Y")), today, "label"),
                        "week")
    line = alt.Chart().mark_line(color=ACCENT)
    # this week's point hollow, its count so far: a paler point would be hard to tell on the line
    points = alt.Chart().mark_point(filled=True, color=ACCENT, stroke=ACCENT, strokeWidth=1.5).encode(
        fill=alt.when(alt.datum.partial).then(alt.value("white")).otherwise(alt.value(ACCENT)))
    weekly_title = (alt.Title("Active learners per week", subtitle="the hollow point is this week so far")
                    if by_week["partial"].any() else "Active learners per week")
    weekly = (alt.layer(line, points, data=by_week, title=weekly_title)
              .encode(x=alt.X("week:T", title=None, scale=alt.Scale(type="utc", domain=[utc_day(since), end]),
                              axis=date_ticks(weeks["week"])),
                      y=alt.Y("learners:Q", title="learners", axis=_learner_ticks(by_week)),
                      # the week as text, as the day is: the same week in every time zone
                      tooltip=[alt.Tooltip("label:N", title="week of"), alt.Tooltip("learners:Q"),
                               alt.Tooltip("events:Q")])
              .properties(width=WIDTH, height=140))
    # fit-x: the two fill the width they are given (``st.altair_chart(..., width="stretch")``), axes and all;
    # Streamlit leaves a concatenation with a layer at its own width, which overflowed a narrow column
    return themed(alt.vconcat(daily, weekly, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")))


def _daily_span(first_active: date, last: date, window: int = DAILY_WINDOW) -> tuple[date, str]:
    """The first day the daily bars show, and the span in words for the subtitle: from the first
    active day up to ``last``, but no more than ``window`` days ("the last 90 days") and no fewer
    than ``DAILY_SPAN`` ("the last 14 days"), else "since 02 Nov 2026"."""
    earliest = last - timedelta(days=window - 1)
    latest = last - timedelta(days=min(window, DAILY_SPAN) - 1)
    first = min(max(first_active, earliest), latest)
    if earliest < first < latest:
        return first, f"since {dated(first)}"
    return first, f"the last {(last - first).days + 1} days"


def _day_ticks(first: date, last: date) -> alt.Axis:
    """Ticks on the days themselves, back from the last one (today), every day, other day, week or
    fortnight: Vega's own fall on any day, and one fell on tomorrow. The labels are kept inside
    the axis: one whose tick is near either end is aligned flush with it (the last one was cut off,
    "Nov 2" for "Nov 22"), one that would still stick out is left off, as are those that would overlap."""
    shown = (last - first).days + 1
    step = 1 if shown <= 8 else 2 if shown <= 16 else 7 if shown <= 56 else 14
    ticks = [last - timedelta(days=k) for k in range(0, shown, step)]
    return alt.Axis(values=[utc_day(d) for d in reversed(ticks)], format="%-d %b", labelFlush=DAY_LABEL_FLUSH,
                    labelBound=True, labelOverlap=True)


def _learner_ticks(frame: pl.DataFrame) -> alt.Axis:
    """Counts of learners up the side: whole numbers only (``engine.chart_marks.whole_ticks``)."""
    return whole_ticks(max(1, int(frame["learners"].max() or 0)))  # type: ignore[arg-type]


def activity_summary(days: pl.DataFrame, weeks: pl.DataFrame, today: date | None = None) -> str:
    """The latest week's active learners and the busiest day. The week holding ``today`` is "so far", as the
    chart's hollow point says: a week from Monday, not the last 7 days of the page's "Active" figure."""
    if days.is_empty():
        return "No learner of this cohort has been active yet."
    most = int(days["learners"].max())  # type: ignore[arg-type]
    busiest = days.filter(pl.col("learners") == most).sort("day", descending=True)["day"].to_list()
    latest = weeks.sort("week").row(-1, named=True)
    active = int(latest["learners"])
    if len(busiest) == 1:
        busiest_day = f"The busiest day was {dated(busiest[0])}, with {count(most, 'learner')}."
    else:  # a tie: naming one of them at random said the others were quieter
        also = f"{len(busiest) - 1} earlier day{'s' if len(busiest) > 2 else ''}"
        busiest_day = (f"The busiest days had {count(most, 'learner')} each: the latest was {dated(busiest[0])}, and "
                       f"{also} had as many.")
    if today is not None and latest["week"] == today - timedelta(days=today.weekday()):
        return (f"So far this week (from Monday {dated(latest['week'])}), {count(active, 'learner')} "
                f"{'has' if active == 1 else 'have'} been active. {busiest_day}")
    return (f"In the week of {dated(latest['week'])}, {count(active, 'learner')} {'was' if active == 1 else 'were'} "
            f"active. {busiest_day}")


def progress_chart(learners: pl.DataFrame) -> Any:
    """How many learners have solved how many exercises: a histogram, binned here."""
    if learners.is_empty():
        return _empty("Exercises solved", "No learners yet.")
    top = int(learners["solved"].cast(pl.Int64).max() or 0)  # type: ignore[arg-type]
    if top == 0:  # one bar from 0 to 1 across the whole chart says less than this
        return _empty("Exercises solved per learner", "No learner has solved an exercise yet.")
    width = max(1, -(-top // 20))  # at most about 20 bars
    bins = (learners.select((pl.col("solved") // width * width).alias("from"))
            .group_by("from").len("learners").with_columns(to=pl.col("from") + width).sort("from"))
    return themed(alt.Chart(bins, title="Exercises solved per learner")
                  .mark_bar(color=PRIMARY)
                  # from 0: a lone bar (a cohort of one, or all alike) stands where it is, not across the chart
                  .encode(x=alt.X("from:Q", bin="binned", title="exercises solved",
                                  scale=alt.Scale(domain=[0, int(bins["to"].max())]),  # type: ignore[arg-type]
                                  axis=whole_ticks(int(bins["to"].max()))),  # type: ignore[arg-type]
                          x2="to:Q", y=alt.Y("learners:Q", title="learners", axis=_learner_ticks(bins)),
                          tooltip=[alt.Tooltip("from:Q", title="solved from"), alt.Tooltip("to:Q", title="fewer than"),
                                   alt.Tooltip("learners:Q")])
                  .properties(width=WIDTH, height=180))


def progress_summary(learners: pl.DataFrame) -> str:
    if learners.is_empty():
        return "No learners yet."
    solved, everyone = learners["solved"], learners.height
    none = int((solved == 0).sum())
    low, high = int(solved.min() or 0), int(solved.max() or 0)  # type: ignore[arg-type]
    if everyone == 1:
        return (f"The cohort's one learner has solved {count(high, 'exercise')}." if high
                else "The cohort's one learner has not solved an exercise yet.")
    median = float(solved.cast(pl.Float64).median() or 0.0)  # type: ignore[arg-type]
    if none == 0:
        tail = "every learner has solved at least one"
    elif none == everyone:
        tail = "none has solved one yet"
    else:
        tail = f"{none} of {everyone} {'has' if none == 1 else 'have'} not solved one yet"
    return (f"Learners solved a median of {number(median)} exercise{'' if median == 1 else 's'} (from {low} to "
            f"{high}); {tail}.")


def items_chart(items: pl.DataFrame) -> Any:
    """Authored level against the model's calibrated level, one bubble per exercise (its size, the
    tries); on the diagonal, the author and the results agree. The flagged ones are drawn last, over
    the others, outlined: drawn with them, the one flagged exercise hid behind blue bubbles. Smaller
    bubbles are drawn over larger ones. The authored axis is the levels 1 to 10 exactly, a tick each;
    the calibrated one too, or more where an exercise plays beyond them. ``fit-x``: the width follows
    the page and ``ITEMS_HEIGHT`` is the plot's own (Streamlit fits the whole chart, title, axes and
    legend, into its height otherwise: 84 exercises had a plot about 100 px tall)."""
    shown = items.filter(pl.col("authored_level").is_not_null() & pl.col("calibrated_level").is_not_null())
    if shown.is_empty():
        return _empty("Item calibration", "No attempts yet.")
    shown = shown.with_columns(status=pl.when(pl.col("flag")).then(pl.lit(FLAGGED)).otherwise(pl.lit(AS_AUTHORED)))
    lowest, highest = float(shown["calibrated_level"].min()), float(shown["calibrated_level"].max())  # type: ignore[arg-type]
    calibrated = list(range(min(1, math.floor(lowest)), max(10, math.ceil(highest)) + 1))
    # the diagonal's axes the points' own: with axes of its own, from 0 by default, it widened the scales
    # and thinned the ticks (1, 3, 5...)
    x = alt.X("authored_level:Q", title="authored level", scale=alt.Scale(domain=[1, 10], nice=False, zero=False),
              axis=alt.Axis(values=LEVELS, format="d", offset=AXIS_OFFSET))
    y = alt.Y("calibrated_level:Q", title="calibrated level",
              scale=alt.Scale(domain=[calibrated[0], calibrated[-1]], nice=False, zero=False),
              axis=alt.Axis(values=calibrated, format="d", offset=AXIS_OFFSET))
    diagonal = (alt.Chart(pl.DataFrame({"authored_level": [1.0, 10.0], "calibrated_level": [1.0, 10.0]}))
                .mark_line(color=MUTED, strokeDash=[4, 4]).encode(x=x, y=y))
    base = alt.Chart().encode(
        x=x, y=y,
        size=alt.Size("attempts:Q", title="attempts", legend=None),
        color=alt.Color("status:N", title=None, legend=alt.Legend(symbolOpacity=1),
                        scale=alt.Scale(domain=[AS_AUTHORED, FLAGGED], range=[PRIMARY, ACCENT])),
        order=alt.Order("attempts:Q", sort="descending"),
        tooltip=["title:N", "authored_level:Q", alt.Tooltip("calibrated_level:Q", format=".1f"),
                 "attempts:Q", alt.Tooltip("pass_rate:Q", format=".0%", title="pass rate"),
                 alt.Tooltip("median_duration_s:Q", format=".0f", title="median seconds"), "why:N"])
    as_authored = base.transform_filter(alt.datum.status == AS_AUTHORED).mark_circle(opacity=0.7)
    flagged = base.transform_filter(alt.datum.status == FLAGGED).mark_circle(opacity=1, stroke="white", strokeWidth=1.5)
    return themed(alt.layer(diagonal, as_authored, flagged, data=shown)
                  .properties(title="Item calibration", width=WIDTH, height=ITEMS_HEIGHT,
                              autosize=alt.AutoSizeParams(type="fit-x", contains="padding")))


def items_summary(items: pl.DataFrame) -> str:
    if items.is_empty():
        return "No exercise has been attempted yet."
    flagged = items.filter(pl.col("flag"))
    text = f"{count(items.height, 'exercise')} attempted; {flagged.height} flagged as miscalibrated."
    if flagged.height:
        first = flagged.row(0, named=True)
        text += f" {'For example ' if flagged.height > 1 else ''}{first['title']}: {first['why']}."
    return text


def heatmap_rows(mastery: pl.DataFrame, at_risk: pl.DataFrame, limit: int = HEATMAP_ROWS) -> pl.DataFrame:
    """The heatmap's learners, up to ``limit``: those at risk (``at_risk``, the dashboard's frame) who were active
    most recently first, as an educator can still reach them (their success falling, their hints rising, or
    just gone quiet), then the others by name. Those at risk longest inactive come last: in a large cohort they
    filled every row, weeks gone, and the At risk table lists them anyway."""
    reachable = at_risk.sort("days_inactive", "name", "user_id")["user_id"].to_list()
    order = list(dict.fromkeys([*reachable, *mastery["user_id"].unique(maintain_order=True).to_list()]))[:limit]
    return mastery.filter(pl.col("user_id").is_in(order))


def heatmap_caption(shown: pl.DataFrame, learners: int) -> str | None:
    """How the heatmap's rows (``shown``, from ``heatmap_rows``) were chosen, when they are not the whole cohort."""
    rows = shown["user_id"].n_unique()
    if rows >= learners:
        return None
    return (f"Showing {rows} of {learners} learners: first those at risk who were active most recently (the ones "
            "you can still reach), then the others by name. The At risk tab lists everyone at risk, and the CSV has "
            "every learner.")


def learner_labels(mastery: pl.DataFrame, learners: pl.DataFrame | None = None) -> pl.DataFrame:
    """``mastery`` with a ``learner`` column for the heatmap's rows: the learner's name, with their username
    (from ``learners``, the dashboard's frame) only where two learners share a name."""
    if learners is not None and "username" not in mastery.columns:
        mastery = mastery.join(learners.select("user_id", "username"), on="user_id", how="left")
    # without usernames, the id still tells two namesakes apart
    key = pl.col("username") if "username" in mastery.columns else "#" + pl.col("user_id").cast(pl.Utf8)
    shared = pl.col("user_id").n_unique().over("name") > 1
    return mastery.with_columns(learner=pl.when(shared).then(pl.col("name") + " (" + key + ")").otherwise(pl.col("name")))


def mastery_heatmap(mastery: pl.DataFrame, learners: pl.DataFrame | None = None) -> Any:
    """Learner x skill: the chance of passing a middle-level exercise of the skill. A row per learner, of a fixed
    height, so the grid grows with the cohort; pass the dashboard's ``learners`` to tell namesakes apart. Cells
    without results (the model's guess from the learner's general ability) are grey, apart from the colour scale,
    with a legend entry of their own. Each learner's skill to work on next (``is_next``, the one their Progress
    page names) is outlined: it is not always the row's reddest cell, which may be mastered already or wait on
    its prerequisites."""
    if mastery.is_empty():
        return _empty("Mastery", "No learners yet.")
    skills = mastery.sort("skill_order")["skill_name"].unique(maintain_order=True).to_list()
    labelled = learner_labels(mastery, learners)
    rows = labelled["learner"].unique(maintain_order=True).to_list()
    tried = (alt.Chart().mark_rect().transform_filter(alt.datum.evidence > 0)
             .encode(color=alt.Color("mastery:Q", title="mastery", scale=alt.Scale(scheme="redyellowgreen", domain=[0, 1]),
                                     # a shorter scale than the default: "100%" ran past a narrow column's edge
                                     legend=alt.Legend(format=".0%", gradientLength=150)),
                     tooltip=[alt.Tooltip("learner:N", title="learner"), alt.Tooltip("skill_name:N", title="skill"),
                              alt.Tooltip("mastery:Q", format=".0%"), alt.Tooltip("ability:Q", format="+.2f"),
                              alt.Tooltip("evidence:Q", title="results")]))
    untried = (alt.Chart().mark_rect().transform_filter(alt.datum.evidence <= 0)
               .transform_calculate(cell=f"'{NO_RESULTS}'")
               # above the grid, not beside the scale below it: side by side they ran past a narrow column's edge
               .encode(color=alt.Color("cell:N", title=None, scale=alt.Scale(domain=[NO_RESULTS], range=[NO_RESULTS_GREY]),
                                       legend=alt.Legend(orient="top")),
                       tooltip=[alt.Tooltip("learner:N", title="learner"), alt.Tooltip("skill_name:N", title="skill"),
                                alt.Tooltip("cell:N", title="mastery")]))
    # outlined, not coloured: the colour says how strong, the outline what to work on (a new skill's cell is grey)
    upcoming = (alt.Chart().mark_rect(fill=None, stroke=TEXT, strokeWidth=2).transform_filter(alt.datum.is_next)
                .encode(tooltip=[alt.Tooltip("learner:N", title="learner"), alt.Tooltip("skill_name:N", title="work on next")]))
    layers = [tried, untried] if (labelled["evidence"] <= 0).any() else [tried]  # no grey swatch for no grey cell
    # a line each: one line was cut off in a narrow column ("chance of passing a level-5.5 exercise; grey…")
    subtitle = ["how likely to pass a mid-level (5–6) exercise", f"grey: {NO_RESULTS} in the skill"]
    if labelled["is_next"].any():
        layers.append(upcoming)
        subtitle.append("outlined: the skill to work on next")
    return themed(alt.layer(*layers, data=labelled, title=alt.Title("Mastery by skill", subtitle=subtitle))
                  .encode(x=alt.X("skill_name:N", sort=skills, title=None,
                                  axis=alt.Axis(labelAngle=-40, labelLimit=170, labelOverlap=False)),
                          y=alt.Y("learner:N", sort=rows, title=None, axis=alt.Axis(labelLimit=160)))
                  .resolve_scale(color="independent")  # a gradient for mastery, a swatch for the grey
                  # fit-x: the width follows the page, the height is the rows' (Streamlit would fit both)
                  .properties(width=WIDTH, height=alt.Step(HEATMAP_ROW),
                              autosize=alt.AutoSizeParams(type="fit-x", contains="padding")))


def mastery_summary(mastery: pl.DataFrame) -> str:
    """The skills of highest and lowest mean mastery over the learners with results in them (a cell without
    results is the model's guess from general ability, not evidence), with how many learners each mean rests
    on; a skill nobody has tried is not ranked."""
    if mastery.is_empty():
        return "No learners yet."
    tried = mastery.filter(pl.col("evidence") > 0)
    if tried.is_empty():
        return "No learner has results in a skill yet."
    by_skill = (tried.group_by("skill_name", "skill_order")
                .agg(pl.col("mastery").mean(), pl.col("user_id").n_unique().alias("learners"))
                .sort("mastery", "skill_order"))
    untried = mastery["skill_name"].n_unique() - by_skill.height
    weakest, strongest = by_skill.row(0, named=True), by_skill.row(-1, named=True)
    if by_skill.height == 1:
        return (f"Only {strongest['skill_name']} has results so far: mean mastery {strongest['mastery']:.0%} "
                f"over {count(strongest['learners'], 'learner')} with results in it.")
    # "highest/lowest mean", not "strongest/weakest": a learner's weakest skill is their skill to work on next
    text = (f"Across the cohort, {strongest['skill_name']} has the highest mean mastery "
            f"({strongest['mastery']:.0%}, {count(strongest['learners'], 'learner')}) and {weakest['skill_name']} "
            f"the lowest ({weakest['mastery']:.0%}, {count(weakest['learners'], 'learner')}).")
    text += " Each mean counts only the learners with results in the skill"
    if untried:
        text += f"; {count(untried, 'skill')} nobody has tried yet {'is' if untried == 1 else 'are'} not ranked"
    return text + "."


def next_skill_summary(mastery: pl.DataFrame, most: int = 3) -> str:
    """What the outlines of the heatmap say, in words: the skills the learners are to work on next, the
    commonest first ("... Loops for 5 learners, Strings for 3 and 2 other skills for 3."), and what that
    skill is, as each learner's Progress page names it."""
    upcoming = (mastery.filter(pl.col("is_next")).group_by("skill_name", "skill_order").agg(pl.len().alias("learners"))
                .sort(["learners", "skill_order"], descending=[True, False]))
    if upcoming.is_empty():
        return ""
    named = [f"{r['skill_name']} for {count(r['learners'], 'learner') if i == 0 else r['learners']}"
             for i, r in enumerate(upcoming.head(most).iter_rows(named=True))]
    rest = upcoming.slice(most)
    if rest.height:
        named.append(f"{count(rest.height, 'other skill')} for {int(rest['learners'].sum())}")
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    evidence = mastery.group_by("user_id").agg(pl.col("evidence").sum())
    newcomers = mastery.filter(pl.col("is_next")).join(evidence.filter(pl.col("evidence") == 0), on="user_id").height
    starting = f"; for {count(newcomers, 'learner')} without results yet, a skill to start with" if newcomers else ""
    return ("Outlined: each learner's skill to work on next, the one their Progress page names (their weakest "
            f"practised skill not mastered yet, with its prerequisites met{starting}): {listed}. {NOT_THE_REDDEST}")
