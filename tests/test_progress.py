"""A learner's progress (engine/progress.py): streaks from active days, the calendar, weekly
figures, mastery per skill with its uncertainty, and the skill to work on next."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from factories import PASSWORD, new_learner
from practice_history import Try, daily, record

from engine.learner import SkillEstimate
from engine.progress import (
    CALENDAR_WEEKS,
    MASTERY_LEVEL,
    MASTERY_SD,
    calendar_start,
    is_mastered,
    runs,
    skill_level,
    streaks,
)
from engine.workbench import Workbench

TODAY = date(2026, 3, 20)  # a Friday
START = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)  # a Monday, 46 days before TODAY
NOW = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)


def days_before(*offsets: int) -> list[date]:
    return sorted(TODAY - timedelta(days=o) for o in offsets)


@pytest.mark.parametrize(("days", "current", "longest", "today"), [
    ([], 0, 0, False),
    (days_before(0), 1, 1, True),
    (days_before(1), 1, 1, False),  # yesterday's streak is still alive today
    (days_before(2), 0, 1, False),
    (days_before(0, 1, 2, 3), 4, 4, True),
    (days_before(1, 2, 3, 10, 11, 12, 13, 14), 3, 5, False),
    (days_before(2, 3, 4, 5), 0, 4, False),
    (days_before(0, 2, 4, 6), 1, 1, True),
], ids=["no days", "today only", "yesterday only", "two days ago", "four to today", "longest earlier",
        "broken two days ago", "every other day"])
def test_streaks(days: list[date], current: int, longest: int, today: bool) -> None:
    s = streaks(days, TODAY)
    assert (s.current, s.longest, s.practised_today) == (current, longest, today)


def test_runs_are_the_stretches_of_consecutive_days() -> None:
    days = [date(2026, 1, d) for d in (1, 2, 3, 7, 9, 10)] + [date(2026, 2, 1)]
    assert runs(days) == [(date(2026, 1, 1), 3), (date(2026, 1, 7), 1), (date(2026, 1, 9), 2), (date(2026, 2, 1), 1)]


@pytest.mark.parametrize(("ability", "sd", "evidence", "mastered"), [
    ((MASTERY_LEVEL - 3.5) * 0.6 + 0.01, MASTERY_SD, 20, True),
    ((MASTERY_LEVEL - 3.5) * 0.6 - 0.05, 0.3, 20, False),  # not strong enough
    (3.0, MASTERY_SD + 0.05, 20, False),  # strong but the model is not sure yet
    (3.0, 0.3, 0, False),  # a prior, however confident, is not mastery
], ids=["at the line", "below the level", "unsure", "no evidence"])
def test_mastery_needs_a_high_and_certain_estimate(ability: float, sd: float, evidence: int, mastered: bool) -> None:
    assert is_mastered(SkillEstimate("loops", ability, sd, evidence)) is mastered


def test_skill_levels_match_the_visible_level_scale() -> None:
    from engine.level import comfortable_level

    for ability in (-1.2, 0.0, 0.9, 2.4):
        assert round(skill_level(ability)) == comfortable_level(ability)


@pytest.fixture
def clocked(make_wb: Callable[..., Workbench]) -> Workbench:
    return make_wb(clock=lambda: NOW)


def test_a_learner_without_tries_has_an_empty_progress(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    progress = clocked.progress(ada)
    assert progress.empty
    assert (progress.streaks.current, progress.streaks.longest) == (0, 0)
    assert progress.weekly.is_empty() and progress.exercises.is_empty() and progress.active_days.is_empty()
    assert progress.calendar["attempts"].sum() == 0
    assert progress.mastery["status"].to_list().count("not started") == len(progress.mastery) - 1
    assert progress.next_skill is not None and progress.next_skill.skill == "strings"
    assert progress.next_skill.reason == "new for you, and a good place to start"


def test_the_calendar_is_a_year_of_weeks_ending_today(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, START, daily([0, 1, 2, 30, 45, 46], per_day=2))
    calendar = clocked.progress(ada).calendar
    days = calendar["day"].to_list()
    assert days[0] == calendar_start(TODAY) and days[0].weekday() == 0
    assert days[-1] == TODAY
    assert len(days) == (CALENDAR_WEEKS - 1) * 7 + TODAY.weekday() + 1
    assert days == [days[0] + timedelta(days=i) for i in range(len(days))]
    active = calendar.filter(calendar["attempts"] > 0)["day"].to_list()
    assert active == [START.date() + timedelta(days=d) for d in (0, 1, 2, 30, 45, 46)]
    assert set(calendar.filter(calendar["attempts"] > 0)["attempts"].to_list()) == {2}


def test_figures_follow_the_recorded_history(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    bob = clocked.register("bob", "bob@example.org", "Bob", PASSWORD).id
    record(clocked, ada, START, [Try(0, passed=False, hints=2, duration_s=600), Try(0, minute=20, duration_s=300),
                                 Try(7, "python/name-initials", hints=1, duration_s=120),
                                 *(Try(d, "python/caesar-cipher", duration_s=60) for d in range(44, 47))])
    record(clocked, bob, START, daily(range(0, 40), per_day=3))  # someone else's practice
    progress = clocked.progress(ada)
    s = progress.summary
    assert (s.attempts, s.passes, s.exercises_solved, s.hints, s.active_days) == (6, 5, 3, 3, 5)
    assert s.minutes == pytest.approx((600 + 300 + 120 + 180) / 60)
    assert (progress.streaks.current, progress.streaks.longest, progress.streaks.practised_today) == (3, 3, True)
    weekly = progress.weekly
    assert weekly["week"].to_list() == [date(2026, 2, 2), date(2026, 2, 9), date(2026, 3, 16)]
    assert weekly["success_rate"].to_list() == [0.5, 1.0, 1.0]
    assert weekly["mean_difficulty"].to_list() == [1.0, 1.0, 3.0]
    assert weekly["minutes"].to_list() == pytest.approx([15.0, 2.0, 3.0])
    digits = progress.exercises.filter(progress.exercises["exercise_id"] == "python/digit-sum").row(0, named=True)
    assert (digits["title"], digits["attempts"], digits["hints"], digits["hints_per_attempt"]) == ("Digit sum", 2, 2, 1.0)


def test_mastery_has_every_skill_with_its_uncertainty(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, START, daily(range(10), per_day=3))
    progress = clocked.progress(ada)
    mastery = progress.mastery
    estimates = clocked.skill_estimates(ada)
    assert mastery["skill"].to_list() == list(estimates)
    for row in mastery.iter_rows(named=True):
        estimate = estimates[row["skill"]]
        assert row["level"] == pytest.approx(skill_level(estimate.ability))
        assert row["high"] - row["level"] == pytest.approx(row["level"] - row["low"])
        assert row["high"] - row["low"] == pytest.approx(2 * estimate.sd / 0.6)
        assert row["status"] == ("not started" if not estimate.evidence else row["status"])
    assert mastery["status"].to_list().count("next") == (1 if progress.next_skill else 0)
    tried = mastery.filter(mastery["attempts"] > 0)["skill"].to_list()
    assert set(tried) <= {"loops", "generators", "strings", "functions"}  # primary skills of the exercises


def test_the_next_skill_is_the_weakest_practised_one(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, START, [Try(d, "python/digit-sum", duration_s=120) for d in range(6)]
           + [Try(d, "python/name-initials", passed=False, hints=2, minute=5) for d in range(6)])
    progress = clocked.progress(ada)
    assert progress.next_skill is not None
    assert (progress.next_skill.skill, progress.next_skill.name) == ("strings", "Strings")
    assert progress.next_skill.reason.startswith("your weakest skill so far, at about level ")
    assert progress.next_skill.reason.endswith("; 0 of 6 tries passed")


def test_with_one_skill_practised_there_is_no_weakest(clocked: Workbench) -> None:
    """A first try or two in one skill: it is the skill to work on next, but not the "weakest" of one."""
    ada = new_learner(clocked)
    record(clocked, ada, START, [Try(0, "python/digit-sum"), Try(0, "python/digit-sum", passed=False, minute=5)])
    progress = clocked.progress(ada)
    assert progress.next_skill is not None and progress.next_skill.name == "Loops"
    assert progress.next_skill.reason.startswith("the only skill you have practised so far, at about level ")
    assert progress.next_skill.reason.endswith("; 1 of 2 tries passed")


def test_a_mastered_skill_is_marked_and_not_chosen_next(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    loops = sorted((e for e in clocked.exercises() if e.skills[0] == "loops"), key=lambda e: e.difficulty)
    record(clocked, ada, START, [Try(i // 2, loops[i % len(loops)].id, duration_s=120, minute=i % 2)
                                 for i in range(40)])
    progress = clocked.progress(ada)
    row = progress.mastery.filter(progress.mastery["skill"] == "loops").row(0, named=True)
    assert (row["mastered"], row["status"]) == (True, "mastered")
    assert progress.next_skill is not None and progress.next_skill.skill != "loops"
