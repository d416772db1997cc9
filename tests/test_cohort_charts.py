"""The cohort charts (engine/cohort_charts.py), tested on their Vega-Lite specification (row sizes, axes,
labels), not their pixels; and the text summaries, in the singular and the plural."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
import pytest

from engine import chart_marks, charts, cohort_charts

MONDAY = date(2026, 3, 16)
SKILLS = ["Variables and types", "Conditionals", "Loops", "Functions", "Lists and tuples", "Dictionaries", "Strings",
          "Comprehensions", "Recursion", "Classes and objects", "Exceptions", "Files and I/O"]


def mastery_frame(names: list[str], skills: int = len(SKILLS)) -> pl.DataFrame:
    """A mastery grid as ``engine.dashboard`` gives it: a row per learner and skill; user ids from 2."""
    rows = [{"user_id": i + 2, "name": name, "skill": f"s{s}", "skill_name": SKILLS[s], "skill_order": s,
             "ability": (s - i) / 4, "mastery": 0.5, "evidence": s % 3, "is_next": s == 0}
            for i, name in enumerate(names) for s in range(skills)]
    return pl.DataFrame(rows)


def people(names: list[str]) -> pl.DataFrame:
    """The dashboard's learners frame, as far as the heatmap reads it."""
    return pl.DataFrame({"user_id": [i + 2 for i in range(len(names))], "name": names,
                         "username": [f"user{i}" for i in range(len(names))]})


def labels(spec: dict[str, Any]) -> list[str]:
    return spec["encoding"]["y"]["sort"]


@pytest.mark.parametrize("learners", [2, 20, 40], ids=["two learners", "the demo cohort", "the most shown"])
def test_the_heatmap_gives_each_learner_a_row_of_its_own(learners: int) -> None:
    names = [f"Learner {i}" for i in range(learners)]
    spec = cohort_charts.mastery_heatmap(mastery_frame(names)).to_dict()
    assert spec["height"] == {"step": cohort_charts.HEATMAP_ROW}, "a row per learner, not a share of a fixed height"
    assert spec["autosize"]["type"] == "fit-x", "the width follows the page; the height is the rows'"
    assert len(labels(spec)) == learners
    skills = spec["encoding"]["x"]
    assert skills["sort"] == SKILLS and skills["axis"]["labelOverlap"] is False and skills["axis"]["labelLimit"] > 0
    assert colour_of(spec, "mastery")["title"] == "mastery"


@pytest.mark.parametrize(("names", "with_people", "expected"), [
    (["Ada Byron", "Bob Stone"], True, ["Ada Byron", "Bob Stone"]),
    (["Ada Byron", "Bob Stone"], False, ["Ada Byron", "Bob Stone"]),
    (["Ada Byron", "Ada Byron", "Bob Stone"], True, ["Ada Byron (user0)", "Ada Byron (user1)", "Bob Stone"]),
    (["Ada Byron", "Ada Byron"], False, ["Ada Byron (#2)", "Ada Byron (#3)"]),
], ids=["names", "names without the learners frame", "namesakes by username", "namesakes by id, the last resort"])
def test_heatmap_rows_are_named_without_ids_unless_two_share_a_name(names: list[str], with_people: bool,
                                                                     expected: list[str]) -> None:
    spec = cohort_charts.mastery_heatmap(mastery_frame(names), people(names) if with_people else None).to_dict()
    assert labels(spec) == expected


def activity_frames(daily: list[int], weekly: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    days = pl.DataFrame({"day": [MONDAY + timedelta(days=i) for i in range(len(daily))], "learners": daily,
                         "events": [3 * n for n in daily]})
    weeks = pl.DataFrame({"week": [MONDAY], "learners": [weekly], "events": [3 * weekly]})
    return days, weeks


@pytest.mark.parametrize(("daily", "weekly", "expected"), [
    ([1], 1, "In the week of 16 Mar 2026, 1 learner was active. The busiest day was 16 Mar 2026, with 1 learner."),
    ([2, 5, 1], 6, "In the week of 16 Mar 2026, 6 learners were active. The busiest day was 17 Mar 2026, "
                   "with 5 learners."),
    ([4, 2, 4], 5, "In the week of 16 Mar 2026, 5 learners were active. The busiest days had 4 learners each: the "
                   "latest was 18 Mar 2026, and 1 earlier day had as many."),
    ([3, 3, 1, 3], 5, "In the week of 16 Mar 2026, 5 learners were active. The busiest days had 3 learners each: the "
                      "latest was 19 Mar 2026, and 2 earlier days had as many."),
], ids=["one learner", "several", "a tie", "a tie of three"])
def test_activity_summary(daily: list[int], weekly: int, expected: str) -> None:
    assert cohort_charts.activity_summary(*activity_frames(daily, weekly)) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (MONDAY + timedelta(days=2), "So far this week (from Monday 16 Mar 2026), 6 learners have been active."),
    (MONDAY + timedelta(days=9), "In the week of 16 Mar 2026, 6 learners were active."),
], ids=["this week", "a week gone"])
def test_the_activity_summary_says_when_the_week_is_not_over(today: date, expected: str) -> None:
    """The week is from Monday, and this one is not over: the chart's hollow point says "so far", and so does
    the summary (the page's "Active, last 7 days" figure counts 7 days back instead)."""
    summary = cohort_charts.activity_summary(*activity_frames([2, 5, 1], 6), today=today)
    assert summary == expected + " The busiest day was 17 Mar 2026, with 5 learners."


@pytest.mark.parametrize(("solved", "expected"), [
    ([3], "The cohort's one learner has solved 3 exercises."),
    ([1], "The cohort's one learner has solved 1 exercise."),
    ([0], "The cohort's one learner has not solved an exercise yet."),
    ([1, 1, 4], "Learners solved a median of 1 exercise (from 1 to 4); every learner has solved at least one."),
    ([0, 2, 5], "Learners solved a median of 2 exercises (from 0 to 5); 1 of 3 has not solved one yet."),
    ([0, 0, 2, 5], "Learners solved a median of 1 exercise (from 0 to 5); 2 of 4 have not solved one yet."),
    ([0, 0], "Learners solved a median of 0 exercises (from 0 to 0); none has solved one yet."),
    ([2, 16, 17, 39], "Learners solved a median of 16.5 exercises (from 2 to 39); every learner has solved at least one."),
], ids=["one learner", "one learner, one exercise", "one learner, none solved", "nobody without",
        "one without", "several without", "everyone without", "a median between two"])
def test_progress_summary(solved: list[int], expected: str) -> None:
    assert cohort_charts.progress_summary(pl.DataFrame({"solved": solved})) == expected


@pytest.mark.parametrize(("titles", "flags", "expected"), [
    (["Loops"], [False], "1 exercise attempted; 0 flagged as miscalibrated."),
    (["Loops", "Lists"], [False, False], "2 exercises attempted; 0 flagged as miscalibrated."),
    (["Loops", "Lists"], [True, False], "2 exercises attempted; 1 flagged as miscalibrated. Loops: why Loops."),
    (["Loops", "Lists"], [True, True], "2 exercises attempted; 2 flagged as miscalibrated. For example Loops: why Loops."),
], ids=["one", "several", "one flagged: no 'for example'", "two flagged"])
def test_items_summary(titles: list[str], flags: list[bool], expected: str) -> None:
    items = pl.DataFrame({"title": titles, "flag": flags, "why": [f"why {t}" for t in titles]})
    assert cohort_charts.items_summary(items) == expected


def test_counts_of_learners_have_whole_number_ticks() -> None:
    """A few counts are listed outright: a renderer put ticks at 0.5 and labelled them "1" again (0 1 1 2 2);
    with no minimum step, which made Vega thin the listed [0, 1, 2] to 0 and 2."""
    days, weeks = activity_frames([1, 2], 2)
    activity = cohort_charts.activity_chart(days, weeks).to_dict()
    progress = cohort_charts.progress_chart(pl.DataFrame({"solved": [0, 1, 3]})).to_dict()
    for view, most in [(activity["vconcat"][0], 2), (activity["vconcat"][1], 2), (progress, 1)]:
        axis = view["encoding"]["y"]["axis"]
        assert (axis["tickMinStep"], axis["format"], axis["values"]) == (0, "d", list(range(most + 1)))


@pytest.mark.parametrize(("solved", "ticks"), [
    ([1, 2, 3, 3, 4], [0, 1, 2, 3, 4, 5]),
    ([0, 1, 3], [0, 1, 2, 3, 4]),
    (list(range(0, 60, 3)), None),
], ids=["from one to four", "from none", "many, listed by Vega"])
def test_exercises_solved_have_whole_number_ticks(solved: list[int], ticks: list[int] | None) -> None:
    """Whole exercises: the axis read 1.0, 1.2 ... 4.0."""
    x = cohort_charts.progress_chart(pl.DataFrame({"solved": solved})).to_dict()["encoding"]["x"]
    assert (x["axis"]["tickMinStep"], x["axis"]["format"], x["axis"].get("values")) == (0 if ticks else 1, "d", ticks)


@pytest.mark.parametrize("solved", [[0], [0, 0, 0]], ids=["one learner", "several"])
def test_nothing_solved_is_said_not_drawn(solved: list[int]) -> None:
    """One bar from 0 to 1 across the whole chart, for a cohort whose only learner had solved nothing."""
    spec = cohort_charts.progress_chart(pl.DataFrame({"solved": solved})).to_dict()
    assert spec["mark"]["type"] == "text" and spec["title"] == "Exercises solved per learner"
    assert spec["datasets"][spec["data"]["name"]] == [{"message": "No learner has solved an exercise yet."}]


def test_a_lone_bar_stands_where_it_is() -> None:
    """A cohort of one (or all alike) is one bin: drawn from 0, not stretched across the chart."""
    spec = cohort_charts.progress_chart(pl.DataFrame({"solved": [3]})).to_dict()
    assert spec["encoding"]["x"]["scale"]["domain"] == [0, 4]
    assert spec["datasets"][spec["data"]["name"]] == [{"from": 3, "learners": 1, "to": 4}]


@pytest.mark.parametrize(("n", "expected"), [(0, "0 learners"), (1, "1 learner"), (20, "20 learners")])
def test_count_is_singular_for_one(n: int, expected: str) -> None:
    assert charts.count(n, "learner") == expected


def test_the_daily_activity_reaches_today_after_a_quiet_spell() -> None:
    days, weeks = activity_frames([1, 2, 3], 3)  # 16 to 18 March
    today = MONDAY + timedelta(days=9)
    daily = cohort_charts.activity_chart(days, weeks, window=5, today=today).to_dict()["vconcat"][0]
    first, end = daily["encoding"]["x"]["scale"]["domain"]
    # 5 days to the 25th, from half a day before the first to half a day after the last: each bar whole
    assert [(d["month"], d["date"], d["hours"]) for d in (first, end)] == [(3, 20, 12), (3, 25, 12)]
    spec = cohort_charts.activity_chart(days, weeks, window=9, today=today).to_dict()  # from the 17th
    drawn = spec["datasets"][spec["vconcat"][0]["data"]["name"]]
    assert [row["learners"] for row in drawn] == [2, 3]


@pytest.mark.parametrize(("today", "marked"), [
    (MONDAY + timedelta(days=2), {"Wed 18 Mar 2026, today so far": 3}),
    (MONDAY + timedelta(days=4), {}),
    (None, {}),
], ids=["active today", "nobody yet today", "no today given"])
def test_todays_bar_is_paler_and_says_so_far(today: date | None, marked: dict[str, int]) -> None:
    """The day is not over: today's bar is its exact count so far, drawn paler, its tooltip and the subtitle say
    so. Without a bar for today (or a today), every bar is a finished day."""
    days, weeks = activity_frames([1, 2, 3], 3)  # 16 to 18 March
    spec = cohort_charts.activity_chart(days, weeks, window=7, today=today).to_dict()
    daily = spec["vconcat"][0]
    assert daily["encoding"]["opacity"] == {"condition": [{"test": "datum.partial", "value": chart_marks.SO_FAR_OPACITY}],
                                            "value": 1.0}
    assert daily["encoding"]["tooltip"][0] == {"field": "label", "title": "day", "type": "nominal"}
    drawn = spec["datasets"][daily["data"]["name"]]
    assert {row["label"]: row["learners"] for row in drawn if row["partial"]} == marked
    assert [row["learners"] for row in drawn] == [1, 2, 3], "the counts themselves unchanged"
    assert daily["title"]["subtitle"] == "the last 7 days" + ("; the paler bar is today so far" if marked else "")


@pytest.mark.parametrize(("today", "marked"), [
    (MONDAY + timedelta(days=2), {"16 Mar 2026, this week so far": 3}),
    (MONDAY, {"16 Mar 2026, this week so far": 3}),
    (MONDAY + timedelta(days=8), {}),
    (None, {}),
], ids=["a week in progress", "its first day", "nobody yet this week", "no today given"])
def test_this_weeks_point_is_hollow_and_says_so_far(today: date | None, marked: dict[str, int]) -> None:
    """The week is not over: its point is its exact count so far, drawn hollow on the line, its tooltip and the
    subtitle say so (as the daily bars' do). Without a point for this week (or a today), every point is a finished
    week."""
    days, _ = activity_frames([1, 2, 3], 3)  # 16 to 18 March
    weeks = pl.DataFrame({"week": [MONDAY - timedelta(days=7), MONDAY], "learners": [5, 3], "events": [15, 9]})
    spec = cohort_charts.activity_chart(days, weeks, window=14, today=today).to_dict()
    weekly = spec["vconcat"][1]
    line, points = weekly["layer"]
    assert line["mark"]["type"] == "line" and "encoding" not in line, "the line itself one whole stroke"
    assert (points["mark"]["type"], points["mark"]["stroke"]) == ("point", charts.ACCENT), "a hollow point keeps its rim"
    assert points["encoding"]["fill"] == {"condition": [{"test": "datum.partial", "value": "white"}],
                                          "value": charts.ACCENT}
    assert weekly["encoding"]["tooltip"][0] == {"field": "label", "title": "week of", "type": "nominal"}
    drawn = spec["datasets"][weekly["data"]["name"]]
    assert {row["label"]: row["learners"] for row in drawn if row["partial"]} == marked
    assert [(row["label"].split(",")[0], row["learners"], row["events"]) for row in drawn] == [
        ("9 Mar 2026", 5, 15), ("16 Mar 2026", 3, 9)], "the counts themselves unchanged"
    if marked:
        assert weekly["title"] == {"text": "Active learners per week", "subtitle": "the hollow point is this week so far"}
    else:
        assert weekly["title"] == "Active learners per week"


def test_the_weekly_ticks_fall_on_the_weeks() -> None:
    days, _ = activity_frames([1], 1)
    weeks = pl.DataFrame({"week": [MONDAY + timedelta(days=7 * i) for i in range(30)], "learners": [1] * 30,
                          "events": [3] * 30})
    weekly = cohort_charts.activity_chart(days, weeks).to_dict()["vconcat"][1]
    ticks = weekly["encoding"]["x"]["axis"]["values"]
    assert len(ticks) <= 12 and (ticks[0]["month"], ticks[0]["date"]) == (3, 16)
    assert {date(2026, t["month"], t["date"]).weekday() for t in ticks} == {0}, "Mondays, as the weeks start"


def test_days_and_weeks_are_placed_in_utc_as_their_ticks_are() -> None:
    """A day is a UTC day everywhere: sent as a bare date ("2026-03-16", which a browser reads as UTC) on a
    UTC scale. Sent as a local midnight, a bar stood hours off its tick far from UTC, and the labels read
    a day early west of it."""
    days, weeks = activity_frames([1, 2, 3], 3)
    spec = cohort_charts.activity_chart(days, weeks, window=7).to_dict()
    for chart, field in zip(spec["vconcat"], ("day", "week"), strict=True):
        assert chart["encoding"]["x"]["field"] == field and chart["encoding"]["x"]["scale"]["type"] == "utc"
        drawn = [row[field] for row in spec["datasets"][chart["data"]["name"]]]
        assert drawn and all(len(value) == 10 and date.fromisoformat(value) for value in drawn), drawn
    ticks = spec["vconcat"][0]["encoding"]["x"]["axis"]["values"]
    assert all(tick["utc"] for tick in ticks)


def colour_of(spec: dict[str, Any], field: str) -> dict[str, Any]:
    """The colour encoding of the heatmap's layer that colours by ``field``."""
    return next(layer["encoding"]["color"] for layer in spec["layer"]
                if layer["encoding"].get("color", {}).get("field") == field)


def cells(rows: list[tuple[str, str, float, int]]) -> pl.DataFrame:
    """A mastery grid from (learner, skill, mastery, evidence) rows, skills ordered as first seen."""
    learners = list(dict.fromkeys(r[0] for r in rows))
    skills = list(dict.fromkeys(r[1] for r in rows))
    return pl.DataFrame([{"user_id": learners.index(who) + 2, "name": who, "skill": skill.lower(), "skill_name": skill,
                          "skill_order": skills.index(skill), "ability": 0.0, "mastery": m, "evidence": evidence,
                          "is_next": False}
                         for who, skill, m, evidence in rows])


def test_cells_without_results_are_grey_apart_from_the_scale_and_in_the_legend() -> None:
    grid = cells([("Ada", "Loops", 0.9, 4), ("Ada", "Strings", 0.5, 0), ("Bob", "Loops", 0.2, 3),
                  ("Bob", "Strings", 0.5, 2)])
    spec = cohort_charts.mastery_heatmap(grid).to_dict()
    scored, grey = spec["layer"]
    assert scored["transform"] == [{"filter": "(datum.evidence > 0)"}], "the scale colours only cells with results"
    assert grey["transform"][0] == {"filter": "(datum.evidence <= 0)"}
    swatch = colour_of(spec, "cell")["scale"]
    assert swatch == {"domain": ["no results yet"], "range": [charts.STATUS_COLOURS["not started"]]}
    assert colour_of(spec, "cell").get("legend", {}) is not None, "in the legend"
    assert spec["resolve"]["scale"]["color"] == "independent", "a swatch of its own, not a point on the gradient"
    assert "opacity" not in scored["encoding"], "not a paler shade of a mastery colour"
    assert "grey: no results yet in the skill" in spec["title"]["subtitle"]
    assert spec["encoding"]["y"]["sort"] == ["Ada", "Bob"] and spec["height"] == {"step": cohort_charts.HEATMAP_ROW}


def test_no_grey_swatch_when_every_cell_has_results() -> None:
    spec = cohort_charts.mastery_heatmap(cells([("Ada", "Loops", 0.9, 4), ("Bob", "Loops", 0.2, 3)])).to_dict()
    assert [layer["encoding"]["color"]["field"] for layer in spec["layer"]] == ["mastery"]


def test_each_learners_skill_to_work_on_next_is_outlined_and_said_so() -> None:
    """The outline, not the colour, says what to work on: the row's reddest cell may be mastered already."""
    grid = cells([("Ada", "Loops", 0.6, 4), ("Ada", "Strings", 0.7, 2)]).with_columns(
        is_next=pl.col("skill") == "strings")
    spec = cohort_charts.mastery_heatmap(grid).to_dict()
    outline = spec["layer"][-1]
    assert outline["transform"] == [{"filter": "datum.is_next"}]
    assert outline["mark"]["fill"] is None and outline["mark"]["strokeWidth"] > 0
    assert "outlined: the skill to work on next" in spec["title"]["subtitle"]
    bare = cohort_charts.mastery_heatmap(grid.with_columns(is_next=pl.lit(False))).to_dict()
    assert len(bare["layer"]) == 1 and "outlined: the skill to work on next" not in bare["title"]["subtitle"], \
        "no outline said for none drawn"


def test_the_mastery_summary_averages_only_cells_with_results() -> None:
    """Strings: two learners with results at 70%, three without at 30% (the model's guess); Loops: five with
    results at 50%. Averaged over every cell Loops would lead (50% against 46%)."""
    rows = [(f"L{i}", "Strings", 0.7, 3) for i in range(2)] + [(f"L{i}", "Strings", 0.3, 0) for i in range(2, 5)]
    rows += [(f"L{i}", "Loops", 0.5, 2) for i in range(5)]
    assert cohort_charts.mastery_summary(cells(rows)) == (
        "Across the cohort, Strings has the highest mean mastery (70%, 2 learners) and Loops the lowest "
        "(50%, 5 learners). Each mean counts only the learners with results in the skill.")


def test_a_newcomer_without_tries_ranks_no_skill_and_an_untried_skill_is_not_ranked() -> None:
    rows = [("Ada", "Loops", 0.8, 5), ("Ada", "Strings", 0.6, 2), ("Ada", "Recursion", 0.6, 0),
            ("New", "Loops", 0.1, 0), ("New", "Strings", 0.1, 0), ("New", "Recursion", 0.1, 0)]
    assert cohort_charts.mastery_summary(cells(rows)) == (
        "Across the cohort, Loops has the highest mean mastery (80%, 1 learner) and Strings the lowest "
        "(60%, 1 learner). Each mean counts only the learners with results in the skill; 1 skill nobody has tried "
        "yet is not ranked.")


@pytest.mark.parametrize(("rows", "expected"), [
    ([("Ada", "Loops", 0.5, 0), ("Bob", "Loops", 0.4, 0)], "No learner has results in a skill yet."),
    ([("Ada", "Loops", 0.75, 3), ("Ada", "Strings", 0.5, 0), ("Bob", "Loops", 0.25, 1), ("Bob", "Strings", 0.5, 0)],
     "Only Loops has results so far: mean mastery 50% over 2 learners with results in it."),
], ids=["no results at all", "results in one skill"])
def test_the_mastery_summary_with_little_evidence(rows: list[tuple[str, str, float, int]], expected: str) -> None:
    assert cohort_charts.mastery_summary(cells(rows)) == expected


def test_the_skills_to_work_on_next_are_counted_commonest_first() -> None:
    nexts = {"A": "Loops", "B": "Strings", "C": "Loops", "D": "Lists", "E": "Recursion", "F": "Classes"}
    rows = [(who, skill, 0.5, 1) for who in nexts for skill in ("Strings", "Loops", "Lists", "Recursion", "Classes")]
    grid = cells(rows).with_columns(is_next=pl.struct("name", "skill_name").map_elements(
        lambda r: nexts[r["name"]] == r["skill_name"], return_dtype=pl.Boolean))
    text = cohort_charts.next_skill_summary(grid)
    assert text.startswith("Outlined: each learner's skill to work on next, the one their Progress page names")
    assert ": Loops for 2 learners, Strings for 1, Lists for 1 and 2 other skills for 2. " in text, \
        "ties in curriculum order"
    assert text.endswith("The outlined cell is not always the reddest in its row: a redder skill may be waiting on its "
                         "prerequisites, or be mastered already, since mastery needs many results as well as a good "
                         "score, and a slightly better score on a few results is not mastery yet.")
    assert cohort_charts.next_skill_summary(grid.with_columns(is_next=pl.lit(False))) == ""


def test_a_newcomers_outlined_skill_is_said_to_be_one_to_start_with() -> None:
    # a learner without results has no weakest practised skill: theirs is the first one ready
    rows = [("Ada", "Loops", 0.8, 5), ("Ada", "Strings", 0.6, 2), ("New", "Loops", 0.5, 0), ("New", "Strings", 0.5, 0)]
    grid = cells(rows).with_columns(is_next=pl.struct("name", "skill_name").map_elements(
        lambda r: (r["name"], r["skill_name"]) in {("Ada", "Strings"), ("New", "Loops")}, return_dtype=pl.Boolean))
    text = cohort_charts.next_skill_summary(grid)
    assert "with its prerequisites met; for 1 learner without results yet, a skill to start with): " in text, text
    practised = grid.filter(pl.col("name") == "Ada")
    assert "without results yet" not in cohort_charts.next_skill_summary(practised)


TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(("first_active", "first_drawn", "span"), [
    (TODAY, TODAY - timedelta(days=13), "the last 14 days"),
    (TODAY - timedelta(days=5), TODAY - timedelta(days=13), "the last 14 days"),
    (TODAY - timedelta(days=30), TODAY - timedelta(days=30), "since 23 Oct 2026"),
    (TODAY - timedelta(days=200), TODAY - timedelta(days=89), "the last 90 days"),
], ids=["a new cohort's first day", "its first week", "a month", "longer than the window"])
def test_the_daily_activity_spans_from_the_first_active_day(first_active: date, first_drawn: date, span: str) -> None:
    """A new cohort's one day was a sliver at the edge of 90: the days start at the first active one, at least
    14 of them, and the subtitle says which; today's bar is still marked as so far."""
    n = (TODAY - first_active).days + 1
    days = pl.DataFrame({"day": [first_active + timedelta(days=i) for i in range(n)], "learners": [1] * n,
                         "events": [3] * n})
    weeks = pl.DataFrame({"week": [first_active - timedelta(days=first_active.weekday())], "learners": [1],
                          "events": [3]})
    daily = cohort_charts.activity_chart(days, weeks, today=TODAY).to_dict()["vconcat"][0]
    assert daily["title"]["subtitle"] == f"{span}; the paler bar is today so far"
    first, end = daily["encoding"]["x"]["scale"]["domain"]
    before = first_drawn - timedelta(days=1)
    assert (first["month"], first["date"], first["hours"]) == (before.month, before.day, 12)
    assert (end["month"], end["date"], end["hours"]) == (11, 22, 12)


@pytest.mark.parametrize("shown", [14, 31, 90], ids=["two weeks", "a month", "the window"])
def test_the_last_day_is_labelled_inside_the_axis(shown: int) -> None:
    """The last label was cut off ("Nov 2" for "Nov 22"): ticks fall on the days back from today, the last one
    today, and a label near an end of the axis is aligned flush with it, never past it."""
    days, weeks = activity_frames([1] * shown, 1)
    today = MONDAY + timedelta(days=shown - 1)
    daily = cohort_charts.activity_chart(days, weeks, today=today).to_dict()["vconcat"][0]
    axis = daily["encoding"]["x"]["axis"]
    assert axis["labelFlush"] >= 20 and axis["labelBound"] is True and axis["labelOverlap"] is True
    assert axis["format"] == "%-d %b"
    last = axis["values"][-1]
    assert (last["month"], last["date"]) == (today.month, today.day), "today labelled, not tomorrow"
    assert 5 <= len(axis["values"]) <= 8


def test_the_activity_fits_the_width_it_is_given() -> None:
    """At a fixed 560 px the two charts ran under the summary beside them in a 484 px column: they fit the width
    (axes included), and the days' bars are a share of it, not a share of 560."""
    days, weeks = activity_frames([1] * 10, 1)
    spec = cohort_charts.activity_chart(days, weeks, today=MONDAY + timedelta(days=9)).to_dict()
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    size = spec["vconcat"][0]["mark"]["size"]
    assert size == {"expr": f"min({cohort_charts.MAX_BAR}, 0.7 * width / 14)"}, "14 days drawn, at least"


# -- item calibration ------------------------------------------------------------------------


def items_frame(n: int = 84, flagged: int = 5) -> pl.DataFrame:
    """``engine.dashboard``'s items, as far as the chart reads them: ``n`` exercises over the levels 1 to 10,
    the one at ``flagged`` miscalibrated (authored 2, plays 3.6) beside a bigger one that agrees."""
    rows = [{"title": f"Exercise {i}", "authored_level": 1 + i % 10, "calibrated_level": 1 + i % 10 + (i % 3) / 4,
             "attempts": 5 + i, "flag": False, "pass_rate": 0.6, "median_duration_s": 60.0, "why": ""}
            for i in range(n)]
    rows[flagged].update(authored_level=2, calibrated_level=3.6, attempts=41, flag=True, why="plays 1.6 levels harder")
    rows.append({**rows[0], "title": "Crowd", "authored_level": 2, "calibrated_level": 3.5, "attempts": 90})
    return pl.DataFrame(rows)


def test_the_item_calibration_has_room_for_the_bank() -> None:
    """84 exercises had a plot about 100 px tall: Streamlit fitted title, axes and legend into the chart's height.
    Fitted in width only, the plot's height is its own."""
    spec = cohort_charts.items_chart(items_frame()).to_dict()
    assert spec["height"] == cohort_charts.ITEMS_HEIGHT >= 280
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}


def test_flagged_exercises_are_drawn_over_the_others() -> None:
    """The one flagged exercise hid behind blue bubbles: the flagged are a layer of their own, drawn last."""
    spec = cohort_charts.items_chart(items_frame()).to_dict()
    diagonal, authored, flagged = spec["layer"]
    assert authored["transform"] == [{"filter": f"(datum.status === '{cohort_charts.AS_AUTHORED}')"}]
    assert flagged["transform"] == [{"filter": f"(datum.status === '{cohort_charts.FLAGGED}')"}]
    assert flagged["mark"]["opacity"] == 1 and flagged["mark"]["stroke"] == "white"
    assert authored["encoding"]["order"] == {"field": "attempts", "sort": "descending", "type": "quantitative"}, (
        "the small bubbles over the big ones")
    rows = spec["datasets"][spec["data"]["name"]]
    assert [r["title"] for r in rows if r["status"] == cohort_charts.FLAGGED] == ["Exercise 5"]
    colours = authored["encoding"]["color"]["scale"]
    assert dict(zip(colours["domain"], colours["range"], strict=True)) == {
        cohort_charts.AS_AUTHORED: charts.PRIMARY, cohort_charts.FLAGGED: charts.ACCENT}


@pytest.mark.parametrize(("highest", "calibrated"), [(10.0, [1, 10]), (10.8, [1, 11])],
                         ids=["within the levels", "one plays beyond level 10"])
def test_the_authored_axis_is_the_levels_one_to_ten(highest: float, calibrated: list[int]) -> None:
    """The axes ran from 0 to 11 for levels 1 to 10. The authored one is the levels exactly, a tick each; the
    calibrated one too, or as far as an exercise plays beyond them. The diagonal shares the points' axes: with
    its own, it widened the scales and thinned the ticks to every other level."""
    items = items_frame().with_columns(pl.col("calibrated_level").clip(1, 10))
    items = items.with_columns(pl.when(pl.col("title") == "Exercise 9").then(highest)
                               .otherwise(pl.col("calibrated_level")).alias("calibrated_level"))
    spec = cohort_charts.items_chart(items).to_dict()
    for layer in spec["layer"]:
        x, y = layer["encoding"]["x"], layer["encoding"]["y"]
        assert (x["field"], x["scale"]["domain"], x["scale"]["nice"]) == ("authored_level", [1, 10], False)
        assert (x["axis"]["values"], x["axis"]["format"]) == (list(range(1, 11)), "d")
        assert (y["field"], y["scale"]["domain"]) == ("calibrated_level", calibrated)
        assert y["axis"]["values"] == list(range(calibrated[0], calibrated[1] + 1))


def test_the_heatmap_shows_the_at_risk_learners_still_within_reach_first() -> None:
    """With 111 of 300 learners at risk, the heatmap's 40 rows went to those inactive 44 to 58 days; those still
    practising, with their success falling, were never shown."""
    names = [f"Learner {i:03}" for i in range(300)]
    mastery = mastery_frame(names, skills=2)
    gone = [{"user_id": i + 2, "name": names[i], "days_inactive": 44 + i % 15, "flags": "inactive"} for i in range(100)]
    falling = [{"user_id": i + 2, "name": names[i], "days_inactive": i % 3, "flags": "falling success"}
               for i in range(289, 300)]
    at_risk = pl.DataFrame([*gone, *falling]).sort("days_inactive", "name", descending=[True, False])
    shown = cohort_charts.heatmap_rows(mastery, at_risk)
    ids = set(shown["user_id"].to_list())
    assert len(ids) == cohort_charts.HEATMAP_ROWS
    assert {row["user_id"] for row in falling} <= ids, "the ones an educator can help now"
    days = dict(zip(at_risk["user_id"], at_risk["days_inactive"], strict=True))
    left_out = set(days) - ids
    assert max(days[i] for i in ids) <= min(days[i] for i in left_out), "then those gone the shortest while"
    caption = cohort_charts.heatmap_caption(shown, 300)
    assert caption is not None and caption.startswith("Showing 40 of 300 learners: first those at risk who were "
                                                      "active most recently")


def test_a_small_cohorts_heatmap_shows_everyone_and_says_nothing_of_a_choice() -> None:
    mastery = mastery_frame(["Ada", "Bob", "Cyd"], skills=2)
    at_risk = pl.DataFrame({"user_id": [3], "name": ["Bob"], "days_inactive": [9]})
    shown = cohort_charts.heatmap_rows(mastery, at_risk)
    assert shown["user_id"].unique().sort().to_list() == [2, 3, 4]
    assert cohort_charts.heatmap_caption(shown, 3) is None
