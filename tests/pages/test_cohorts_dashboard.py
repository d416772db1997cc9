"""AppTest of the Cohorts page's dashboard: its figures, its tabs, one learner's drill-down and the CSV exports.

What an educator reads about a cohort: the headline figures, the Activity, Learners, At risk, Items and
Mastery tabs (rates as whole percents, tables that fit a narrow page, reasons in full, charts that fit
their column), one learner's progress read-only, and the CSV behind every table. These are the figures
an educator acts on, so they must agree with the engine's and be readable on an ordinary screen.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest
from cohorts_page import open_page
from factories import answer_interview

from engine import cohort_charts
from engine.spreadsheets import csv_bytes


def test_the_dashboard_shows_the_cohort(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Learners"] == "4"
    assert metrics["Active, last 7 days"] == "3", "the last 7 days, not the calendar week of the chart"
    assert int(metrics["At risk"]) >= 1
    assert [t.label for t in at.tabs] == ["Activity", "Learners", "At risk", "Items", "Mastery", "One learner"]
    risk = at.tabs[2].dataframe[0].value
    assert "Dee Learner" in list(risk["name"])
    dee = risk[risk["name"] == "Dee Learner"].iloc[0]
    assert dee["flags"].startswith("inactive") and "inactive for 10 days" in dee["reason"]
    people = at.tabs[1].dataframe[0].value
    assert sorted(people["username"]) == ["ada", "bob", "cyd", "dee"]
    assert list(people[people["username"] == "ada"]["attempts"]) == [22]
    items = at.tabs[3].dataframe[0].value
    assert items["attempts"].sum() == 22 * 3 + 12
    # every table has its CSV export
    labels = [b.label for b in at.download_button]
    assert labels == ["Daily activity (CSV)", "Weekly activity (CSV)", "Download CSV", "Download CSV",
                      "Download CSV", "Download CSV"]


def test_the_activity_chart_fits_its_column(wb, class_of_four):
    """A fixed-width concatenation ran under the summary beside it at 1280 px: it fills its column instead."""
    tess, _, _ = class_of_four
    at = open_page(tess)
    activity = at.tabs[0].get("vega_lite_chart")[0]
    spec = json.loads(activity.proto.spec)
    # Streamlit sizes a concatenation with a layer to its own width, padded with its axes, unless told otherwise
    assert "vconcat" in spec and spec["autosize"] == {"type": "fit-x", "contains": "padding"}


@pytest.mark.parametrize("zone", [None, "Asia/Tokyo"], ids=["no-zone-yet", "tokyo"])
def test_the_activity_says_whose_days_it_counts(wb, class_of_four, zone):
    tess, _, _ = class_of_four
    if zone:
        wb.set_time_zone(tess.id, zone)
    at = open_page(wb.user(tess.id))
    captions = [c.value for c in at.tabs[0].caption]
    assert (f"Days and weeks (from Monday) are those of your time zone, {zone or 'UTC'}: you can change it on your "
            "Profile.") in captions


def test_last_active_is_a_day_of_the_educators_zone_as_the_activity_chart_counts(wb, class_of_four):
    tess, cohort, learners = class_of_four
    wb.set_time_zone(tess.id, "Pacific/Pago_Pago")  # UTC-11: a UTC day's practice falls on the day before there
    at = open_page(wb.user(tess.id))
    people = at.tabs[1].dataframe[0]
    last_at = wb.store.all("SELECT user_id, max(occurred_at) FROM events WHERE verb IN ('completed', 'failed') "
                           "GROUP BY user_id")
    local = {user_id: (moment - timedelta(hours=11)).date() for user_id, moment in last_at}
    names = {u.id: u.name for u in learners}
    assert dict(zip(people.value["name"], (d.date() for d in people.value["last_day"]), strict=True)) == {
        names[user_id]: day for user_id, day in local.items()}
    assert "Pacific/Pago_Pago" in json.loads(people.proto.columns)["last_day"]["help"]


def test_the_mastery_heatmap_has_a_row_per_learner_named_plainly(wb, class_of_four):
    tess, _, _ = class_of_four
    at = open_page(tess)
    (chart,) = at.tabs[4].get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["height"] == {"step": cohort_charts.HEATMAP_ROW}
    assert sorted(spec["encoding"]["y"]["sort"]) == ["Ada Learner", "Bob Learner", "Cyd Learner", "Dee Learner"], \
        "the learners' names, without user ids"


def test_rates_show_as_whole_percents(wb, class_of_four):
    tess, cohort, _ = class_of_four
    at = open_page(tess)
    board = wb.cohort_dashboard(tess.id, cohort.id)
    people, items = at.tabs[1].dataframe[0], at.tabs[3].dataframe[-1]
    people_config, items_config = json.loads(people.proto.columns), json.loads(items.proto.columns)
    assert people_config["success_rate"]["type_config"]["format"] == "%.0f%%"
    assert items_config["pass_rate"]["type_config"]["format"] == "%.0f%%"
    assert list(people.value["success_rate"]) == pytest.approx(list(board.learners["success_rate"] * 100)), "0-100"
    assert list(items.value["pass_rate"]) == pytest.approx(list(board.items["pass_rate"] * 100))
    assert board.learners["success_rate"].max() <= 1, "the CSV keeps rates from 0 to 1"


def test_the_tables_fit_a_narrow_page_with_the_rest_a_click_away(wb, class_of_four):
    """A 1000 px window with the sidebar open leaves the tables about 540 px: the main columns show, the
    name pinned, the others hidden but in the table's column menu and the CSV."""
    tess, cohort, _ = class_of_four
    at = open_page(tess)
    people, items = at.tabs[1].dataframe[0], at.tabs[3].dataframe[-1]
    assert list(people.proto.column_order) == ["name", "last_day", "success_rate", "solved", "level", "next_skill_name"]
    assert {"username", "days_inactive", "attempts", "hints_per_attempt"} <= set(people.value.columns), "a click away"
    config = json.loads(people.proto.columns)
    assert config["name"]["pinned"] is True and isinstance(config["name"]["width"], int)
    assert config["next_skill_name"]["label"] == "Work on next"
    assert "Progress page" in config["next_skill_name"]["help"], "says what it means, and that the learner sees it"
    assert list(items.proto.column_order) == ["title", "authored_level", "calibrated_level", "pass_rate", "attempts"]
    assert json.loads(items.proto.columns)["title"]["pinned"] is True
    risk = at.tabs[2].dataframe[0]
    assert list(risk.proto.column_order) == ["name", "reason"]


def test_the_learners_table_names_the_skill_their_progress_page_names(wb, class_of_four):
    tess, _, learners = class_of_four
    at = open_page(tess)
    people = at.tabs[1].dataframe[0].value
    for learner in learners:
        named = wb.progress(learner.id).next_skill
        assert named is not None
        assert list(people[people["username"] == learner.username]["next_skill_name"]) == [named.name]
    assert "Outlined: each learner's skill to work on next" in " ".join(m.value for m in at.tabs[4].markdown)


def test_a_learner_with_every_skill_mastered_has_nothing_blank_to_work_on(wb, class_of_four):
    """Nothing left to work on read as a blank cell, as for a learner who never tried."""
    tess, cohort, _ = class_of_four
    ace = wb.register("ace", "ace@example.org", "Ace Learner", "tidy-otter-93")
    answer_interview(wb, ace.id)
    wb.join_cohort(ace.id, cohort.join_code)
    hardest: dict[str, list] = {}
    for exercise in sorted(wb.exercises(), key=lambda e: -e.difficulty):
        hardest.setdefault(exercise.skills[0], []).append(exercise.id)
    start = datetime.now(UTC) - timedelta(days=20)
    for n, exercise_id in enumerate(e for ids in hardest.values() for e in ids[:6]):
        wb.record_result(ace.id, exercise_id, True, at=start + timedelta(minutes=n))
    assert wb.progress(ace.id).next_skill is None
    people = open_page(tess).tabs[1].dataframe[0].value
    assert list(people[people["username"] == "ace"]["next_skill_name"]) == ["all mastered"]


def test_reasons_are_shown_in_full_wrapped(wb, class_of_four):
    """The why of a flagged exercise and of a learner at risk, each reason on a line, in rows tall enough."""
    tess, cohort, _ = class_of_four
    target = wb.cohort_dashboard(tess.id, cohort.id).items["exercise_id"][0]
    authored = wb.exercise(target).difficulty
    wb.store.execute("UPDATE exercise_ratings SET difficulty = ?, evidence = 40 WHERE exercise_id = ?",
                     [(authored + 3 - 5.5) * 0.6, target])
    at = open_page(tess)
    flagged, every = at.tabs[3].dataframe
    assert list(flagged.value["title"]) == [wb.exercise(target).title]
    assert flagged.value["why"][0].startswith("plays 3.0 levels harder than authored")
    assert flagged.proto.row_height > 64, "Streamlit wraps text only in rows taller than 4rem"
    assert every.value.shape[0] == wb.cohort_dashboard(tess.id, cohort.id).items.height


def test_the_drill_down_shows_one_learners_progress_read_only(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    at.selectbox(key="drill_learner").select(learners[1].id).run()
    assert not at.exception, at.exception
    tab = at.tabs[5]
    metrics = {m.label: m.value for m in tab.metric}
    assert metrics["Tries"] == "22" and metrics["Level"] == str(wb.level(learners[1].id).value)
    assert tab.dataframe[0].value.shape[0] == 22
    summaries = " ".join(m.value for m in tab.markdown)
    name = wb.user(learners[1].id).name
    assert f"{name} has practised " in summaries and "of their tries" in summaries and "You " not in summaries
    assert not [b for b in tab.button if b.label in ("Submit", "Easier", "Harder")], "read-only"
    assert {b.label for b in tab.download_button} == {"Mastery (CSV)", "Weekly (CSV)", "Exercises (CSV)",
                                                      "Attempts (CSV)"}
    tries = tab.dataframe[0]
    titles = {e.title for e in wb.exercises()}
    assert json.loads(tries.proto.columns)["title"]["label"] == "Exercise"
    assert list(tries.proto.column_order) == ["submitted_at", "title", "passed", "hints_used", "duration_s"]
    assert set(tries.value["title"]) <= titles, "titles, as on History, not ids"


def test_csv_exports_read_back(wb, class_of_four):
    """The CSV the button offers is the table: what the dashboard frame holds."""
    tess, cohort, _ = class_of_four
    board = wb.cohort_dashboard(tess.id, cohort.id)
    for name, frame in board.tables().items():
        back = pl.read_csv(io.BytesIO(csv_bytes(frame)))
        assert back.columns == frame.columns and back.height == frame.height, name


def test_namesakes_are_told_apart_and_a_learner_without_tries_shows_blanks(wb, class_of_four):
    """Two Ada Learners looked the same in the Learners and At risk tables (the username hidden), and a learner
    with no tries read "None" under Last active and Passed."""
    tess, cohort, _ = class_of_four
    namesake = wb.register("ada2", "ada2@example.org", "Ada Learner", "tidy-otter-93")  # no tries
    wb.join_cohort(namesake.id, cohort.join_code)
    wb.store.execute("UPDATE cohort_members SET joined_at = joined_at - INTERVAL 30 DAY WHERE user_id = ?",
                     [namesake.id])  # joined a month ago and never tried: at risk
    at = open_page(tess)
    assert not at.exception, at.exception
    people, risk = at.tabs[1].dataframe[0], at.tabs[2].dataframe[0]
    assert sorted(people.value["name"])[:3] == ["Ada Learner (ada)", "Ada Learner (ada2)", "Bob Learner"]
    assert "Ada Learner (ada2)" in list(risk.value["name"])
    for table in (people, risk):  # Streamlit writes "None" for a missing value unless told another text
        assert table.proto.HasField("placeholder") and table.proto.placeholder == "", "a missing value is a blank"
    row = people.value[people.value["name"] == "Ada Learner (ada2)"].iloc[0]
    assert row.isna()[["last_day", "success_rate"]].all(), "no tries: nothing to show under them"
