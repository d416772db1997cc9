"""AppTest of the Progress page: streaks, the charts with their summaries, the next skill,
achievements, downloads, the empty state, and the celebration when an achievement unlocks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from factories import REPO
from practice_history import Try, daily, record
from streamlit.proto.Block_pb2 import Block
from streamlit.testing.v1 import AppTest

from engine import calendar_chart, charts

APP = str(REPO / "app.py")
CHART_TITLES = ["Practice calendar", "Skills", "Success rate and difficulty, by week", "Time on task, by week",
                "Hints per exercise"]


def progress_page(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page("pages/progress.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Progress"]
    return at


def vega_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


@pytest.fixture
def practised(wb, learner):
    """Two months of practice ending today: a 12-day streak now, a 20-day one before a break."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    start = today - timedelta(days=59, hours=-8)
    record(wb, learner.id, start, daily([*range(0, 20), *range(30, 40), *range(48, 60)], per_day=2, seed=3)
           + [Try(59, minute=30 + k) for k in range(5)])
    return learner


def test_a_learner_without_practice_is_shown_the_way(wb, learner) -> None:
    at = progress_page(learner)
    assert [i.value for i in at.info] == [
        "Nothing to show yet: your streaks, skills and charts appear here after your first submission. "
        "Solve an exercise on the Practice page, then come back."]
    assert [link.label for link in at.page_link] == ["Start practising"]
    assert vega_specs(at) == [] and len(at.metric) == 0
    # what is kept from the start (the interview's answers, conversations, memories) can be taken away already
    assert [b.label for b in at.download_button] == ["CSV files (zip)", "JSON"]


def test_the_page_shows_streaks_charts_and_their_summaries(wb, practised) -> None:
    at = progress_page(practised)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Current streak": "12 days", "Longest streak": "20 days",
                       "Exercises solved": str(wb.progress(practised.id).summary.exercises_solved),
                       "Tries passed": metrics["Tries passed"]}
    progress = wb.progress(practised.id)
    assert metrics["Tries passed"] == f"{round(100 * progress.summary.passes / progress.summary.attempts)}%"
    specs = vega_specs(at)
    assert [s["title"] if isinstance(s["title"], str) else s["title"]["text"] for s in specs] == CHART_TITLES
    markdown = [m.value for m in at.markdown]
    for summary in (calendar_chart.calendar_summary(progress.calendar), charts.mastery_summary(progress.mastery),
                    charts.success_summary(progress.weekly), charts.time_summary(progress.weekly, progress.today),
                    charts.hints_summary(progress.exercises)):
        assert summary in markdown
    assert "Your longest streak in that time is 20 days" in calendar_chart.calendar_summary(progress.calendar)
    assert progress.next_skill is not None
    assert at.info[0].value == f"**Work on next: {progress.next_skill.name}**, {progress.next_skill.reason}."


def test_a_first_days_summaries_say_so_far(wb, learner) -> None:
    """Today and this week are not over: beside the paler bar and the outlined square, the words say so too."""
    record(wb, learner.id, datetime.now(UTC) - timedelta(minutes=1), [Try(0, duration_s=600.0)])
    markdown = [m.value for m in progress_page(learner).markdown]
    assert "You practised today, 1 try so far." in markdown
    [time] = [m for m in markdown if m.startswith("You spent 10 minutes")]
    assert time.endswith("(this week, so far).")


def test_achievements_show_unlocked_and_locked_with_progress(wb, practised) -> None:
    at = progress_page(practised)
    assert at.header[0].value == "Achievements"
    statuses = wb.achievements(practised.id)
    unlocked = [s for s in statuses if s.unlocked]
    assert {s.id for s in unlocked} >= {"first-pass", "streak-7", "solved-10", "solved-50", "hint-free", "comeback"}
    assert f"{len(unlocked)} of {len(statuses)} unlocked." in [c.value for c in at.caption]
    markdown = [m.value for m in at.markdown]
    for s in statuses:
        a = s.achievement
        assert (f":material/{a.icon}: **{a.title}**" if s.unlocked else f":gray[:material/lock: {a.title}]") in markdown
    bars = {bar.proto.text: bar.value for bar in at.get("progress")}
    assert bars == {s.detail: int(100 * s.progress) for s in statuses if not s.unlocked}
    assert bars["20 of 30 days in a row at best"] == 66


def test_downloads_are_offered_for_the_learners_own_data(wb, practised) -> None:
    at = progress_page(practised)
    assert [b.label for b in at.download_button] == ["CSV files (zip)", "JSON", "Progress report (PDF)"]
    [says] = [c.value for c in at.caption if c.value.startswith("Download everything the workbench keeps about you")]
    for part in ("interview answers", "drafts", "level history", "tutor conversations", "what the tutor remembers",
                 "never your password", "Only your own data"):
        assert part in says, part


def test_the_download_buttons_sit_in_a_row_as_wide_as_their_labels(wb, practised) -> None:
    """Three equal columns cut the last label to "Progress report (P…" at 1000 px with the sidebar open; in a
    row that wraps when the page is narrow, each button is as wide as its label."""
    at = progress_page(practised)
    page = list(at.main.children.values())
    [row] = [e for e in page if e.type == "flex_container" and e.get("download_button")]
    flex = row.proto.flex_container
    assert (flex.direction, flex.wrap) == (Block.FlexContainer.Direction.HORIZONTAL, True)
    assert not row.get("column"), "no equal columns"
    assert [b.label for b in row.get("download_button")] == ["CSV files (zip)", "JSON", "Progress report (PDF)"]


def test_an_unlocked_achievement_is_celebrated_once(wb, learner) -> None:
    at = progress_page(learner)
    assert len(at.get("balloons")) == 0
    wb.record_result(learner.id, "python/digit-sum", True, at=datetime.now(UTC))
    at.run()
    assert [t.value for t in at.toast] == ["Achievement unlocked: **First pass**. Pass your first exercise."]
    assert len(at.get("balloons")) == 1
    at.run()
    assert len(at.toast) == 0 and len(at.get("balloons")) == 0
    # the page refreshed after the submission: the new figures are shown
    assert {m.label: m.value for m in at.metric}["Exercises solved"] == "1"


def test_many_achievements_at_once_share_one_toast(wb, learner) -> None:
    """A first visit after a month of practice recorded elsewhere: one toast names them all."""
    at = progress_page(learner)
    start = datetime.now(UTC) - timedelta(days=9)
    for day in range(9):  # nine days in a row, a pass a day: first pass and a 7-day streak at least
        wb.record_result(learner.id, "python/digit-sum", True, at=start + timedelta(days=day))
    at.run()
    new = [s for s in wb.achievements(learner.id) if s.unlocked]
    assert len(new) > 2
    [toast] = [t.value for t in at.toast]
    assert toast.startswith(f"{len(new)} achievements unlocked: ") and "**First pass**" in toast
    assert toast.endswith("See them all on Progress.") and len(at.get("balloons")) == 1


def test_the_calendar_takes_the_whole_width_with_its_summary_under_it(wb, practised) -> None:
    """A year of weeks is too wide for a column beside its summary: it would spill over the words. It gets
    the page's width, showing the latest weeks that fit, and its summary comes under it."""
    at = progress_page(practised)
    page = list(at.main.children.values())
    [calendar] = [i for i, e in enumerate(page) if e.type == "vega_lite_chart"]  # the others sit in columns
    spec = json.loads(page[calendar].proto.spec)
    assert spec["title"] == "Practice calendar"
    assert spec["transform"] == [{"filter": f"datum.ago < clamp(floor(width / {calendar_chart.DAY_SQUARE}), 1, 53)"}]
    assert page[calendar + 1].value == calendar_chart.calendar_summary(wb.progress(practised.id).calendar)


def test_achievements_read_row_by_row_earned_first(wb, practised) -> None:
    """Rows of cards, read across: the unlocked ones, then on rows of their own the locked ones, each in the
    catalogue's order (a ladder such as 7, 30 and 100 days stays together)."""
    at = progress_page(practised)
    statuses = wb.achievements(practised.id)
    page = list(at.main.children.values())
    start = next(i for i, e in enumerate(page) if e.type == "header" and e.value == "Achievements")
    end = next(i for i, e in enumerate(page) if e.type == "header" and e.value == "Your data")
    rows = [[m.value for m in block.get("markdown")] for block in page[start:end] if block.type == "flex_container"]
    assert all(1 <= len(row) <= 4 for row in rows)
    unlocked = [f":material/{s.achievement.icon}: **{s.achievement.title}**" for s in statuses if s.unlocked]
    locked = [f":gray[:material/lock: {s.achievement.title}]" for s in statuses if not s.unlocked]
    assert unlocked and locked
    assert [card for row in rows for card in row] == unlocked + locked
    assert all(set(row) <= set(unlocked) or set(row) <= set(locked) for row in rows), "no row mixes them"
